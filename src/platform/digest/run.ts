/**
 * @module Digest runs
 * The platform's background jobs that mail what is new, built only from the modules' `updates` (UpdateKind):
 * - `digest.weekly` (Mondays 06:00 UTC) covers the week before: [Monday 00:00 UTC − 7 days, Monday 00:00 UTC);
 * - `digest.daily` (every day 06:00 UTC) covers the day before: [00:00 UTC − 1 day, 00:00 UTC);
 * - `digest.immediate` (every 5 minutes) covers what happened since the previous immediate run.
 * Each person gets at most one mail per cadence and period, in their language, with only what they may see, and
 * nothing when there is nothing. Exactly once: a `digest_sends` row keyed by (person, cadence, period) is written
 * in the transaction that writes the outbox row, and a run covers people who have no row yet — so a run that
 * died midway (its job is retried) resumes where it stopped, nobody mailed twice, nobody skipped. The period's
 * bounds are kept in `digest_runs`, so a retry covers exactly the same span. (docs/decisions/0821-digest.md)
 */
import type { Logger } from 'pino';
import { nowIso } from '../../db/ids.js';
import type { AppDeps, CurrentUser } from '../http/env.js';
import type { UpdateCadence, UpdateKind, UpdateContext } from '../module.js';
import type { JobDefinition, ScheduleDefinition } from '../jobs/jobs.js';
import { isLocale, DEFAULT_LOCALE, type Locale } from '../i18n/locales.js';
import { notify } from '../notify/notify.js';
import { paths } from '../paths.js';
import { assembleDigest, type AssembledMail, type DigestSection } from './assemble.js';
import { modesFor, storedModes, updateKinds } from './kinds.js';
import { unsubscribeToken } from './token.js';

/** Items listed per section (the section says how many more there are). */
export const ITEMS_PER_SECTION = 10;
/** The immediate schedule's step, and the first immediate run's look-back. */
export const IMMEDIATE_MINUTES = 5;
/** People read and mailed per batch (one transaction). */
const BATCH = 200;
const DAY = 86_400_000;

export const DIGEST_SCHEDULES: Record<UpdateCadence, string> = {
  immediate: `*/${IMMEDIATE_MINUTES} * * * *`,
  daily: '0 6 * * *',
  weekly: '0 6 * * 1',
};

export interface Period {
  period: string;
  since: string;
  until: string;
}

/** The period a run at `tick` covers (immediate: since the previous run's end, given as `previousUntil`). */
export function periodOf(cadence: UpdateCadence, tick: Date, previousUntil?: string | null): Period {
  if (cadence === 'immediate') {
    const until = tick.toISOString();
    const since = previousUntil && previousUntil < until ? previousUntil : new Date(tick.getTime() - IMMEDIATE_MINUTES * 60_000).toISOString();
    return { period: until, since, until };
  }
  const midnight = Date.UTC(tick.getUTCFullYear(), tick.getUTCMonth(), tick.getUTCDate());
  // Weekly: back to Monday (getUTCDay: Sunday 0 … Saturday 6).
  const end = cadence === 'daily' ? midnight : midnight - ((new Date(midnight).getUTCDay() + 6) % 7) * DAY;
  const start = end - (cadence === 'daily' ? DAY : 7 * DAY);
  const since = new Date(start).toISOString();
  return { period: since.slice(0, 10), since, until: new Date(end).toISOString() };
}

export interface RunReport {
  period: string;
  /** People mailed in this call. */
  sent: number;
  /** People looked at who had nothing new (or chose nothing of this cadence). */
  empty: number;
  /** The run had already finished. */
  already: boolean;
}

export interface RunHooks {
  /** Called after each batch is committed, with how many people are done (tests stop a run midway, as a crash would). */
  afterBatch?: (done: number) => void | Promise<void>;
  /** People per batch (one transaction each; default 200). */
  batchSize?: number;
}

