/**
 * @module Application
 * createApp(deps) assembles the Hono app: platform middleware, static assets, health, the JSON API, and
 * every page under /:lang — the platform's own (accounts, reference, administration) and each module's.
 */
import { Hono } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';
import { sql } from 'kysely';
import { fileURLToPath } from 'node:url';
import { relative } from 'node:path';
import type { AppDeps, AppEnv } from './platform/http/env.js';
import { requestContext, securityHeaders, loadUser, localeFromPath, readerZone, refuseNul } from './platform/http/middleware.js';
import { csrf } from './platform/http/csrf.js';
import { KeptAnswersRouter } from './platform/http/router.js';
import { cookieOf } from './platform/http/cookies.js';
import { useBodyLimits } from './platform/http/body-limit.js';
import { compression } from './platform/http/compression.js';
import { notFound, onError } from './platform/http/errors.js';
import { layout } from './platform/views/layout.js';
import { authRoutes } from './platform/auth/routes.js';
import { referenceRoutes } from './platform/reference/routes.js';
import { adminRoutes } from './platform/admin/routes.js';
import { notifyRoutes } from './platform/notify/routes.js';
import { digestRoutes } from './platform/digest/routes.js';
import { trackVisits } from './platform/digest/visits.js';
import { createApi } from './platform/api/api.js';
import { LOCALES, isLocale, negotiateLocale } from './platform/i18n/locales.js';

/** The language prefix every page sits under. */
const LANG = `/:lang{(?:${LOCALES.join('|')})}`;
/** The one path the CSRF check lets through: /:lang/unsubscribe/:token (platform/digest/routes.tsx). */
const UNSUBSCRIBE = new RegExp(`^/(?:${LOCALES.join('|')})/unsubscribe/[A-Za-z0-9_-]{8,400}\\.[A-Za-z0-9_-]{43}$`);
const ASSETS = relative(process.cwd(), fileURLToPath(new URL('./platform/views/assets', import.meta.url))) || '.';

export function createApp(deps: AppDeps) {
  // Only this app's router answers requests: the routes of `web` and of the API are added to it by app.route().
  const app = new Hono<AppEnv>({ strict: false, router: new KeptAnswersRouter() });
  app.use('*', async (c, next) => {
    c.set('deps', deps);
    c.set('cacheable', false);
    c.set('bodyLimited', false);
    await next();
  });
  // Outside the cache: it compresses what the cache did not (cache hits carry their stored encodings).
  app.use('*', compression);
  app.use('*', deps.cache.middleware);
  app.use('*', requestContext);
  app.use('*', securityHeaders);

  app.get('/healthz', async (c) => {
    try {
      await sql`select 1`.execute(deps.db);
      return c.json({ status: 'ok', db: deps.dialect }, 200, { 'Cache-Control': 'no-store' });
    } catch {
      return c.json({ status: 'error', db: deps.dialect }, 503, { 'Cache-Control': 'no-store' });
    }
  });
  app.use(
    '/assets/*',
    serveStatic({
      root: ASSETS,
      rewriteRequestPath: (p) => p.replace(/^\/assets/, ''),
      onFound: (_p, c) => {
        c.header('Cache-Control', 'public, max-age=604800');
      },
    }),
  );
  app.get('/favicon.ico', (c) => c.redirect('/assets/favicon.svg', 301));
  app.get('/robots.txt', (c) => c.text('User-agent: *\nDisallow: /api/\nDisallow: /*/admin\n'));

  app.use('*', localeFromPath);
  app.use('*', layout);
  app.use('*', refuseNul);
  // Body limits come before anything that reads a body (the CSRF check parses forms).
  useBodyLimits(app, LANG, deps.modules);
  // One-click unsubscribe (RFC 8058) is posted by mail providers without our cookie: its signed token is the proof.
  app.use('*', csrf({ secure: deps.config.baseUrl.startsWith('https://'), exempt: (path) => UNSUBSCRIBE.test(path) }));
  app.use('*', loadUser);
  app.use('*', trackVisits);
  app.use('*', readerZone);

  app.route('/api/v1', createApi(deps.modules));

  const web = new Hono<AppEnv>({ strict: false });
  web.route('/', authRoutes);
  web.route('/', referenceRoutes);
  web.route('/', adminRoutes);
  web.route('/', notifyRoutes);
  web.route('/', digestRoutes);
  for (const m of deps.modules) if (m.routes) web.route('/', m.routes);
  app.route(LANG, web);

  // Paths without a language go to the visitor's language (cookie, then Accept-Language).
  app.get('*', (c, next) => {
    const seg = c.req.path.split('/')[1] ?? '';
    if (seg === 'api' || seg === 'assets' || /^[a-z]{2}$/.test(seg) || isLocale(seg)) return next();
    const pref = cookieOf(c, 'dialogo.lang');
    const locale = isLocale(pref) ? pref : negotiateLocale(c.req.header('accept-language'));
    const url = new URL(c.req.url);
    return c.redirect(`/${locale}${url.pathname === '/' ? '/' : url.pathname}${url.search}`, 302);
  });

  app.notFound(notFound);
  app.onError(onError);
  return app;
}
