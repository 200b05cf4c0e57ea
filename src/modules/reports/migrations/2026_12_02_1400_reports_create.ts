/**
 * Frozen migration: published reports ("Hojas informativas"). An edition keeps its scope and each section's
 * data as JSON text exactly as gathered on the day it was published, so it reads the same in any language
 * forever after, whatever the live data becomes.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('report_editions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('scope_kind', 'text', (c) => c.notNull())
    .addColumn('body_id', 'text')
    .addColumn('objective_n', 'integer')
    .addColumn('period_from', 'text', (c) => c.notNull())
    .addColumn('period_to', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('sections', 'text', (c) => c.notNull())
    .addColumn('edition_date', 'text', (c) => c.notNull())
    .addColumn('published_by', 'text')
    .addColumn('published_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('report_editions_published_idx').on('report_editions').columns(['published_at']).execute();
  await db.schema.createIndex('report_editions_scope_idx').on('report_editions').columns(['scope_kind', 'body_id', 'objective_n']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('report_editions').execute();
}
