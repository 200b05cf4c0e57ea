/**
 * Frozen migration: the durable job queue (`jobs`, `job_schedules`), the mail outbox as a delivery queue
 * (status, attempts, next attempt, lease, secret flag), per-person notification preferences, and the end
 * of each rate-limit window (so expired counters can be pruned).
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('jobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    // queued → running → done | failed (running again when its lease ran out: the worker died)
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('run_at', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('max_attempts', 'integer', (c) => c.notNull())
    .addColumn('unique_key', 'text')
    .addColumn('locked_by', 'text')
    .addColumn('locked_until', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .execute();
  await db.schema.createIndex('jobs_due_idx').on('jobs').columns(['status', 'run_at']).execute();
  // At most one waiting job per key: enqueueing a duplicate while one waits does nothing.
  await db.schema.createIndex('jobs_unique_waiting').on('jobs').column('unique_key').unique().where(sql.ref('status'), '=', 'queued').execute();

  await db.schema
    .createTable('job_schedules')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('cron', 'text', (c) => c.notNull())
    .addColumn('next_run_at', 'text', (c) => c.notNull())
    .addColumn('last_run_at', 'text')
    .execute();

  await db.schema.alterTable('outbox').addColumn('status', 'text', (c) => c.notNull().defaultTo('pending')).execute();
  await db.schema.alterTable('outbox').addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('outbox').addColumn('next_attempt_at', 'text').execute();
  await db.schema.alterTable('outbox').addColumn('locked_until', 'text').execute();
  await db.schema.alterTable('outbox').addColumn('secret', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('outbox').addColumn('user_id', 'text').execute();
  // What was there before was delivered (SMTP or the outbox itself) or failed once and was never retried.
  await db.updateTable('outbox').set({ status: 'sent' }).where('error', 'is', null).execute();
  await db.updateTable('outbox').set({ status: 'failed' }).where('error', 'is not', null).where('sent_at', 'is', null).execute();
  await db.schema.createIndex('outbox_due_idx').on('outbox').columns(['status', 'next_attempt_at']).execute();

  await db.schema
    .createTable('notification_preferences')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('mode', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('notification_preferences_pk', ['user_id', 'kind'])
    .execute();

  await db.schema.alterTable('rate_limits').addColumn('expires_at', 'bigint').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('rate_limits').dropColumn('expires_at').execute();
  await db.schema.dropTable('notification_preferences').execute();
  await db.schema.dropIndex('outbox_due_idx').execute();
  for (const col of ['user_id', 'secret', 'locked_until', 'next_attempt_at', 'attempts', 'status']) {
    await db.schema.alterTable('outbox').dropColumn(col).execute();
  }
  await db.schema.dropTable('job_schedules').execute();
  await db.schema.dropTable('jobs').execute();
}
