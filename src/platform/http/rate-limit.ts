/**
 * @module Rate limits
 * Fixed-window counters in the database (so they hold across processes and restarts). `hit` counts an
 * attempt and says whether it is still within the limit. Rows whose window has ended are pruned daily
 * (`prune`, run by the `platform.prune` schedule).
 */
import { sql } from 'kysely';
import type { Db } from '../../db/schema.js';

export interface Limit {
  /** Attempts allowed per window. */
  max: number;
  /** Window length in seconds. */
  windowSeconds: number;
}

export async function hit(db: Db, key: string, limit: Limit, now = Date.now()): Promise<{ allowed: boolean; retryAfter: number }> {
  const windowStart = Math.floor(now / 1000 / limit.windowSeconds) * limit.windowSeconds;
  const row = await db
    .insertInto('rate_limits')
    .values({ key, window_start: windowStart, count: 1, expires_at: windowStart + limit.windowSeconds })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        count: sql`case when rate_limits.window_start = ${windowStart} then rate_limits.count + 1 else 1 end`,
        window_start: windowStart,
        expires_at: windowStart + limit.windowSeconds,
      }),
    )
    .returning(['count'])
    .executeTakeFirstOrThrow();
  const retryAfter = windowStart + limit.windowSeconds - Math.floor(now / 1000);
  return { allowed: Number(row.count) <= limit.max, retryAfter };
}

/** Whether the next attempt would still be within the limit, without counting one (for limits that count only failures). */
export async function peek(db: Db, key: string, limit: Limit, now = Date.now()): Promise<{ allowed: boolean; retryAfter: number }> {
  const windowStart = Math.floor(now / 1000 / limit.windowSeconds) * limit.windowSeconds;
  const row = await db.selectFrom('rate_limits').select(['count', 'window_start']).where('key', '=', key).executeTakeFirst();
  const count = row && Number(row.window_start) === windowStart ? Number(row.count) : 0;
  return { allowed: count < limit.max, retryAfter: windowStart + limit.windowSeconds - Math.floor(now / 1000) };
}

export async function reset(db: Db, key: string): Promise<void> {
  await db.deleteFrom('rate_limits').where('key', '=', key).execute();
}

/** Deletes the counters whose window has ended (rows from before `expires_at` existed: after a day). */
export async function prune(db: Db, now = Date.now()): Promise<number> {
  const sec = Math.floor(now / 1000);
  const res = await db
    .deleteFrom('rate_limits')
    .where((eb) => eb.or([eb('expires_at', '<=', sec), eb.and([eb('expires_at', 'is', null), eb('window_start', '<', sec - 86_400)])]))
    .executeTakeFirst();
  return Number(res.numDeletedRows);
}
