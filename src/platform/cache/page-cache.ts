/**
 * @module Public page cache
 * Anonymous visitors get public pages from memory with an ETag (and 304 when they have it). A route opts
 * in with `c.set('cacheable', true)`. The server answers hits straight from node:http (`serveNode`, before
 * Hono), and the middleware — first of all middleware — answers them for `app.request()` and fills the
 * cache; either way a hit costs no logging, session or database work, and the stored response keeps its
 * security headers. Every successful write through this process (any POST, PUT, PATCH or DELETE answered
 * below 400) empties the cache; writes made by other processes (another instance on PostgreSQL, the CLI)
 * are seen after PAGE_CACHE_TTL seconds at most.
 */
import type { MiddlewareHandler } from 'hono';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { getCookie } from 'hono/cookie';
import { createHash } from 'node:crypto';
import type { AppEnv } from '../http/env.js';
import { SESSION_COOKIE } from '../auth/auth.js';

interface Entry {
  body: string;
  /** The body as bytes, for node:http. */
  bytes: Buffer;
  etag: string;
  /** The original response's headers (security headers, content type), replayed on every hit. */
  headers: Record<string, string>;
  at: number;
}

export interface PageCache {
  middleware: MiddlewareHandler<AppEnv>;
  /** Forget everything (called after writes). */
  clear(): void;
  /** Answers an anonymous GET/HEAD from the cache directly on node:http; false when it cannot. */
  serveNode(req: IncomingMessage, res: ServerResponse): boolean;
  readonly size: number;
}

const SKIP_COOKIES = [SESSION_COOKIE, `__Secure-${SESSION_COOKIE}`, 'dialogo.flash'];

export function createPageCache(opts: { ttlSeconds: number; maxEntries?: number }): PageCache {
  const entries = new Map<string, Entry>();
  const max = opts.maxEntries ?? 5000;
  const ttl = opts.ttlSeconds * 1000;
  const clear = () => entries.clear();

  const middleware: MiddlewareHandler<AppEnv> = async (c, next) => {
    const method = c.req.method;
    if (method !== 'GET' && method !== 'HEAD') {
      await next();
      if (c.res.status < 400) clear();
      return;
    }
    const anonymous = !SKIP_COOKIES.some((name) => getCookie(c, name));
    const key = c.req.url;
    if (anonymous && ttl > 0) {
      const hit = entries.get(key);
      if (hit && Date.now() - hit.at < ttl) {
        if (c.req.header('if-none-match') === hit.etag) return c.body(null, 304, { ETag: hit.etag, 'X-Cache': 'hit' });
        return c.body(hit.body, 200, hit.headers);
      }
    }
    await next();
    if (!anonymous || !c.get('cacheable') || c.res.status !== 200 || ttl === 0) return;
    if (c.res.headers.get('set-cookie')) return;
    const body = await c.res.clone().text();
    const etag = `W/"${createHash('sha1').update(body).digest('base64url')}"`;
    c.res.headers.set('ETag', etag);
    c.res.headers.set('Cache-Control', 'public, max-age=0, must-revalidate');
    c.res.headers.set('Vary', 'Cookie');
    const headers: Record<string, string> = { 'X-Cache': 'hit' };
    c.res.headers.forEach((v, k) => {
      if (k !== 'x-request-id' && k !== 'content-length') headers[k] = v;
    });
    if (entries.size >= max) entries.delete(entries.keys().next().value!);
    entries.set(key, { body, bytes: Buffer.from(body), etag, headers, at: Date.now() });
    if (c.req.header('if-none-match') === etag) c.res = new Response(null, { status: 304, headers: c.res.headers });
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
    res.writeHead(200, { ...hit.headers, 'Content-Length': String(hit.bytes.length) });
    res.end(req.method === 'HEAD' ? undefined : hit.bytes);
    return true;
  };
  return {
    middleware,
    clear,
    serveNode,
    get size() {
      return entries.size;
    },
  };
}
