/**
 * Frozen migration: an index on audit_log(at), which the administration's log sorts by (newest first) and pages
 * through; without it every page of the log sorted the whole table.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('audit_at_idx').on('audit_log').column('at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('audit_at_idx').execute();
}
