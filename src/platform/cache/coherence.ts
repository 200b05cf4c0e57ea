/**
 * @module Cache coherence across instances
 * On PostgreSQL several instances serve one database, and each keeps its own public page cache and
 * session cache. When a write empties this instance's page cache (any successful POST/PUT/PATCH/DELETE,
 * or a job that changed public pages), the instance NOTIFYs the others through PostgreSQL
 * (src/db/notifications.ts) and each of them empties its page cache and its session cache at once — so a
 * publication, a sign-out or a ban is seen everywhere within a round trip, not after the TTLs
 * (PAGE_CACHE_TTL, SESSION_CACHE_TTL), which stay as a safety net for a message lost while an instance's
 * listening connection was down (after reconnecting it empties both caches anyway). On SQLite there is one
 * process per file and nothing to do.
 */
import { randomBytes } from 'node:crypto';
import type { Notifications } from '../../db/notifications.js';
import type { AppDeps } from '../http/env.js';
import { sessionCacheOf } from '../auth/session-cache.js';

/** Connects this instance's caches to the others'; does nothing without notifications or caches. */
export function shareCacheClears(deps: AppDeps, notifications: Notifications | undefined): void {
  if (!notifications) return;
  if (deps.config.pageCacheTtl <= 0 && deps.config.sessionCacheTtl <= 0) return;
  const me = randomBytes(8).toString('hex');
  const prefix = 'cache-clear:';
  notifications.subscribe(({ payload, gap }) => {
    if (!gap && (!payload.startsWith(prefix) || payload === prefix + me)) return;
    deps.cache.forget();
    sessionCacheOf(deps).clear();
  });
  deps.cache.onClear(() => {
    notifications.publish(prefix + me).catch((err: unknown) => deps.log.warn({ err }, 'could not tell the other instances to empty their caches'));
  });
}
