/** SQLite statements reused by SQL text (db/connect.ts): the same statement back, never one still in use. */
import { describe, it, expect } from 'vitest';
import SQLite from 'better-sqlite3';
import { withStatementCache } from './connect.js';

describe('statement cache', () => {
  it('hands back the prepared statement for the same SQL, a fresh one while it is busy, and stays bounded', () => {
    const raw = new SQLite(':memory:');
    raw.exec('create table t (n integer)');
    raw.exec('insert into t values (1), (2), (3)');
    const db = withStatementCache(raw, 2);
    const a = db.prepare('select n from t order by n');
    expect(db.prepare('select n from t order by n')).toBe(a);
    const it = a.iterate() as IterableIterator<{ n: number }>;
    expect(it.next().value.n).toBe(1);
    const b = db.prepare('select n from t order by n'); // `a` is mid-iteration
    expect(b).not.toBe(a);
    expect(b.all()).toHaveLength(3);
    expect([...it].map((r) => r.n)).toEqual([2, 3]);
    db.prepare('select 1');
    db.prepare('select 2'); // the oldest entry goes
    expect(db.prepare('select n from t order by n')).not.toBe(a);
    db.close();
  });
});
