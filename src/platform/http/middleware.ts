/**
 * @module Request middleware
 * Request ids and access logs, security headers, the signed-in user, and the language of the page.
 */
import type { MiddlewareHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { cookieOf } from './cookies.js';
import { randomUUID } from 'node:crypto';
import type { AppEnv, CurrentUser, Role } from './env.js';
import { isLocale, type Locale } from '../i18n/locales.js';
import { formatters } from '../i18n/i18n.js';
import { isTimeZone } from '../i18n/zones.js';
import { SESSION_COOKIE } from '../auth/auth.js';
import { sessionCacheOf } from '../auth/session-cache.js';

/** Gives each request an id (kept from X-Request-Id when sane), a child logger, and an access log line. */
export const requestContext: MiddlewareHandler<AppEnv> = async (c, next) => {
  const incoming = c.req.header('x-request-id');
  const id = incoming && /^[A-Za-z0-9._-]{8,64}$/.test(incoming) ? incoming : randomUUID();
  c.set('requestId', id);
  const log = c.get('deps').log.child({ reqId: id });
  c.set('log', log);
  c.set('user', null);
  c.set('sessionToken', null);
  // Headers set before the handler are merged into its response; touching c.res.headers afterwards would
  // force @hono/node-server off its fast path (measured: 3× fewer requests/s on cached pages).
  c.header('X-Request-Id', id);
  const start = performance.now();
  await next();
  const ms = Math.round((performance.now() - start) * 10) / 10;
  if (c.res.status >= 500) log.error({ method: c.req.method, path: c.req.path, status: c.res.status, ms }, 'request failed');
  else log.debug({ method: c.req.method, path: c.req.path, status: c.res.status, ms }, 'request');
};

/** Conservative headers: no framing, no sniffing, a strict CSP (no external anything). */
export const securityHeaders: MiddlewareHandler<AppEnv> = async (c, next) => {
  c.header('X-Content-Type-Options', 'nosniff');
  c.header('X-Frame-Options', 'DENY');
  c.header('Referrer-Policy', 'same-origin');
  c.header('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
  c.header(
    'Content-Security-Policy',
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'",
  );
  if (c.get('deps').config.baseUrl.startsWith('https://')) c.header('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
  await next();
};

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Loads the signed-in person from the session cookie: from the instance's session cache when it was looked
 * up in the last few seconds, else from better-auth (none of this without the cookie). Every POST, PUT, PATCH
 * or DELETE through this instance empties the cache afterwards (see platform/auth/session-cache.ts).
 */
export const loadUser: MiddlewareHandler<AppEnv> = async (c, next) => {
  const cookie = cookieOf(c, SESSION_COOKIE) ?? cookieOf(c, `__Secure-${SESSION_COOKIE}`);
  const deps = c.get('deps');
  const sessions = sessionCacheOf(deps);
  if (cookie) {
    let found = sessions.get(cookie);
    if (!found) {
      // One lookup per cookie at a time: the requests in flight with this cookie share it.
      found =
        (await sessions.once(cookie, async () => {
          const generation = sessions.generation;
          // An unknown or expired session is `null`; a failure to read it (the database is down) is not a
          // signed-out visitor: answer 503, so nobody is sent to sign in and no posted form goes astray.
          const session = await deps.auth.api.getSession({ headers: c.req.raw.headers }).catch((err: unknown) => {
            throw new HTTPException(503, { message: 'session lookup failed', cause: err });
          });
          if (!session?.user) return null;
          const u = session.user as typeof session.user & { role?: string; locale?: string | null };
          const user: CurrentUser = {
            id: u.id,
            name: u.name,
            email: u.email,
            role: (u.role === 'admin' ? 'admin' : 'member') as Role,
            locale: isLocale(u.locale) ? u.locale : null,
            timeZone: isTimeZone((u as { timeZone?: unknown }).timeZone) ? ((u as { timeZone?: string }).timeZone as string) : null,
            emailVerified: !!u.emailVerified,
          };
          const value = { user, token: session.session.token };
          sessions.set(cookie, generation, value, session.session.expiresAt);
          return value;
        })) ?? undefined;
    }
    if (found) {
      c.set('user', { ...found.user });
      c.set('sessionToken', found.token);
      // A signed-in response is personal: no shared or browser cache may keep it (a handler may still override).
      c.header('Cache-Control', 'private, no-store');
    }
  }
  try {
    await next();
  } finally {
    // Whatever the answer: a write that failed halfway may still have changed an account or a session.
    if (UNSAFE.has(c.req.method)) sessions.clear();
  }
};

/** The cookie forms.js sets to the browser's time zone. */
export const TZ_COOKIE = 'tz';

/**
 * The reader's time zone (`c.get('timeZone')`), one rule for every module: a signed-in person's account zone,
 * else their browser's (the `tz` cookie, when it names a real zone), else the Mechanism's (config TIME_ZONE).
 * Signed-out readers always get the Mechanism's: their pages are cached and shared (decisions/0008).
 */
export const readerZone: MiddlewareHandler<AppEnv> = async (c, next) => {
  const fallback = c.get('deps').config.timeZone;
  const user = c.get('user');
  let zone = fallback;
  if (user) {
    const browser = cookieOf(c, TZ_COOKIE);
    zone = user.timeZone ?? (isTimeZone(browser) ? browser : fallback);
  }
  c.set('timeZone', zone);
  if (zone !== 'UTC') c.set('fmt', formatters(c.get('locale'), zone));
  await next();
};

export function applyLocale(c: Parameters<MiddlewareHandler<AppEnv>>[0], locale: Locale) {
  c.set('locale', locale);
  c.set('t', c.get('deps').i18n.t(locale));
  c.set('fmt', formatters(locale));
}

export const localeFromPath: MiddlewareHandler<AppEnv> = async (c, next) => {
  const seg = c.req.path.split('/')[1];
  applyLocale(c, isLocale(seg) ? seg : 'es');
  await next();
};

/**
 * An address with a NUL character (`%00`) is refused with the translated "bad request" page: no page needs one,
 * and PostgreSQL refuses it in any text parameter (it would surface as a 500 from whatever query reads it).
 */
export const refuseNul: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (c.req.url.includes('%00') || c.req.url.includes('\u0000')) throw new HTTPException(400, { message: 'The address contains a NUL character' });
  await next();
};
