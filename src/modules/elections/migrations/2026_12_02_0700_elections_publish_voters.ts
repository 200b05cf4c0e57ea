/**
 * Frozen migration: an election may publish, in its record, the list of organizations that voted (never
 * how). The secretary decides when calling the election (it cannot change once voting opens), so every
 * voter knows before casting whether the fact that their organization voted will be public.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('elections').addColumn('publish_voters', 'integer', (c) => c.notNull().defaultTo(0)).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('elections').dropColumn('publish_voters').execute();
}
