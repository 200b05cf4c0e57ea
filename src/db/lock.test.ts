/**
 * The SQLite start-up lock (db/lock.ts): opening a database file waits while another process holds it, so a
 * process starting beside one that is migrating never reads a half-created schema (it did: FTS5's "vtable
 * constructor failed" and "database is locked" in one start of two, tests/http/resilience.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from './connect.js';

/** Another process takes the lock, says so, creates a full-text table, holds the lock `ms` longer and tells when it let go. */
function holdLock(file: string, ms: number): Promise<{ released: Promise<number> }> {
  const script = `
    const SQLite = require('better-sqlite3');
    const lock = new SQLite(${JSON.stringify(file + '.lock')});
    lock.exec('create table if not exists start_lock (x integer)');
    lock.exec('begin exclusive');
    const db = new SQLite(${JSON.stringify(file)});
    db.pragma('journal_mode = WAL');
    db.exec("create virtual table t_fts using fts5(body)");
    process.stdout.write('held\\n');
    setTimeout(() => { const at = Date.now(); lock.exec('rollback'); process.stdout.write(String(at) + '\\n'); lock.close(); db.close(); }, ${ms});
  `;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  return new Promise((resolve, reject) => {
    let releasedAt: (n: number) => void;
    const released = new Promise<number>((r) => (releasedAt = r));
    child.stdout.on('data', (d) => {
      out += String(d);
      if (out.startsWith('held\n')) resolve({ released });
      const lines = out.trim().split('\n');
      if (lines.length === 2) releasedAt(Number(lines[1]));
    });
    child.on('error', reject);
    child.on('exit', (code) => code !== 0 && reject(new Error(`lock holder exited with ${code}`)));
  });
}

describe('SQLite start-up lock', () => {
  it('opening a database file waits until another process releases the lock, then sees its tables', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'dialogo-lock-')), 'dialogo.sqlite');
    const { released } = await holdLock(file, 600);
    const handle = await connect({ file });
    const openedAt = Date.now();
    try {
      expect(openedAt).toBeGreaterThanOrEqual(await released);
      const tables = handle.sqlite!.prepare(`select name from sqlite_master where name = 't_fts'`).all();
      expect(tables).toHaveLength(1);
    } finally {
      await handle.close();
    }
  });
});
