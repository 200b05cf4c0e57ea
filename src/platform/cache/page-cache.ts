/**
 * @module Public page cache
 * Anonymous visitors get public pages from memory with an ETag (and 304 when they have it). A route opts
 * in with `c.set('cacheable', true)`. The server answers hits straight from node:http (`serveNode`, before
 * Hono), and the middleware — first of all middleware — answers them for `app.request()` and fills the
 * cache; either way a hit costs no logging, session or database work, and the stored response keeps its
 * security headers. Every successful write through this process (any POST, PUT, PATCH or DELETE answered
 * below 400) empties the cache, and on PostgreSQL every other instance's too (platform/cache/coherence.ts,
 * LISTEN/NOTIFY); writes made outside the app (the CLI, SQL by hand) are seen after PAGE_CACHE_TTL seconds at most. Each page is stored uncompressed and, when it is text of
 * 1 KB or more, as brotli and gzip too, each compressed the first time a browser asks for it and kept: a hit sends
 * the stored bytes the browser's Accept-Encoding asks for, and costs no compression; a page nobody asks for
 * again (a new search text) costs one compression at most.
 *
 * A page is stored the second time it is asked for within PAGE_CACHE_TTL, not the first (nginx's
 * `proxy_cache_min_uses 2`): an address asked once — a new search text, a filter combination nobody repeats — costs
 * no hashing, no copy of its headers and pushes no other page out; the first ask is only remembered (its address, in a
 * bounded set). Until stored, a page goes out without an ETag.
 *
 * Memory stays bounded whatever arrives: only normalized URLs are stored — no query string, or only the
 * parameters the route declared with `c.set('cacheParams', ['q', 'page'])`, non-empty and in that order — so a
 * flood of made-up query strings (`?zz=1`, `?zz=2`, …) stores nothing; and the cache holds at most `maxBytes`
 * (all variants counted), dropping the oldest pages first.
 */
import type { MiddlewareHandler } from 'hono';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { cookieOf } from '../http/cookies.js';
import { createHash } from 'node:crypto';
import type { AppEnv } from '../http/env.js';
import { MIN_COMPRESS_BYTES, encode, isCompressible, negotiateEncoding, renderedBytes, varyWithEncoding } from '../http/compression.js';
import { SESSION_COOKIE } from '../auth/auth.js';

/** One way of sending a cached page: its bytes and every header (Content-Encoding, Content-Length included). */
interface Variant {
  bytes: Buffer;
  headers: Record<string, string>;
}

interface Entry {
  key: string;
  /** Uncompressed; brotli and gzip too when the page is text of 1 KB or more (each made once, when first asked for). */
  identity: Variant;
  br?: Variant;
  gzip?: Variant;
  /** Whether the page is worth compressing (text of 1 KB or more). */
  compress: boolean;
  /** Builds a variant with the page's headers. */
  variant: (bytes: Buffer, encoding?: string) => Variant;
  etag: string;
  at: number;
}

export interface PageCache {
  middleware: MiddlewareHandler<AppEnv>;
  /** Bytes held (every variant of every page). */
  readonly bytes: number;
  /** Forget everything (called after writes) and tell the listeners (other instances, through `onClear`). */
  clear(): void;
  /** Forget everything without telling anyone (a clear that came from another instance). */
  forget(): void;
  /** Called after every `clear()`. */
  onClear(fn: () => void): void;
  /**
   * Public fragments: what `make` returns — the same for every reader, e.g. the home page's module sections rendered
   * for a language — kept under `key` exactly as long as a cached public page would be: emptied with the pages by
   * every write (here and, on PostgreSQL, on every other instance) and after PAGE_CACHE_TTL seconds; with a TTL of
   * 0 (tests) `make` runs every time. Concurrent callers share one `make`; a value made while a clear happened is
   * handed to its callers but not kept. At most MAX_FRAGMENTS keys (the least recently used first out). A reader's own data only under a key
   * that names the reader (e.g. their id).
   */
  fragment<T>(key: string, make: () => Promise<T>): Promise<T>;
  /**
   * A fragment's value if it is kept and made (as `fragment` would give it, without a promise: a list's twenty kept
   * entries are read in one pass, `keptEach`); undefined otherwise.
   */
  kept<T>(key: string): T | undefined;
  /** Answers an anonymous GET/HEAD from the cache directly on node:http; false when it cannot. */
  serveNode(req: IncomingMessage, res: ServerResponse): boolean;
  readonly size: number;
}

