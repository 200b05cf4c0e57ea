/**
 * Frozen migration: GCM pledges — the pledge, its pledging organizations (each confirms a joint pledge), its
 * objectives, principles, forms and countries (one row each, so the dashboard counts with an index), its dated
 * status updates, and its links to other modules' things (plan activities, consultation results).
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('pledges')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ref', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('matches_pledge_id', 'text')
    .addColumn('matches_external_id', 'text')
    .addColumn('matches_external_title', 'text')
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('partners', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('starts_on', 'text')
    .addColumn('ends_on', 'text')
    .addColumn('body_id', 'text')
    .addColumn('attachment_file', 'text')
    .addColumn('attachment_name', 'text')
    .addColumn('attachment_type', 'text')
    .addColumn('attachment_size', 'integer')
    .addColumn('un_id', 'text')
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('status', 'text')
    .addColumn('review_note', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text')
    .addColumn('published_at', 'text')
    .addColumn('next_update_due', 'text')
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('pledges_state_idx').on('pledges').columns(['state', 'published_at']).execute();
  await db.schema.createIndex('pledges_body_idx').on('pledges').column('body_id').execute();
  await db.schema.createIndex('pledges_status_idx').on('pledges').column('status').execute();
  await db.schema.createIndex('pledges_kind_idx').on('pledges').column('kind').execute();
  await db.schema.createIndex('pledges_due_idx').on('pledges').column('next_update_due').execute();
  await db.schema.createIndex('pledges_matches_idx').on('pledges').column('matches_pledge_id').execute();

  await db.schema
    .createTable('pledge_organizations')
    .addColumn('pledge_id', 'text', (c) => c.notNull().references('pledges.id').onDelete('cascade'))
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('lead', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('confirmed_at', 'text')
    .addColumn('confirmed_by', 'text')
    .addPrimaryKeyConstraint('pledge_organizations_pk', ['pledge_id', 'org_id'])
    .execute();
  await db.schema.createIndex('pledge_organizations_org_idx').on('pledge_organizations').column('org_id').execute();

  for (const [table, column, type] of [
    ['pledge_objectives', 'n', 'integer'],
    ['pledge_principles', 'n', 'integer'],
    ['pledge_forms', 'form', 'text'],
    ['pledge_countries', 'country', 'text'],
  ] as const) {
    await db.schema
      .createTable(table)
      .addColumn('pledge_id', 'text', (c) => c.notNull().references('pledges.id').onDelete('cascade'))
      .addColumn(column, type, (c) => c.notNull())
      .addPrimaryKeyConstraint(`${table}_pk`, ['pledge_id', column])
      .execute();
    await db.schema.createIndex(`${table}_${column}_idx`).on(table).column(column).execute();
  }

  await db.schema
    .createTable('pledge_updates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('pledge_id', 'text', (c) => c.notNull().references('pledges.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('reported_on', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('pledge_updates_pledge_idx').on('pledge_updates').columns(['pledge_id', 'reported_on']).execute();

  await db.schema
    .createTable('pledge_links')
    .addColumn('pledge_id', 'text', (c) => c.notNull().references('pledges.id').onDelete('cascade'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('target_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('pledge_links_pk', ['pledge_id', 'type', 'target_id'])
    .execute();
  await db.schema.createIndex('pledge_links_target_idx').on('pledge_links').columns(['type', 'target_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['pledge_links', 'pledge_updates', 'pledge_countries', 'pledge_forms', 'pledge_principles', 'pledge_objectives', 'pledge_organizations', 'pledges'])
    await db.schema.dropTable(t).execute();
}
