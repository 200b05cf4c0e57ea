/** Frozen migration: organizations and the people who act for them. */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('organizations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('acronym', 'text')
    .addColumn('country', 'text', (c) => c.notNull().references('countries.alpha2'))
    .addColumn('city', 'text')
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('website', 'text')
    .addColumn('description', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('status_reason', 'text')
    .addColumn('status_changed_at', 'text', (c) => c.notNull())
    .addColumn('public_fields', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('admitted_at', 'text')
    .execute();
  await db.schema.createIndex('organizations_status_idx').on('organizations').columns(['status', 'country']).execute();
  await db.schema.createIndex('organizations_type_idx').on('organizations').columns(['type']).execute();
  await db.schema
    .createTable('organization_people')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('role_title', 'text')
    .addColumn('is_representative', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('is_voter', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('organization_people_pk', ['org_id', 'user_id'])
    .execute();
  await db.schema.createIndex('organization_people_user_idx').on('organization_people').column('user_id').execute();
  // At most one designated voter per organization, enforced by both engines.
  await sql`create unique index organization_people_one_voter on organization_people (org_id) where is_voter = 1`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('organization_people').execute();
  await db.schema.dropTable('organizations').execute();
}
