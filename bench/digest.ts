/**
 * @module Digest benchmark
 * Generates 5,000 people (at scale 1) in four languages with varied preferences — most keep the default weekly
 * digest of everything, some chose daily or "right away" for a kind, some switched kinds off, a few nothing at all —
 * and a week of news (practices published, public events announced) in a week of its own, then times building and
 * queuing that week's digest for everyone (platform/digest/run.ts: every module's `updates` per reader, the
 * assembly in each language, one outbox row and its exactly-once record per person), with the peak memory.
 * Target on the 2-core reference machine: under 60 s for 5,000 people. `cpu_seconds` is printed beside the wall time:
 * on a shared, loaded machine the wall time measures the queue for a core more than the digest.
 * Run alone: `node --import tsx bench/digest.ts [--people 5000] [--db postgres]`.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import pino from 'pino';
import type { AppDeps } from '../src/platform/http/env.js';
import type { BenchModule, BenchRow } from './types.js';
import { newId } from '../src/db/ids.js';
import { LOCALES } from '../src/platform/i18n/locales.js';
import { updateKinds } from '../src/platform/digest/kinds.js';
import { runDigest } from '../src/platform/digest/run.js';
import { makePractice, practiceInput } from '../src/modules/practices/factories.js';
import { prng } from './prng.js';

/**
 * The benchmark's week: in the past and away from other generated data (its events are over, so they change no
 * page the query budget counts). Its digest runs at TICK.
 */
const WEEK_START = Date.parse('2021-03-01T00:00:00Z');
const TICK = new Date('2021-03-08T06:00:00Z');
export const PEOPLE = 5000;

export async function generateDigestData(deps: AppDeps, opts: { scale: number; log: (m: string) => void }) {
  const { db, dialect } = deps;
  const n = Math.max(10, Math.round(PEOPLE * opts.scale));
  const rnd = prng(821);
  const kinds = updateKinds(deps.modules);
  const yes = (dialect === 'postgres' ? true : 1) as unknown as number;
  const stamp = (dialect === 'postgres' ? new Date() : new Date().toISOString()) as unknown as string;
  let prefs = 0;
  for (let i = 0; i < n; i += 500) {
    const users = [];
    const choices = [];
    for (let j = i; j < Math.min(n, i + 500); j++) {
      const id = newId();
      users.push({ id, name: `Persona ${j}`, email: `digest-${j}@bench.example`, email_verified: yes, image: null, created_at: stamp, updated_at: stamp, role: 'member', locale: LOCALES[j % 4]! });
      const r = rnd();
      // 70 %: the default (weekly, everything); 10 % some kinds off; 10 % a daily kind; 7 % right away for one kind; 3 % nothing at all.
      if (r < 0.7) continue;
      for (const k of kinds) {
        const m = rnd();
        let mode: 'off' | 'daily' | 'immediate' | null = null;
        if (r < 0.8) mode = m < 0.4 ? 'off' : null;
        else if (r < 0.9) mode = m < 0.3 && (!k.cadences || k.cadences.includes('daily')) ? 'daily' : null;
        else if (r < 0.97) mode = m < 0.2 && (!k.cadences || k.cadences.includes('immediate')) ? 'immediate' : null;
        else mode = 'off';
        if (mode) choices.push({ user_id: id, kind: k.kind, mode });
      }
    }
    await db.insertInto('users').values(users).execute();
    for (let c = 0; c < choices.length; c += 500) await db.insertInto('notification_preferences').values(choices.slice(c, c + 500)).execute();
    prefs += choices.length;
  }
  // The week's news: practices published and public events announced, spread over the week.
  const admin = await db.selectFrom('users').selectAll().where('role', '=', 'admin').executeTakeFirstOrThrow();
  const actor = { id: admin.id, name: admin.name, email: admin.email, role: 'admin' as const, locale: 'es' as const, emailVerified: true };
  for (let p = 0; p < 25; p++) {
    const id = await makePractice(db, actor, practiceInput({ texts: { title: { es: `Práctica de la semana ${p}`, pt: `Prática da semana ${p}` } } }), 'published', actor);
    await db.updateTable('practices').set({ published_at: new Date(WEEK_START + p * 6 * 3_600_000).toISOString() }).where('id', '=', id).execute();
  }
  for (let e = 0; e < 12; e++) {
    const at = new Date(WEEK_START + e * 12 * 3_600_000).toISOString();
    await db
      .insertInto('events')
      .values({
        id: newId(), kind: 'seminar', title: JSON.stringify({ es: `Seminario ${e}`, en: `Seminar ${e}` }), description: JSON.stringify({ es: 'Seminario abierto' }), original_lang: 'es',
        format: 'online', venue_address: null, venue_city: null, venue_country: null, online_url: 'https://meet.example/s',
        starts_at: new Date(WEEK_START + (10 + e) * 86_400_000).toISOString(), ends_at: new Date(WEEK_START + (10 + e) * 86_400_000 + 7_200_000).toISOString(),
        time_zone: 'America/Bogota', visibility: 'public', visibility_body_id: null, registration_mode: 'open', capacity: null, registration_closes_at: null,
        registered_count: 0, status: 'scheduled', sequence: 0, created_by: admin.id, created_at: at, updated_at: at,
      } as never)
      .execute();
  }
  opts.log(`digest: ${n} people in four languages, ${prefs} chosen preferences, 25 practices and 12 events in the week`);
}

