/**
 * @module Membership factories: organizations and their people for tests, the seed's demo data and the
 * benchmarks. Overrides win over defaults.
 */
import type { Db } from '../../db/schema.js';
import { newId, nowIso, slugify } from '../../db/ids.js';
import type { OrganizationsTable } from './tables.js';

export async function makeOrganization(db: Db, overrides: Partial<OrganizationsTable> = {}) {
  const id = overrides.id ?? newId();
  const name = overrides.name ?? `Organización ${id.slice(0, 6)}`;
  const now = nowIso();
  const row: OrganizationsTable = {
    id,
    slug: overrides.slug ?? `${slugify(name)}-${id.slice(0, 4)}`,
    name,
    acronym: null,
    country: 'CL',
    city: null,
    type: 'ngo',
    website: null,
    description: null,
    status: 'member',
    status_reason: null,
    status_changed_at: now,
    public_fields: JSON.stringify(['acronym', 'city', 'website', 'description', 'countries', 'objectives', 'languages', 'type']),
    created_at: now,
    updated_at: now,
    admitted_at: overrides.status && overrides.status !== 'member' ? null : now,
    ...overrides,
  };
  await db.insertInto('organizations').values(row).execute();
  return row;
}

export async function addPerson(db: Db, orgId: string, userId: string, opts: { representative?: boolean; voter?: boolean; roleTitle?: string } = {}) {
  await db
    .insertInto('organization_people')
    .values({
      org_id: orgId,
      user_id: userId,
      role_title: opts.roleTitle ?? null,
      is_representative: opts.representative ? 1 : 0,
      is_voter: opts.voter ? 1 : 0,
      created_at: nowIso(),
    })
    .execute();
}
