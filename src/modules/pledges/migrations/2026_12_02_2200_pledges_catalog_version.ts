/**
 * Frozen migration: `pledge_meta`, a key/value table whose row `catalog_version` changes in every transaction
 * that changes the published pledges (publishing, a progress update's status, withdrawing). Each app process
 * keeps an in-memory catalog of the published pledges and rebuilds it when this value is not the one it was
 * built from (decision 0612), so several instances on one database stay correct.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('pledge_meta')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('pledge_meta').execute();
}
