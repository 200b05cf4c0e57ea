/**
 * Measures the job queue as docs/decisions/0005-background-jobs.md reports it: time to boot the worker,
 * enqueue → handler latency (same process, and from another instance through polling), and memory.
 * `node --import tsx bench/jobs-queue.ts [postgres-url]` (SQLite in memory without a URL).
 */
import pino from 'pino';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { connect } from '../src/db/connect.js';
import { migrateToLatest } from '../src/db/migrator.js';
import { platformMigrations } from '../src/platform/migrations/index.js';
import { createJobs, enqueueJob } from '../src/platform/jobs/jobs.js';

const url = process.argv[2];
const schema = `bench_${randomBytes(4).toString('hex')}`;
if (url) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  await c.query(`create schema ${schema}`);
  await c.end();
}
const handle = url ? await connect({ url, schema, poolSize: 4 }) : await connect({ file: ':memory:' });
await migrateToLatest(handle.db, [platformMigrations]);
const rss0 = process.memoryUsage().rss;
let resolveRun: ((t: number) => void) | undefined;
const t0 = performance.now();
const jobs = createJobs({
  db: handle.db,
  log: pino({ level: 'silent' }),
  jobs: [{ name: 'bench.ping', handler: async () => resolveRun?.(performance.now()) }],
});
jobs.bind({} as any);
jobs.start();
const startMs = performance.now() - t0;
const ran = () => new Promise<number>((r) => (resolveRun = r));
const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const same: number[] = [];
for (let i = 0; i < 20; i++) {
  const p = ran();
  const s = performance.now();
  await jobs.enqueue('bench.ping', {});
  same.push((await p) - s);
}
const other: number[] = [];
for (let i = 0; i < 5; i++) {
  await new Promise((r) => setTimeout(r, 1100 + i * 170)); // the worker is idle, between two polls
  const p = ran();
  const s = performance.now();
  await enqueueJob(handle.db, 'bench.ping', {}); // as another instance would: no local poke
  other.push((await p) - s);
}
await jobs.stop();
console.log(
  JSON.stringify({
    engine: handle.dialect,
    startMs: Math.round(startMs * 10) / 10,
    sameProcessMedianMs: Math.round(median(same) * 10) / 10,
    otherInstanceMedianMs: Math.round(median(other)),
    rssDeltaMB: Math.round((process.memoryUsage().rss - rss0) / 1e6),
  }),
);
await handle.close();
if (url) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  await c.query(`drop schema ${schema} cascade`);
  await c.end();
}