/** Builds and queues the week's digest for everyone; time, mails and peak memory. */
export async function measureDigest(deps: AppDeps): Promise<BenchRow> {
  let peakRss = process.memoryUsage().rss;
  let peakHeap = process.memoryUsage().heapUsed;
  const sampler = setInterval(() => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  }, 50);
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const r = await runDigest(deps, 'weekly', TICK);
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  clearInterval(sampler);
  const people = Number((await deps.db.selectFrom('digest_sends').select((eb) => eb.fn.countAll().as('n')).where('cadence', '=', 'weekly').where('period', '=', r.period).executeTakeFirst())?.n ?? 0);
  return {
    name: 'digest: build and queue a weekly digest',
    values: { people, mailed: r.sent, seconds: (ms / 1000).toFixed(1), cpu_seconds: ((cpu.user + cpu.system) / 1e6).toFixed(1), target_s: 60, peak_rss_mb: Math.round(peakRss / 1048576), peak_heap_mb: Math.round(peakHeap / 1048576) },
  };
}

export const bench: BenchModule = {
  name: 'digest',
  generate: (deps, opts) => generateDigestData(deps, opts),
  pages: async () => [],
  extra: async (deps) => [await measureDigest(deps)],
};

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const arg = (name: string, def: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1]! : def;
  };
  const people = Number(arg('people', String(PEOPLE)));
  const db = arg('db', 'sqlite');
  const { loadConfig } = await import('../src/config.js');
  const { boot } = await import('../src/boot.js');
  const env: Record<string, string> = { DATA_DIR: mkdtempSync(join(tmpdir(), 'digest-bench-')), LOG_LEVEL: 'warn', ADMIN_PASSWORD: 'bench-admin-password', NODE_ENV: 'production' };
  if (db === 'postgres') {
    const pg = (await import('pg')).default;
    const admin = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/postgres' });
    await admin.connect();
    await admin.query('DROP DATABASE IF EXISTS dialogo_digest_bench');
    await admin.query('CREATE DATABASE dialogo_digest_bench');
    await admin.end();
    env.DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/dialogo_digest_bench';
  }
  const { deps, handle } = await boot(loadConfig(env), { log: pino({ level: 'warn' }) });
  await generateDigestData(deps, { scale: people / PEOPLE, log: (m) => console.log(`  · ${m}`) });
  const row = await measureDigest(deps);
  console.log(`${row.name} (${db}): ${Object.entries(row.values).map(([k, v]) => `${k}=${v}`).join('  ')}`);
  await handle.close();
}
