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
