/** Frozen migration: which organizations belong to each body, and who held each position (with history). */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('body_members')
    .addColumn('body_id', 'text', (c) => c.notNull().references('bodies.id').onDelete('cascade'))
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('requested_by', 'text')
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('left_at', 'text')
    .addPrimaryKeyConstraint('body_members_pk', ['body_id', 'org_id'])
    .execute();
  await db.schema.createIndex('body_members_org_idx').on('body_members').column('org_id').execute();
  await db.schema
    .createTable('body_positions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('body_id', 'text', (c) => c.notNull().references('bodies.id').onDelete('cascade'))
    .addColumn('position', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('holder_name', 'text', (c) => c.notNull())
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('ends_on', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('election_id', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('ended_at', 'text')
    .execute();
  await db.schema.createIndex('body_positions_body_idx').on('body_positions').columns(['body_id', 'position']).execute();
  await db.schema.createIndex('body_positions_user_idx').on('body_positions').column('user_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('body_positions').execute();
  await db.schema.dropTable('body_members').execute();
}
