/**
 * Frozen migration: when a consultation's results are shown (`results_release`: at the close, when the organizers
 * publish them, or live while it is open) and when they were published; and one saved draft per respondent, kept
 * on the server while they answer (a draft is not an answer: nothing counts it).
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('consultations').addColumn('results_release', 'text', (c) => c.notNull().defaultTo('organizers')).execute();
  await db.schema.alterTable('consultations').addColumn('results_published_at', 'text').execute();
  // Consultations closed before this change showed their results at the close: keep it so.
  await sql`update consultations set results_release = 'close', results_published_at = closed_at where status = 'closed'`.execute(db);
  await db.schema
    .createTable('consultation_drafts')
    .addColumn('consultation_id', 'text', (c) => c.notNull().references('consultations.id'))
    .addColumn('respondent', 'text', (c) => c.notNull())
    .addColumn('answers', 'text', (c) => c.notNull())
    .addColumn('saved_by', 'text', (c) => c.notNull())
    .addColumn('saved_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('consultation_drafts_pk', ['consultation_id', 'respondent'])
    .execute();
}
