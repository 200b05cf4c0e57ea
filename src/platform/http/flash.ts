/** @module Flash messages: one message carried across a redirect in a short-lived cookie. */
import type { Context } from 'hono';
import { setCookie, deleteCookie } from 'hono/cookie';
import { cookieOf } from './cookies.js';
import type { AppEnv } from './env.js';

export interface FlashMessage {
  type: 'success' | 'error' | 'info' | 'warning';
  /** i18n key; params are interpolated. */
  key: string;
  params?: Record<string, string | number>;
}

const COOKIE = 'dialogo.flash';

export function setFlash(c: Context<AppEnv>, msg: FlashMessage) {
  const secure = c.get('deps').config.baseUrl.startsWith('https://');
  setCookie(c, COOKIE, Buffer.from(JSON.stringify(msg)).toString('base64url'), { path: '/', httpOnly: true, sameSite: 'Lax', maxAge: 60, secure });
}

/** Reads and clears the flash message (once per request). */
export function readFlash(c: Context<AppEnv>): FlashMessage | null {
  const raw = cookieOf(c, COOKIE);
  if (!raw) return null;
  deleteCookie(c, COOKIE, { path: '/' });
  try {
    const v = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    if (v && typeof v.key === 'string' && ['success', 'error', 'info', 'warning'].includes(v.type)) return v;
  } catch {
    /* ignore a broken cookie */
  }
  return null;
}

/** Redirect after a successful post, with a message (POST → redirect → GET). */
export function redirectWith(c: Context<AppEnv>, to: string, msg?: FlashMessage) {
  if (msg) setFlash(c, msg);
  return c.redirect(to, 303);
}
