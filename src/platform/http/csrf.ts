/**
 * @module CSRF protection
 * Two checks on every state-changing request: the browser's Origin/Sec-Fetch-Site must be our own site
 * (hono/csrf), and the form's `_csrf` field must equal the visitor's CSRF cookie (double submit; the
 * cookie is HttpOnly, SameSite=Lax and random per browser).
 */
import type { MiddlewareHandler } from 'hono';
import { generateCookie } from 'hono/cookie';
import { cookieOf } from './cookies.js';
import { randomUUID, timingSafeEqual } from 'node:crypto';
import type { AppEnv } from './env.js';

const COOKIE = 'dialogo.csrf';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export class CsrfError extends Error {}

export function csrf(opts: { secure: boolean; exempt?: (path: string) => boolean }): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    // A path whose posts carry their own proof (a signed token in the URL) and change only what the token names.
    if (opts.exempt && UNSAFE.has(c.req.method) && opts.exempt(c.req.path)) {
      c.set('csrf', cookieOf(c, COOKIE) ?? '');
      return next();
    }
    let token = cookieOf(c, COOKIE);
    let fresh = false;
    if (!token || !/^[A-Za-z0-9_-]{32,64}$/.test(token)) {
      // A browser without the cookie cannot have a valid form for this request.
      if (UNSAFE.has(c.req.method)) throw new CsrfError('missing csrf cookie');
      // 244 random bits from two version-4 UUIDs: node draws them from a kept pool of random bytes, where
      // randomBytes() asks the system for each token (measured: 5–35 µs a call, 0.5 µs for a UUID).
      token = freshToken();
      fresh = true;
    }
    c.set('csrf', token);
    if (UNSAFE.has(c.req.method)) {
      const origin = c.req.header('origin');
      const site = c.req.header('sec-fetch-site');
      if (site && site !== 'same-origin' && site !== 'none') throw new CsrfError(`cross-site request (${site})`);
      if (origin && origin !== 'null' && new URL(c.req.url).host !== safeHost(origin)) throw new CsrfError('foreign origin');
      const type = c.req.header('content-type') ?? '';
      let sent: unknown;
      if (type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data')) {
        const body = await c.req.parseBody({ all: true });
        sent = body._csrf;
      } else {
        sent = c.req.header('x-csrf-token');
      }
      if (typeof sent !== 'string' || !equal(sent, token)) throw new CsrfError('csrf token mismatch');
    }
    await next();
    // Public cacheable pages carry no forms: they need no cookie (and a cookie would make them uncacheable).
    // Appended to the response's own headers: setCookie() (c.header()) after the handler rebuilds the response
    // around a stream, off @hono/node-server's fast path (measured: a cookie-less visitor's uncached page 40% slower).
    if (fresh && !c.get('cacheable')) {
      c.res.headers.append('Set-Cookie', generateCookie(COOKIE, token, { path: '/', httpOnly: true, sameSite: 'Lax', secure: opts.secure, maxAge: 60 * 60 * 24 * 365 }));
    }
  };
}

/** A new CSRF secret: 64 hexadecimal characters. */
function freshToken(): string {
  return (randomUUID() + randomUUID()).replaceAll('-', '');
}

function safeHost(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

function equal(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
