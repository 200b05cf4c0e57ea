/**
 * Frozen migration: the digest and "since your last visit" (docs/decisions/0821-digest.md).
 * - outbox.headers: extra mail headers as JSON text (List-Unsubscribe, List-Unsubscribe-Post).
 * - digest_runs: one row per (cadence, period) with the period's bounds, so a retried run covers the same span.
 * - digest_sends: one row per (person, cadence, period), written in the transaction that queues the mail: a run
 *   interrupted by a crash resumes with nobody mailed twice and nobody skipped.
 * - user_visits: when a person was last seen, and when their previous visit ended (the home page's "since").
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('outbox').addColumn('headers', 'text').execute();
  await db.schema
    .createTable('digest_runs')
    .addColumn('cadence', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('since', 'text', (c) => c.notNull())
    .addColumn('until', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .addColumn('sent', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('digest_runs_pk', ['cadence', 'period'])
    .execute();
  await db.schema
    .createTable('digest_sends')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('cadence', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('outbox_id', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('digest_sends_pk', ['user_id', 'cadence', 'period'])
    .execute();
  await db.schema.createIndex('digest_sends_period_idx').on('digest_sends').columns(['cadence', 'period']).execute();
  await db.schema
    .createTable('user_visits')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('seen_at', 'text', (c) => c.notNull())
    .addColumn('previous_at', 'text')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('user_visits').execute();
  await db.schema.dropTable('digest_sends').execute();
  await db.schema.dropTable('digest_runs').execute();
  await db.schema.alterTable('outbox').dropColumn('headers').execute();
}
