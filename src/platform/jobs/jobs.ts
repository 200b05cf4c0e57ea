/**
 * @module Background jobs
 * A durable job queue in the application's own database (the `jobs` and `job_schedules` tables), the
 * same code on SQLite and PostgreSQL (see docs/decisions/0006-background-jobs.md). Jobs are enqueued in
 * the caller's transaction, claimed with a conditional update (so two instances never run the same job),
 * held by a lease that a running worker renews (a worker killed mid-job leaves a lease that runs out, and
 * the job runs again: handlers must be idempotent), retried with exponential backoff, then `failed`
 * (listed and retryable at /admin/jobs). Schedules are cron patterns (croner); each tick is taken by one
 * instance with a conditional update on `job_schedules.next_run_at`, which enqueues the job once.
 *
 * Modules declare `jobs` and `schedules` in their manifest; `deps.jobs.enqueue(name, payload)` queues
 * one. The server starts the worker after listen (src/main.ts); tests run what is due with
 * `ctx.runJobs()`.
 */
import { Cron } from 'croner';
import type { Logger } from 'pino';
import { newId } from '../../db/ids.js';
import type { Db } from '../../db/schema.js';
import type { AppDeps } from '../http/env.js';

/** What a handler receives besides its payload. */
export interface JobContext {
  deps: AppDeps;
  log: Logger;
  /** The time the run was started for (tests pass a moment of their choosing). */
  now: Date;
  job: { id: string; name: string; attempt: number };
}

export interface JobDefinition<P = any> {
  /** Unique name, prefixed by the module: 'elections.clock', 'mail.deliver'. */
  name: string;
  /** Must be idempotent: a job whose worker died runs again. Throwing schedules a retry. */
  handler: (payload: P, ctx: JobContext) => Promise<void>;
  /** Runs before the job is `failed` (default 5). */
  maxAttempts?: number;
  /** First retry after this many seconds, doubling each time (default 30). */
  backoffSeconds?: number;
}

export interface ScheduleDefinition {
  /** Unique name of the schedule. */
  name: string;
  /** Cron pattern in UTC (croner: 5 fields, or 6 with seconds first). */
  cron: string;
  /** The job to enqueue at each tick; it receives `{ ...payload, tick }` (the tick's ISO time). */
  job: string;
  payload?: Record<string, unknown>;
}

export interface EnqueueOptions {
  /** Not before this moment (default: now). */
  runAt?: Date;
  /** While a job with this key waits, enqueueing another with the same key does nothing. */
  uniqueKey?: string;
}

export interface RunOptions {
  /** Runs what is due at this moment (default: now); a later moment makes later schedules due. */
  now?: Date;
}

export interface Jobs {
  /** Queues a job (outside any transaction; inside one, use `enqueueJob(trx, …)`). */
  enqueue(name: string, payload?: unknown, opts?: EnqueueOptions): Promise<void>;
  /** Takes the schedules' due ticks and runs every due job until none is left; returns how many ran. */
  runDue(opts?: RunOptions): Promise<number>;
  /** Sets a failed job to run again now; false when it is not (or no longer) failed. */
  retry(id: string): Promise<boolean>;
  /** Starts polling (the server, after listen). */
  start(): void;
  /** Stops polling and waits for the job in hand (at most `timeoutMs`). */
  stop(timeoutMs?: number): Promise<void>;
  /** Gives the handlers the application's dependencies (boot, once they exist). */
  bind(deps: AppDeps): void;
  readonly names: string[];
}

const DEFAULT_MAX_ATTEMPTS = 5;
const DEFAULT_BACKOFF = 30;

