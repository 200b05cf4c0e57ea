/**
 * Frozen migration: an index for "events announced" (the digest and the home page's "since your last visit",
 * updates.ts): the events created in a span, newest first, read from the index's range instead of every event.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('events_created_idx').on('events').columns(['created_at', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('events_created_idx').execute();
}
