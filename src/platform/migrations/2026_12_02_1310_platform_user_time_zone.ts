/**
 * Frozen migration: a person's own time zone (an IANA name, or null: the browser's zone when known, else the
 * Mechanism's), chosen on the account page.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').addColumn('time_zone', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').dropColumn('time_zone').execute();
}
