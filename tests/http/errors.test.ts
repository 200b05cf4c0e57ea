/** Server errors get a localized page with the request id (details only in the log); a database that cannot be opened stops the start with one line. */
import { describe, it, expect } from 'vitest';
import { Hono } from 'hono';
import pino from 'pino';
import { Writable } from 'node:stream';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config.js';
import { connect } from '../../src/db/connect.js';
import { boot } from '../../src/boot.js';
import { createApp } from '../../src/app.js';
import { modules } from '../../src/modules/index.js';
import { defineModule } from '../../src/platform/module.js';
import type { AppEnv } from '../../src/platform/http/env.js';

describe('server errors', () => {
  it('shows a localized 500 page with the request id and logs the details', async () => {
    const lines: string[] = [];
    const log = pino({ level: 'error' }, new Writable({ write: (chunk, _e, cb) => (lines.push(String(chunk)), cb()) }));
    const broken = new Hono<AppEnv>({ strict: false });
    broken.get('/broken', () => {
      throw new Error('secret internal detail');
    });
    const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: mkdtempSync(join(tmpdir(), 'dialogo-err-')), AUTH_SECRET: 'x'.repeat(40), BASE_URL: 'http://localhost:3000' });
    const handle = await connect({ file: ':memory:' });
    const { deps } = await boot(config, { handle, log, modules: [...modules, defineModule({ name: 'broken', routes: broken })] });
    const app = createApp(deps);
    const res = await app.request('/pt/broken', { headers: { 'x-request-id': 'req-12345678' } });
    expect(res.status).toBe(500);
    const html = await res.text();
    expect(html).toContain('lang="pt"');
    expect(html).toContain('req-12345678');
    expect(html).not.toContain('secret internal detail');
    expect(lines.join('')).toContain('secret internal detail');
    expect(lines.join('')).toContain('req-12345678');
    const api = await app.request('/api/v1/nothing-here');
    expect(api.status).toBe(404);
    await handle.close();
  });
});

describe('start-up', () => {
  const start = (env: Record<string, string>) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], { encoding: 'utf8', timeout: 30_000, env: { ...process.env, BASE_URL: 'http://localhost:3000', LOG_LEVEL: 'error', PORT: '3995', ...env } });

  it('stops with one line when the database cannot be opened', () => {
    const r = start({ DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none', DATA_DIR: mkdtempSync(join(tmpdir(), 'dialogo-bad-')) });
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^dialogo cannot start: cannot connect to PostgreSQL/);
  });

  it('stops with one line per configuration problem', () => {
    const r = start({ PORT: 'x', SMTP_URL: 'ftp://nope' });
    expect(r.status).toBe(78);
    expect(r.stderr).toMatch(/PORT/);
    expect(r.stderr).toMatch(/SMTP_URL/);
  });
});
