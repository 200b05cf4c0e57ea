/**
 * Test support: the real application on a real database — SQLite in memory, or PostgreSQL in a schema
 * of its own per test file (so files run in parallel). PostgreSQL must be reachable: when it is not the
 * tests fail, they are never skipped.
 */
import pino from 'pino';
import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config.js';
import { connect } from '../../src/db/connect.js';
import { boot } from '../../src/boot.js';
import { createApp } from '../../src/app.js';
import type { Dialect } from '../../src/db/schema.js';
import type { ModuleManifest } from '../../src/platform/module.js';
import type { RunOptions } from '../../src/platform/jobs/jobs.js';

export const DIALECTS: Dialect[] = ['sqlite', 'postgres'];
export const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const ADMIN = { email: 'admin@test.local', password: 'admin-password-123' };

export type TestContext = Awaited<ReturnType<typeof createTestContext>>;

export async function createTestContext(dialect: Dialect, env: Record<string, string> = {}, opts: { modules?: ModuleManifest[]; schema?: string } = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'dialogo-test-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATA_DIR: dataDir,
    AUTH_SECRET: 'test-secret-test-secret-test-secret-0123',
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    BASE_URL: 'http://localhost:3000',
    ...env,
  });
  let schema: string | undefined = opts.schema;
  const ownSchema = dialect === 'postgres' && !schema;
  if (ownSchema) {
    schema = `t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 5000 });
    try {
      await admin.connect();
    } catch (err) {
      throw new Error(`PostgreSQL is required for the test suite and is not reachable at ${PG_URL}: ${(err as Error).message}`);
    }
    await admin.query(`create schema ${schema}`);
    await admin.end();
  }
  const handle = await connect(dialect === 'postgres' ? { url: PG_URL, schema, poolSize: 5 } : { file: ':memory:' });
  const log = pino({ level: 'silent' });
  const booted = await boot(config, { handle, log, ...(opts.modules ? { modules: opts.modules } : {}) });
  const app = createApp(booted.deps);
  return {
    dialect,
    app,
    deps: booted.deps,
    db: booted.deps.db,
    /** The PostgreSQL schema of this context (another context may share it: two instances, one database). */
    schema,
    client: () => new TestClient(app),
    /**
     * Runs every job due now (or at `now`), including the schedules' ticks due by then; workers never start
     * by themselves in tests. Returns how many jobs ran.
     */
    runJobs: (o?: RunOptions) => booted.deps.jobs.runDue(o),
    /** A client signed in as the seeded administrator. */
    async admin() {
      const c = new TestClient(app);
      await c.signIn(ADMIN.email, ADMIN.password);
      return c;
    },
    async close() {
      await booted.deps.jobs.stop();
      await handle.close();
      if (schema && ownSchema) {
        const admin = new pg.Client({ connectionString: PG_URL });
        await admin.connect();
        await admin.query(`drop schema ${schema} cascade`);
        await admin.end();
      }
    },
  };
}

type App = ReturnType<typeof createApp>;

/** A browser stand-in: keeps cookies, sends the CSRF token with every form, follows nothing by itself. */
export class TestClient {
  cookies = new Map<string, string>();
  constructor(private app: App) {}

  private cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
  private keep(res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';');
      const i = pair!.indexOf('=');
      const name = pair!.slice(0, i).trim();
      const value = pair!.slice(i + 1).trim();
      const expired = attrs.some((a) => /max-age=0/i.test(a) || /expires=Thu, 01 Jan 1970/i.test(a));
      if (!value || expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }
  async request(path: string, init: RequestInit = {}) {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set('cookie', this.cookieHeader());
    return this.keep(await this.app.request(path, { ...init, headers }));
  }
  get(path: string, headers: Record<string, string> = {}) {
    return this.request(path, { headers });
  }
  async csrf() {
    if (!this.cookies.get('dialogo.csrf')) await this.get('/es/sign-in');
    return this.cookies.get('dialogo.csrf')!;
  }
  /** Posts a form (arrays become repeated fields) with the CSRF token. */
  async post(path: string, fields: Record<string, string | string[] | undefined> = {}, opts: { csrf?: string | null } = {}) {
    const body = new URLSearchParams();
    const token = opts.csrf === undefined ? await this.csrf() : opts.csrf;
    if (token) body.append('_csrf', token);
    for (const [k, v] of Object.entries(fields)) {
      if (v === undefined) continue;
      for (const x of Array.isArray(v) ? v : [v]) body.append(k, x);
    }
    return this.request(path, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  }
  /** Posts multipart form data (files). */
  async postMultipart(path: string, form: FormData) {
    form.append('_csrf', await this.csrf());
    return this.request(path, { method: 'POST', body: form });
  }
  async signIn(email: string, password: string) {
    const res = await this.post('/es/sign-in', { email, password });
    if (res.status !== 303) throw new Error(`sign-in failed for ${email}: ${res.status} ${(await res.text()).slice(0, 300)}`);
    return res;
  }
}

/** The last message sent to an address, from the outbox. */
export async function lastMail(ctx: TestContext, to: string) {
  return ctx.db.selectFrom('outbox').selectAll().where('to_address', '=', to.toLowerCase()).orderBy('created_at', 'desc').executeTakeFirst();
}

/** Signs up, verifies through the mailed link, and signs in; returns the signed-in client and user id. */
export async function signUpAndIn(ctx: TestContext, email: string, name = 'Test Person', password = 'a-long-password-1') {
  const c = ctx.client();
  const r = await c.post('/es/sign-up', { name, email, password, confirm: password });
  if (r.status !== 303) throw new Error(`sign-up failed: ${r.status}`);
  const mail = await lastMail(ctx, email);
  const token = /token=([^\s&]+)/.exec(mail!.text_body)![1]!;
  const v = await c.get(`/es/verify-email?token=${token}`);
  if (v.status !== 303) throw new Error(`verification failed: ${v.status}`);
  await c.signIn(email, password);
  const user = await ctx.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow();
  return { client: c, userId: user.id };
}
