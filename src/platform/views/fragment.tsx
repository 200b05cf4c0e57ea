/**
 * @module Fragments
 * Rendering a piece of a page once and reusing it as a string (platform/cache/page-cache.ts `fragment`): the piece is
 * rendered as a signed-out visitor would get it — inside this request's language and translator, but with no user
 * and no CSRF token in the view context — so what is kept never carries a reader's data, whoever asked first.
 */
import type { Child } from 'hono/jsx';
import type { Context } from 'hono';
import { RequestContext } from 'hono/jsx-renderer';
import { raw } from 'hono/html';
import { escapeToBuffer, type HtmlEscapedString } from 'hono/utils/html';
import type { AppEnv } from '../http/env.js';
import type { SectionContext } from '../module.js';

/** `child` rendered to HTML as a signed-out visitor's page would contain it. */
export async function renderPublic(c: Context<AppEnv>, child: Child): Promise<string> {
  const anonymous = Object.create(c) as Context<AppEnv>;
  const get = c.get.bind(c) as (key: string) => unknown;
  (anonymous as unknown as { get: (key: string) => unknown }).get = (key: string) => (key === 'user' ? null : key === 'csrf' ? '' : get(key));
  return String(await (<RequestContext.Provider value={anonymous}>{child}</RequestContext.Provider>).toString());
}

/** Text or an attribute's value escaped exactly as hono/jsx escapes it, for HTML written as strings. */
export function escapeHtml(text: string): string {
  const buf: [string] = [''];
  escapeToBuffer(text, buf);
  return buf[0];
}

/** Stored HTML put back into a page as is (it was escaped when rendered). */
export const html = (s: string): HtmlEscapedString => raw(s);

/**
 * What a page gives the modules' sections (SectionProvider): the database, the language, the reader — and `shared`,
 * the page cache's fragments for sections that do not depend on who reads them.
 */
export function sectionContext(c: Context<AppEnv>): SectionContext {
  const { db, dialect, cache } = c.get('deps');
  const locale = c.get('locale');
  return {
    db,
    dialect,
    locale,
    t: c.get('t'),
    user: c.get('user'),
    shared: async (key, make) => {
      const s = await cache.fragment(`section:${key}:${locale}`, async () => {
        const child = await make();
        return child === null || child === undefined ? null : await renderPublic(c, child);
      });
      return s === null ? null : html(s);
    },
  };
}

/** A section the same for every reader of its key (see SectionContext.shared): kept when the page allows it. */
export function sharedSection(ctx: SectionContext, key: string, make: () => Promise<Child | null>): Promise<Child | null> {
  return ctx.shared ? ctx.shared(key, make) : make();
}
