/**
 * Frozen migration: the library's documents, their files (one per language), objectives and countries, and
 * the full-text index of each engine — SQLite: one FTS5 table (unicode61, diacritics removed; rowid = the
 * document's seq × 4 + the language's index) with its fts5vocab table for typo candidates; PostgreSQL:
 * a tsvector per document and language over unaccent, GIN-indexed per language, and a pg_trgm word list.
 */
import { sql, type Kysely } from 'kysely';

const LANGS = ['es', 'en', 'pt', 'fr'];
const isPg = (db: Kysely<any>) => /postgres/i.test(db.getExecutor().adapter.constructor.name);

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('library_documents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('seq', 'integer')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('original_lang', 'text', (c) => c.notNull())
    .addColumn('body_id', 'text')
    .addColumn('org_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('authors', 'text')
    .addColumn('published_on', 'text', (c) => c.notNull())
    .addColumn('visibility', 'text', (c) => c.notNull())
    .addColumn('visibility_body_id', 'text')
    .addColumn('licence', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('library_documents_created_idx').on('library_documents').columns(['created_at']).execute();
  await db.schema.createIndex('library_documents_body_idx').on('library_documents').columns(['body_id']).execute();
  if (!isPg(db)) await db.schema.createIndex('library_documents_seq_idx').on('library_documents').column('seq').unique().execute();
  await db.schema
    .createTable('library_files')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('document_id', 'text', (c) => c.notNull().references('library_documents.id').onDelete('cascade'))
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('stored_name', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('text', 'text')
    .addColumn('text_status', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('library_files_doc_lang_uq', ['document_id', 'lang'])
    .execute();
  await db.schema
    .createTable('library_terms')
    .addColumn('document_id', 'text', (c) => c.notNull().references('library_documents.id').onDelete('cascade'))
    .addColumn('facet', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('library_terms_pk', ['document_id', 'facet', 'value'])
    .execute();
  await db.schema.createIndex('library_terms_value_idx').on('library_terms').columns(['facet', 'value']).execute();
  await db.schema
    .createTable('library_meta')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
  if (isPg(db)) {
    await sql`select pg_advisory_xact_lock(730413)`.execute(db);
    await sql`create extension if not exists unaccent schema public`.execute(db);
    await sql`create extension if not exists pg_trgm schema public`.execute(db);
    await sql`create table library_texts (document_id text not null references library_documents(id) on delete cascade, lang text not null, tsv tsvector not null, primary key (document_id, lang))`.execute(db);
    for (const l of LANGS) await sql.raw(`create index library_texts_tsv_${l}_idx on library_texts using gin (tsv) where lang = '${l}'`).execute(db);
    await sql`create table library_words (word text primary key)`.execute(db);
    await sql`create index library_words_trgm_idx on library_words using gin (word public.gin_trgm_ops)`.execute(db);
  } else {
    await sql.raw(`create virtual table library_fts using fts5(title, summary, body, tokenize = 'unicode61 remove_diacritics 2', detail = column)`).execute(db);
    await sql.raw(`create virtual table library_vocab using fts5vocab(library_fts, 'row')`).execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPg(db)) {
    await sql`drop table if exists library_words`.execute(db);
    await sql`drop table if exists library_texts`.execute(db);
  } else {
    await sql.raw('drop table if exists library_vocab').execute(db);
    await sql.raw('drop table if exists library_fts').execute(db);
  }
  for (const t of ['library_meta', 'library_terms', 'library_files', 'library_documents']) await db.schema.dropTable(t).ifExists().execute();
}
