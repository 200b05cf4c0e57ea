/**
 * Frozen migration: good practices, their facet terms, workflow history, attachments, and the full-text
 * index of each engine — SQLite FTS5 tables per language (unicode61, diacritics removed) with fts5vocab
 * tables for typo candidates; PostgreSQL tsvector (unaccent) per language with a pg_trgm word list.
 */
import { sql, type Kysely } from 'kysely';

const LANGS = ['es', 'en', 'pt', 'fr'];

function isPg(db: Kysely<any>) {
  return /postgres/i.test(db.getExecutor().adapter.constructor.name);
}

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('practices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('seq', 'integer')
    .addColumn('org_id', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('original_lang', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('problem', 'text', (c) => c.notNull())
    .addColumn('actions', 'text', (c) => c.notNull())
    .addColumn('results', 'text', (c) => c.notNull())
    .addColumn('lessons', 'text', (c) => c.notNull())
    .addColumn('replication', 'text', (c) => c.notNull())
    .addColumn('implementers', 'text')
    .addColumn('partners', 'text')
    .addColumn('scope', 'text')
    .addColumn('start_date', 'text')
    .addColumn('end_date', 'text')
    .addColumn('resource_type', 'text')
    .addColumn('links', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('contact_name', 'text')
    .addColumn('contact_email', 'text')
    .addColumn('objectives', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('principles', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('countries', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text')
    .addColumn('published_at', 'text')
    .execute();
  // A small integer per practice: the rowid of its rows in SQLite's FTS5 tables.
  if (!isPg(db)) await db.schema.createIndex('practices_seq_idx').on('practices').column('seq').unique().execute();
  await db.schema
    .createTable('practice_meta')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('practices_status_idx').on('practices').columns(['status', 'published_at']).execute();
  await db.schema.createIndex('practices_org_idx').on('practices').column('org_id').execute();
  await db.schema.createIndex('practices_creator_idx').on('practices').column('created_by').execute();

  await db.schema
    .createTable('practice_terms')
    .addColumn('practice_id', 'text', (c) => c.notNull().references('practices.id').onDelete('cascade'))
    .addColumn('facet', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('practice_terms_pk', ['practice_id', 'facet', 'value'])
    .execute();
  await db.schema.createIndex('practice_terms_value_idx').on('practice_terms').columns(['facet', 'value', 'practice_id']).execute();

  await db.schema
    .createTable('practice_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('practice_id', 'text', (c) => c.notNull().references('practices.id').onDelete('cascade'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text')
    .addColumn('comment', 'text')
    .execute();
  await db.schema.createIndex('practice_events_practice_idx').on('practice_events').columns(['practice_id', 'at']).execute();

  await db.schema
    .createTable('practice_attachments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('practice_id', 'text', (c) => c.notNull().references('practices.id').onDelete('cascade'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('stored_name', 'text', (c) => c.notNull().unique())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('uploaded_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('practice_attachments_practice_idx').on('practice_attachments').column('practice_id').execute();

  if (isPg(db)) {
    // Extensions live in public (one per database); concurrent test schemas serialize on a lock.
    await sql`select pg_advisory_xact_lock(730413)`.execute(db);
    await sql`create extension if not exists unaccent schema public`.execute(db);
    await sql`create extension if not exists pg_trgm schema public`.execute(db);
    await sql`create table practice_texts (practice_id text not null references practices(id) on delete cascade, lang text not null, tsv tsvector not null, primary key (practice_id, lang))`.execute(db);
    await sql`create index practice_texts_tsv_idx on practice_texts using gin (tsv)`.execute(db);
    await sql`create table practice_words (lang text not null, word text not null, primary key (lang, word))`.execute(db);
    await sql`create index practice_words_trgm_idx on practice_words using gin (word public.gin_trgm_ops)`.execute(db);
  } else {
    for (const l of LANGS) {
      await sql
        .raw(`create virtual table practices_fts_${l} using fts5(title, body, tokenize = 'unicode61 remove_diacritics 2')`)
        .execute(db);
      await sql.raw(`create virtual table practices_vocab_${l} using fts5vocab(practices_fts_${l}, 'row')`).execute(db);
    }
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPg(db)) {
    await sql`drop table if exists practice_words`.execute(db);
    await sql`drop table if exists practice_texts`.execute(db);
  } else {
    for (const l of LANGS) {
      await sql.raw(`drop table if exists practices_vocab_${l}`).execute(db);
      await sql.raw(`drop table if exists practices_fts_${l}`).execute(db);
    }
  }
  await db.schema.dropTable('practice_attachments').execute();
  await db.schema.dropTable('practice_meta').execute();
  await db.schema.dropTable('practice_events').execute();
  await db.schema.dropTable('practice_terms').execute();
  await db.schema.dropTable('practices').execute();
}
