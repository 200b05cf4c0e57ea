/**
 * Frozen migration: the organization's full profile (countries, GCM objectives, bodies, languages, links,
 * logo, private contacts), the history of every membership step, invitations and CSV import previews.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('organizations')
    .addColumn('search_text', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema.alterTable('organizations').addColumn('name_key', 'text', (c) => c.notNull().defaultTo('')).execute();
  await db.schema.alterTable('organizations').addColumn('website_key', 'text').execute();
  await db.schema.alterTable('organizations').addColumn('languages', 'text', (c) => c.notNull().defaultTo('[]')).execute();
  await db.schema.alterTable('organizations').addColumn('social_links', 'text', (c) => c.notNull().defaultTo('[]')).execute();
  await db.schema.alterTable('organizations').addColumn('logo_file', 'text').execute();
  await db.schema.alterTable('organizations').addColumn('commitment_at', 'text').execute();
  await db.schema.alterTable('organizations').addColumn('applied_at', 'text').execute();
  await db.schema.alterTable('organizations').addColumn('info_request', 'text').execute();
  await db.schema.createIndex('organizations_name_key_idx').on('organizations').columns(['name_key', 'country']).execute();
  await db.schema.createIndex('organizations_website_key_idx').on('organizations').column('website_key').execute();
  await db.schema.createIndex('organizations_status_name_idx').on('organizations').columns(['status', 'name']).execute();
  await db.schema.createIndex('organizations_status_type_idx').on('organizations').columns(['status', 'type', 'name']).execute();

  await db.schema
    .createTable('organization_countries')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('country', 'text', (c) => c.notNull().references('countries.alpha2'))
    .addPrimaryKeyConstraint('organization_countries_pk', ['org_id', 'country'])
    .execute();
  await db.schema.createIndex('organization_countries_country_idx').on('organization_countries').columns(['country', 'org_id']).execute();

  await db.schema
    .createTable('organization_objectives')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('objective_n', 'integer', (c) => c.notNull().references('objectives.n'))
    .addPrimaryKeyConstraint('organization_objectives_pk', ['org_id', 'objective_n'])
    .execute();
  await db.schema.createIndex('organization_objectives_n_idx').on('organization_objectives').columns(['objective_n', 'org_id']).execute();

  await db.schema
    .createTable('organization_bodies')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('body_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('organization_bodies_pk', ['org_id', 'body_id'])
    .execute();
  await db.schema.createIndex('organization_bodies_body_idx').on('organization_bodies').columns(['body_id', 'org_id']).execute();

  await db.schema
    .createTable('organization_contacts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    .addColumn('role', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('organization_contacts_org_idx').on('organization_contacts').column('org_id').execute();

  await db.schema
    .createTable('membership_history')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text')
    .addColumn('note', 'text')
    .addColumn('changes', 'text')
    .execute();
  await db.schema.createIndex('membership_history_org_idx').on('membership_history').columns(['org_id', 'at']).execute();
  await db.schema.createIndex('membership_history_action_idx').on('membership_history').columns(['action', 'at']).execute();

  await db.schema
    .createTable('membership_invitations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .addColumn('used_by', 'text')
    .execute();
  await db.schema.createIndex('membership_invitations_org_idx').on('membership_invitations').column('org_id').execute();

  await db.schema
    .createTable('membership_imports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('rows', 'text', (c) => c.notNull())
    .addColumn('valid_count', 'integer', (c) => c.notNull())
    .addColumn('error_count', 'integer', (c) => c.notNull())
    .addColumn('imported_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('finished_at', 'text')
    .execute();
  void sql;
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['membership_imports', 'membership_invitations', 'membership_history', 'organization_contacts', 'organization_bodies', 'organization_objectives', 'organization_countries']) {
    await db.schema.dropTable(t).execute();
  }
}
