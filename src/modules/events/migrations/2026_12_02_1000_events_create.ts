/**
 * Frozen migration: events, their organizing bodies and objectives, agenda items, registrations and
 * invitations. `registered_count` on the event row is the seat counter: taking a seat is one conditional
 * update on it (capacity not reached), so two registrations for the last seat cannot both get it.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('original_lang', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('venue_address', 'text')
    .addColumn('venue_city', 'text')
    .addColumn('venue_country', 'text')
    .addColumn('online_url', 'text')
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('visibility', 'text', (c) => c.notNull())
    .addColumn('visibility_body_id', 'text')
    .addColumn('registration_mode', 'text', (c) => c.notNull())
    .addColumn('capacity', 'integer')
    .addColumn('registration_closes_at', 'text')
    .addColumn('registered_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('sequence', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('events_starts_idx').on('events').columns(['starts_at']).execute();
  await db.schema
    .createTable('event_bodies')
    .addColumn('event_id', 'text', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('body_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('event_bodies_pk', ['event_id', 'body_id'])
    .execute();
  await db.schema.createIndex('event_bodies_body_idx').on('event_bodies').column('body_id').execute();
  await db.schema
    .createTable('event_objectives')
    .addColumn('event_id', 'text', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('objective_n', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('event_objectives_pk', ['event_id', 'objective_n'])
    .execute();
  await db.schema.createIndex('event_objectives_n_idx').on('event_objectives').column('objective_n').execute();
  await db.schema
    .createTable('event_agenda')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('event_id', 'text', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('speakers', 'text')
    .execute();
  await db.schema.createIndex('event_agenda_event_idx').on('event_agenda').column('event_id').execute();
  await db.schema
    .createTable('event_registrations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('event_id', 'text', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('user_id', 'text')
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('organization', 'text')
    .addColumn('org_id', 'text')
    .addColumn('locale', 'text')
    .addColumn('sector', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('token', 'text', (c) => c.notNull())
    .addColumn('check_in_code', 'text', (c) => c.notNull())
    .addColumn('waitlisted_at', 'text')
    .addColumn('reminded_at', 'text')
    .addColumn('attended_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('event_registrations_person', ['event_id', 'email'])
    .addUniqueConstraint('event_registrations_token', ['token'])
    .execute();
  await db.schema.createIndex('event_registrations_status_idx').on('event_registrations').columns(['event_id', 'status']).execute();
  await db.schema.createIndex('event_registrations_user_idx').on('event_registrations').column('user_id').execute();
  await db.schema
    .createTable('event_invitations')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('event_id', 'text', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('used_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  // Minutes / closing report per language (Markdown, shown through the platform's sanitizer) and follow-up actions.
  await db.schema
    .createTable('event_minutes')
    .addColumn('event_id', 'text', (c) => c.primaryKey().references('events.id').onDelete('cascade'))
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('agreements', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('event_actions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('event_id', 'text', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('body_id', 'text')
    .addColumn('due_on', 'text')
    .execute();
  await db.schema.createIndex('event_actions_event_idx').on('event_actions').column('event_id').execute();
  // A person's secret calendar address (the events they are registered for), renewable.
  await db.schema
    .createTable('event_feed_tokens')
    .addColumn('user_id', 'text', (c) => c.primaryKey())
    .addColumn('token', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('event_invitations_event_idx').on('event_invitations').column('event_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['event_actions', 'event_minutes', 'event_feed_tokens', 'event_invitations', 'event_registrations', 'event_agenda', 'event_objectives', 'event_bodies', 'events']) await db.schema.dropTable(t).execute();
}
