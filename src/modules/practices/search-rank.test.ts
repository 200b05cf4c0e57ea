/**
 * SQLite's ranking from each word's cached bm25 part is FTS5's own: for texts of one to three words, a word twice,
 * and a typo (a group of candidates, OR), every page of the engine's result is the order of
 * `bm25(practices_fts_es, 4.0, 1.0)` over the same match expression, ties newest first — read off the engine's words
 * kept from earlier texts (the second pass) as well as asked afresh.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { sql } from 'kysely';
import { createTestContext, type TestContext } from '../../../tests/support/context.js';
import { makePractice, practiceInput, userStub } from './factories.js';
import { searchPractices, dropSearchCache, engine } from './search.js';

const author = userStub('author0000000001');
const admin = userStub('admin00000000001', 'admin');

const VOCAB = 'migracion salud empleo vivienda derechos frontera refugio trabajo familias escuela red datos ley proteccion mujeres'.split(' ');

/** A small deterministic generator (mulberry32). */
function rng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('practice search ranking on sqlite', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext('sqlite');
    const r = rng(7);
    // Skewed word choice (earlier words far more often), so that words differ in IDF and rows in frequency and length.
    const word = () => VOCAB[Math.floor(Math.pow(r(), 2) * VOCAB.length)]!;
    const phrase = (k: number) => Array.from({ length: k }, word).join(' ');
    for (let i = 0; i < 90; i++) {
      // Every tenth practice repeats the one before: equal scores, ordered newest first.
      const title = i % 10 === 9 ? `Tema ${phrase(2)}` : `Tema ${phrase(1 + Math.floor(r() * 3))}`;
      const summary = `Resumen ${phrase(3 + Math.floor(r() * 12))}`;
      await ctx.db.transaction().execute((trx) => makePractice(trx, author, practiceInput({ texts: { title: { es: title }, summary: { es: summary } } }), 'published', admin));
    }
  });
  afterAll(() => ctx.close());

  /** FTS5's order for a match expression: bm25, then the catalog's order (newest published first, then id). */
  const fts5Order = async (match: string) =>
    (
      await sql<{ id: string }>`select p.id from practices_fts_es f join practices p on p.seq = f.rowid
        where practices_fts_es match ${match} and p.status = 'published'
        order by bm25(practices_fts_es, 4.0, 1.0), p.published_at desc, p.id`.execute(ctx.db)
    ).rows.map((x) => x.id);

  /** Every page of the engine's result, `perPage` at a time. */
  const engineOrder = async (text: string, perPage: number) => {
    const first = await searchPractices(ctx.db, { text, perPage });
    const ids = [...first.ids];
    for (let page = 2; page <= first.pages; page++) ids.push(...(await searchPractices(ctx.db, { text, perPage, page })).ids);
    expect(ids).toHaveLength(first.total);
    return { ids, corrected: first.corrected };
  };

  const texts = ['migracion', 'salud', 'mujeres', 'derechos salud', 'empleo vivienda familias', 'salud salud', 'ley proteccion datos', 'migracion escuela'];

  it('orders every page as FTS5 does, asked afresh and from the words kept', async () => {
    for (const pass of ['fresh', 'kept'] as const) {
      if (pass === 'fresh') dropSearchCache(ctx.db);
      for (const text of texts) {
        const want = await fts5Order(text.split(' ').map((w) => `("${w}")`).join(' AND '));
        expect(want.length, text).toBeGreaterThan(0);
        dropSearchCache(ctx.db, { keepIndex: true }); // the text's own ranking forgotten; each word's scores kept
        for (const perPage of [7, 100]) expect((await engineOrder(text, perPage)).ids, `${pass}: ${text}, ${perPage} a page`).toEqual(want);
      }
    }
  });

  it('orders a typo\'s candidates (OR) as FTS5 does', async () => {
    const { ids, corrected } = await engineOrder('migrasion salud', 5);
    expect(corrected).toContain('migracion');
    const want = await fts5Order(`(${corrected.map((w) => `"${w}"`).join(' OR ')}) AND ("salud")`);
    expect(ids).toEqual(want);
  });

  it('keeps ties newest first', async () => {
    const all = await searchPractices(ctx.db, { text: 'tema', perPage: 100 });
    // Every practice has "Tema" once in its title: equal frequency, so order follows length, and equal rows follow position.
    const newest = (await searchPractices(ctx.db, { perPage: 100 })).ids;
    expect(all.total).toBe(90);
    const want = await fts5Order('"tema"');
    expect(all.ids).toEqual(want);
    expect(new Set(all.ids)).toEqual(new Set(newest));
  });
});

describe('practice search kept warm on sqlite', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext('sqlite');
    for (let i = 0; i < 12; i++) {
      const texts = { title: { es: `Red ${VOCAB[i]}` }, summary: { es: `Resumen ${VOCAB.slice(i, i + 4).join(' ')}` } };
      await ctx.db.transaction().execute((trx) => makePractice(trx, author, practiceInput({ texts }), 'published', admin));
    }
  });
  afterAll(() => ctx.close());

  /** The FTS5 statements run during `f` (each word asked of FTS5 is one). */
  const fts5Asked = async (f: () => Promise<unknown>) => {
    const proto = Object.getPrototypeOf(ctx.deps.sqlite!.prepare('select 1'));
    const all = proto.all;
    const asked: string[] = [];
    proto.all = function (this: { source: string }, ...a: unknown[]) {
      if (this.source.includes('bm25(')) asked.push(this.source);
      return all.apply(this, a);
    };
    try {
      await f();
    } finally {
      proto.all = all;
    }
    return asked;
  };

  it('asks FTS5 nothing for a new text of known words once warm, and ranks as FTS5 does', async () => {
    dropSearchCache(ctx.db);
    expect(await fts5Asked(() => searchPractices(ctx.db, { text: 'salud empleo' }))).not.toHaveLength(0); // cold: each word asked
    dropSearchCache(ctx.db);
    await engine.keepWarm(ctx.db, (err) => {
      throw err;
    });
    for (const text of ['vivienda derechos', 'red', 'escuela familias trabajo']) {
      const want = (
        await sql<{ id: string }>`select p.id from practices_fts_es f join practices p on p.seq = f.rowid
          where practices_fts_es match ${text.split(' ').map((w) => `("${w}")`).join(' AND ')}
          order by bm25(practices_fts_es, 4.0, 1.0), p.published_at desc, p.id`.execute(ctx.db)
      ).rows.map((x) => x.id);
      let ids: string[] = [];
      expect(await fts5Asked(async () => (ids = (await searchPractices(ctx.db, { text, perPage: 100 })).ids)), text).toEqual([]);
      expect(ids, text).toEqual(want);
    }
    dropSearchCache(ctx.db);
  });
});
