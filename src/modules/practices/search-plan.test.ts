/**
 * PostgreSQL at a size where the planner's choice matters: a word's matches are found through that
 * language's partial GIN index (not a scan of the language, not a BitmapAnd with the primary key), checked
 * with EXPLAIN after ANALYZE, as the benchmark's bulk load leaves the tables.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { sql } from 'kysely';
import { createTestContext, type TestContext } from '../../../tests/support/context.js';
import { searchPractices, wordMatchesQuery, bumpSearchVersion } from './search.js';

describe('practice search plan on postgres', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext('postgres');
    const now = new Date().toISOString();
    // 6,000 published practices in Spanish (one in a hundred mentions "kilombo"), 2,000 of them also in English.
    await sql`insert into practices (id, created_by, status, original_lang, title, summary, problem, actions, results, lessons, replication, created_at, updated_at, published_at)
      select 'p' || lpad(g::text, 15, '0'), 'bench', 'published', 'es', '{}', '{}', '{}', '{}', '{}', '{}', '{}', ${now}, ${now}, ${now}
      from generate_series(1, 6000) g`.execute(ctx.db);
    await sql`insert into practice_texts (practice_id, lang, tsv)
      select 'p' || lpad(g::text, 15, '0'), 'es', setweight(to_tsvector('spanish', 'Migración y ' || case when g % 100 = 0 then 'kilombo' else 'trabajo' end), 'A')
        || setweight(to_tsvector('spanish', (select string_agg('w' || ((g * 7919 + i * 104729) % 3000)::text, ' ') from generate_series(1, 80) i)), 'B')
      from generate_series(1, 6000) g`.execute(ctx.db);
    await sql`insert into practice_words (lang, word) values ('es', 'migracion'), ('es', 'y'), ('es', 'kilombo'), ('es', 'trabajo'), ('en', 'migration')`.execute(ctx.db);
    await sql`insert into practice_texts (practice_id, lang, tsv)
      select 'p' || lpad(g::text, 15, '0'), 'en', to_tsvector('english', 'Migration and work')
      from generate_series(1, 2000) g`.execute(ctx.db);
    await bumpSearchVersion(ctx.db);
    // What autovacuum does after a bulk insert: the GIN pending list merged into the index, fresh statistics.
    for (const l of ['es', 'en']) await sql`select gin_clean_pending_list(${`practice_texts_tsv_${l}_idx`}::regclass)`.execute(ctx.db);
    await sql`analyze practices, practice_texts`.execute(ctx.db);
  });
  afterAll(async () => ctx?.close());

  it('finds a word through its language’s GIN index', async () => {
    const plan = (await sql<{ 'QUERY PLAN': string }>`explain ${wordMatchesQuery('es', 'kilombo')}`.execute(ctx.db)).rows.map((r) => r['QUERY PLAN']).join('\n');
    expect(plan).toContain('Bitmap Index Scan on practice_texts_tsv_es_idx');
    expect(plan).not.toMatch(/BitmapAnd|Seq Scan on practice_texts/);
  });

  it('finds, counts and ranks at that size', async () => {
    const r = await searchPractices(ctx.db, { text: 'kilombo', perPage: 100 });
    expect(r.total).toBe(60);
    const common = await searchPractices(ctx.db, { text: 'migracion' });
    expect(common.total).toBe(6000); // every match counted; only a bounded set is scored
  });
});
