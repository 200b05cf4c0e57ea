/**
 * @module Atom feeds
 * The one way to answer with a feed: `atomResponse(c, { id, title, selfUrl, alternateUrl, updated, entries })`
 * builds an Atom 1.0 document (RFC 4287) with the `feed` library and answers it as
 * `application/atom+xml; charset=utf-8`, cacheable for anonymous readers like a public page (platform/cache).
 *
 * - One feed per language: a feed lives under `/:lang/…` and lists its entries in that language only.
 * - Ids are stable and absolute: `feedId(baseUrl, 'news/<id>')` gives a tag: URI (RFC 4151) that does not change
 *   when a title or an address does; ids are given by the caller, never made up from the request.
 * - Every link is absolute (`route.url(baseUrl, …)`), with rel="self" for the feed's own address and
 *   rel="alternate" for the page it mirrors.
 * - Titles and summaries are plain text (escaped here, since the library marks them type="html"); `content` is
 *   HTML that the caller has already sanitized (platform/views/markdown.ts).
 * - `updated` of the feed is the newest entry's, else the given time, so an unchanged feed keeps its ETag.
 *
 * Pages point to their feeds with `c.render(page, { title, feeds: [{ title, href }] })`: the layout prints
 * `<link rel="alternate" type="application/atom+xml">` in the head (autodiscovery).
 */
import type { Context } from 'hono';
import { Feed } from 'feed';
import type { AppEnv } from './http/env.js';
import { escapeHtml } from './views/fragment.js';

export interface AtomEntry {
  /** Stable absolute id (a tag: URI from `feedId`, or the entry's permanent URL). */
  id: string;
  /** Plain text. */
  title: string;
  /** Plain text. */
  summary?: string;
  /** Sanitized HTML. */
  content?: string;
  /** Absolute URL of the entry's page. */
  href: string;
  /** ISO time (or Date) of the last significant change. */
  updated: string | Date;
  published?: string | Date;
  author?: string;
}

export interface AtomFeed {
  id: string;
  /** Plain text. */
  title: string;
  /** Plain text, optional. */
  subtitle?: string;
  /** The feed's own absolute URL (rel="self"). */
  selfUrl: string;
  /** The absolute URL of the page the feed mirrors (rel="alternate"). */
  alternateUrl: string;
  /** Used when there are no entries (otherwise the newest entry's `updated`). */
  updated: string | Date;
  /** The feed's author (RFC 4287 wants one on the feed unless every entry has its own): the Mechanism's name. */
  author?: string;
  /** The language of every entry (xml:lang is not set by the library; carried as the feed's `language`). */
  language?: string;
  entries: AtomEntry[];
}

/** A stable tag: URI (RFC 4151) for a feed or an entry: `tag:example.org,2026:news/abc123/es`. */
export function feedId(baseUrl: string, specific: string): string {
  const host = new URL(baseUrl).hostname;
  return `tag:${host},2026:${specific.replace(/[^A-Za-z0-9/._~:-]/g, (ch) => encodeURIComponent(ch))}`;
}

/** Plain text as the HTML the library declares its titles and summaries to be. */
const text = escapeHtml;
const date = (d: string | Date) => (d instanceof Date ? d : new Date(d));
/** Characters XML 1.0 forbids (control characters) never reach the document. */
// eslint-disable-next-line no-control-regex
const clean = (s: string) => s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');

/** The Atom document as a string (exported for tests and for callers that store it). */
export function atomXml(f: AtomFeed): string {
  const newest = f.entries.reduce<Date | null>((m, e) => {
    const d = date(e.updated);
    return !m || d > m ? d : m;
  }, null);
  const feed = new Feed({
    id: f.id,
    title: clean(f.title),
    description: f.subtitle ? clean(f.subtitle) : undefined,
    link: f.alternateUrl,
    feedLinks: { atom: f.selfUrl },
    updated: newest ?? date(f.updated),
    author: f.author ? { name: clean(f.author) } : undefined,
    language: f.language,
    generator: false,
  });
  for (const e of f.entries) {
    feed.addItem({
      id: e.id,
      title: text(clean(e.title)),
      link: e.href,
      date: date(e.updated),
      published: e.published ? date(e.published) : undefined,
      description: e.summary ? text(clean(e.summary)) : undefined,
      content: e.content ? clean(e.content) : undefined,
      author: e.author ? [{ name: clean(e.author) }] : undefined,
    });
  }
  // The library leaves out xml:lang; the language is one per feed, so it goes on the root element.
  const xml = feed.atom1();
  return f.language ? xml.replace('<feed xmlns="http://www.w3.org/2005/Atom">', `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${text(f.language)}">`) : xml;
}

/**
 * Answers with the feed: Atom, UTF-8, kept by the public page cache for anonymous readers (ETag, 304). The
 * language defaults to the page's, the author to the Mechanism's name.
 */
export function atomResponse(c: Context<AppEnv>, f: AtomFeed): Response {
  c.set('cacheable', true);
  const doc = atomXml({ language: c.get('locale'), author: c.get('t')('site.name'), ...f });
  return c.body(doc, 200, { 'Content-Type': 'application/atom+xml; charset=utf-8' });
}
