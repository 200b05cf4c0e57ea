/**
 * A database outage does not sign anyone out: when the session cannot be read the page answers 503 (translated),
 * a posted form is not sent to the sign-in page, and a forged cookie is still just a signed-out visitor. A
 * damaged SQLite file stops the start in one line and fails `cli check`.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, openSync, writeSync, closeSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestContext, DIALECTS, TestClient, ADMIN, type TestContext } from '../support/context.js';
import { createApp } from '../../src/app.js';
import { connect } from '../../src/db/connect.js';

describe.each(DIALECTS)('database outage on %s', (dialect) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext(dialect);
  });
  afterAll(async () => ctx?.close());

  it('answers 503 to a signed-in visitor instead of signing them out, for pages and posts', async () => {
    const admin = await ctx.admin();
    const failing = { ...ctx.deps.auth, api: { ...ctx.deps.auth.api, getSession: async () => Promise.reject(new Error('connection refused')) } };
    const app = createApp({ ...ctx.deps, auth: failing as unknown as typeof ctx.deps.auth });
    const c = new TestClient(app);
    c.cookies = new Map(admin.cookies);
    const page = await c.get('/pt/account');
    expect(page.status).toBe(503);
    expect(page.headers.get('retry-after')).toBe('30');
    expect(await page.text()).toContain('O serviço não está disponível neste momento');
    const post = await c.post('/es/account/profile', { name: 'Nuevo nombre' });
    expect(post.status).toBe(503);
    expect(post.headers.get('location')).toBeNull();
    const api = await c.get('/api/v1/objectives');
    expect(api.status).toBe(503);
  });

  it('a forged session cookie is a signed-out visitor, not an outage', async () => {
    const c = ctx.client();
    c.cookies.set('dialogo.session_token', 'forged.value');
    expect((await c.get('/es/')).status).toBe(200);
    const r = await c.get('/es/account');
    expect(r.status).toBe(303);
    expect(r.headers.get('location')).toMatch(/\/es\/sign-in/);
  });
});

describe('a damaged SQLite file', () => {
  it('stops the start with one line and fails the integrity check', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dialogo-damaged-'));
    const env = { ...process.env, DATA_DIR: dir, LOG_LEVEL: 'error', DATABASE_URL: '', BASE_URL: 'http://localhost:3000', ADMIN_EMAIL: ADMIN.email };
    const cli = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], { encoding: 'utf8', env, timeout: 60_000 });
    expect(cli('seed').status).toBe(0);
    expect(cli('check').stdout).toContain('integrity check: ok');
    // Scribble over the middle of the file (past the header): pages of tables and indexes are now garbage.
    const file = join(dir, 'dialogo.sqlite');
    const size = statSync(file).size;
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(64 * 1024, 0x5a), 0, 64 * 1024, Math.floor(size / 2));
    closeSync(fd);
    await expect(connect({ file })).rejects.toThrow(/damaged|malformed/);
    const checked = cli('check');
    expect(checked.status).not.toBe(0);
  }, 120_000);
});
