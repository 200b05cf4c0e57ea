/**
 * @module Even timing
 * Wraps a handler so that it never answers sooner than `ms` after the request arrived: the paths of a form that
 * must not reveal which one they took (an address with an account or without) then take the same time, whatever
 * database work one of them does and the other does not. `applies`: only for the requests it is true of (e.g. a
 * visitor's, where a signed-in person's answer reveals nothing).
 */
import type { Context, Handler } from 'hono';
import type { AppEnv } from './env.js';

export function evenTiming(ms: number, handler: Handler<AppEnv>, applies: (c: Context<AppEnv>) => boolean = () => true): Handler<AppEnv> {
  return async (c, next) => {
    if (!applies(c)) return handler(c, next);
    const started = performance.now();
    try {
      return await handler(c, next);
    } finally {
      const left = ms - (performance.now() - started);
      if (left > 0) await new Promise((r) => setTimeout(r, left));
    }
  };
}
