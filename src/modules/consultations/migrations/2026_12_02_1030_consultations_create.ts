/**
 * Frozen migration: consultations, their questions, and the answers (one row per organization — or, later,
 * per person — and consultation: the primary key is what makes concurrent submissions leave exactly one).
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('consultations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('body_id', 'text', (c) => c.notNull().references('bodies.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('instructions', 'text', (c) => c.notNull())
    .addColumn('audience', 'text', (c) => c.notNull())
    .addColumn('publish_answers', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('opens_at', 'text')
    .addColumn('closes_at', 'text')
    .addColumn('opened_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('reminded_at', 'text')
    .addColumn('answer_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('consultations_body_idx').on('consultations').column('body_id').execute();
  await db.schema.createIndex('consultations_status_idx').on('consultations').column('status').execute();
  await db.schema
    .createTable('consultation_questions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('consultation_id', 'text', (c) => c.notNull().references('consultations.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('required', 'integer', (c) => c.notNull())
    .addColumn('prompt', 'text', (c) => c.notNull())
    .addColumn('help', 'text', (c) => c.notNull())
    .addColumn('source', 'text')
    .addColumn('items', 'text', (c) => c.notNull())
    .addColumn('min_n', 'integer')
    .addColumn('max_n', 'integer')
    .addColumn('low_label', 'text')
    .addColumn('high_label', 'text')
    .addColumn('show_if_question', 'text')
    .addColumn('show_if_value', 'text')
    .addUniqueConstraint('consultation_questions_position', ['consultation_id', 'position'])
    .execute();
  await db.schema
    .createTable('consultation_answers')
    .addColumn('consultation_id', 'text', (c) => c.notNull().references('consultations.id').onDelete('cascade'))
    .addColumn('respondent', 'text', (c) => c.notNull())
    .addColumn('answers', 'text', (c) => c.notNull())
    .addColumn('submitted_by', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('consultation_answers_pk', ['consultation_id', 'respondent'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('consultation_answers').execute();
  await db.schema.dropTable('consultation_questions').execute();
  await db.schema.dropTable('consultations').execute();
}
