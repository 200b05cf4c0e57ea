/** @module Bodies: reads. */
import type { Db } from '../../db/schema.js';
import { todayIso } from '../../db/ids.js';
import type { BodyKind, BodyMemberStatus, BodyPosition } from './tables.js';
import { designatedVoters, getOrganizations, organizationsOfUser, type OrgSummary } from '../membership/index.js';
import { usersByIds } from '../../platform/auth/users.js';
import type { SectionContext } from '../../platform/module.js';
import type { PageCache } from '../../platform/cache/page-cache.js';

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

// ---------------------------------------------------------------------------------------------
// Members and positions
// ---------------------------------------------------------------------------------------------

/** The positions a body of this kind has, in the order they are shown and elected. */
export function positionsForKind(kind: BodyKind): BodyPosition[] {
  return kind === 'technical' ? ['coordinator'] : ['secretary', 'principal_delegate', 'alternate_delegate'];
}

export interface BodyMembership {
  orgId: string;
  status: BodyMemberStatus;
  requestedAt: string;
  decidedAt: string | null;
}

/** Memberships of a body with the given statuses (default: members). */
export async function bodyMemberships(db: Db, bodyId: string, statuses: BodyMemberStatus[] = ['member']): Promise<BodyMembership[]> {
  const rows = await db
    .selectFrom('body_members')
    .select(['org_id', 'status', 'requested_at', 'decided_at'])
    .where('body_id', '=', bodyId)
    .where('status', 'in', statuses)
    .execute();
  return rows.map((r) => ({ orgId: r.org_id, status: r.status, requestedAt: r.requested_at, decidedAt: r.decided_at }));
}

/** Ids of the body's member organizations (any standing in the membership module). */
export async function bodyMemberOrgIds(db: Db, bodyId: string): Promise<string[]> {
  return (await db.selectFrom('body_members').select('org_id').where('body_id', '=', bodyId).where('status', '=', 'member').execute()).map((r) => r.org_id);
}

/** The body's member organizations that are members of the network in good standing, by name. */
export async function bodyMemberOrganizations(db: Db, bodyId: string): Promise<OrgSummary[]> {
  const orgs = await getOrganizations(db, await bodyMemberOrgIds(db, bodyId));
  return orgs.filter((o) => o.status === 'member');
}

/** Status of one organization in one body, or null. */
export async function membershipOf(db: Db, bodyId: string, orgId: string): Promise<BodyMemberStatus | null> {
  const r = await db.selectFrom('body_members').select('status').where('body_id', '=', bodyId).where('org_id', '=', orgId).executeTakeFirst();
  return r?.status ?? null;
}

export interface PositionHolding {
  id: string;
  bodyId: string;
  position: BodyPosition;
  userId: string;
  orgId: string;
  holderName: string;
  startsOn: string;
  endsOn: string | null;
  source: 'election' | 'appointment';
  electionId: string | null;
  endedAt: string | null;
  current: boolean;
}

function toHolding(r: any, now: string): PositionHolding {
  const current = !r.ended_at && r.starts_on <= now && (!r.ends_on || r.ends_on >= now);
  return {
    id: r.id,
    bodyId: r.body_id,
    position: r.position,
    userId: r.user_id,
    orgId: r.org_id,
    holderName: r.holder_name,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    source: r.source,
    electionId: r.election_id,
    endedAt: r.ended_at,
    current,
  };
}

/** Every holding of the body's positions, newest first; `current` marks those in force today. */
export async function bodyPositions(db: Db, bodyId: string): Promise<PositionHolding[]> {
  const rows = await db.selectFrom('body_positions').selectAll().where('body_id', '=', bodyId).orderBy('starts_on', 'desc').orderBy('created_at', 'desc').execute();
  const now = todayIso();
  return rows.map((r) => toHolding(r, now));
}

/** True when the person currently holds the body's secretary position (or the Mesa Técnica's coordinator). */
export async function isSecretaryOf(db: Db, userId: string, bodyId: string): Promise<boolean> {
  return (await secretaryBodyIds(db, userId)).includes(bodyId);
}

/** The bodies whose secretary (or, for the Mesa Técnica, coordinator) this person is today: their ids. */
export async function secretaryBodyIds(db: Db, userId: string): Promise<string[]> {
  const now = todayIso();
  const rows = await db
    .selectFrom('body_positions')
    .select(['body_id', 'starts_on', 'ends_on'])
    .where('user_id', '=', userId)
    .where('position', 'in', ['secretary', 'coordinator'])
    .where('ended_at', 'is', null)
    .execute();
  return [...new Set(rows.filter((r) => r.starts_on <= now && (!r.ends_on || r.ends_on >= now)).map((r) => r.body_id))];
}

