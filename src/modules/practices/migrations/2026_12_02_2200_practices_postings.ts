/**
 * Frozen migration (PostgreSQL only): postings of the practices' full-text index, so that "which practices
 * have this word" is answered from one narrow row per (language, lexeme) instead of reading every match's
 * 1.4 KB `practice_texts` row (docs/decisions/0008-postgres-search-at-scale.md).
 *
 * - `practices.seq` (SQLite's FTS rowid, null on PostgreSQL until now) is filled on PostgreSQL too, from a
 *   sequence, by a trigger (the insert sends null): the in-memory index already maps seq → position.
 * - A practice's texts are deleted just before the practice (a row trigger), so their number is still known.
 * - `practice_postings (lang, lexeme, seqs int4[], title int4[])`: the practices whose text in `lang` has the
 *   lexeme, and those that have it with weight A (the title). Kept by statement-level triggers on
 *   `practice_texts` (transition tables: one aggregated upsert per statement), so every transaction that
 *   publishes, unpublishes, edits or deletes a practice keeps them exact, with no change to the code that
 *   writes `practice_texts`. Bulk loads disable the triggers and rebuild the table (bench/practices.ts).
 */
import { sql, type Kysely } from 'kysely';

function isPg(db: Kysely<any>) {
  return /postgres/i.test(db.getExecutor().adapter.constructor.name);
}

export async function up(db: Kysely<any>): Promise<void> {
  if (!isPg(db)) return;
  const run = (q: string) => sql.raw(q).execute(db);
  // Numbers for the practices.
  await run('create sequence practices_seq_seq owned by practices.seq');
  await run(`update practices p set seq = n.seq from (select id, row_number() over (order by created_at, id) as seq from practices) n where n.id = p.id`);
  await run(`select setval('practices_seq_seq', coalesce((select max(seq) from practices), 0) + 1, false)`);
  await run('create unique index practices_seq_idx on practices (seq)');
  await run(`create function practices_assign_seq() returns trigger language plpgsql as $$
    begin
      if new.seq is null then new.seq := nextval('practices_seq_seq'); end if;
      return new;
    end $$`);
  await run('create trigger practices_assign_seq before insert on practices for each row execute function practices_assign_seq()');
  // A practice's texts go before the practice itself (not by the cascade after it), so the postings triggers
  // below still find its number when a practice is deleted.
  await run(`create function practices_delete_texts() returns trigger language plpgsql as $$
    begin
      delete from practice_texts where practice_id = old.id;
      return old;
    end $$`);
  await run('create trigger practices_delete_texts before delete on practices for each row execute function practices_delete_texts()');
  // The postings.
  await run('create table practice_postings (lang text not null, lexeme text not null, seqs int4[] not null, title int4[] not null, primary key (lang, lexeme))');
  await run('alter table practice_postings alter column seqs set storage external, alter column title set storage external');
  const add = `insert into practice_postings as p (lang, lexeme, seqs, title)
      select t.lang, l.lexeme, array_agg(n.seq), coalesce(array_agg(n.seq) filter (where 'A' = any(l.weights)), '{}')
      from new_rows t join practices n on n.id = t.practice_id, unnest(t.tsv) l group by t.lang, l.lexeme order by 1, 2
      on conflict (lang, lexeme) do update set seqs = p.seqs || excluded.seqs, title = p.title || excluded.title`;
  const remove = `with d as (select t.lang, l.lexeme, array_agg(t.seq) as seqs from (select t.lang, t.tsv, n.seq from old_rows t join practices n on n.id = t.practice_id) t, unnest(t.tsv) l group by 1, 2)
      update practice_postings p set
        seqs = case when cardinality(d.seqs) = 1 then array_remove(p.seqs, d.seqs[1]) else array(select unnest(p.seqs) except all select unnest(d.seqs)) end,
        title = case when cardinality(d.seqs) = 1 then array_remove(p.title, d.seqs[1]) else array(select unnest(p.title) except all select unnest(d.seqs)) end
      from d where p.lang = d.lang and p.lexeme = d.lexeme`;
  await run(`create function practice_postings_add() returns trigger language plpgsql as $$ begin ${add}; return null; end $$`);
  await run(`create function practice_postings_remove() returns trigger language plpgsql as $$ begin ${remove}; return null; end $$`);
  await run(`create function practice_postings_change() returns trigger language plpgsql as $$ begin ${remove}; ${add}; return null; end $$`);
  await run('create trigger practice_postings_add after insert on practice_texts referencing new table as new_rows for each statement execute function practice_postings_add()');
  await run('create trigger practice_postings_remove after delete on practice_texts referencing old table as old_rows for each statement execute function practice_postings_remove()');
  await run('create trigger practice_postings_change after update on practice_texts referencing old table as old_rows new table as new_rows for each statement execute function practice_postings_change()');
  await run(`insert into practice_postings (lang, lexeme, seqs, title)
      select t.lang, l.lexeme, array_agg(n.seq order by n.seq), coalesce(array_agg(n.seq order by n.seq) filter (where 'A' = any(l.weights)), '{}')
      from practice_texts t join practices n on n.id = t.practice_id, unnest(t.tsv) l group by 1, 2`);
  await run('analyze practices, practice_postings');
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!isPg(db)) return;
  const run = (q: string) => sql.raw(q).execute(db);
  for (const t of ['practice_postings_add', 'practice_postings_remove', 'practice_postings_change']) await run(`drop trigger if exists ${t} on practice_texts`);
  for (const t of ['practices_assign_seq', 'practices_delete_texts']) await run(`drop trigger if exists ${t} on practices`);
  for (const f of ['practice_postings_add', 'practice_postings_remove', 'practice_postings_change', 'practices_delete_texts', 'practices_assign_seq']) await run(`drop function if exists ${f}()`);
  await run('drop table if exists practice_postings');
  await run('drop index if exists practices_seq_idx');
  await run('update practices set seq = null');
  await run('drop sequence if exists practices_seq_seq');
}
