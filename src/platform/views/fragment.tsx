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
import { randomBytes } from 'node:crypto';
import type { AppEnv } from '../http/env.js';
import type { SectionContext } from '../module.js';
import { csrfToken } from '../http/csrf.js';
import { keptEach } from '../cache/page-cache.js';

/** `child` rendered to HTML as a signed-out visitor's page would contain it. */
export async function renderPublic(c: Context<AppEnv>, child: Child): Promise<string> {
  const anonymous = Object.create(c) as Context<AppEnv>;
  const get = c.get.bind(c) as (key: string) => unknown;
  (anonymous as unknown as { get: (key: string) => unknown }).get = (key: string) => (key === 'user' ? null : key === 'csrf' ? '' : get(key));
  return flat(String(await (<RequestContext.Provider value={anonymous}>{child}</RequestContext.Provider>).toString()));
}

/**
 * The same text made flat: hono/jsx writes HTML by joining many small strings, and V8 keeps such a string as a tree of
 * its pieces until something reads it by index, which turns it into one piece in place. Kept HTML is read on every
 * request (joined into a list, encoded into a page), and a tree is walked again each time: twenty kept rows joined
 * measured 25 µs as trees, 2 µs flat.
 */
export function flat(s: string): string {
  s.charCodeAt(0);
  return s;
}

/**
 * Several parts rendered as `renderPublic` renders each, in one render cut at a mark after each part: one render costs
 * about as much as what it writes, so twenty separate renders cost twice as much as one of all twenty.
 */
export async function renderEach(c: Context<AppEnv>, children: Child[]): Promise<string[]> {
  if (!children.length) return [];
  const parts = (await renderPublic(c, children.map((x) => [x, raw(ROW_END)]))).split(ROW_END);
  parts.pop(); // what follows the last mark: nothing
  return parts;
}

/**
 * A list's rows as HTML, each kept as `keptEach` keeps entries (platform/cache/page-cache.ts), rendered as a signed-out
 * visitor's: the rows not kept are read in one call (`load` gets every missing id at once) and rendered in one render,
 * cut at a mark after each row (one render costs about as much as the rows it writes, so twenty separate renders cost
 * twice as much); a row `load` does not return is empty.
 */
