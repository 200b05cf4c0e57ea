/** The command line: migrate, seed, create-admin and backup on a real SQLite file. */
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';

const run = (dataDir: string, ...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], { encoding: 'utf8', env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'error', DATABASE_URL: '', BASE_URL: 'http://localhost:3000' } });

describe('cli', () => {
  it('migrates, seeds, creates an administrator and backs up', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dialogo-cli-'));
    const migrated = run(dir, 'migrate');
    expect(migrated.stderr.replace(/\n/g, ' | ')).toBe('');
    expect(migrated.stdout).toContain('up to date');
    const seeded = run(dir, 'seed');
    expect(seeded.stdout).toMatch(/administrator created: admin@dialogo.local/);
    expect(run(dir, 'create-admin', 'staff@example.org', 'a-long-password').stdout).toContain('administrator ready: staff@example.org');
    expect(run(dir, 'create-admin', 'not-an-email').status).toBe(2);
    const backup = join(dir, 'copy.sqlite');
    expect(run(dir, 'backup', backup).status).toBe(0);
    expect(existsSync(backup)).toBe(true);
    const db = new Database(backup, { readonly: true });
    expect((db.prepare("select count(*) n from users where role = 'admin'").get() as { n: number }).n).toBe(2);
    expect((db.prepare('select count(*) n from bodies').get() as { n: number }).n).toBe(9);
    db.close();
    expect(run(dir, 'nonsense').status).toBe(2);
  }, 60_000);
});
