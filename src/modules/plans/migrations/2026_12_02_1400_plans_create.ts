/**
 * Frozen migration: plans, their axes, expected results, activities (with links to other modules' things as
 * (type, id) pairs, so a module added later is linkable without a change here), indicators and their values.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('plans')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('body_id', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('ends_on', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('activity_share', 'integer', (c) => c.notNull().defaultTo(50))
    .addColumn('approved_at', 'text')
    .addColumn('approved_by', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('plans_body_idx').on('plans').column('body_id').execute();
  const item = (name: string) =>
    db.schema
      .createTable(name)
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id').onDelete('cascade'))
      .addColumn('code', 'text', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('weight', 'integer', (c) => c.notNull().defaultTo(1));
  await item('plan_axes').addColumn('title', 'text', (c) => c.notNull()).execute();
  await item('plan_results')
    .addColumn('axis_id', 'text', (c) => c.notNull().references('plan_axes.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .execute();
  await item('plan_activities')
    .addColumn('result_id', 'text', (c) => c.notNull().references('plan_results.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body_id', 'text')
    .addColumn('people', 'text')
    .addColumn('starts_on', 'text')
    .addColumn('ends_on', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('objectives', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
  await item('plan_indicators')
    .addColumn('result_id', 'text', (c) => c.notNull().references('plan_results.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('baseline', 'text')
    .addColumn('target', 'text')
    .addColumn('direction', 'text', (c) => c.notNull())
    .execute();
  for (const t of ['plan_axes', 'plan_results', 'plan_activities', 'plan_indicators']) {
    await db.schema.createIndex(`${t}_plan_idx`).on(t).column('plan_id').execute();
    await db.schema.createIndex(`${t}_code_idx`).on(t).columns(['plan_id', 'code']).unique().execute();
  }
  await db.schema.createIndex('plan_activities_body_idx').on('plan_activities').column('body_id').execute();
  await db.schema
    .createTable('plan_activity_links')
    .addColumn('activity_id', 'text', (c) => c.notNull().references('plan_activities.id').onDelete('cascade'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('target_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('plan_activity_links_pk', ['activity_id', 'type', 'target_id'])
    .execute();
  await db.schema
    .createTable('plan_indicator_values')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('indicator_id', 'text', (c) => c.notNull().references('plan_indicators.id').onDelete('cascade'))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('measured_on', 'text', (c) => c.notNull())
    .addColumn('source', 'text')
    .addColumn('note', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('plan_indicator_values_ind_idx').on('plan_indicator_values').column('indicator_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['plan_indicator_values', 'plan_activity_links', 'plan_indicators', 'plan_activities', 'plan_results', 'plan_axes', 'plans']) await db.schema.dropTable(t).ifExists().execute();
}