/**
 * The bodies whose secretary (or, for the Mesa Técnica, coordinator) this person currently is, with the
 * objectives each body prioritizes. Used by practices to let secretaries review practices on them.
 */
export async function secretaryBodiesOfUser(db: Db, userId: string): Promise<{ bodyId: string; objectives: number[] }[]> {
  const ids = await secretaryBodyIds(db, userId);
  if (!ids.length) return [];
  const objs = await db.selectFrom('body_objectives').select(['body_id', 'objective_n']).where('body_id', 'in', ids).orderBy('objective_n').execute();
  return ids.map((bodyId) => ({ bodyId, objectives: objs.filter((o) => o.body_id === bodyId).map((o) => o.objective_n) }));
}

/**
 * The people who currently hold the secretary (or, for the Mesa Técnica, coordinator) position of a body that
 * prioritizes any of these objectives: a practice's reviewers besides the administrators.
 */
export async function secretariesForObjectives(db: Db, objectives: number[]): Promise<string[]> {
  if (!objectives.length) return [];
  const bodyIds = [...new Set((await db.selectFrom('body_objectives').select('body_id').where('objective_n', 'in', objectives).execute()).map((r) => r.body_id))];
  if (!bodyIds.length) return [];
  const now = todayIso();
  const rows = await db
    .selectFrom('body_positions')
    .select(['user_id', 'starts_on', 'ends_on'])
    .where('body_id', 'in', bodyIds)
    .where('position', 'in', ['secretary', 'coordinator'])
    .where('ended_at', 'is', null)
    .execute();
  return [...new Set(rows.filter((r) => r.user_id && r.starts_on <= now && (!r.ends_on || r.ends_on >= now)).map((r) => r.user_id as string))];
}

/** What a person is, relative to one body: what the policy needs to decide. */
export interface BodyFacts {
  /** Holds the body's secretary (or coordinator) position today. */
  isSecretary: boolean;
  /** Organizations (in good standing) the person can act for. */
  myOrgs: { id: string; name: string; status: BodyMemberStatus | null }[];
  /** The person belongs to an organization in good standing that is a member of this body. */
  actsForMember: boolean;
}

export const NO_FACTS: BodyFacts = { isSecretary: false, myOrgs: [], actsForMember: false };

/**
 * Everything the bodies' rules need to know about one person, for every body at once (three small statements at
 * most; none for anonymous visitors): the bodies whose secretary (or coordinator) they are today, their
 * organizations in good standing, and those organizations' standing in every body. `bodyFacts` (one body) and
 * `readerBodies` (every body) are both read from it, so a page that needs both reads it once.
 */
export interface ReaderFacts {
  /** Bodies whose secretary (or, for the Mesa Técnica, coordinator) the person is today. */
  secretaryOf: string[];
  /** The person's organizations that are members of the network in good standing, by name. */
  orgs: { id: string; name: string }[];
  /** Those organizations' memberships of bodies, any status. */
  memberships: { bodyId: string; orgId: string; status: BodyMemberStatus }[];
}

export const NO_READER_FACTS: ReaderFacts = { secretaryOf: [], orgs: [], memberships: [] };

/** Reads the person's `ReaderFacts` (anonymous visitors have none). */
export async function readerFacts(db: Db, userId: string | null | undefined): Promise<ReaderFacts> {
  if (!userId) return NO_READER_FACTS;
  const [secretaryOf, all] = await Promise.all([secretaryBodyIds(db, userId), organizationsOfUser(db, userId)]);
  const orgs = all.filter((o) => o.status === 'member').map((o) => ({ id: o.id, name: o.name }));
  const memberships = orgs.length
    ? (await db.selectFrom('body_members').select(['body_id', 'org_id', 'status']).where('org_id', 'in', orgs.map((o) => o.id)).execute()).map((r) => ({
        bodyId: r.body_id,
        orgId: r.org_id,
        status: r.status,
      }))
    : [];
  return { secretaryOf, orgs, memberships };
}

/** What the person is to one body, from their `ReaderFacts`. */
export function factsOfBody(f: ReaderFacts, bodyId: string): BodyFacts {
  if (f === NO_READER_FACTS) return NO_FACTS;
  const myOrgs = f.orgs.map((o) => ({ id: o.id, name: o.name, status: f.memberships.find((m) => m.bodyId === bodyId && m.orgId === o.id)?.status ?? null }));
  return { isSecretary: f.secretaryOf.includes(bodyId), myOrgs, actsForMember: myOrgs.some((o) => o.status === 'member') };
}

