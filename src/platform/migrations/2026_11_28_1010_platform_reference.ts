/**
 * Frozen migration: the GCM's 23 objectives and 10 guiding principles (with the UN Network Hub's ids)
 * and ISO 3166-1 countries with the 33 Latin American and Caribbean states flagged, in four languages.
 * Seeded here from the data files as they were when this migration landed; later corrections to the
 * reference data come as new migrations.
 */
import type { Kysely } from 'kysely';
import { OBJECTIVES } from '../reference/data/objectives.js';
import { PRINCIPLES } from '../reference/data/principles.js';
import { COUNTRIES } from '../reference/data/countries.js';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('objectives')
    .addColumn('n', 'integer', (c) => c.primaryKey())
    .addColumn('hub_id', 'integer', (c) => c.notNull().unique())
    .addColumn('short_es', 'text', (c) => c.notNull())
    .addColumn('short_en', 'text', (c) => c.notNull())
    .addColumn('short_pt', 'text', (c) => c.notNull())
    .addColumn('short_fr', 'text', (c) => c.notNull())
    .addColumn('title_es', 'text', (c) => c.notNull())
    .addColumn('title_en', 'text', (c) => c.notNull())
    .addColumn('title_pt', 'text', (c) => c.notNull())
    .addColumn('title_fr', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('principles')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('hub_id', 'integer', (c) => c.notNull().unique())
    .addColumn('name_es', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('name_pt', 'text', (c) => c.notNull())
    .addColumn('name_fr', 'text', (c) => c.notNull())
    .addColumn('description_es', 'text', (c) => c.notNull())
    .addColumn('description_en', 'text', (c) => c.notNull())
    .addColumn('description_pt', 'text', (c) => c.notNull())
    .addColumn('description_fr', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('countries')
    .addColumn('alpha2', 'text', (c) => c.primaryKey())
    .addColumn('alpha3', 'text', (c) => c.notNull().unique())
    .addColumn('numeric', 'text', (c) => c.notNull())
    .addColumn('lac', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('name_es', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('name_pt', 'text', (c) => c.notNull())
    .addColumn('name_fr', 'text', (c) => c.notNull())
    .execute();

  await db
    .insertInto('objectives')
    .values(
      OBJECTIVES.map((o) => ({
        n: o.n,
        hub_id: o.hubId,
        short_es: o.short.es,
        short_en: o.short.en,
        short_pt: o.short.pt,
        short_fr: o.short.fr,
        title_es: o.title.es,
        title_en: o.title.en,
        title_pt: o.title.pt,
        title_fr: o.title.fr,
      })),
    )
    .execute();
  await db
    .insertInto('principles')
    .values(
      PRINCIPLES.map((p, i) => ({
        key: p.key,
        position: i + 1,
        hub_id: p.hubId,
        name_es: p.name.es,
        name_en: p.name.en,
        name_pt: p.name.pt,
        name_fr: p.name.fr,
        description_es: p.description.es,
        description_en: p.description.en,
        description_pt: p.description.pt,
        description_fr: p.description.fr,
      })),
    )
    .execute();
  const rows = COUNTRIES.map((c) => ({
    alpha2: c.alpha2,
    alpha3: c.alpha3,
    numeric: c.numeric,
    lac: c.lac ? 1 : 0,
    name_es: c.name.es,
    name_en: c.name.en,
    name_pt: c.name.pt,
    name_fr: c.name.fr,
  }));
  for (let i = 0; i < rows.length; i += 50) {
    await db.insertInto('countries').values(rows.slice(i, i + 50)).execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('countries').execute();
  await db.schema.dropTable('principles').execute();
  await db.schema.dropTable('objectives').execute();
}