export function keptRows<T>(c: Context<AppEnv>, ids: string[], key: (id: string) => string, load: (ids: string[]) => Promise<Map<string, T>>, render: (row: T) => Child): Promise<HtmlEscapedString[]> {
  return keptEach(c.get('deps').cache, ids, key, async (need) => {
    const rows = await load(need);
    const have = need.filter((id) => rows.has(id));
    const parts = await renderEach(c, have.map((id) => render(rows.get(id)!)));
    return new Map(have.map((id, i) => [id, parts[i]!]));
  }).then((rows) => rows.map(html));
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
 * Large kept HTML (tens of KB) is best kept as UTF-8 bytes: `keptBytes(c, bytes)` puts it into this request's page as a
 * placeholder, and the layout copies the bytes in place of it (`pageBytes`) instead of encoding the same text again on
 * every request. The placeholder is a comment with this process's random nonce: escaped text cannot contain `<!--`,
 * and nobody can guess the nonce. The bytes wait in a WeakMap keyed by the request's context: they go with it.
 */
const NONCE = randomBytes(9).toString('base64url');
/** Where a row ends in `keptRows`' one render of several rows (a comment with the nonce: no row's escaped text has it). */
const ROW_END = `<!--row:${NONCE}-->`;
const PLACEHOLDER = new RegExp(`<!--kept:${NONCE}:(\\d+)-->`);
/** What a page puts in place of its placeholders: kept bytes, or HTML written for this request (text, or text and bytes). */
type Pending = Uint8Array | string | readonly (string | Uint8Array)[];
const pending = new WeakMap<Context, Pending[]>();

function put(c: Context<AppEnv>, x: Pending): HtmlEscapedString {
  let list = pending.get(c);
  if (!list) pending.set(c, (list = []));
  list.push(x);
  return raw(`<!--kept:${NONCE}:${list.length - 1}-->`);
}

/** HTML kept as UTF-8 bytes (e.g. `Buffer.from(await renderPublic(…))` inside a page-cache fragment), put into the page. */
export function keptBytes(c: Context<AppEnv>, bytes: Uint8Array): HtmlEscapedString {
  return put(c, bytes);
}

/**
 * A large piece of HTML written for this request alone (a chart, a long table), put into its page apart from the
 * page's text, and encoded with it (`pageBytes`). A page's text is made one flat string before it is encoded, and a
 * flat string of more than 128 KB — 64K characters once one of them is beyond Latin-1, as a dash or a typographic
 * apostrophe is — is placed by V8 in fresh memory of its own: ~200 µs for an 80 KB page on this project's machines,
 * against ~25 µs below that size. Apart, each piece stays small. The piece may come in parts, text and bytes (a map's
 * shapes encoded once: charts/map.ts `renderLacChoroplethParts`). Only for a page this request renders (not inside a
 * kept fragment).
 */
export function writtenBytes(c: Context<AppEnv>, html: string | readonly (string | Uint8Array)[]): HtmlEscapedString {
  return put(c, html);
}

/** The page's text as UTF-8, with what `keptBytes` and `writtenBytes` put into it in place of their placeholders. */
export function pageBytes(c: Context<AppEnv>, text: string): Buffer<ArrayBuffer> {
  const list = pending.get(c);
  if (!list) return utf8([text]);
  pending.delete(c);
  // split with a capturing group: text, index, text, index, …, text.
  const split = text.split(PLACEHOLDER);
  const parts: (string | Uint8Array)[] = [];
  for (let i = 0; i < split.length; i++) {
    if (i % 2 === 0) {
      parts.push(split[i]!);
      continue;
    }
    const x = list[Number(split[i])]!;
    if (typeof x === 'string' || x instanceof Uint8Array) parts.push(x);
    else for (const p of x) parts.push(p);
  }
  return utf8(parts);
}

/**
 * Texts (encoded as UTF-8) and bytes, one after another, in one new Buffer. The texts are written into one scratch
 * buffer kept by the process, then every part is copied once into the page: Buffer.from(text) allocates and sizes
 * each text on its own, about 1.5× the time for a page (measured on node 20: 57 KB, 185 → 120 µs), and kept bytes
 * are copied once, not twice. Pages whose text is larger than the scratch buffer may grow to are encoded the plain way.
 */
function utf8(parts: (string | Uint8Array)[]): Buffer<ArrayBuffer> {
  let most = 0;
  for (const p of parts) if (typeof p === 'string') most += p.length * 3;
  if (most > scratch.length) {
    if (most > SCRATCH_MAX) return Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : p)));
    scratch = Buffer.allocUnsafeSlow(Math.max(most, scratch.length * 2));
  }
  // The texts one after another in the scratch buffer (where each ends), then every part copied once into the page.
  const ends: number[] = [];
  let n = 0;
  let size = 0;
  for (const p of parts) {
    if (typeof p === 'string') {
      const k = scratch.write(p, n, 'utf8');
      n += k;
      size += k;
    } else size += p.byteLength;
    ends.push(n);
  }
  const out = Buffer.allocUnsafe(size);
  let at = 0;
  let from = 0;
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    if (typeof p === 'string') {
      at += scratch.copy(out, at, from, ends[i]);
      from = ends[i]!;
    } else {
      out.set(p, at);
      at += p.byteLength;
    }
  }
  return out as Buffer<ArrayBuffer>;
}

/** A form's CSRF field as `renderPublic` renders it (no token; escaped text never contains `<`): where a kept form's token goes. */
const NO_CSRF = '<input type="hidden" name="_csrf" value=""/>';

/**
 * A template's slot as the kept rendering holds it: control characters around this process's nonce. Escaping leaves
 * it as it is (it has none of `&<>"'`), so a slot may stand for text, an attribute's value or HTML; no reader's text
 * can hold the nonce.
 */
