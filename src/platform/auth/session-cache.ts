/**
 * @module Session cache
 * Who a session cookie belongs to, remembered for a few seconds per app instance, so a signed-in page does
 * not ask better-auth (about 3 ms of signature check, endpoint machinery and two queries; decisions/0006) on
 * every request. The key is the signed cookie value exactly as sent, so only a cookie that better-auth has
 * accepted is ever found here.
 *
 * Freshness: an entry lives `SESSION_CACHE_TTL` seconds (10 by default; 0 turns the cache off, and it is
 * off under NODE_ENV=test unless set) and never past the session's own expiry. Every write request through
 * this instance (any POST, PUT, PATCH or DELETE, whatever its answer: signing out, a role change, a password
 * reset, a revoked session) empties it, so such changes take effect at once on the instance that made them,
 * and on PostgreSQL on every other instance too (platform/cache/coherence.ts, LISTEN/NOTIFY); a change made
 * outside the app (the CLI) is seen within the TTL. A lookup that started before a clear is not stored after it.
 */
import type { CurrentUser } from '../http/env.js';

export interface CachedSession {
  user: Readonly<CurrentUser>;
  /** The session token (for "sign out my other sessions"). */
  token: string;
}

interface Entry extends CachedSession {
  /** When this entry stops being used: the earlier of now + TTL and the session's expiry (ms). */
  until: number;
}

export interface SessionCache {
  /** The cached session for this cookie value, if fresh. */
  get(cookie: string): CachedSession | undefined;
  /** A counter that changes on every clear; pass the value read before the lookup to `set`. */
  readonly generation: number;
  /** Remembers a lookup's result, unless the cache was cleared since `generation` was read. */
  set(cookie: string, generation: number, value: CachedSession, expiresAt: Date | string | number): void;
  /** Forgets everything (after any write through this instance). */
  clear(): void;
  /**
   * Runs `lookup` for a cookie not found, once at a time per cookie: requests with the same cookie that arrive while
   * it runs share its result (when an entry expires under load, one lookup instead of one per request in flight).
   */
  once<T>(cookie: string, lookup: () => Promise<T>): Promise<T>;
  readonly size: number;
}

export function createSessionCache(opts: { ttlSeconds: number; maxEntries?: number; now?: () => number }): SessionCache {
  const ttl = opts.ttlSeconds * 1000;
  const max = opts.maxEntries ?? 10_000;
  const now = opts.now ?? Date.now;
  const entries = new Map<string, Entry>();
  const inFlight = new Map<string, Promise<unknown>>();
  let generation = 0;
  return {
    get(cookie) {
      if (ttl <= 0) return undefined;
      const e = entries.get(cookie);
      if (!e) return undefined;
      if (now() >= e.until) {
        entries.delete(cookie);
        return undefined;
      }
      return e;
    },
    get generation() {
      return generation;
    },
    set(cookie, gen, value, expiresAt) {
      if (ttl <= 0 || gen !== generation) return;
      const until = Math.min(now() + ttl, new Date(expiresAt).getTime());
      if (!(until > now())) return;
      if (entries.size >= max && !entries.has(cookie)) entries.delete(entries.keys().next().value!);
      entries.set(cookie, { user: Object.freeze({ ...value.user }), token: value.token, until });
    },
    clear() {
      entries.clear();
      generation++;
    },
    once<T>(cookie: string, lookup: () => Promise<T>): Promise<T> {
      const running = inFlight.get(cookie);
      if (running) return running as Promise<T>;
      const p = lookup().finally(() => inFlight.delete(cookie));
      inFlight.set(cookie, p);
      return p;
    },
    get size() {
      return entries.size;
    },
  };
}

const caches = new WeakMap<object, SessionCache>();

/** The session cache of one app instance (one per dependencies object, created on first use). */
export function sessionCacheOf(deps: { config: { sessionCacheTtl: number } }): SessionCache {
  let c = caches.get(deps);
  if (!c) caches.set(deps, (c = createSessionCache({ ttlSeconds: deps.config.sessionCacheTtl })));
  return c;
}
