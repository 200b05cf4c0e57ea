/** Start-up failures are one clear line, before any work is done; the first administrator's password is never lost. */
import { describe, it, expect } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, existsSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const env = (over: Record<string, string>) => ({ ...process.env, LOG_LEVEL: 'error', DATABASE_URL: '', BASE_URL: '', SMTP_URL: '', ...over });
const start = (over: Record<string, string>) => spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], { encoding: 'utf8', env: env(over), timeout: 60_000 });

describe('start-up failures', () => {
  it('a port in use: one line, and nothing migrated or seeded', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dialogo-port-'));
    const blocker: Server = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const port = (blocker.address() as { port: number }).port;
    try {
      const r = start({ DATA_DIR: dir, PORT: String(port), HOST: '127.0.0.1' });
      expect(r.status).toBe(1);
      expect(r.stderr.trim().split('\n')).toEqual([`dialogo cannot start: port ${port} on 127.0.0.1 is already in use; set PORT to a free port.`]);
      expect(existsSync(join(dir, 'dialogo.sqlite'))).toBe(false);
    } finally {
      blocker.close();
    }
  }, 60_000);

  it('a BASE_URL that is not http(s), and a DATA_DIR that is a file: one line each, exit 78', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dialogo-cfg-'));
    const ftp = start({ DATA_DIR: dir, BASE_URL: 'ftp://example.org' });
    expect(ftp.status).toBe(78);
    expect(ftp.stderr).toContain('BASE_URL: must start with http:// or https://');
    expect(ftp.stderr.trim().split('\n').length).toBe(2);
    const file = join(dir, 'a-file');
    writeFileSync(file, 'x');
    const bad = start({ DATA_DIR: file });
    expect(bad.status).toBe(78);
    expect(bad.stderr).toContain(`DATA_DIR: ${file} is a file, not a folder`);
    expect(bad.stderr.trim().split('\n').length).toBe(2);
  }, 60_000);

  it('prints the first administrator once, and never a password given in ADMIN_PASSWORD', async () => {
    const first = async (over: Record<string, string>) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { env: env(over) });
      let out = '';
      child.stdout.on('data', (d) => (out += d));
      await new Promise<void>((resolve, reject) => {
        const t = setTimeout(() => reject(new Error(`no banner: ${out}`)), 60_000);
        child.stdout.on('data', () => {
          if (out.includes('email:') || out.includes('"dialogo is serving')) {
            clearTimeout(t);
            resolve();
          }
        });
      });
      await new Promise((r) => setTimeout(r, 300));
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      return out;
    };
    const dir = mkdtempSync(join(tmpdir(), 'dialogo-admin-'));
    const given = await first({ DATA_DIR: dir, PORT: '3391', HOST: '127.0.0.1', ADMIN_PASSWORD: 'a-password-from-env-123', LOG_LEVEL: 'silent' });
    expect(given).toContain('email:    admin@dialogo.local');
    expect(given).not.toContain('a-password-from-env-123');
    const dir2 = mkdtempSync(join(tmpdir(), 'dialogo-admin-'));
    const random = await first({ DATA_DIR: dir2, PORT: '3392', HOST: '127.0.0.1', LOG_LEVEL: 'silent' });
    expect(random).toMatch(/password: [A-Za-z0-9_-]{16}\n/);
  }, 120_000);
});

describe('shutdown', () => {
  it('drains on SIGTERM: queued and new requests are answered with Connection: close, /healthz says 503, idle keep-alive sockets do not hold the exit', async () => {
    const { request, Agent } = await import('node:http');
    const dir = mkdtempSync(join(tmpdir(), 'dialogo-stop-'));
    const port = 3393;
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { env: env({ DATA_DIR: dir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'silent', SHUTDOWN_DRAIN_SECONDS: '1' }) });
    const agent = new Agent({ keepAlive: true, maxSockets: 4 });
    const get = (path: string) =>
      new Promise<{ status: number; connection: string | undefined }>((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port, path, agent }, (res) => {
          res.resume();
          res.on('end', () => resolve({ status: res.statusCode!, connection: res.headers.connection }));
        });
        req.on('error', reject);
        req.end();
      });
    const deadline = Date.now() + 90_000;
    for (;;) {
      const r = await get('/healthz').catch(() => null);
      if (r?.status === 200) break;
      if (Date.now() > deadline) throw new Error('the server did not start');
      await new Promise((r) => setTimeout(r, 200));
    }
    expect((await get('/es/about')).connection).toBe('keep-alive'); // leaves an idle keep-alive socket behind
    const exited = new Promise<number>((resolve) => child.once('exit', (code) => resolve(code ?? -1)));
    const t0 = Date.now();
    child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 200));
    const [health, page] = await Promise.all([get('/healthz'), get('/es/about')]);
    expect(health).toEqual({ status: 503, connection: 'close' });
    expect(page).toEqual({ status: 200, connection: 'close' });
    expect(await exited).toBe(0);
    expect(Date.now() - t0).toBeLessThan(5_000);
    agent.destroy();
  }, 120_000);
});
