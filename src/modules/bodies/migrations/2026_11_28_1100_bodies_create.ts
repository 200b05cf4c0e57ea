/** Frozen migration: bodies (the Mesas) and their prioritized GCM objectives. */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('bodies')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('parent_id', 'text', (c) => c.references('bodies.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('short_name', 'text', (c) => c.notNull())
    .addColumn('mandate', 'text', (c) => c.notNull())
    .addColumn('achievements', 'text')
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('body_objectives')
    .addColumn('body_id', 'text', (c) => c.notNull().references('bodies.id').onDelete('cascade'))
    .addColumn('objective_n', 'integer', (c) => c.notNull().references('objectives.n'))
    .addPrimaryKeyConstraint('body_objectives_pk', ['body_id', 'objective_n'])
    .execute();
  await db.schema.createIndex('body_objectives_n_idx').on('body_objectives').column('objective_n').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('body_objectives').execute();
  await db.schema.dropTable('bodies').execute();
}