/**
 * A list's entries, each kept as a fragment (`key(id)`: the module's name and all an entry depends on, e.g. the
 * language): the entries not kept are made in one call — `make` gets every missing id at once (each is noted by its
 * fragment's make, synchronously, before the call runs a microtask later); an entry `make` does not return is `empty`
 * (for strings, '').
 */
export function keptEach<T = string>(cache: PageCache, ids: string[], key: (id: string) => string, make: (need: string[]) => Promise<Map<string, T>>, empty: T = '' as T): Promise<T[]> {
  // The kept entries in one pass (no promise each); the others through `fragment`, made together.
  const out = new Array<T>(ids.length);
  let missing: number[] | undefined;
  for (let i = 0; i < ids.length; i++) {
    const v = cache.kept<T>(key(ids[i]!));
    if (v === undefined) (missing ??= []).push(i);
    else out[i] = v;
  }
  if (!missing) return Promise.resolve(out);
  const need: string[] = [];
  let made: Promise<Map<string, T>> | undefined;
  const once = () => (made ??= Promise.resolve().then(() => make(need)));
  const rest = missing;
  return Promise.all(
    rest.map((i) =>
      cache.fragment(key(ids[i]!), async () => {
        need.push(ids[i]!);
        return (await once()).get(ids[i]!) ?? empty;
      }),
    ),
  ).then((values) => {
    for (let j = 0; j < rest.length; j++) out[rest[j]!] = values[j]!;
    return out;
  });
}

/** About how many bytes a fragment's value holds (strings' lengths, byte arrays' sizes; other values a few bytes each). */
export function weigh(v: unknown, depth = 0): number {
  if (typeof v === 'string') return v.length;
  // Before the object walk: it would visit a byte array's every index.
  if (ArrayBuffer.isView(v)) return v.byteLength;
  if (v === null || typeof v !== 'object' || depth > 6) return 8;
  let n = 16;
  if (Array.isArray(v)) for (const x of v) n += weigh(x, depth + 1);
  else if (v instanceof Map) for (const [k, x] of v) n += weigh(k, depth + 1) + weigh(x, depth + 1);
  else for (const k in v) n += k.length + weigh((v as Record<string, unknown>)[k], depth + 1);
  return n;
}

const SKIP_COOKIES = [SESSION_COOKIE, `__Secure-${SESSION_COOKIE}`, 'dialogo.flash'];

/** Default ceiling: 64 MB of stored pages (about 2,000 pages of 30 KB with their compressed copies). */
export const DEFAULT_CACHE_BYTES = 64 * 1024 * 1024;

/**
 * How many fragments are kept at most (besides their quarter of the bytes): one per result card of a document, a
 * practice or a pledge in each language is common, and at 5,000 the cards of a 10,000-practice catalog were pushed
 * out as fast as they were made (the practices search with a new text: 1.58 → 1.12 ms a request at 50,000).
 */
export const MAX_FRAGMENTS = 50_000;

/** How many addresses asked once are remembered, and how many characters they may hold in all. */
const ASKED_MAX = 10_000;
const ASKED_MAX_CHARS = 2 * 1024 * 1024;

/**
 * `minUses`: how many times an address must be asked for within the TTL before its page is stored (2; 1 stores at the
 * first ask).
 */