/** The person's place among the bodies, from their `ReaderFacts`. */
export function bodiesOfReader(f: ReaderFacts): ReaderBodies {
  if (f === NO_READER_FACTS) return NO_READER_BODIES;
  const bodyIds = [...new Set(f.memberships.filter((m) => m.status === 'member').map((m) => m.bodyId))].sort();
  return { secretaryOf: f.secretaryOf, memberOrg: f.orgs.length > 0, bodyIds };
}

/** Loads the facts about a person and a body (a few small queries; none for anonymous visitors). */
export async function bodyFacts(db: Db, userId: string | null | undefined, bodyId: string): Promise<BodyFacts> {
  if (!userId) return NO_FACTS;
  return factsOfBody(await readerFacts(db, userId), bodyId);
}

/** A reader's place among the bodies: what a policy needs to know who may see a body's members-only content. */
export interface ReaderBodies {
  /** Bodies whose secretary (or, for the Mesa Técnica, coordinator) the person is today. */
  secretaryOf: string[];
  /** The person acts for a member organization in good standing. */
  memberOrg: boolean;
  /** Bodies one of the person's member organizations belongs to. */
  bodyIds: string[];
}

export const NO_READER_BODIES: ReaderBodies = { secretaryOf: [], memberOrg: false, bodyIds: [] };

/** The reader's place among the bodies (anonymous visitors have none). */
export async function readerBodies(db: Db, userId: string | null | undefined): Promise<ReaderBodies> {
  if (!userId) return NO_READER_BODIES;
  return bodiesOfReader(await readerFacts(db, userId));
}

/** Per page: the sections of one page (one SectionContext) share one reading of the reader's bodies. */
const readerOfPage = new WeakMap<SectionContext, Promise<ReaderBodies>>();

/** `readerBodies` for a page's sections: read once for the page, whichever modules' sections ask. */
export function pageReaderBodies(ctx: SectionContext): Promise<ReaderBodies> {
  let p = readerOfPage.get(ctx);
  if (!p) readerOfPage.set(ctx, (p = readerBodies(ctx.db, ctx.user?.id)));
  return p;
}

/** A page that has already read its reader's facts (`ctx.user`'s) hands them to its sections: they read nothing again. */
export function givePageReaderFacts(ctx: SectionContext, f: ReaderFacts): void {
  readerOfPage.set(ctx, Promise.resolve(bodiesOfReader(f)));
}

/** The reader's place among the bodies for a page, from their kept `ReaderFacts` (`keptReaderFacts`). */
export async function keptReaderBodies(cache: Pick<PageCache, 'fragment'>, db: Db, userId: string | null | undefined): Promise<ReaderBodies> {
  return bodiesOfReader(await keptReaderFacts(cache, db, userId));
}

/**
 * The reader's `ReaderFacts` for a page, kept as a page-cache fragment under their id and the day (a position starts
 * and ends on a date): emptied by every write, on every instance, and after PAGE_CACHE_TTL, like the plan page's facts.
 * For pages only: a form post decides on freshly read facts (`bodyFacts`).
 */
export function keptReaderFacts(cache: Pick<PageCache, 'fragment'>, db: Db, userId: string | null | undefined): Promise<ReaderFacts> {
  if (!userId) return Promise.resolve(NO_READER_FACTS);
  return cache.fragment(`bodies.reader:${userId}:${todayIso()}`, () => readerFacts(db, userId));
}

/** Bodies an organization belongs to (ids). */
export async function bodiesOfOrganization(db: Db, orgId: string): Promise<string[]> {
  return (await db.selectFrom('body_members').select('body_id').where('org_id', '=', orgId).where('status', '=', 'member').execute()).map((r) => r.body_id);
}

/** Email addresses of the body's people: the designated voters and representatives we can reach, plus position holders. */
export async function bodyRecipients(db: Db, bodyId: string): Promise<{ userId: string; email: string; locale: string | null }[]> {
  const orgIds = (await bodyMemberOrganizations(db, bodyId)).map((o) => o.id);
  const userIds = new Set<string>((await designatedVoters(db, orgIds)).values());
  for (const p of await bodyPositions(db, bodyId)) if (p.current) userIds.add(p.userId);
  if (!userIds.size) return [];
  // With the account's id, so notify() honours each person's choices (a kind switched off is not sent).
  return (await usersByIds(db, userIds)).map((u) => ({ userId: u.id, email: u.email, locale: u.locale }));
}
