/** @module Bodies: the Mechanism's real structure from its 2023 factsheet (see src/platform/reference/data/mechanism.ts). */
import type { SeedContext } from '../../platform/module.js';
import { BODIES } from '../../platform/reference/data/mechanism.js';
import { newId, nowIso, todayIso } from '../../db/ids.js';
import { usersByIds } from '../../platform/auth/users.js';

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

/**
 * Demo data (npm start -- --demo): the demo organizations made by the membership module ("[Demo] …")
 * join the Mesas in turns. No positions are invented for real people: demo positions are only given
 * to demo organizations' designated voters, when there are any.
 */
export async function demoBodies({ db, adminId }: SeedContext): Promise<void> {
  const { listMemberOrganizations, designatedVoter } = await import('../membership/index.js');
  const { addBodyMember } = await import('./commands/members.js');
  const { assignPositions } = await import('./commands/positions.js');
  const demoOrgs = (await listMemberOrganizations(db)).filter((o) => o.name.startsWith('[Demo]'));
  if (!demoOrgs.length) return;
  const bodies = await db.selectFrom('bodies').select(['id', 'slug', 'kind']).where('kind', '!=', 'technical').orderBy('position').execute();
  for (const [i, o] of demoOrgs.entries()) {
    for (const b of [bodies[i % bodies.length], bodies[(i + 1) % bodies.length]]) if (b) await addBodyMember(db, b.id, o.id, adminId);
  }
  const first = bodies[0];
  if (!first) return;
  const members = await db.selectFrom('body_members').select('org_id').where('body_id', '=', first.id).where('status', '=', 'member').execute();
  for (const m of members) {
    const voter = await designatedVoter(db, m.org_id);
    if (!voter) continue;
    const [u] = await usersByIds(db, [voter]);
    await assignPositions(db, adminId, {
      bodyId: first.id,
      assignments: [{ position: 'secretary', userId: voter, orgId: m.org_id, holderName: `[Demo] ${u?.name ?? ''}`.trim() }],
      startsOn: todayIso(),
      endsOn: null,
      source: 'appointment',
    });
    break;
  }
}
