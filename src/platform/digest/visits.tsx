/**
 * @module Visits
 * "Since your last visit": the platform remembers when a signed-in person was last seen (`user_visits.seen_at`,
 * written at most once per THROTTLE_MINUTES per instance) and, when they come back after VISIT_GAP_MINUTES or more
 * without a page, keeps where their previous visit ended (`previous_at`). The home page lists what every module's
 * `updates` have that is new since `previous_at` — the same during the whole visit.
 */
import type { MiddlewareHandler } from 'hono';
import type { Child } from 'hono/jsx';
import type { Context } from 'hono';
import { sql } from 'kysely';
import type { Db } from '../../db/schema.js';
import type { AppEnv } from '../http/env.js';
import { paths } from '../paths.js';
import { sectionsFor } from './run.js';
import { updateKinds } from './kinds.js';

/** A gap this long without a page starts a new visit. */
export const VISIT_GAP_MINUTES = 30;
/** `seen_at` is written at most this often per person and instance. */
export const THROTTLE_MINUTES = 5;
/** Items listed per kind on the home page. */
const ITEMS = 3;

const lastWrite = new Map<string, number>();
/** What the middleware learned about this request's reader: the home page then needs no second read. */
const known = new WeakMap<Request, string | null>();

/**
 * Notes a signed-in person's page view (a GET) in one statement (an upsert): a first visit inserts; a page after a
 * gap of VISIT_GAP_MINUTES starts a new visit (previous_at := the old seen_at); otherwise seen_at moves at most
 * once per THROTTLE_MINUTES. Returns when their previous visit ended (null: first visit). Every SET expression
 * reads the row as it was, on both engines.
 */
export async function noteVisit(db: Db, userId: string, now = new Date()): Promise<string | null> {
  const at = now.toISOString();
  const gapCutoff = new Date(now.getTime() - VISIT_GAP_MINUTES * 60_000).toISOString();
  const throttleCutoff = new Date(now.getTime() - THROTTLE_MINUTES * 60_000).toISOString();
  const row = await db
    .insertInto('user_visits')
    .values({ user_id: userId, seen_at: at, previous_at: null })
    .onConflict((oc) =>
      oc.column('user_id').doUpdateSet({
        previous_at: sql<string | null>`case when user_visits.seen_at <= ${gapCutoff} then user_visits.seen_at else user_visits.previous_at end`,
        seen_at: sql<string>`case when user_visits.seen_at <= ${throttleCutoff} then ${at} else user_visits.seen_at end`,
      }),
    )
    .returning('previous_at')
    .executeTakeFirst();
  return row?.previous_at ?? null;
}

/** Middleware after loadUser: notes signed-in page views, at most once per THROTTLE_MINUTES per instance. */
export const trackVisits: MiddlewareHandler<AppEnv> = async (c, next) => {
  const user = c.get('user');
  if (user && c.req.method === 'GET') {
    const now = Date.now();
    const last = lastWrite.get(user.id);
    if (last === undefined || now - last >= THROTTLE_MINUTES * 60_000) {
      if (lastWrite.size > 10_000) lastWrite.clear();
      lastWrite.set(user.id, now);
      try {
        known.set(c.req.raw, await noteVisit(c.get('deps').db, user.id, new Date(now)));
      } catch (err) {
        lastWrite.delete(user.id);
        c.get('log').warn({ err }, 'could not note the visit');
      }
    }
  }
  await next();
};

/** Forgets the per-instance throttle (tests move the clock). */
export function resetVisitThrottle() {
  lastWrite.clear();
}

/** When the reader's previous visit ended; null on their first visit. */
export async function previousVisit(db: Db, userId: string): Promise<string | null> {
  return (await db.selectFrom('user_visits').select('previous_at').where('user_id', '=', userId).executeTakeFirst())?.previous_at ?? null;
}

/** The home page's "since your last visit" for the signed-in reader, or null (signed out, or a first visit). */
export async function SinceLastVisit(c: Context<AppEnv>): Promise<Child | null> {
  const user = c.get('user');
  if (!user) return null;
  const deps = c.get('deps');
  const since = known.has(c.req.raw) ? known.get(c.req.raw)! : await previousVisit(deps.db, user.id);
  if (!since) return null;
  const t = c.get('t');
  const l = c.get('locale');
  const fmt = c.get('fmt');
  // The reader's list is kept under their id and `since` (fixed for the whole visit) as long as a cached public page
  // (emptied by every write, on every instance; PAGE_CACHE_TTL at most): the home page reloaded within a visit does
  // not ask every module again. The first view of a visit computes it.
  const found = await deps.cache.fragment(`digest.since:${user.id}:${since}:${l}`, () =>
    sectionsFor(deps, updateKinds(deps.modules), { user, locale: l, since, until: new Date().toISOString(), baseUrl: '', limit: ITEMS }),
  );
  const total = found.reduce((n, f) => n + f.total, 0);
  const when = fmt.dateTime(since);
  return (
    <section aria-labelledby="since-title" class="since-visit">
      <h2 id="since-title">{t('digest.home.title')}</h2>
      <p>{total ? t('digest.home.lead', { count: total, when }) : t('digest.home.none', { when })}</p>
      {found.length ? (
        <ul>
          {found.map((f) => (
            <li>
              <strong>{t(f.kind.label)}</strong> ({fmt.number(f.total)})
              <ul>
                {f.items.map((it) => (
                  <li>
                    <a href={it.href}>{it.title}</a>
                    {it.note ? <span class="small muted"> — {it.note}</span> : null}
                  </li>
                ))}
              </ul>
              {f.kind.href && f.total > f.items.length ? (
                <a href={f.kind.href(l)}>
                  {t('digest.home.all')}
                  <span class="visually-hidden"> — {t(f.kind.label)}</span>
                </a>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      <p class="small">
        <a href={paths.accountNotifications.href(l)}>{t('digest.home.settings')}</a>
      </p>
    </section>
  );
}
