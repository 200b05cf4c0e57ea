/**
 * Frozen migration: per-event registration questions and each registration's answers; materials (checked files
 * and links, before or after the event, for everyone who sees it or for participants only); and representation
 * at others' events — an event organized outside the Mechanism (`external_by`, `external_organizer`), who
 * represents which body there, the mandate they carry and the report they bring back (per language).
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('event_questions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('event_id', 'text', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('choices', 'text')
    .addColumn('required', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('event_questions_event_idx').on('event_questions').column('event_id').execute();
  await db.schema
    .createTable('event_answers')
    .addColumn('registration_id', 'text', (c) => c.notNull().references('event_registrations.id').onDelete('cascade'))
    .addColumn('question_id', 'text', (c) => c.notNull().references('event_questions.id').onDelete('cascade'))
    .addColumn('value', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('event_answers_pk', ['registration_id', 'question_id'])
    .execute();
  await db.schema.createIndex('event_answers_question_idx').on('event_answers').column('question_id').execute();
  await db.schema
    .createTable('event_materials')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('event_id', 'text', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('phase', 'text', (c) => c.notNull())
    .addColumn('audience', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('url', 'text')
    .addColumn('file_name', 'text')
    .addColumn('stored_name', 'text')
    .addColumn('content_type', 'text')
    .addColumn('size', 'integer')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('event_materials_event_idx').on('event_materials').column('event_id').execute();
  await db.schema.alterTable('events').addColumn('external_by', 'text').execute();
  await db.schema.alterTable('events').addColumn('external_organizer', 'text').execute();
  await db.schema
    .createTable('event_representation')
    .addColumn('event_id', 'text', (c) => c.primaryKey().references('events.id').onDelete('cascade'))
    .addColumn('mandate', 'text', (c) => c.notNull())
    .addColumn('report', 'text', (c) => c.notNull())
    .addColumn('reported_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('event_representatives')
    .addColumn('event_id', 'text', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('body_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('event_representatives_pk', ['event_id', 'user_id'])
    .execute();
  await db.schema.createIndex('event_representatives_body_idx').on('event_representatives').column('body_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['event_representatives', 'event_representation', 'event_materials', 'event_answers', 'event_questions']) await db.schema.dropTable(t).execute();
  await db.schema.alterTable('events').dropColumn('external_organizer').execute();
  await db.schema.alterTable('events').dropColumn('external_by').execute();
}
