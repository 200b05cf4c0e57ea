/**
 * Frozen migration: a queued mail's attachments (JSON text: `[{ filename, contentType, content }]`, the content
 * as text — e.g. an event's .ics), or null for none.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('outbox').addColumn('attachments', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('outbox').dropColumn('attachments').execute();
}
