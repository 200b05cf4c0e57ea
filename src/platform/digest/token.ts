/**
 * @module Unsubscribe tokens
 * A link in each digest (and in the List-Unsubscribe header, RFC 8058) lets its reader stop that mail without
 * signing in. The token names the person, what it stops (one update kind, or 'all') and when it expires, signed
 * with an HMAC-SHA256 keyed from the application secret (AUTH_SECRET): a forged, altered or expired token, or one
 * whose person no longer exists, changes nothing.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** How long a mailed link works. */
export const TOKEN_DAYS = 60;

export interface UnsubscribeClaim {
  userId: string;
  /** An update kind ('practices.new'), or 'all'. */
  scope: string;
  /** Unix seconds. */
  expires: number;
}

const keyOf = (secret: string) => createHmac('sha256', secret).update('dialogo/unsubscribe/v1').digest();
const sign = (secret: string, payload: string) => createHmac('sha256', keyOf(secret)).update(payload).digest('base64url');

/** A token for one person and scope, valid for TOKEN_DAYS from `now`. */
export function unsubscribeToken(secret: string, userId: string, scope: string, now = new Date()): string {
  const expires = Math.floor(now.getTime() / 1000) + TOKEN_DAYS * 86_400;
  const payload = Buffer.from(`${userId}|${scope}|${expires}`).toString('base64url');
  return `${payload}.${sign(secret, payload)}`;
}

/** The claim of a genuine, unexpired token; null for anything else. */
export function verifyUnsubscribeToken(secret: string, token: string, now = new Date()): UnsubscribeClaim | null {
  const m = /^([A-Za-z0-9_-]{8,400})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!m) return null;
  const [, payload, sig] = m;
  const expected = Buffer.from(sign(secret, payload!));
  const given = Buffer.from(sig!);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  const parts = Buffer.from(payload!, 'base64url').toString('utf8').split('|');
  if (parts.length !== 3) return null;
  const [userId, scope, exp] = parts as [string, string, string];
  const expires = Number(exp);
  if (!userId || !scope || !Number.isInteger(expires) || expires * 1000 <= now.getTime()) return null;
  return { userId, scope, expires };
}