/** Queues a job in the caller's transaction (or on the database). Unknown names fail loudly at run time. */
export async function enqueueJob(db: Db, name: string, payload: unknown = {}, opts: EnqueueOptions = {}, maxAttempts = DEFAULT_MAX_ATTEMPTS): Promise<void> {
  const now = new Date().toISOString();
  await db
    .insertInto('jobs')
    .values({
      id: newId(),
      name,
      payload: JSON.stringify(payload ?? {}),
      status: 'queued',
      run_at: (opts.runAt ?? new Date()).toISOString(),
      attempts: 0,
      max_attempts: maxAttempts,
      unique_key: opts.uniqueKey ?? null,
      locked_by: null,
      locked_until: null,
      last_error: null,
      created_at: now,
      finished_at: null,
    })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** Sets a failed job to run again now (with the caller's handle); false when it is not, or no longer, failed. */
export async function retryJob(db: Db, id: string): Promise<boolean> {
  const res = await db
    .updateTable('jobs')
    .set({ status: 'queued', attempts: 0, run_at: new Date().toISOString(), finished_at: null, unique_key: null })
    .where('id', '=', id)
    .where('status', '=', 'failed')
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** The next tick of a cron pattern after `after`, in UTC. */
export function nextTick(cron: string, after: Date): Date {
  const next = new Cron(cron, { paused: true, timezone: 'UTC' }).nextRun(after);
  if (!next) throw new Error(`schedule "${cron}" has no next run`);
  return next;
}

export function createJobs(opts: {
  db: Db;
  log: Logger;
  jobs: JobDefinition[];
  schedules?: ScheduleDefinition[];
  /** How long a claim holds without renewal (default 60 s). */
  leaseSeconds?: number;
  /** How often an idle worker looks for work (default 1 s). */
  pollMs?: number;
}): Jobs {
  const { db, log } = opts;
  const leaseMs = (opts.leaseSeconds ?? 60) * 1000;
  const pollMs = opts.pollMs ?? 1000;
  const defs = new Map<string, JobDefinition>();
  for (const j of opts.jobs) {
    if (defs.has(j.name)) throw new Error(`job "${j.name}" is declared twice`);
    defs.set(j.name, j);
  }
  const schedules = opts.schedules ?? [];
  for (const s of schedules) {
    if (!defs.has(s.job)) throw new Error(`schedule "${s.name}" names an unknown job "${s.job}"`);
    nextTick(s.cron, new Date()); // a bad pattern stops the boot, not the first tick
  }
  const names = [...defs.keys()];
  const workerId = newId();
  let deps: AppDeps | undefined;
  let schedulesReady: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | undefined;
  let stopped = true;
  let again = false;
  const enqueuing = new Set<Promise<unknown>>();

  async function ensureSchedules(now: Date) {
    for (const s of schedules) {
      await db
        .insertInto('job_schedules')
        .values({ name: s.name, cron: s.cron, next_run_at: nextTick(s.cron, now).toISOString(), last_run_at: null })
        .onConflict((oc) => oc.column('name').doNothing())
        .execute();
      await db
        .updateTable('job_schedules')
        .set({ cron: s.cron, next_run_at: nextTick(s.cron, now).toISOString() })
        .where('name', '=', s.name)
        .where('cron', '<>', s.cron)
        .execute();
    }
  }

  /** Enqueues each schedule's due tick; the conditional update makes one instance take each tick. */
  async function tickSchedules(now: Date) {
    if (!schedules.length) return;
    const due = await db
      .selectFrom('job_schedules')
      .selectAll()
      .where(
        'name',
        'in',
        schedules.map((s) => s.name),
      )
      .where('next_run_at', '<=', now.toISOString())
      .execute();
    for (const row of due) {
      const s = schedules.find((x) => x.name === row.name)!;
      await db.transaction().execute(async (trx) => {
        const taken = await trx
          .updateTable('job_schedules')
          .set({ next_run_at: nextTick(s.cron, now).toISOString(), last_run_at: row.next_run_at })
          .where('name', '=', row.name)
          .where('next_run_at', '=', row.next_run_at)
          .executeTakeFirst();
        if (Number(taken.numUpdatedRows) !== 1) return;
        await enqueueJob(trx, s.job, { ...(s.payload ?? {}), tick: row.next_run_at }, { uniqueKey: `schedule:${s.name}` }, defs.get(s.job)!.maxAttempts);
      });
    }
  }

  /** Claims one due job (waiting and due, or running with a lapsed lease) with a conditional update. */
  async function claim(now: Date) {
    const at = now.toISOString();
    const dueOrLapsed = (eb: any) =>
      eb.or([eb.and([eb('status', '=', 'queued'), eb('run_at', '<=', at)]), eb.and([eb('status', '=', 'running'), eb('locked_until', '<', at)])]);
    const candidates = await db
      .selectFrom('jobs')
      .select(['id'])
      .where('name', 'in', names)
      .where(dueOrLapsed)
      .orderBy('run_at')
      .limit(5)
      .execute();
    for (const c of candidates) {
      const res = await db
        .updateTable('jobs')
        .set((eb) => ({
          status: 'running',
          locked_by: workerId,
          locked_until: new Date(now.getTime() + leaseMs).toISOString(),
          attempts: eb('attempts', '+', 1),
        }))
        .where('id', '=', c.id)
        .where(dueOrLapsed)
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) === 1) return db.selectFrom('jobs').selectAll().where('id', '=', c.id).executeTakeFirstOrThrow();
    }
    return undefined;
  }

  async function runOne(now: Date): Promise<boolean> {
    const job = await claim(now);
    if (!job) return false;
    const def = defs.get(job.name)!;
    const mine = (q: any) => q.where('id', '=', job.id).where('locked_by', '=', workerId).where('status', '=', 'running');
    if (job.attempts > job.max_attempts) {
      await mine(db.updateTable('jobs').set({ status: 'failed', locked_by: null, locked_until: null, finished_at: now.toISOString() })).execute();
      return true;
    }
    const heartbeat = setInterval(() => {
      void mine(db.updateTable('jobs').set({ locked_until: new Date(Date.now() + leaseMs).toISOString() }))
        .execute()
        .catch(() => {});
    }, Math.max(200, leaseMs / 3));
    heartbeat.unref();
    const jobLog = log.child({ job: job.name, jobId: job.id, attempt: job.attempts });
    try {
      if (!deps) throw new Error('jobs.bind(deps) was not called');
      await def.handler(JSON.parse(job.payload), { deps, log: jobLog, now, job: { id: job.id, name: job.name, attempt: job.attempts } });
      clearInterval(heartbeat);
      await mine(db.updateTable('jobs').set({ status: 'done', locked_by: null, locked_until: null, last_error: null, finished_at: new Date().toISOString() })).execute();
    } catch (err) {
      clearInterval(heartbeat);
      const message = String((err as Error)?.message ?? err).slice(0, 1000);
      if (job.attempts >= job.max_attempts) {
        jobLog.error({ err }, 'job failed for good; retry it from /admin/jobs');
        await mine(db.updateTable('jobs').set({ status: 'failed', locked_by: null, locked_until: null, last_error: message, finished_at: new Date().toISOString() })).execute();
      } else {
        const delay = (def.backoffSeconds ?? DEFAULT_BACKOFF) * 1000 * 2 ** (job.attempts - 1);
        jobLog.warn({ err, retryInMs: delay }, 'job failed; will retry');
        await mine(
          db.updateTable('jobs').set({ status: 'queued', locked_by: null, locked_until: null, last_error: message, run_at: new Date(now.getTime() + delay).toISOString() }),
        ).execute();
      }
    }
    return true;
  }

  async function runDue(o: RunOptions & { worker?: boolean } = {}): Promise<number> {
    // What was enqueued without waiting (a wake after a commit) counts as enqueued before this run.
    await Promise.all([...enqueuing]);
    const now = o.now ?? new Date();
    schedulesReady ??= ensureSchedules(new Date()).catch((err) => {
      schedulesReady = undefined; // try again at the next pass
      throw err;
    });
    await schedulesReady;
    await tickSchedules(now);
    let n = 0;
    // Bounded, so a job that re-enqueues itself as due cannot spin forever.
    while (n < 1000 && !(o.worker && stopped) && (await runOne(o.now ?? new Date()))) n++;
    return n;
  }

  function loop() {
    if (stopped) return;
    again = false;
    running = runDue({ worker: true })
      .catch((err) => log.error({ err }, 'job worker: a pass failed'))
      .finally(() => {
        running = undefined;
        if (stopped) return;
        timer = setTimeout(loop, again ? 0 : pollMs);
      });
  }

  return {
    names,
    bind(d) {
      deps = d;
    },
    async enqueue(name, payload = {}, eo = {}) {
      if (!defs.has(name)) throw new Error(`unknown job "${name}"`);
      const p = enqueueJob(db, name, payload, eo, defs.get(name)!.maxAttempts);
      const settled = p.catch(() => {});
      enqueuing.add(settled);
      void settled.finally(() => enqueuing.delete(settled));
      await p;
      // Started in this process: look now instead of at the next poll.
      if (!stopped && (!eo.runAt || eo.runAt.getTime() <= Date.now())) {
        if (running) again = true;
        else {
          clearTimeout(timer);
          loop();
        }
      }
    },
    runDue,
    retry: (id) => retryJob(db, id),
    start() {
      if (!stopped) return;
      stopped = false;
      loop();
    },
    async stop(timeoutMs = 8000) {
      stopped = true;
      clearTimeout(timer);
      if (running) await Promise.race([running, new Promise((r) => setTimeout(r, timeoutMs).unref())]);
    },
  };
}