/** The sections one reader gets for the given kinds and span (used by the digest and the home page). */
export async function sectionsFor(
  deps: Pick<AppDeps, 'db' | 'dialect' | 'i18n'>,
  kinds: UpdateKind[],
  reader: { user: CurrentUser; locale: Locale; since: string; until: string; baseUrl: string; limit: number },
): Promise<{ kind: UpdateKind; items: Awaited<ReturnType<UpdateKind['items']>>; total: number }[]> {
  const t = deps.i18n.t(reader.locale);
  const memo = new Map<string, unknown>();
  const ctx: UpdateContext = { db: deps.db, dialect: deps.dialect, locale: reader.locale, t, user: reader.user, since: reader.since, until: reader.until, memo };
  const out = [];
  for (const k of kinds) {
    const items = await k.items({ ...ctx, baseUrl: reader.baseUrl, limit: reader.limit });
    if (!items.length) continue;
    const total = items.length < reader.limit ? items.length : Math.max(items.length, await k.count(ctx));
    out.push({ kind: k, items, total });
  }
  return out;
}

/** Runs (or resumes) one cadence's digest for the period of `tick`. */
export async function runDigest(deps: AppDeps, cadence: UpdateCadence, tick: Date, hooks: RunHooks = {}, log?: Logger): Promise<RunReport> {
  const { db, config } = deps;
  const kinds = updateKinds(deps.modules).filter((k) => !k.cadences || k.cadences.includes(cadence));
  let previousUntil: string | null = null;
  if (cadence === 'immediate') {
    const prev = await db
      .selectFrom('digest_runs')
      .select((eb) => eb.fn.max('until').as('until'))
      .where('cadence', '=', 'immediate')
      .where('period', '<', tick.toISOString())
      .executeTakeFirst();
    previousUntil = (prev?.until as string | null) ?? null;
  }
  const wanted = periodOf(cadence, tick, previousUntil);
  await db
    .insertInto('digest_runs')
    .values({ cadence, period: wanted.period, since: wanted.since, until: wanted.until, started_at: nowIso(), finished_at: null, sent: 0 })
    .onConflict((oc) => oc.columns(['cadence', 'period']).doNothing())
    .execute();
  const run = await db.selectFrom('digest_runs').selectAll().where('cadence', '=', cadence).where('period', '=', wanted.period).executeTakeFirstOrThrow();
  const report: RunReport = { period: run.period, sent: 0, empty: 0, already: !!run.finished_at };
  if (run.finished_at || !kinds.length) {
    if (!run.finished_at) await db.updateTable('digest_runs').set({ finished_at: nowIso() }).where('cadence', '=', cadence).where('period', '=', run.period).execute();
    return report;
  }
  const yes = (deps.dialect === 'postgres' ? true : 1) as unknown as number;
  const kindNames = kinds.map((k) => k.kind);
  const batch = hooks.batchSize ?? BATCH;
  let after = '';
  let done = 0;
  for (;;) {
    // People with a confirmed address, not deleted, who have no record for this period yet (a resumed run skips
    // everyone already mailed or found empty).
    const people = await db
      .selectFrom('users')
      .select(['id', 'name', 'email', 'role', 'locale'])
      .where('email_verified', '=', yes)
      .where('email', 'not like', '%@deleted.invalid')
      .where('id', '>', after)
      .where((eb) =>
        eb.not(eb.exists(eb.selectFrom('digest_sends').select('user_id').whereRef('digest_sends.user_id', '=', 'users.id').where('cadence', '=', cadence).where('period', '=', run.period))),
      )
      .orderBy('id')
      .limit(batch)
      .execute();
    if (!people.length) break;
    after = people.at(-1)!.id;
    const stored = await storedModes(db, people.map((p) => p.id), kindNames);
    // Read and assemble the batch first, then write it in one transaction: each person's outbox row and record
    // commit together (a crash loses the whole uncommitted batch, which the resumed run does again).
    const outcomes: { id: string; email: string; locale: Locale; mail: AssembledMail | null }[] = [];
    for (const p of people) {
      const modes = modesFor(kinds, stored.get(p.id) ?? {});
      const chosen = kinds.filter((k) => modes[k.kind] === cadence);
      const locale: Locale = isLocale(p.locale) ? p.locale : DEFAULT_LOCALE;
      if (!chosen.length) {
        // Nothing of this cadence chosen: recorded too (digests), so a resumed run does not look again.
        if (cadence !== 'immediate') outcomes.push({ id: p.id, email: p.email, locale, mail: null });
        continue;
      }
      const user: CurrentUser = { id: p.id, name: p.name, email: p.email, role: p.role === 'admin' ? 'admin' : 'member', locale, emailVerified: true };
      const found = await sectionsFor(deps, chosen, { user, locale, since: run.since, until: run.until, baseUrl: config.baseUrl, limit: ITEMS_PER_SECTION });
      const mail = composeFor(deps, cadence, { id: p.id, name: p.name, locale }, found);
      if (mail || cadence !== 'immediate') outcomes.push({ id: p.id, email: p.email, locale, mail });
    }
    const mailed = await db.transaction().execute(async (trx) => {
      let n = 0;
      for (const o of outcomes) {
        const claimed = await trx
          .insertInto('digest_sends')
          .values({ user_id: o.id, cadence, period: run.period, outbox_id: null, at: nowIso() })
          .onConflict((oc) => oc.columns(['user_id', 'cadence', 'period']).doNothing())
          .returning('user_id')
          .executeTakeFirst();
        if (!claimed || !o.mail) continue; // another worker had them, or nothing to send
        const mail = o.mail;
        const [id] = await notify({ db: trx, i18n: deps.i18n }, [{ userId: o.id, email: o.email, locale: o.locale }], `digest.${cadence}`, { compose: () => mail });
        if (!id) continue;
        await trx.updateTable('digest_sends').set({ outbox_id: id }).where('user_id', '=', o.id).where('cadence', '=', cadence).where('period', '=', run.period).execute();
        n++;
      }
      return n;
    });
    report.sent += mailed;
    report.empty += people.length - mailed;
    done += people.length;
    await hooks.afterBatch?.(done);
  }
  const sent = await db
    .selectFrom('digest_sends')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('cadence', '=', cadence)
    .where('period', '=', run.period)
    .where('outbox_id', 'is not', null)
    .executeTakeFirst();
  await db.updateTable('digest_runs').set({ finished_at: nowIso(), sent: Number(sent?.n ?? 0) }).where('cadence', '=', cadence).where('period', '=', run.period).execute();
  if (cadence === 'immediate') {
    // Immediate runs are many: keep a week of them (the latest is what the next run starts from).
    const cutoff = new Date(tick.getTime() - 7 * DAY).toISOString();
    await db.deleteFrom('digest_sends').where('cadence', '=', 'immediate').where('period', '<', cutoff).execute();
    await db.deleteFrom('digest_runs').where('cadence', '=', 'immediate').where('period', '<', cutoff).execute();
  }
  if (report.sent) await deps.mailer.wake();
  log?.info({ cadence, period: run.period, sent: report.sent, empty: report.empty }, 'digest run');
  return report;
}

