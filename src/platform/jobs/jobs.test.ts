/**
 * The job queue on both engines: enqueue and run, deduplication, retry with backoff then failed, the
 * administration page and its retry button, schedules (the daily prune of rate limits), and — on
 * PostgreSQL — two application instances on one database taking each schedule tick once.
 */
import { describe, it, expect, beforeAll, afterAll, beforeEach } from 'vitest';
import { createTestContext, DIALECTS, type TestContext } from '../../../tests/support/context.js';
import { defineModule } from '../module.js';
import { modules as allModules } from '../../modules/index.js';
import { enqueueJob } from './jobs.js';

const ran: { instance: string; payload: any }[] = [];
let flakyFails = true;
let instance = 'a';

const testModule = defineModule({
  name: 'jobtest',
  jobs: [
    {
      name: 'jobtest.record',
      handler: async (payload) => {
        ran.push({ instance, payload });
      },
    },
    {
      name: 'jobtest.flaky',
      maxAttempts: 3,
      backoffSeconds: 10,
      handler: async (payload) => {
        if (flakyFails) throw new Error('the flaky job failed');
        ran.push({ instance, payload });
      },
    },
    {
      name: 'jobtest.tick',
      handler: async (payload, { deps }) => {
        ran.push({ instance: deps.config.baseUrl, payload });
      },
    },
  ],
  schedules: [{ name: 'jobtest.everySecond', cron: '* * * * * *', job: 'jobtest.tick', payload: { from: 'schedule' } }],
});
const MODULES = [...allModules, testModule];

const later = (ms: number) => new Date(Date.now() + ms);

describe.each(DIALECTS)('background jobs (%s)', (dialect) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext(dialect, {}, { modules: MODULES });
  });
  afterAll(async () => {
    await ctx?.close();
  });
  beforeEach(() => {
    ran.length = 0;
    flakyFails = true;
  });
  const records = () => ran.filter((r) => r.payload?.from !== 'schedule');

  it('runs an enqueued job once, and nothing before its time', async () => {
    await ctx.deps.jobs.enqueue('jobtest.record', { n: 1 });
    await ctx.deps.jobs.enqueue('jobtest.record', { n: 2 }, { runAt: later(3_600_000) });
    expect(await ctx.runJobs()).toBeGreaterThanOrEqual(1);
    expect(records().map((r) => r.payload.n)).toEqual([1]);
    await ctx.runJobs();
    expect(records().map((r) => r.payload.n)).toEqual([1]);
    await ctx.runJobs({ now: later(3_700_000) });
    expect(records().map((r) => r.payload.n)).toEqual([1, 2]);
  });

  it('keeps one waiting job per unique key, and enqueues inside the caller’s transaction', async () => {
    await ctx.deps.jobs.enqueue('jobtest.record', { n: 'a' }, { uniqueKey: 'same' });
    await ctx.deps.jobs.enqueue('jobtest.record', { n: 'b' }, { uniqueKey: 'same' });
    // A rolled-back transaction leaves no job behind.
    await ctx.db
      .transaction()
      .execute(async (trx) => {
        await enqueueJob(trx, 'jobtest.record', { n: 'rolled back' });
        throw new Error('rollback');
      })
      .catch(() => {});
    await ctx.runJobs();
    expect(records().map((r) => r.payload.n)).toEqual(['a']);
  });

  it('refuses an unknown job name', async () => {
    await expect(ctx.deps.jobs.enqueue('jobtest.nope', {})).rejects.toThrow(/unknown job/);
  });

  it('retries a failing job with exponential backoff, then marks it failed; an administrator retries it', async () => {
    await ctx.deps.jobs.enqueue('jobtest.flaky', { n: 'flaky' });
    const t0 = Date.now();
    await ctx.runJobs({ now: new Date(t0) });
    let job = await ctx.db.selectFrom('jobs').selectAll().where('name', '=', 'jobtest.flaky').executeTakeFirstOrThrow();
    expect(job.status).toBe('queued');
    expect(job.attempts).toBe(1);
    expect(job.last_error).toBe('the flaky job failed');
    expect(new Date(job.run_at).getTime() - t0).toBe(10_000);
    // Not before its time…
    await ctx.runJobs({ now: new Date(t0 + 9_000) });
    expect((await ctx.db.selectFrom('jobs').select('attempts').where('id', '=', job.id).executeTakeFirstOrThrow()).attempts).toBe(1);
    // …then after 10 s, and the next wait doubles.
    await ctx.runJobs({ now: new Date(t0 + 10_000) });
    job = await ctx.db.selectFrom('jobs').selectAll().where('id', '=', job.id).executeTakeFirstOrThrow();
    expect(job.attempts).toBe(2);
    expect(new Date(job.run_at).getTime() - (t0 + 10_000)).toBe(20_000);
    await ctx.runJobs({ now: new Date(t0 + 30_000) });
    job = await ctx.db.selectFrom('jobs').selectAll().where('id', '=', job.id).executeTakeFirstOrThrow();
    expect(job.status).toBe('failed');
    expect(job.attempts).toBe(3);
    await ctx.runJobs({ now: new Date(t0 + 3_600_000) });
    expect((await ctx.db.selectFrom('jobs').select('status').where('id', '=', job.id).executeTakeFirstOrThrow()).status).toBe('failed');

    // Visible in the administration area, in every language…
    const admin = await ctx.admin();
    const page = await admin.get('/en/admin/jobs');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('jobtest.flaky');
    expect(html).toContain('the flaky job failed');
    expect(html).toContain(`/en/admin/jobs/${job.id}/retry`);
    expect((await admin.get('/es/admin')).status).toBe(200);
    expect(await (await admin.get('/es/admin')).text()).toContain('/es/admin/jobs');
    // …not to members or strangers.
    expect((await ctx.client().get('/en/admin/jobs')).status).not.toBe(200);
    expect((await ctx.client().post(`/en/admin/jobs/${job.id}/retry`)).status).not.toBe(303);
    expect((await ctx.db.selectFrom('jobs').select('status').where('id', '=', job.id).executeTakeFirstOrThrow()).status).toBe('failed');

    // Retried from the page: it runs again and succeeds.
    flakyFails = false;
    const res = await admin.post(`/en/admin/jobs/${job.id}/retry`);
    expect(res.status).toBe(303);
    expect((await ctx.db.selectFrom('jobs').select('status').where('id', '=', job.id).executeTakeFirstOrThrow()).status).toBe('queued');
    await ctx.runJobs();
    expect((await ctx.db.selectFrom('jobs').select('status').where('id', '=', job.id).executeTakeFirstOrThrow()).status).toBe('done');
    expect(records().map((r) => r.payload.n)).toEqual(['flaky']);
    // A second retry of a job that is not failed changes nothing.
    const again = await admin.post(`/en/admin/jobs/${job.id}/retry`);
    expect(again.status).toBe(303);
    expect((await ctx.db.selectFrom('jobs').select('status').where('id', '=', job.id).executeTakeFirstOrThrow()).status).toBe('done');
    expect((await admin.post('/en/admin/jobs/no-such-job/retry')).status).toBe(303);
  });

  it('runs the daily prune schedule: rate-limit rows whose window ended go, current ones stay', async () => {
    const sec = Math.floor(Date.now() / 1000);
    const day = 86_400;
    await ctx.db
      .insertInto('rate_limits')
      .values([
        { key: 'old', window_start: sec - 3600, count: 3, expires_at: sec - 60 },
        { key: 'legacy', window_start: sec - 3 * day, count: 3, expires_at: null },
        { key: 'current', window_start: sec, count: 1, expires_at: sec + 2 * day },
      ])
      .execute();
    await ctx.runJobs();
    expect((await ctx.db.selectFrom('rate_limits').select('key').execute()).length).toBeGreaterThanOrEqual(3);
    // When the schedule's next 03:17 UTC tick has come (read from its row: an earlier test's clock an hour ahead may
    // already have taken today's tick, so "a day later" is not always past the next one).
    const tick = await ctx.db.selectFrom('job_schedules').select('next_run_at').where('name', '=', 'platform.prune').executeTakeFirstOrThrow();
    await ctx.runJobs({ now: new Date(Date.parse(tick.next_run_at) + 1000) });
    const keys = (await ctx.db.selectFrom('rate_limits').select('key').execute()).map((r) => r.key);
    expect(keys).toContain('current');
    expect(keys).not.toContain('old');
    expect(keys).not.toContain('legacy');
    const prunes = await ctx.db.selectFrom('jobs').select('status').where('name', '=', 'platform.prune').execute();
    expect(prunes.length).toBeGreaterThanOrEqual(1);
    expect(prunes.every((p) => p.status === 'done')).toBe(true);
  });
});

