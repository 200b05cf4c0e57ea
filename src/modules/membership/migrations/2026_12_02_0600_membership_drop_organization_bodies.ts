/**
 * Frozen migration: one place for Mesa membership. `organization_bodies` duplicated the bodies module's
 * `body_members` and disagreed with it (a Mesa with 61 member organizations showed 0 in the directory).
 * Bodies' table is the truth and membership never writes it, so the copy's rows go nowhere: the table is
 * dropped, and the directory asks bodies (through the platform's organizationGroups).
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('organization_bodies_body_idx').ifExists().execute();
  await db.schema.dropTable('organization_bodies').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('organization_bodies')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('body_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('organization_bodies_pk', ['org_id', 'body_id'])
    .execute();
  await db.schema.createIndex('organization_bodies_body_idx').on('organization_bodies').columns(['body_id', 'org_id']).execute();
}
