/**
 * PostgreSQL postings (docs/decisions/0008): after publishing, re-publishing, unpublishing and deleting
 * practices — one at a time and two at once — every (language, lexeme) row holds exactly the practices the
 * GIN index finds, and a word is read from its postings row by primary key, never from practice_texts.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { sql } from 'kysely';
import { createTestContext, type TestContext } from '../../../tests/support/context.js';
import { makePractice, practiceInput, userStub } from './factories.js';
import { searchPractices } from './search.js';
import { transition } from './commands/workflow.js';
import { wordPostingsQuery } from './pg-postings.js';

const author = userStub('author0000000001');
const admin = userStub('admin00000000001', 'admin');

/** Rows where the postings and a fresh aggregation of practice_texts disagree (0 when exact). */
async function drift(ctx: TestContext): Promise<number> {
  const r = await sql<{ n: number }>`with g as (
      select t.lang, l.lexeme, array_agg(p.seq order by p.seq) as seqs, coalesce(array_agg(p.seq order by p.seq) filter (where 'A' = any(l.weights)), '{}') as title
      from practice_texts t join practices p on p.id = t.practice_id, unnest(t.tsv) l group by 1, 2),
    q as (select lang, lexeme, array(select unnest(seqs) order by 1) as seqs, array(select unnest(title) order by 1) as title
      from practice_postings where cardinality(seqs) > 0)
    select count(*)::int as n from g full join q using (lang, lexeme) where g.seqs is distinct from q.seqs or g.title is distinct from q.title`.execute(ctx.db);
  return r.rows[0]!.n;
}

describe('practice postings on postgres', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext('postgres');
  });
  afterAll(async () => ctx?.close());

  const publish = (title: Record<string, string>, summary: Record<string, string>) =>
    ctx.db.transaction().execute((trx) => makePractice(trx, author, practiceInput({ texts: { title, summary } }), 'published', admin));

  it('stays exact through publish, unpublish, re-publish and delete', async () => {
    const a = await publish({ es: 'Migración laboral segura' }, { es: 'Empleo para personas migrantes.' });
    const b = await publish({ es: 'Salud en la frontera', en: 'Health at the border' }, { es: 'Migración y salud.', en: 'Migration and health.' });
    // Two publications at once (the triggers' upserts on the same lexemes wait for each other).
    const [c, d] = await Promise.all([
      publish({ es: 'Frontera y empleo' }, { es: 'Salud laboral.' }),
      publish({ es: 'Empleo migrante' }, { es: 'Frontera segura.' }),
    ]);
    expect(await drift(ctx)).toBe(0);
    const seqs = await ctx.db.selectFrom('practices').select('seq').where('id', 'in', [a, b, c, d]).execute();
    expect(new Set(seqs.map((s) => s.seq)).size).toBe(4);
    expect(seqs.every((s) => Number(s.seq) > 0)).toBe(true);
    expect((await searchPractices(ctx.db, { text: 'frontera' })).ids.sort()).toEqual([b, c, d].sort());
    expect((await searchPractices(ctx.db, { text: 'frontera' })).ids[0]).not.toBe(d); // title matches first

    const un = await transition(ctx.db, admin, b, 'unpublish', 'Falta información.');
    expect(un.ok).toBe(true);
    expect(await drift(ctx)).toBe(0);
    expect((await searchPractices(ctx.db, { text: 'frontera' })).ids.sort()).toEqual([c, d].sort());
    expect((await searchPractices(ctx.db, { text: 'health' })).total).toBe(0);

    for (const step of ['submit', 'approve'] as const) expect((await transition(ctx.db, step === 'submit' ? author : admin, b, step)).ok).toBe(true);
    expect(await drift(ctx)).toBe(0);
    expect((await searchPractices(ctx.db, { text: 'health border' })).ids).toEqual([b]);

    await ctx.db.deleteFrom('practices').where('id', '=', c).execute(); // the texts go by cascade
    expect(await drift(ctx)).toBe(0);
    expect((await searchPractices(ctx.db, { text: 'frontera' })).ids.sort()).toEqual([b, d].sort());
    // A statement that removes several texts at once.
    await ctx.db.deleteFrom('practice_texts').where('practice_id', 'in', [a, d]).execute();
    expect(await drift(ctx)).toBe(0);
  });

  it('reads a word from its postings row, not from practice_texts', async () => {
    await sql`analyze practice_postings`.execute(ctx.db);
    const plan = (await sql<{ 'QUERY PLAN': string }>`explain ${wordPostingsQuery('es', 'frontera')}`.execute(ctx.db)).rows.map((r) => r['QUERY PLAN']).join('\n');
    expect(plan).toMatch(/practice_postings/);
    expect(plan).not.toMatch(/practice_texts/);
    const row = (await wordPostingsQuery('es', 'frontera').execute(ctx.db)).rows[0]!;
    expect(row.same).toBe(true);
    expect(row.lexeme).toBe('fronter');
    const stop = (await wordPostingsQuery('es', 'y').execute(ctx.db)).rows[0]!;
    expect(Number(stop.n)).toBe(0);
  });
});