describe('two instances on one PostgreSQL database', () => {
  let a: TestContext;
  let b: TestContext;
  beforeAll(async () => {
    a = await createTestContext('postgres', { BASE_URL: 'http://a.local' }, { modules: MODULES });
    b = await createTestContext('postgres', { BASE_URL: 'http://b.local' }, { modules: MODULES, schema: a.schema });
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('takes each schedule tick once, whether both run what is due at once or both run their workers', async () => {
    ran.length = 0;
    const t0 = Math.ceil(Date.now() / 1000) * 1000 + 2000;
    for (let i = 0; i < 5; i++) {
      const now = new Date(t0 + i * 1000);
      await Promise.all([a.runJobs({ now }), b.runJobs({ now }), a.runJobs({ now }), b.runJobs({ now })]);
    }
    const ticks = ran.filter((r) => r.payload?.from === 'schedule').map((r) => r.payload.tick);
    expect(ticks.length).toBeGreaterThanOrEqual(5);
    expect(new Set(ticks).size).toBe(ticks.length);

    // The real workers, polling every second for three seconds.
    ran.length = 0;
    await a.db.updateTable('job_schedules').set({ next_run_at: new Date().toISOString() }).where('name', '=', 'jobtest.everySecond').execute();
    a.deps.jobs.start();
    b.deps.jobs.start();
    await new Promise((r) => setTimeout(r, 3500));
    await Promise.all([a.deps.jobs.stop(), b.deps.jobs.stop()]);
    const live = ran.filter((r) => r.payload?.from === 'schedule').map((r) => r.payload.tick);
    expect(live.length).toBeGreaterThanOrEqual(2);
    expect(new Set(live).size).toBe(live.length);
    expect(await a.db.selectFrom('job_schedules').select('name').where('name', '=', 'jobtest.everySecond').execute()).toHaveLength(1);
  });
});
