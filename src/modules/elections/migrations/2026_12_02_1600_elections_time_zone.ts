/**
 * Frozen migration: an election keeps the time zone its deadlines were set in (an IANA name), so its page and
 * mails state them on those clocks, beside the reader's, and editing re-opens the form in it. Elections
 * called before keep UTC, the zone their instants are stored in.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('elections').addColumn('time_zone', 'text', (c) => c.notNull().defaultTo('UTC')).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('elections').dropColumn('time_zone').execute();
}
