/**
 * @module Membership factories: organizations and their people for tests, the seed's demo data and the
 * benchmarks. Overrides win over defaults.
 */
import type { Db } from '../../db/schema.js';
import { newId, nowIso, slugify } from '../../db/ids.js';
import type { Insertable } from 'kysely';
import type { OrganizationsTable } from './tables.js';
import { normalizeText } from './schemas.js';

export async function makeOrganization(db: Db, overrides: Partial<Insertable<OrganizationsTable>> & { objectives?: number[]; countries?: string[] } = {}) {
  const { objectives, countries, ...over } = overrides;
  const id = overrides.id ?? newId();
  const name = overrides.name ?? `Organización ${id.slice(0, 6)}`;
  const now = nowIso();
  const row: Insertable<OrganizationsTable> = {
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
    ...over,
  };
  row.search_text ??= normalizeText([row.name, row.acronym ?? '', row.city ?? ''].join(' '));
  row.name_key ??= normalizeText(row.name);
  await db.insertInto('organizations').values(row).execute();
  if (objectives?.length) await db.insertInto('organization_objectives').values(objectives.map((objective_n) => ({ org_id: id, objective_n }))).execute();
  if (countries?.length) await db.insertInto('organization_countries').values(countries.map((country) => ({ org_id: id, country }))).execute();
  return row as OrganizationsTable & typeof row;
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
