/**
 * @module Membership: what other modules may use (bodies, elections, practices).
 * Organizations are members when their status is 'member'; only then can their people act for them.
 */
import type { Db } from '../../db/schema.js';
import type { OrgStatus } from './tables.js';
import { countsByCountry, type CoverageBy } from './queries.js';

export type { OrgStatus } from './tables.js';
export type { CoverageBy } from './queries.js';
export { paths } from './paths.js';

export interface OrgSummary {
  id: string;
  slug: string;
  name: string;
  acronym: string | null;
  country: string;
  type: string;
  status: OrgStatus;
}

const SUMMARY = ['id', 'slug', 'name', 'acronym', 'country', 'type', 'status'] as const;

export async function getOrganization(db: Db, id: string): Promise<OrgSummary | undefined> {
  return db.selectFrom('organizations').select(SUMMARY).where('id', '=', id).executeTakeFirst();
}

export async function getOrganizationBySlug(db: Db, slug: string): Promise<OrgSummary | undefined> {
  return db.selectFrom('organizations').select(SUMMARY).where('slug', '=', slug).executeTakeFirst();
}

export async function getOrganizations(db: Db, ids: string[]): Promise<OrgSummary[]> {
  if (!ids.length) return [];
  return db.selectFrom('organizations').select(SUMMARY).where('id', 'in', ids).orderBy('name').execute();
}

/** Member organizations in good standing, by name. */
export async function listMemberOrganizations(db: Db): Promise<OrgSummary[]> {
  return db.selectFrom('organizations').select(SUMMARY).where('status', '=', 'member').orderBy('name').execute();
}

export async function isMemberInGoodStanding(db: Db, orgId: string): Promise<boolean> {
  const r = await db.selectFrom('organizations').select('status').where('id', '=', orgId).executeTakeFirst();
  return r?.status === 'member';
}

/** The organizations a person belongs to, with their standing and the person's roles in each. */
export async function organizationsOfUser(db: Db, userId: string) {
  const rows = await db
    .selectFrom('organization_people')
    .innerJoin('organizations', 'organizations.id', 'organization_people.org_id')
    .select([
      'organizations.id',
      'organizations.slug',
      'organizations.name',
      'organizations.acronym',
      'organizations.country',
      'organizations.type',
      'organizations.status',
      'organization_people.is_representative',
      'organization_people.is_voter',
    ])
    .where('organization_people.user_id', '=', userId)
    .orderBy('organizations.name')
    .execute();
  return rows.map((r) => ({ ...r, isRepresentative: !!r.is_representative, isVoter: !!r.is_voter }));
}

/** True when the person belongs to the organization and it is a member in good standing. */
export async function canActFor(db: Db, userId: string, orgId: string): Promise<boolean> {
  const r = await db
    .selectFrom('organization_people')
    .innerJoin('organizations', 'organizations.id', 'organization_people.org_id')
    .select('organizations.status')
    .where('organization_people.user_id', '=', userId)
    .where('organization_people.org_id', '=', orgId)
    .executeTakeFirst();
  return r?.status === 'member';
}

/** The user ids of an organization's people (for telling the organization about a decision on it). */
export async function organizationPeopleIds(db: Db, orgId: string): Promise<string[]> {
  return (await db.selectFrom('organization_people').select('user_id').where('org_id', '=', orgId).execute()).map((r) => r.user_id);
}

/** The person who casts the organization's vote, or null when none is designated. */
export async function designatedVoter(db: Db, orgId: string): Promise<string | null> {
  const r = await db.selectFrom('organization_people').select('user_id').where('org_id', '=', orgId).where('is_voter', '=', 1).executeTakeFirst();
  return r?.user_id ?? null;
}

/** The designated voters of many organizations, in one query: org id → user id. */
export async function designatedVoters(db: Db, orgIds: string[]): Promise<Map<string, string>> {
  if (!orgIds.length) return new Map();
  const rows = await db.selectFrom('organization_people').select(['org_id', 'user_id']).where('org_id', 'in', orgIds).where('is_voter', '=', 1).execute();
  return new Map(rows.map((r) => [r.org_id, r.user_id]));
}

/** The organization this person votes for (when they are its designated voter and it is a member). */
export async function organizationsVotedByUser(db: Db, userId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('organization_people')
    .innerJoin('organizations', 'organizations.id', 'organization_people.org_id')
    .select('organizations.id')
    .where('organization_people.user_id', '=', userId)
    .where('organization_people.is_voter', '=', 1)
    .where('organizations.status', '=', 'member')
    .execute();
  return rows.map((r) => r.id);
}

/**
 * Member organizations per country (alpha-2 → count), for maps and lists: by default an organization counts in
 * every country where it works (its country of registration and the countries it lists, once each); with
 * 'registration', only where it is registered.
 */
export async function memberCountsByCountry(db: Db, by: CoverageBy = 'works'): Promise<Record<string, number>> {
  return countsByCountry(db, by);
}
