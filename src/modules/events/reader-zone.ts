/**
 * @module Events: the reader's time zone.
 * TODO(platform reader zone): replace with the platform-wide reader's time zone (`c.get('timeZone')`) once it
 * exists; until then the `tz` cookie (an IANA name set by the browser or the person) is read here, and only here.
 */
import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import type { AppEnv } from '../../platform/http/env.js';
import { isTimeZone } from './core/time.js';

/** The reader's IANA zone, or null when unknown. */
export function readerTimeZone(c: Context<AppEnv>): string | null {
  const v = getCookie(c, 'tz');
  return v && v.length <= 64 && isTimeZone(v) ? v : null;
}
