/**
 * @module Response compression
 * Text responses (HTML, CSS, JS, JSON, SVG, CSV, XML) of 1 KB or more go out as brotli or gzip, as the
 * browser's Accept-Encoding allows (brotli preferred), with `Vary: Accept-Encoding`. Images, PDF and other
 * already-compressed types are left alone. hono/compress knows gzip and deflate only, so this is node:zlib.
 * The page cache stores each cached page's compressed bodies once (cache/page-cache.ts), so a hit costs no
 * compression; static assets are compressed once per content and remembered.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, gzip, constants } from 'node:zlib';
import type { AppEnv } from './env.js';

export type Encoding = 'br' | 'gzip';

/** Bodies smaller than this go out as they are: compression would save little and cost a round of work. */
export const MIN_COMPRESS_BYTES = 1024;

const COMPRESSIBLE = /^\s*(?:text\/|application\/(?:[\w.+-]*\+)?(?:json|xml|javascript|ecmascript)\b|image\/svg\+xml|application\/(?:x-)?(?:ndjson|csv|rss\+xml|atom\+xml|manifest\+json))/i;

/** Whether a content type is worth compressing (text; not images, PDF, archives or fonts). */
export function isCompressible(contentType: string | null | undefined): boolean {
  return !!contentType && COMPRESSIBLE.test(contentType);
}

/**
 * The encoding to answer with for an Accept-Encoding header: brotli when accepted, else gzip, else none.
 * Honours q-values (`br;q=0` refuses brotli) and `*`; between equal q-values brotli wins.
 */
export function negotiateEncoding(header: string | null | undefined): Encoding | null {
  if (!header) return null;
  let br = -1;
  let gz = -1;
  let star = -1;
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    let q = 1;
    for (const p of params) {
      const m = /^\s*q\s*=\s*([0-9.]+)\s*$/.exec(p);
      if (m) q = Number(m[1]);
    }
    if (Number.isNaN(q)) continue;
    if (name === 'br') br = q;
    else if (name === 'gzip' || name === 'x-gzip') gz = q;
    else if (name === '*') star = q;
  }
  if (br < 0) br = star;
  if (gz < 0) gz = star;
  if (br > 0 && br >= gz) return 'br';
  if (gz > 0) return 'gzip';
  return null;
}

const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/**
 * How hard to work: `dynamic` for a response built for one request (brotli 4 is about as fast as gzip 6
 * and smaller), `stored` for a body kept and sent many times (cached pages), `asset` for static files
 * compressed once per process.
 */
const BROTLI_QUALITY = { dynamic: 4, stored: 6, asset: 11 } as const;

export type Effort = keyof typeof BROTLI_QUALITY;

/** How many bodies this process compressed (tests check that cache hits add none). */
export const compressionStats = { encoded: 0 };

/** Compresses bytes with one encoding (on libuv's thread pool: the event loop keeps serving). */
export function encode(bytes: Uint8Array, encoding: Encoding, effort: Effort = 'dynamic'): Promise<Buffer> {
  compressionStats.encoded++;
  if (encoding === 'gzip') return gzipAsync(bytes, { level: effort === 'dynamic' ? 6 : 9 });
  return brotliAsync(bytes, {
    params: {
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY[effort],
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  });
}

/** Adds Accept-Encoding to a Vary header value (keeping what is there). */
export function varyWithEncoding(current: string | null | undefined): string {
  if (!current) return 'Accept-Encoding';
  if (current === '*' || /(?:^|,)\s*accept-encoding\s*(?:,|$)/i.test(current)) return current;
  return `${current}, Accept-Encoding`;
}

/**
 * The bytes of a page the layout rendered (platform/views/layout.tsx), while `res` is still the response made from
 * them; undefined otherwise. @hono/node-server's response hides its body, and reading it would copy the page into a
 * web stream first.
 */
export function renderedBytes(c: Context<AppEnv>, res: Response): Buffer | undefined {
  const rendered = c.get('rendered');
  return rendered?.res === res ? rendered.bytes : undefined;
}

/** Static assets compressed once: content hash and encoding → bytes. */
const assetMemo = new Map<string, Buffer>();
const ASSET_MEMO_MAX = 500;

/**
 * Compresses every compressible response the browser can take compressed. Responses that already carry a
 * Content-Encoding (page-cache hits, which send their stored bytes) pass untouched.
 */
export const compression: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  const res = c.res;
  // Status and headers only until we know the response will be compressed: reading `res.body` of a page would make
  // @hono/node-server build a full web Response (scanning and encoding the whole text) instead of sending it directly.
  if (c.req.method === 'HEAD' || res.status < 200 || res.status === 204 || res.status === 206 || res.status === 304) return;
  const headers = res.headers;
  if (headers.has('content-encoding') || !isCompressible(headers.get('content-type'))) return;
  if (/(?:^|,)\s*no-transform\s*(?:,|$)/i.test(headers.get('cache-control') ?? '')) return;
  const vary = varyWithEncoding(headers.get('vary'));
  const encoding = negotiateEncoding(c.req.header('accept-encoding'));
  const length = Number(headers.get('content-length') ?? NaN);
  if (!encoding || length < MIN_COMPRESS_BYTES) {
    headers.set('Vary', vary);
    return;
  }
  const rendered = renderedBytes(c, res);
  if (!rendered && !res.body) return;
  const bytes = rendered ?? new Uint8Array(await res.arrayBuffer());
  if (bytes.length < MIN_COMPRESS_BYTES) {
    c.res = new Response(bytes, res);
    c.res.headers.set('Vary', vary);
    return;
  }
  let body: Buffer;
  if (c.req.path.startsWith('/assets/')) {
    const key = `${encoding}:${createHash('sha1').update(bytes).digest('base64url')}`;
    let memo = assetMemo.get(key);
    if (!memo) {
      memo = await encode(bytes, encoding, 'asset');
      if (assetMemo.size >= ASSET_MEMO_MAX) assetMemo.delete(assetMemo.keys().next().value!);
      assetMemo.set(key, memo);
    }
    body = memo;
  } else {
    body = await encode(bytes, encoding, 'dynamic');
  }
  // Hono copies the previous response's headers onto the new one: set ours after.
  c.res = new Response(new Uint8Array(body.buffer, body.byteOffset, body.byteLength), res);
  const out = c.res.headers;
  out.set('Vary', vary);
  out.set('Content-Encoding', encoding);
  out.set('Content-Length', String(body.length));
  const etag = out.get('etag');
  if (etag && !etag.startsWith('W/')) out.set('ETag', `W/${etag}`);
};
