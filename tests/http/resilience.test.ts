/**
 * What a fault can do: a terminated PostgreSQL connection under write load fails the queries it carried and
 * nothing else (the process goes on and the next queries work); two instances starting at once on one empty
 * database both start, and only one creates the administrator.
 */
import { describe, it, expect } from 'vitest';
import pg from 'pg';
import { sql } from 'kysely';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { connect } from '../../src/db/connect.js';
import { PG_URL } from '../support/context.js';

const execFileAsync = promisify(execFile);
const ROOT = join(import.meta.dirname, '../..');

async function withSchema<T>(fn: (schema: string) => Promise<T>): Promise<T> {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  try {
    return await fn(schema);
  } finally {
    await admin.query(`drop schema ${schema} cascade`);
    await admin.end();
  }
}

describe('PostgreSQL connection terminated under write load', () => {
  it('fails the affected queries, keeps the process, and serves the next ones', async () => {
    await withSchema(async (schema) => {
      const app = `dialogo_t_${randomBytes(4).toString('hex')}`;
      const handle = await connect({ url: PG_URL, schema, poolSize: 6, applicationName: app });
      const uncaught: unknown[] = [];
      const onUncaught = (err: unknown) => uncaught.push(err);
      process.on('uncaughtException', onUncaught);
      try {
        await sql`create table writes (id serial primary key, v text)`.execute(handle.db);
        const killer = new pg.Client({ connectionString: PG_URL });
        await killer.connect();
        let failed = 0;
        let done = 0;
        const load = Array.from({ length: 6 }, async () => {
          for (let i = 0; i < 40; i++) {
            try {
              await handle.db.transaction().execute(async (trx) => {
                await sql`insert into writes (v) values ('x')`.execute(trx);
                await sql`select pg_sleep(0.005)`.execute(trx);
                await sql`insert into writes (v) values ('y')`.execute(trx);
              });
              done++;
            } catch {
              failed++;
            }
          }
        });
        for (let k = 0; k < 3; k++) {
          await new Promise((r) => setTimeout(r, 60));
          await killer.query(`select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1`, [app]);
        }
        await Promise.all(load);
        await killer.end();
        expect(failed).toBeGreaterThan(0);
        expect(done).toBeGreaterThan(0);
        expect(uncaught).toEqual([]);
        // Every committed transaction wrote both rows; none wrote half.
        const { rows } = await sql<{ v: string; n: string }>`select v, count(*) as n from writes group by v order by v`.execute(handle.db);
        expect(rows.map((r) => Number(r.n))).toEqual([done, done]);
      } finally {
        process.off('uncaughtException', onUncaught);
        await handle.close();
      }
    });
  });
});

describe.each(['sqlite', 'postgres'] as const)('two processes starting at once on an empty database (%s)', (dialect) => {
  it('both start, the seed runs once, and one administrator is created', async () => {
    const run = async (schema?: string) => {
      const dataDir = mkdtempSync(join(tmpdir(), 'dialogo-twice-'));
      const env: Record<string, string> = {
        ...(process.env as Record<string, string>),
        NODE_ENV: 'test',
        LOG_LEVEL: 'silent',
        DATA_DIR: dataDir,
        AUTH_SECRET: 'test-secret-test-secret-test-secret-0123',
        ADMIN_EMAIL: 'first@test.local',
        BASE_URL: 'http://localhost:3000',
      };
      if (schema) env.DATABASE_URL = `${PG_URL}${PG_URL.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
      else delete env.DATABASE_URL;
      const once = () => execFileAsync(process.execPath, ['--import', 'tsx', 'tests/support/boot-once.ts'], { env, cwd: ROOT, timeout: 120_000 });
      const outs = await Promise.all([once(), once()]);
      const results = outs.map((o) => JSON.parse(o.stdout.trim().split('\n').pop()!) as { firstAdmin: boolean });
      expect(results.filter((r) => r.firstAdmin).length).toBe(1);
      const handle = await connect(schema ? { url: PG_URL, schema } : { file: join(dataDir, 'dialogo.sqlite') });
      try {
        const admins = await handle.db.selectFrom('users').select('email').where('role', '=', 'admin').execute();
        expect(admins.map((a) => a.email)).toEqual(['first@test.local']);
        const bodies = await handle.db.selectFrom('bodies').select(handle.db.fn.countAll().as('n')).executeTakeFirstOrThrow();
        expect(Number(bodies.n)).toBeGreaterThan(5);
      } finally {
        await handle.close();
      }
    };
    if (dialect === 'postgres') await withSchema((schema) => run(schema));
    else await run();
  }, 180_000);
});
