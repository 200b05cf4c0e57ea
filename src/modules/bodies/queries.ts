/** @module Bodies: reads. */
import type { Db } from '../../db/schema.js';
import type { BodyKind } from './tables.js';

export interface BodyRow {
  id: string;
  slug: string;
  kind: BodyKind;
  parentId: string | null;
  position: number;
  name: string;
  shortName: string;
  mandate: string;
  achievements: string | null;
  objectives: number[];
}

function toBody(r: any, objectives: number[]): BodyRow {
  return {
    id: r.id,
    slug: r.slug,
    kind: r.kind,
    parentId: r.parent_id,
    position: r.position,
    name: r.name,
    shortName: r.short_name,
    mandate: r.mandate,
    achievements: r.achievements,
    objectives,
  };
}

/** Every active body in their order, with prioritized objectives (two queries). */
export async function listBodies(db: Db): Promise<BodyRow[]> {
  const rows = await db.selectFrom('bodies').selectAll().where('active', '=', 1).orderBy('position').execute();
  const objs = await db.selectFrom('body_objectives').selectAll().orderBy('objective_n').execute();
  const by = new Map<string, number[]>();
  for (const o of objs) by.set(o.body_id, [...(by.get(o.body_id) ?? []), o.objective_n]);
  return rows.map((r) => toBody(r, by.get(r.id) ?? []));
}

export async function getBodyBySlug(db: Db, slug: string): Promise<BodyRow | undefined> {
  const r = await db.selectFrom('bodies').selectAll().where('slug', '=', slug).executeTakeFirst();
  if (!r) return undefined;
  const objs = await db.selectFrom('body_objectives').select('objective_n').where('body_id', '=', r.id).orderBy('objective_n').execute();
  return toBody(r, objs.map((o) => o.objective_n));
}

export async function getBodyById(db: Db, id: string): Promise<BodyRow | undefined> {
  const r = await db.selectFrom('bodies').select('slug').where('id', '=', id).executeTakeFirst();
  return r ? getBodyBySlug(db, r.slug) : undefined;
}

/** Bodies that prioritize an objective. */
export async function bodiesForObjective(db: Db, n: number): Promise<BodyRow[]> {
  const ids = (await db.selectFrom('body_objectives').select('body_id').where('objective_n', '=', n).execute()).map((r) => r.body_id);
  return (await listBodies(db)).filter((b) => ids.includes(b.id));
}
