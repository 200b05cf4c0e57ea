/**
 * A real server process (`node --import tsx src/main.ts`, as `npm start` runs it) is killed with SIGKILL
 * while its delivery job is sending a password-reset mail (the SMTP sink never answers), then started
 * again: the job's lease runs out, the job runs again, and the mail is delivered once, on both engines.
 */
import { describe, it, afterAll } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { connect, type DbHandle } from '../../src/db/connect.js';
import { DIALECTS, PG_URL, ADMIN } from '../support/context.js';
import { SmtpSink } from '../support/smtp-sink.js';
import { SCRUBBED_BODY } from '../../src/platform/mail/mailer.js';

const ROOT = resolve(import.meta.dirname, '../..');
const PORTS = { sqlite: { http: 3410, smtp: 3411 }, postgres: { http: 3412, smtp: 3413 } } as const;

async function until<T>(what: string, fn: () => Promise<T | undefined | null | false>, ms = 45_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn().catch((err) => {
      if (/exited/.test(String(err))) throw err;
      return undefined;
    });
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

// Most of the time is the two server starts (tsx compiling the app): seconds on an idle machine.
describe.each(DIALECTS)('a job in flight survives kill -9 (%s)', (dialect) => {
  const ports = PORTS[dialect];
  const dataDir = mkdtempSync(join(tmpdir(), 'dialogo-restart-'));
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const sink = new SmtpSink(ports.smtp);
  let server: ChildProcess | undefined;
  let handle: DbHandle | undefined;
  const env = {
    ...process.env,
    NODE_ENV: 'test',
    LOG_LEVEL: 'error',
    PORT: String(ports.http),
    HOST: '127.0.0.1',
    BASE_URL: `http://127.0.0.1:${ports.http}`,
    DATA_DIR: dataDir,
    SMTP_URL: sink.url,
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    AUTH_SECRET: 'test-secret-test-secret-test-secret-0123',
    JOB_LEASE_SECONDS: '5', // a mail claim lasts 10 s and a stalled send gives up after 5 s; a restart takes longer
    ...(dialect === 'postgres' ? { DATABASE_URL: `${PG_URL}?options=${encodeURIComponent(`-c search_path=${schema}`)}` } : {}),
  };
  const base = `http://127.0.0.1:${ports.http}`;

  async function start() {
    server = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'inherit'] });
    await until('the server to listen', async () => {
      if (server!.exitCode !== null) throw new Error(`the server exited with ${server!.exitCode}`);
      return (await fetch(`${base}/es/sign-in`)).ok;
    }, 90_000);
  }

  afterAll(async () => {
    server?.kill('SIGKILL');
    await handle?.close();
    await sink.close();
    if (dialect === 'postgres') {
      const admin = new pg.Client({ connectionString: PG_URL });
      await admin.connect();
      await admin.query(`drop schema if exists ${schema} cascade`);
      await admin.end();
    }
  });

  it('delivers the mail once after the restart', async ({ expect }) => {
    await sink.listen();
    sink.mode = 'stall';
    if (dialect === 'postgres') {
      const admin = new pg.Client({ connectionString: PG_URL });
      await admin.connect();
      await admin.query(`create schema ${schema}`);
      await admin.end();
    }
    await start();

    // Ask for a password reset, as a visitor would (CSRF cookie from a page first).
    const page = await fetch(`${base}/es/sign-in`);
    const cookie = page.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const csrf = /dialogo\.csrf=([^;]+)/.exec(cookie)![1]!;
    const res = await fetch(`${base}/es/forgot-password`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: csrf, email: ADMIN.email }),
    });
    expect(res.status).toBe(303);

    // The worker is sending it, and the SMTP server does not answer: kill the process now.
    await until('the message to reach the SMTP server', async () => sink.received.length === 1);
    server!.kill('SIGKILL');
    await new Promise((r) => server!.once('exit', r));

    handle = dialect === 'postgres' ? await connect({ url: PG_URL, schema, poolSize: 2 }) : await connect({ file: join(dataDir, 'dialogo.sqlite') });
    const db = handle.db;
    const mail = () => db.selectFrom('outbox').selectAll().where('kind', '=', 'password-reset').executeTakeFirstOrThrow();
    const row = await mail();
    expect(row.status).toBe('sending');
    expect(row.attempts).toBe(1);
    const inFlight = await db.selectFrom('jobs').selectAll().where('name', '=', 'mail.deliver').where('status', '=', 'running').execute();
    expect(inFlight).toHaveLength(1);
    expect(sink.accepted).toHaveLength(0);

    // Start again: the lapsed lease is taken over and the mail delivered — once.
    sink.mode = 'accept';
    await start();
    const sent = await until('the mail to be sent after the restart', async () => {
      const r = await mail();
      return r.status === 'sent' ? r : undefined;
    });
    expect(sent.attempts).toBe(2);
    expect(sent.text_body).toBe(SCRUBBED_BODY);
    await until('the job to finish', async () => {
      const j = await db.selectFrom('jobs').select('status').where('id', '=', inFlight[0]!.id).executeTakeFirst();
      return j?.status === 'done';
    });
    // Later passes change nothing.
    await new Promise((r) => setTimeout(r, 1500));
    expect(sink.accepted).toHaveLength(1);
    expect(sink.accepted[0]!.to).toEqual([ADMIN.email]);

    // A graceful stop (SIGTERM) ends the process cleanly.
    const exited = new Promise<number | null>((r) => server!.once('exit', (code) => r(code)));
    server!.kill('SIGTERM');
    expect(await exited).toBe(0);
    server = undefined;
  }, 240_000);
});
