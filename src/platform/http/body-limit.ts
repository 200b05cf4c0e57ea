/**
 * @module Request body limits
 * Every request body is limited before anything reads it (the CSRF check parses forms): 1 MB by default,
 * more only on the upload routes modules declare in their manifest (`uploadLimits`). hono's bodyLimit
 * refuses at once when Content-Length says too much, and stops reading a body without one as soon as it
 * passes the limit. The answer is 413: a translated page, or problem+json under /api.
 */
import type { Hono, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from './env.js';
import type { ModuleManifest } from '../module.js';

/** The limit of every request body not on a declared upload route. */
export const DEFAULT_BODY_LIMIT = 1024 * 1024;

/** Thrown when a body is over its limit; the error handler turns it into the 413 page or problem. */
export class BodyTooLargeError extends HTTPException {
  constructor(public maxBytes: number) {
    super(413, { message: `request body over ${maxBytes} bytes` });
  }
}

const limit = (maxBytes: number): MiddlewareHandler<AppEnv> =>
  bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw new BodyTooLargeError(maxBytes);
    },
  });

/**
 * Registers the limits on `app`: each module's upload routes under `langPrefix` first (they mark the
 * request as limited), then the default for every other request. Call before any middleware that reads
 * the body.
 */
export function useBodyLimits(app: Hono<AppEnv>, langPrefix: string, modules: ModuleManifest[], defaultBytes = DEFAULT_BODY_LIMIT) {
  for (const m of modules) {
    for (const u of m.uploadLimits ?? []) {
      const upload = limit(u.maxBytes);
      app.use(`${langPrefix}${u.path}`, async (c, next) => {
        if (c.get('bodyLimited')) return next();
        c.set('bodyLimited', true);
        return upload(c, next);
      });
    }
  }
  const fallback = limit(defaultBytes);
  // GET and HEAD carry no body (@hono/node-server gives them none); asking for it would build a full web Request.
  app.use('*', (c, next) => (c.get('bodyLimited') || c.req.method === 'GET' || c.req.method === 'HEAD' ? next() : fallback(c, next)));
}
