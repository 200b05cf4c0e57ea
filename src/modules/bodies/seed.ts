/** @module Bodies: the Mechanism's real structure from its 2023 factsheet (see src/platform/reference/data/mechanism.ts). */
import type { SeedContext } from '../../platform/module.js';
import { BODIES } from '../../platform/reference/data/mechanism.js';
import { newId, nowIso } from '../../db/ids.js';

export async function seedBodies({ db }: SeedContext): Promise<void> {
  const existing = await db.selectFrom('bodies').select('slug').execute();
  if (existing.length) return;
  const ids = new Map<string, string>();
  const now = nowIso();
  for (const b of [...BODIES].sort((a, b) => Number(!!a.parentSlug) - Number(!!b.parentSlug))) {
    const id = newId();
    ids.set(b.slug, id);
    await db
      .insertInto('bodies')
      .values({
        id,
        slug: b.slug,
        kind: b.kind,
        parent_id: b.parentSlug ? ids.get(b.parentSlug)! : null,
        position: b.order,
        name: JSON.stringify(b.name),
        short_name: JSON.stringify(b.shortName),
        mandate: JSON.stringify(b.mandate),
        achievements: b.achievements2023?.length ? JSON.stringify(b.achievements2023) : null,
        active: 1,
        created_at: now,
        updated_at: now,
      })
      .execute();
    for (const n of b.prioritizedObjectives) await db.insertInto('body_objectives').values({ body_id: id, objective_n: n }).execute();
  }
}