const slotMark = (i: number) => `\u0001${NONCE}.${i}\u0002`;
const SLOT = new RegExp(`\u0001${NONCE}\\.(\\d+)\u0002|${NO_CSRF.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);
/** What the template keeps: its fixed parts as UTF-8 bytes, and which slot (or -1: the CSRF field) follows each of them. */
interface KeptTemplate {
  parts: Buffer[];
  slots: number[];
}

/**
 * A part of a page the same for every reader of its key but for a few places ("slots": a count, the results, a
 * field's value, the filters in force): `make` renders it once, as a signed-out visitor would get it, with each slot's
 * stand-in where the request's own content goes, and it is kept (a page-cache fragment) as UTF-8 bytes cut at the
 * slots. Each request then fills the slots — `fill({ name: html })`, values already escaped (`escapeHtml` for text and
 * attributes' values) — and its page copies the fixed bytes instead of rendering them again (decisions/0007,
 * "Templates"). A form that posts gets this request's CSRF secret in its field (issued, with its cookie, only then).
 * The key must name everything the fixed parts depend on (subject, language, time zone, what the reader may do); they
 * must read no reader's data. Every slot must appear in what `make` renders, but those the key's variant leaves out
 * (`absent`: the results when nothing was found…).
 */
export async function keptTemplate<S extends string>(
  c: Context<AppEnv>,
  key: string,
  names: readonly S[],
  make: (slot: Record<S, HtmlEscapedString>) => Child | Promise<Child>,
  opts: { absent?: Partial<Record<S, boolean>> } = {},
): Promise<(fill: Record<S, string>) => HtmlEscapedString> {
  const kept = await c.get('deps').cache.fragment(`template:${key}`, async (): Promise<KeptTemplate> => {
    const stand = {} as Record<S, HtmlEscapedString>;
    names.forEach((n, i) => (stand[n] = raw(slotMark(i))));
    // split with a capturing group: text, slot (undefined for a CSRF field), text, …, text.
    const pieces = (await renderPublic(c, await make(stand))).split(SLOT);
    const slots: number[] = [];
    for (let i = 1; i < pieces.length; i += 2) slots.push(pieces[i] === undefined ? -1 : Number(pieces[i]));
    const missing = names.filter((n, i) => !slots.includes(i) && !opts.absent?.[n]);
    if (missing.length) throw new Error(`template ${key}: no place for ${missing.join(', ')}`);
    return { parts: pieces.filter((_, i) => i % 2 === 0).map((x) => Buffer.from(x)), slots };
  });
  return (fill) => {
    let out = String(keptBytes(c, kept.parts[0]!));
    let field: string | undefined;
    for (let i = 0; i < kept.slots.length; i++) {
      const at = kept.slots[i]!;
      out += at < 0 ? (field ??= `<input type="hidden" name="_csrf" value="${escapeHtml(csrfToken(c))}"/>`) : fill[names[at]!];
      out += keptBytes(c, kept.parts[i + 1]!);
    }
    return raw(out);
  };
}

/**
 * A part of a page with forms that post, the same for every reader of the key but for each form's CSRF secret (a
 * template without slots of its own: `keptTemplate`).
 */
export async function keptWithForms(c: Context<AppEnv>, key: string, make: () => Promise<Child>): Promise<HtmlEscapedString> {
  return (await keptTemplate(c, `forms:${key}`, [], make))({});
}

/** Three bytes at most per UTF-16 unit: a page of up to SCRATCH_MAX / 3 characters is encoded in the scratch buffer. */
const SCRATCH_MAX = 8 * 1024 * 1024;
let scratch = Buffer.allocUnsafeSlow(256 * 1024);

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
    keep: (key, make) => cache.fragment(`data:${key}`, make),
  };
}

/** Data the same for every reader (see SectionContext.keep): kept when the page allows it, else read. */
export function keptData<T>(ctx: SectionContext, key: string, make: () => Promise<T>): Promise<T> {
  return ctx.keep ? ctx.keep(key, make) : make();
}

/** A section the same for every reader of its key (see SectionContext.shared): kept when the page allows it. */
export function sharedSection(ctx: SectionContext, key: string, make: () => Promise<Child | null>): Promise<Child | null> {
  return ctx.shared ? ctx.shared(key, make) : make();
}
