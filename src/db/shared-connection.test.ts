/**
 * SQLite's one connection, shared (db/connect.ts, SharedSqliteDialect): single statements never wait for one
 * another, a transaction has the connection to itself (no statement of another request runs inside it), and
 * whatever waits gets its turn in order.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql, type Kysely } from 'kysely';
import { connect, type DbHandle } from './connect.js';

let handle: DbHandle;
let db: Kysely<any>;
const tick = () => new Promise((r) => setTimeout(r, 5));

beforeEach(async () => {
  handle = await connect({ file: ':memory:' });
  db = handle.db as unknown as Kysely<any>;
  await sql`create table t (id integer primary key, n integer not null)`.execute(db);
  await sql`insert into t (id, n) values (1, 0)`.execute(db);
});
afterEach(() => handle.close());

const count = async () => Number((await sql<{ c: number }>`select count(*) as c from t`.execute(db)).rows[0]!.c);

describe('SQLite connection shared between statements, exclusive for transactions', () => {
  it('runs many single statements at once', async () => {
    const all = await Promise.all(Array.from({ length: 200 }, () => count()));
    expect(new Set(all)).toEqual(new Set([1]));
  });

  it('keeps other statements out of a transaction until it ends (they see it committed, never half done)', async () => {
    const seen: number[] = [];
    const tx = db.transaction().execute(async (trx) => {
      await sql`insert into t (id, n) values (2, 0)`.execute(trx);
      await tick();
      seen.push(-1); // the transaction's second half starts while the reads below are waiting
      await sql`insert into t (id, n) values (3, 0)`.execute(trx);
      await tick();
    });
    await tick();
    const reads = Promise.all([count(), count(), count()]).then((r) => seen.push(...r));
    await Promise.all([tx, reads]);
    // Every read waited for the commit: none saw one row of two.
    expect(seen).toEqual([-1, 3, 3, 3]);
  });

  it('serializes transactions: read-modify-write from 20 at once counts 20', async () => {
    await Promise.all(
      Array.from({ length: 20 }, () =>
        db.transaction().execute(async (trx) => {
          const { n } = (await sql<{ n: number }>`select n from t where id = 1`.execute(trx)).rows[0]!;
          await tick();
          await sql`update t set n = ${Number(n) + 1} where id = 1`.execute(trx);
        }),
      ),
    );
    expect(Number((await sql<{ n: number }>`select n from t where id = 1`.execute(db)).rows[0]!.n)).toBe(20);
  });

  it('gives the connection back after a failed transaction, and to a transaction waiting behind reads', async () => {
    await expect(
      db.transaction().execute(async (trx) => {
        await sql`insert into t (id, n) values (9, 0)`.execute(trx);
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    const before = count();
    const tx = db.transaction().execute(async (trx) => {
      await sql`insert into t (id, n) values (4, 0)`.execute(trx);
      await tick();
    });
    await new Promise((r) => setImmediate(r)); // the transaction has begun
    const after = count();
    expect(await before).toBe(1); // arrived before the transaction: not kept waiting by it
    expect(await after).toBe(2); // arrived during it: waited for its commit
    await tx;
  });

  it('streams a query (an open iterator keeps the connection busy) while other statements wait their turn', async () => {
    await sql`insert into t (id, n) select value + 10, 0 from json_each('[1,2,3,4,5,6,7,8,9,10]')`.execute(db);
    const streamed: number[] = [];
    const stream = (async () => {
      for await (const row of db.selectFrom('t').select('id').orderBy('id').stream()) {
        streamed.push(Number(row.id));
        await tick();
      }
    })();
    await tick();
    const [n] = await Promise.all([count(), stream]);
    expect(n).toBe(11);
    expect(streamed).toHaveLength(11);
  });
});
