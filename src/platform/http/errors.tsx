/**
 * @module Error pages and problem details
 * Pages get a localized 404/403/500 in the layout (500 shows the request id; details only go to the log).
 * The API answers application/problem+json with a stable `code`.
 */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from './env.js';
import { CsrfError } from './csrf.js';
import { AuthzError } from '../authz/authz.js';
import { paths } from '../paths.js';

export const isApi = (c: Context<AppEnv>) => c.req.path.startsWith('/api/');

export function problem(c: Context<AppEnv>, status: number, code: string, title: string, detail?: string, extra?: Record<string, unknown>) {
  return c.json({ type: `about:blank`, status, code, title, detail, instance: c.req.path, requestId: c.get('requestId'), ...extra }, status as any, {
    'Content-Type': 'application/problem+json',
  });
}

export function notFound(c: Context<AppEnv>) {
  if (isApi(c)) return problem(c, 404, 'not_found', 'Not Found');
  const t = c.get('t');
  c.status(404);
  return c.render(
    <>
      <h1>{t('errors.notFound.title')}</h1>
      <p>{t('errors.notFound.body')}</p>
      <p>
        <a href={paths.home.href(c.get('locale'))}>{t('errors.home')}</a>
      </p>
    </>,
    { title: t('errors.notFound.title'), noindex: true },
  );
}

export function onError(err: Error, c: Context<AppEnv>) {
  const t = c.get('t');
  const locale = c.get('locale');
  if (err instanceof CsrfError) {
    c.get('log')?.warn({ reason: err.message }, 'csrf check failed');
    if (isApi(c)) return problem(c, 403, 'csrf', 'Forbidden', err.message);
    c.status(403);
    return c.render(
      <>
        <h1>{t('errors.csrf.title')}</h1>
        <p>{t('errors.csrf.body')}</p>
      </>,
      { title: t('errors.csrf.title'), noindex: true },
    );
  }
  if (err instanceof AuthzError && err.status === 401 && !isApi(c) && c.req.method === 'GET') {
    const back = new URL(c.req.url);
    return c.redirect(paths.signIn.href(locale, {}, { next: back.pathname + back.search }), 303);
  }
  if (err instanceof HTTPException && err.status < 500) {
    const status = err.status;
    if (isApi(c)) {
      const code = status === 401 ? 'unauthorized' : status === 403 ? 'forbidden' : status === 404 ? 'not_found' : status === 413 ? 'too_large' : 'bad_request';
      return problem(c, status, code, err.message);
    }
    if (status === 404) return notFound(c);
    const key = status === 401 ? 'errors.unauthorized' : status === 403 ? 'errors.forbidden' : status === 413 ? 'errors.tooLarge' : 'errors.badRequest';
    c.status(status);
    return c.render(
      <>
        <h1>{t(`${key}.title`)}</h1>
        <p>{t(`${key}.body`)}</p>
        {status === 401 ? (
          <p>
            <a href={paths.signIn.href(locale)}>{t('nav.signIn')}</a>
          </p>
        ) : null}
      </>,
      { title: t(`${key}.title`), noindex: true },
    );
  }
  if (err instanceof HTTPException && err.status === 503) {
    (c.get('log') ?? console).error({ err: err.cause ?? err, path: c.req.path }, 'service unavailable');
    c.header('Retry-After', '30');
    c.header('Cache-Control', 'no-store');
    if (isApi(c)) return problem(c, 503, 'unavailable', 'Service Unavailable');
    c.status(503);
    return c.render(
      <>
        <h1>{t('errors.unavailable.title')}</h1>
        <p>{t('errors.unavailable.body')}</p>
      </>,
      { title: t('errors.unavailable.title'), noindex: true },
    );
  }
  const requestId = c.get('requestId');
  (c.get('log') ?? console).error({ err, path: c.req.path }, 'unhandled error');
  if (isApi(c)) return problem(c, 500, 'internal', 'Internal Server Error');
  c.status(500);
  if (!t) return c.text(`Internal Server Error (${requestId})`, 500);
  return c.render(
    <>
      <h1>{t('errors.server.title')}</h1>
      <p>{t('errors.server.body')}</p>
      <p>
        {t('errors.server.reference')} <code>{requestId}</code>
      </p>
    </>,
    { title: t('errors.server.title'), noindex: true },
  );
}