/** One person's mail in their language, or null when no section has anything. */
function composeFor(deps: AppDeps, cadence: UpdateCadence, p: { id: string; name: string; locale: Locale }, found: Awaited<ReturnType<typeof sectionsFor>>): AssembledMail | null {
  const { config, i18n } = deps;
  const base = config.baseUrl;
  const link = (scope: string) => paths.unsubscribe.url(base, p.locale, { token: unsubscribeToken(config.authSecret, p.id, scope) });
  const t = i18n.t(p.locale);
  const sections: DigestSection[] = found.map((f) => ({
    kind: f.kind.kind,
    title: t(f.kind.label),
    items: f.items,
    total: f.total,
    href: f.kind.href ? base.replace(/\/$/, '') + f.kind.href(p.locale) : undefined,
    unsubscribe: link(f.kind.kind),
  }));
  return assembleDigest({ cadence, t, name: p.name, sections, settingsUrl: paths.accountNotifications.url(base, p.locale), unsubscribeAll: link('all') });
}

/** The digest jobs and their schedules (UTC), declared with the platform's own. */
export const digestJobs: JobDefinition[] = (['immediate', 'daily', 'weekly'] as const).map((cadence) => ({
  name: `digest.${cadence}`,
  maxAttempts: 8,
  backoffSeconds: 30,
  handler: async (payload: { tick?: string }, { deps, now, log }) => {
    const tick = payload.tick ? new Date(payload.tick) : now;
    await runDigest(deps, cadence, tick, {}, log);
  },
}));

export const digestSchedules: ScheduleDefinition[] = (['immediate', 'daily', 'weekly'] as const).map((cadence) => ({
  name: `digest.${cadence}`,
  cron: DIGEST_SCHEDULES[cadence],
  job: `digest.${cadence}`,
}));
