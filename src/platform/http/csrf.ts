/**
 * @module CSRF protection
 * Two checks on every state-changing request: the browser's Origin/Sec-Fetch-Site must be our own site
 * (hono/csrf), and the form's `_csrf` field must equal the visitor's CSRF cookie (double submit; the
 * cookie is HttpOnly, SameSite=Lax and random per browser).
 */
import type { Context, MiddlewareHandler } from 'hono';
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
    const token = cookieOf(c, COOKIE);
    if (token && /^[A-Za-z0-9_-]{32,64}$/.test(token)) c.set('csrf', token);
    // A browser without the cookie cannot have a valid form for this request.
    else if (UNSAFE.has(c.req.method)) throw new CsrfError('missing csrf cookie');
    // Else the page issues a secret only if it shows a form that posts (`csrfToken`), and the cookie goes with it.
    if (token && UNSAFE.has(c.req.method)) {
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
    // Only a page that issued a secret sets the cookie: pages without a form that posts (most pages a visitor reads,
    // every cacheable one) need none. A page that did issue one goes out with its cookie, cacheable or not (the page
    // cache never stores a response that sets a cookie: a stored form would carry one visitor's secret to all).
    // Appended to the response's own headers: setCookie() (c.header()) after the handler rebuilds the response
    // around a stream, off @hono/node-server's fast path (measured: a cookie-less visitor's uncached page 40% slower).
    const issued = c.get('csrfIssued');
    if (issued) {
      c.res.headers.append('Set-Cookie', generateCookie(COOKIE, issued, { path: '/', httpOnly: true, sameSite: 'Lax', secure: opts.secure, maxAge: 60 * 60 * 24 * 365 }));
    }
  };
}

/**
 * The request's CSRF secret, for a form that posts (`<Form method="post">`, the layout's sign-out): the browser's
 * cookie when it has one, else a new secret, issued the first time a page asks, whose cookie goes out with the
 * response. A page rendered as a signed-out visitor's fragment (views/fragment.tsx) gets '' and issues nothing.
 */
export function csrfToken(c: Context<AppEnv>): string {
  const token = c.get('csrf');
  if (token !== undefined) return token;
  // 244 random bits from two version-4 UUIDs: node draws them from a kept pool of random bytes, where
  // randomBytes() asks the system for each token (measured: 5–35 µs a call, 0.5 µs for a UUID).
  const fresh = freshToken();
  c.set('csrf', fresh);
  c.set('csrfIssued', fresh);
  return fresh;
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
