/**
 * Frozen migration (PostgreSQL only): one GIN index on the tsvectors per language, partial on `lang`, instead of
 * one over all languages. Every search asks one language at a time; with one index the planner had to AND a
 * bitmap of the whole language (the primary key on `lang`) with the text's bitmap — 80–95 ms at 100,000
 * practices for Spanish alone (docs/decisions/0008-postgres-search-at-scale.md). The pg_trgm extension
 * (typo candidates) is created again if missing: it is checked here on every database that migrates.
 */
import { sql, type Kysely } from 'kysely';

const LANGS = ['es', 'en', 'pt', 'fr'];

function isPg(db: Kysely<any>) {
  return /postgres/i.test(db.getExecutor().adapter.constructor.name);
}

export async function up(db: Kysely<any>): Promise<void> {
  if (!isPg(db)) return;
  await sql`select pg_advisory_xact_lock(730413)`.execute(db);
  await sql`create extension if not exists pg_trgm schema public`.execute(db);
  for (const l of LANGS) await sql.raw(`create index practice_texts_tsv_${l}_idx on practice_texts using gin (tsv) where lang = '${l}'`).execute(db);
  await sql`drop index if exists practice_texts_tsv_idx`.execute(db);
  await sql`analyze practice_texts`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!isPg(db)) return;
  await sql`create index if not exists practice_texts_tsv_idx on practice_texts using gin (tsv)`.execute(db);
  for (const l of LANGS) await sql.raw(`drop index if exists practice_texts_tsv_${l}_idx`).execute(db);
}
