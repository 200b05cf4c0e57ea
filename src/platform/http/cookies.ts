/**
 * @module Request cookies
 * `cookieOf(c, name)`: one cookie of the request. The Cookie header is parsed once per request (hono's getCookie
 * with a name parses it again at every call, and a page asks for five or more: the page cache, the CSRF check, the
 * session, the time zone, the flash message).
 */
import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import type { AppEnv } from './env.js';

export function cookieOf(c: Context<AppEnv>, name: string): string | undefined {
  let all = c.get('cookies');
  if (!all) c.set('cookies', (all = getCookie(c)));
  return all[name];
}