export function createPageCache(opts: { ttlSeconds: number; maxEntries?: number; maxBytes?: number; minUses?: 1 | 2 }): PageCache {
  const entries = new Map<string, Entry>();
  const max = opts.maxEntries ?? 5000;
  const maxBytes = opts.maxBytes ?? DEFAULT_CACHE_BYTES;
  const ttl = opts.ttlSeconds * 1000;
  const minUses = opts.minUses ?? 2;
  // Addresses asked once (not stored yet), with when: the oldest forgotten first.
  const asked = new Map<string, number>();
  let askedChars = 0;
  /** Whether this address was asked before within the TTL; if not, it is remembered (this ask is the first). */
  const askedBefore = (key: string, now: number): boolean => {
    const at = asked.get(key);
    if (at !== undefined) {
      asked.delete(key);
      askedChars -= key.length;
      if (now - at < ttl) return true;
    }
    if (key.length > ASKED_MAX_CHARS / 100) return false;
    asked.set(key, now);
    askedChars += key.length;
    while (asked.size > ASKED_MAX || askedChars > ASKED_MAX_CHARS) {
      const oldest = asked.keys().next().value!;
      asked.delete(oldest);
      askedChars -= oldest.length;
    }
    return false;
  };
  let held = 0;
  const sizeOf = (e: Entry) => e.identity.bytes.length + (e.br?.bytes.length ?? 0) + (e.gzip?.bytes.length ?? 0);
  const remove = (key: string) => {
    const e = entries.get(key);
    if (!e) return;
    held -= sizeOf(e);
    entries.delete(key);
  };
  /** A fragment: its value's promise, when it was made, its weight, and `made`: the value once made and kept (what `kept` gives). */
  type Fragment = { value: Promise<unknown>; at: number; bytes: number; made: { v: unknown } | undefined };
  const fragments = new Map<string, Fragment>();
  // Fragments are bounded by bytes as well as keys: a quarter of the pages' ceiling.
  const maxFragmentBytes = maxBytes / 4;
  let fragmentBytes = 0;
  let generation = 0;
  const dropFragment = (key: string) => {
    const f = fragments.get(key);
    if (!f) return;
    fragmentBytes -= f.bytes;
    fragments.delete(key);
  };
  const forget = () => {
    entries.clear();
    held = 0;
    fragments.clear();
    fragmentBytes = 0;
    generation++;
  };
  const fragment = <T,>(key: string, make: () => Promise<T>): Promise<T> => {
    if (ttl === 0) return make();
    const hit = fragments.get(key);
    if (hit && Date.now() - hit.at < ttl) {
      // Least recently used first out: a fragment every request reads (a list's facts) is not pushed out by the
      // thousands of rows kept after it.
      fragments.delete(key);
      fragments.set(key, hit);
      return hit.value as Promise<T>;
    }
    const gen = generation;
    const value = make();
    dropFragment(key);
    if (fragments.size >= MAX_FRAGMENTS) dropFragment(fragments.keys().next().value!);
    const kept: Fragment = { value, at: Date.now(), bytes: 0, made: undefined };
    fragments.set(key, kept);
    // A failure is not kept; neither is a value whose making straddled a clear (it may predate the write), nor one
    // too large for the fragments' share; the oldest go first while the fragments hold more than their share.
    value.then(
      (v) => {
        if (fragments.get(key) !== kept) return;
        if (gen !== generation) return void fragments.delete(key);
        kept.made = { v };
        kept.bytes = weigh(v) + key.length; // the key is held too
        fragmentBytes += kept.bytes;
        if (kept.bytes > maxFragmentBytes / 4) return dropFragment(key);
        while (fragmentBytes > maxFragmentBytes && fragments.size) dropFragment(fragments.keys().next().value!);
      },
      () => {
        if (fragments.get(key) === kept) fragments.delete(key);
      },
    );
    return value;
  };
  const keptValue = <T,>(key: string): T | undefined => {
    if (ttl === 0) return undefined;
    const hit = fragments.get(key);
    if (!hit?.made || Date.now() - hit.at >= ttl) return undefined;
    fragments.delete(key);
    fragments.set(key, hit);
    return hit.made.v as T;
  };
  const listeners: (() => void)[] = [];
  const clear = () => {
    forget();
    for (const fn of listeners) fn();
  };

  const middleware: MiddlewareHandler<AppEnv> = async (c, next) => {
    const method = c.req.method;
    if (method !== 'GET' && method !== 'HEAD') {
      await next();
      if (c.res.status < 400) clear();
      return;
    }
    const anonymous = !SKIP_COOKIES.some((name) => cookieOf(c, name));
    const key = c.req.url;
    if (anonymous && ttl > 0) {
      const hit = entries.get(key);
      if (hit && Date.now() - hit.at < ttl) {
        if (c.req.header('if-none-match') === hit.etag) return c.body(null, 304, { ETag: hit.etag, 'X-Cache': 'hit' });
        const v = await variantFor(hit, c.req.header('accept-encoding'));
        return c.body(toBody(v.bytes), 200, v.headers);
      }
    }
    await next();
    if (!anonymous || !c.get('cacheable') || c.res.status !== 200 || ttl === 0) return;
    if (!isNormalized(new URL(key).searchParams, c.get('cacheParams') ?? [])) return;
    if (c.res.headers.get('set-cookie') || c.res.headers.get('content-encoding')) return;
    if (minUses > 1 && !askedBefore(key, Date.now())) return;
    const bytes = renderedBytes(c, c.res) ?? Buffer.from(await c.res.clone().arrayBuffer());
    const etag = `W/"${createHash('sha1').update(bytes).digest('base64url')}"`;
    const compress = bytes.length >= MIN_COMPRESS_BYTES && isCompressible(c.res.headers.get('content-type'));
    c.res.headers.set('ETag', etag);
    c.res.headers.set('Cache-Control', 'public, max-age=0, must-revalidate');
    c.res.headers.set('Vary', compress ? varyWithEncoding('Cookie') : 'Cookie');
    const headers: Record<string, string> = { 'X-Cache': 'hit' };
    c.res.headers.forEach((v, k) => {
      if (k !== 'x-request-id' && k !== 'content-length' && k !== 'content-encoding') headers[k] = v;
    });
    const variant = (b: Buffer, encoding?: string): Variant => ({
      bytes: b,
      headers: { ...headers, ...(encoding ? { 'Content-Encoding': encoding } : {}), 'Content-Length': String(b.length) },
    });
    // Compressed copies are made when first asked for (variantFor), not here: a page whose address is never
    // asked again (a new search text) costs one compression, for the encoding its browser takes, or none.
    const entry: Entry = { key, identity: variant(bytes), etag, at: Date.now(), compress, variant };
    const size = sizeOf(entry);
    if (size > maxBytes / 4) return;
    remove(key);
    while (entries.size && (entries.size >= max || held + size > maxBytes)) remove(entries.keys().next().value!);
    entries.set(key, entry);
    held += size;
    if (c.req.header('if-none-match') === etag) {
      c.res = new Response(null, { status: 304, headers: c.res.headers });
      return;
    }
    // Answer this request as a hit would (the compression middleware leaves encoded responses alone).
    const v = await variantFor(entry, c.req.header('accept-encoding'));
    if (v !== entry.identity) {
      c.res = undefined;
      c.res = new Response(toBody(v.bytes), { status: 200, headers: { ...v.headers, 'X-Cache': 'miss', 'X-Request-Id': c.get('requestId') } });
    }
  };
  const serveNode = (req: IncomingMessage, res: ServerResponse): boolean => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || ttl === 0) return false;
    const cookie = req.headers.cookie;
    if (cookie && SKIP_COOKIES.some((name) => cookie.includes(`${name}=`))) return false;
    // The same key as the middleware's c.req.url (@hono/node-server builds it from Host and the path).
    const hit = entries.get(`http://${req.headers.host}${req.url}`);
    if (!hit || Date.now() - hit.at >= ttl) return false;
    if (req.headers['if-none-match'] === hit.etag) {
      res.writeHead(304, { ETag: hit.etag, 'X-Cache': 'hit' });
      res.end();
      return true;
    }
    const v = pick(hit, req.headers['accept-encoding']);
    if (!v) return false; // its compressed copy is not made yet: the middleware makes it
    res.writeHead(200, v.headers);
    res.end(req.method === 'HEAD' ? undefined : v.bytes);
    return true;
  };
  /** The variant for this Accept-Encoding, compressing it once (then kept with the page) when it is not made yet. */
  const variantFor = async (entry: Entry, acceptEncoding: string | null | undefined): Promise<Variant> => {
    const have = pick(entry, acceptEncoding);
    if (have) return have;
    const encoding = negotiateEncoding(acceptEncoding)!;
    const made = entry.variant(await encode(entry.identity.bytes, encoding, 'stored'), encoding);
    if (entry[encoding]) return entry[encoding]!; // made meanwhile by another request
    entry[encoding] = made;
    if (entries.get(entry.key) === entry) {
      held += made.bytes.length;
      while (entries.size > 1 && held > maxBytes) remove(entries.keys().next().value!);
    }
    return made;
  };
  return {
    middleware,
    clear,
    forget,
    fragment,
    kept: keptValue,
    onClear: (fn) => void listeners.push(fn),
    serveNode,
    get size() {
      return entries.size;
    },
    get bytes() {
      return held;
    },
  };
}

/**
 * Whether a query string is in the one form the route declared: only declared parameters, each non-empty, in
 * the declared order (a parameter may repeat, e.g. several objectives, but only consecutively).
 */
export function isNormalized(params: URLSearchParams, declared: readonly string[]): boolean {
  let at = 0;
  let last: string | null = null;
  for (const [k, v] of params) {
    if (v === '') return false;
    if (k === last) continue;
    const i = declared.indexOf(k, at);
    if (i < 0) return false;
    at = i + 1;
    last = k;
  }
  return true;
}

/** The stored variant for an Accept-Encoding header. */
/** The stored variant for an Accept-Encoding; undefined when it is a compressed copy not made yet. */
function pick(entry: Entry, acceptEncoding: string | null | undefined): Variant | undefined {
  if (!entry.compress) return entry.identity;
  const encoding = negotiateEncoding(acceptEncoding);
  return encoding ? entry[encoding] : entry.identity;
}

const toBody = (b: Buffer) => new Uint8Array(b.buffer as ArrayBuffer, b.byteOffset, b.byteLength);
