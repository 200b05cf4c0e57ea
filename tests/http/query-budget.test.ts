/**
 * Query budget: how many SQL statements each benchmarked page runs (bench/<module>.ts `pages()`: the pages people
 * meet most, signed in and anonymous, searches included), on both engines, at two sizes of the benchmarks' own
 * generated data. A page whose count grows with the data (a query per row: "N+1") fails, and so does a page over
 * its budget — the first item of decisions/0007's plan for uncached speed. A module that adds a bench page is
 * held to it here without editing this file. Statements are counted through Kysely (a plugin on the handle the app
 * uses); on SQLite the practices' full-text queries run on the raw handle and are counted on PostgreSQL only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import pino from 'pino';
import type { KyselyPlugin } from 'kysely';
import { loadConfig } from '../../src/config.js';
import { boot } from '../../src/boot.js';
import { createApp } from '../../src/app.js';
import { connect } from '../../src/db/connect.js';
import type { Dialect } from '../../src/db/schema.js';
import { BASE_PAGES, loadModules } from '../../bench/pages.js';
import { benchSessionCookie } from '../../bench/member.js';
import type { BenchPage } from '../../bench/types.js';
import { DIALECTS, PG_URL } from '../support/context.js';

/** Statements a page's own reads may run; a signed-in request adds the session lookup (session, then user). */
const BUDGET = 12;
const SESSION = 2;
/**
 * The two sizes compared, as fractions of each benchmark's full size (500 organizations in a Mesa, 5,000 in the
 * directory, 100,000 practices): every generated list is four times longer in the second.
 */
const SMALL = 0.01;
const LARGER = 0.04;
/** Practices are many at full size: a smaller fraction keeps the test quick (50 and 200). */
const SCALE_OF: Record<string, number> = { practices: 0.05 };
/**
 * A search may ask one more question when it finds more (a typo's candidates in a language that now has the
 * word): one statement of slack. A query per row would add one per extra row — dozens here.
 */
const SLACK = 1;

interface Measured {
  label: string;
  budget: number;
  signedIn: boolean;
  path: string;
  status: number;
  /** The status the page answers with (a benchmark page may be one not found: the floor). */
  expected: number;
  queries: number;
}

async function measure(dialect: Dialect, scale: number): Promise<Measured[]> {
  let queries = 0;
  const counter: KyselyPlugin = { transformQuery: (a) => a.node, transformResult: async (a) => (queries++, a.result) };
  let schema: string | undefined;
  if (dialect === 'postgres') {
    schema = `t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.end();
  }
  const handle = await connect(dialect === 'postgres' ? { url: PG_URL, schema, poolSize: 5 } : { file: ':memory:' });
  handle.db = handle.db.withPlugin(counter);
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATA_DIR: mkdtempSync(join(tmpdir(), 'dialogo-budget-')),
    AUTH_SECRET: 'test-secret-test-secret-test-secret-0123',
    BASE_URL: 'http://localhost:3000',
    PAGE_CACHE_TTL: '0',
  });
  const silent = () => {};
  const booted = await boot(config, { handle, log: pino({ level: 'silent' }) });
  try {
    const deps = booted.deps;
    const modules = await loadModules();
    for (const m of modules) await m.generate(deps, { scale: scale * (SCALE_OF[m.name] ?? 1), log: silent });
    const pages: BenchPage[] = [...BASE_PAGES];
    for (const m of modules) pages.push(...(await m.pages(deps)));
    const cookie = await benchSessionCookie(deps);
    const app = createApp(deps);
    const out: Measured[] = [];
    for (const p of pages) {
      const headers: Record<string, string> = p.as === 'member' ? { cookie } : {};
      const get = () => app.fetch(new Request(`http://127.0.0.1${p.path}`, { headers }), {});
      await (await get()).arrayBuffer(); // warm: memoized reference data, first-use statements
      queries = 0;
      const res = await get();
      await res.arrayBuffer();
      out.push({ label: p.label, budget: p.budget ?? BUDGET, signedIn: p.as === 'member', path: p.path, status: res.status, expected: p.status ?? 200, queries });
    }
    return out;
  } finally {
    await booted.deps.jobs.stop();
    await handle.close();
    if (schema) {
      const admin = new pg.Client({ connectionString: PG_URL });
      await admin.connect();
      await admin.query(`drop schema ${schema} cascade`);
      await admin.end();
    }
  }
}

describe.each(DIALECTS)('query budget of the benchmarked pages (%s)', (dialect) => {
  let small: Measured[];
  let larger: Measured[];
  beforeAll(async () => {
    small = await measure(dialect, SMALL);
    larger = await measure(dialect, LARGER);
  }, 180_000);
  afterAll(() => {});

  it('answers every page', () => {
    expect(small.length).toBeGreaterThan(10);
    for (const m of [...small, ...larger]) expect({ page: m.label, status: m.status }).toEqual({ page: m.label, status: m.expected });
  });

  it('runs the same number of statements whatever the amount of data (no query per row)', () => {
    const grown = larger.map((m, i) => ({ page: m.label, small: small[i]!.queries, larger: m.queries }));
    expect(grown.filter((g) => Math.abs(g.larger - g.small) > SLACK)).toEqual([]);
  });

  it(`stays within ${BUDGET} statements per request, or the page's own budget (${SESSION} more signed in)`, () => {
    expect(larger.filter((m) => m.queries > m.budget + (m.signedIn ? SESSION : 0)).map((m) => `${m.label}: ${m.queries}`)).toEqual([]);
  });
});
