/** @module Membership: reads (the directory, one organization, its people, history and the coverage numbers). */
import { sql } from 'kysely';
import type { Db } from '../../db/schema.js';
import type { Selectable } from 'kysely';
import type { OrgStatus, OrganizationsTable } from './tables.js';
import { normalizeText, websiteKey, type DirectoryFilter, type PublicField } from './schemas.js';
import { BoundedCache } from '../../platform/search/engine.js';
import { intersect } from '../../platform/search/lists.js';

export const PAGE_SIZE = 24;

/** One organization in the directory: the columns listDirectory selects. */
export type DirectoryRow = Pick<Selectable<OrganizationsTable>, 'id' | 'slug' | 'name' | 'acronym' | 'country' | 'city' | 'type' | 'public_fields' | 'admitted_at'>;

const parseList = <T = string>(s: string | null | undefined): T[] => {
  if (!s) return [];
  try {
    const v = JSON.parse(s);
    return Array.isArray(v) ? v : [];
  } catch {
    return [];
  }
};
export { parseList };

export const publicFieldsOf = (o: { public_fields: string }) => new Set(parseList<PublicField>(o.public_fields));

/**
 * Member organizations matching the filters, one page of them, and how many match in all. `within` limits the
 * list to some organizations (a group another module keeps, e.g. a Mesa's members).
 */
export async function listDirectory(db: Db, f: DirectoryFilter & { within?: string[] }, pageSize = PAGE_SIZE) {
  let q = db.selectFrom('organizations').where('organizations.status', '=', 'member');
  if (f.country) {
    const c = f.country;
    // Registered in the country or working there.
    q = q.where((eb) =>
      eb.or([
        eb('organizations.country', '=', c),
        eb('organizations.id', 'in', eb.selectFrom('organization_countries').select('org_id').where('country', '=', c)),
      ]),
    );
  }
  if (f.type) q = q.where('organizations.type', '=', f.type);
  if (f.objective) q = q.where('organizations.id', 'in', db.selectFrom('organization_objectives').select('org_id').where('objective_n', '=', f.objective));
  if (f.within) q = f.within.length ? q.where('organizations.id', 'in', f.within) : q.where(sql<boolean>`1 = 0`);
  const text = f.q ? normalizeText(f.q) : '';
  if (text) for (const word of text.split(' ').slice(0, 5)) q = q.where('organizations.search_text', 'like', `%${word.replace(/[%_]/g, '')}%`);
  const page = f.page ?? 1;
  // One pass: the page's rows carry the number of matches (a window count), instead of a second query that
  // filtered every organization again (decisions/0006). Past the last page there is no row to carry it.
  let r = q.select(['id', 'slug', 'name', 'acronym', 'country', 'city', 'type', 'public_fields', 'admitted_at', sql<number | string>`count(*) over ()`.as('matches')]);
  if (f.sort === 'newest') r = r.orderBy('admitted_at', 'desc').orderBy('name');
  else if (f.sort === 'country') r = r.orderBy('country').orderBy('name');
  else r = r.orderBy('name');
  // Organizations of the same name (and date, or country) in one order, the kept facts' (`directoryFacts`).
  r = r.orderBy('id');
  const found = await r
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  const total = found.length ? Number(found[0]!.matches) : page > 1 ? Number((await q.select((e) => e.fn.countAll<number>().as('n')).executeTakeFirst())?.n ?? 0) : 0;
  const rows = found.map(({ matches: _, ...row }) => row);
  return { rows: rows as DirectoryRow[], total, page, pages: Math.max(1, Math.ceil(total / pageSize)) };
}

/**
 * What the directory filters, counts, orders and pages on, for every member organization, and what a row shows:
 * the same for every reader (the directory is public). Column by column (one short value per organization at the
 * same position of each), in the list's default order — `name`, then `id`, as the database orders them; `newest` and
 * `byCountry` are the positions in the other two orders, also numbered by the database (its collation and NULLs, not
 * JavaScript's).
 */
export interface DirectoryFacts {
  ids: string[];
  slugs: string[];
  names: string[];
  acronyms: (string | null)[];
  countries: string[];
  cities: (string | null)[];
  types: DirectoryRow['type'][];
  publicFields: string[];
  admitted: (string | null)[];
  /** `search_text` (name, acronym and city, normalized): what `?q=` matches. */
  search: string[];
  /**
   * Where each three characters of a `search` occur: the positions of the organizations whose text has them, in
   * order. A word of three or more characters is only in the texts that have every three of its characters: the
   * fewest of those positions are the candidates, each then checked as `LIKE` would.
   */
  trigrams: Map<string, Uint16Array>;
  /** The countries where each organization works (organization_countries), besides its country of registration. */
  worksIn: string[][];
  objectives: number[][];
  newest: number[];
  byCountry: number[];
}

/**
 * Past this many member organizations the directory's facts are not read (null: the directory pages with SQL,
 * `listDirectory`): about 430 bytes an organization as the page cache weighs them, so 8,000 stay under what it keeps
 * of one fragment (4 MB of its default 64 MB; and the trigrams' positions fit 16 bits), and reading them (once after
 * each write) stays short.
 */
export const DIRECTORY_FACTS_MAX = 8_000;

/** Every member organization's `DirectoryFacts` (four statements), or null when there are more than `DIRECTORY_FACTS_MAX`. */
export async function directoryFacts(db: Db): Promise<DirectoryFacts | null> {
  const members = db.selectFrom('organizations').where('organizations.status', '=', 'member');
  const { n } = await members.select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  if (Number(n) > DIRECTORY_FACTS_MAX) return null;
  const found = await members
    .select([
      'id',
      'slug',
      'name',
      'acronym',
      'country',
      'city',
      'type',
      'public_fields',
      'admitted_at',
      'search_text',
      // The orders of `listDirectory`'s other sorts, numbered by the database.
      sql<number | string>`row_number() over (order by admitted_at desc, name, id)`.as('newest'),
      sql<number | string>`row_number() over (order by country, name, id)`.as('by_country'),
    ])
    .orderBy('name')
    .orderBy('id')
    .execute();
  const k: DirectoryFacts = {
    ids: [],
    slugs: [],
    names: [],
    acronyms: [],
    countries: [],
    cities: [],
    types: [],
    publicFields: [],
    admitted: [],
    search: [],
    trigrams: new Map(),
    worksIn: [],
    objectives: [],
    newest: new Array(found.length),
    byCountry: new Array(found.length),
  };
  const at = new Map<string, number>();
  const trigrams = new Map<string, number[]>();
  for (const r of found) {
    const i = k.ids.length;
    at.set(r.id, i);
    k.newest[Number(r.newest) - 1] = i;
    k.byCountry[Number(r.by_country) - 1] = i;
    k.ids.push(r.id);
    k.slugs.push(r.slug);
    k.names.push(r.name);
    k.acronyms.push(r.acronym);
    k.countries.push(r.country);
    k.cities.push(r.city);
    k.types.push(r.type);
    k.publicFields.push(r.public_fields);
    k.admitted.push(r.admitted_at);
    k.search.push(r.search_text);
    k.worksIn.push([]);
    k.objectives.push([]);
    for (let p = 0; p + 3 <= r.search_text.length; p++) {
      const g = r.search_text.slice(p, p + 3);
      const list = trigrams.get(g);
      if (!list) trigrams.set(g, [i]);
      else if (list[list.length - 1] !== i) list.push(i);
    }
  }
  for (const [g, list] of trigrams) k.trigrams.set(g, Uint16Array.from(list));
  const [countries, objectives] = await Promise.all([
    db.selectFrom('organization_countries').innerJoin('organizations', 'organizations.id', 'organization_countries.org_id').select(['org_id', 'organization_countries.country']).where('organizations.status', '=', 'member').execute(),
    db.selectFrom('organization_objectives').innerJoin('organizations', 'organizations.id', 'organization_objectives.org_id').select(['org_id', 'objective_n']).where('organizations.status', '=', 'member').execute(),
  ]);
  for (const r of countries) {
    const i = at.get(r.org_id);
    if (i !== undefined) k.worksIn[i]!.push(r.country);
  }
  for (const r of objectives) {
    const i = at.get(r.org_id);
    if (i !== undefined) k.objectives[i]!.push(Number(r.objective_n));
  }
  return k;
}

/**
 * One page of the directory as `listDirectory` gives it — the same filter, count, order and page — from the kept
 * facts. The text matches as its `LIKE '%word%'` does: the query normalized, its first five words, each somewhere in
 * `search_text`.
 */
export function pageOfDirectory(k: DirectoryFacts, f: DirectoryFilter & { within?: string[] }, pageSize = PAGE_SIZE) {
  const text = f.q ? normalizeText(f.q) : '';
  const words = text ? text.split(' ').slice(0, 5).map((w) => w.replace(/[%_]/g, '')) : [];
  const within = f.within ? new Set(f.within) : undefined;
  const order = f.sort === 'newest' ? k.newest : f.sort === 'country' ? k.byCountry : undefined;
  const page = f.page ?? 1;
  const from = (page - 1) * pageSize;
  // With a text: the organizations it matches, in name order — gone through as they are for that order, marked for
  // the others.
  const matched = words.length ? textMatches(k, words) : undefined;
  let marked: Uint8Array | undefined;
  if (matched && order) {
    marked = new Uint8Array(k.ids.length);
    for (const i of matched) marked[i] = 1;
  }
  const through = matched && !order ? matched : order;
  const rows: DirectoryRow[] = [];
  let total = 0;
  for (let j = 0, n = through ? through.length : k.ids.length; j < n; j++) {
    const i = through ? through[j]! : j;
    if (marked && !marked[i]) continue;
    if (f.type && k.types[i] !== f.type) continue;
    if (f.country && k.countries[i] !== f.country && !k.worksIn[i]!.includes(f.country)) continue;
    if (f.objective && !k.objectives[i]!.includes(f.objective)) continue;
    if (within && !within.has(k.ids[i]!)) continue;
    if (total >= from && rows.length < pageSize) rows.push(directoryRow(k, i));
    total++;
  }
  return { rows, total, page, pages: Math.max(1, Math.ceil(total / pageSize)) };
}

/** The row `listDirectory` would give for the organization at position `i` of the facts. */
const directoryRow = (k: DirectoryFacts, i: number): DirectoryRow => ({
  id: k.ids[i]!,
  slug: k.slugs[i]!,
  name: k.names[i]!,
  acronym: k.acronyms[i]!,
  country: k.countries[i]!,
  city: k.cities[i]!,
  type: k.types[i]!,
  public_fields: k.publicFields[i]!,
  admitted_at: k.admitted[i]!,
});

/**
 * Each word's matches, kept per facts (so per version: new facts after every write): a stream of texts never seen
 * before is mostly made of words seen before. At most 4 MB of positions (a word's list is at most the organizations').
 */
const wordMatches = BoundedCache.perCatalog<Int32Array>(4 * 1024 * 1024, (v) => v.byteLength + 64);

/** The positions of the organizations whose `search` contains every word, ascending (name order): each word's, intersected. */
function textMatches(k: DirectoryFacts, words: string[]): Int32Array {
  const kept = wordMatches(k);
  return intersect(
    words.map((w) => {
      let hit = kept.get(w);
      if (!hit) kept.set(w, (hit = wordMatchesOf(k, w)));
      return hit;
    }),
  );
}

/**
 * The positions of the organizations whose `search` contains the word, ascending. Candidates: the organizations with
 * the word's rarest three characters (a text with the word has all of them), or every organization when the word is
 * shorter; each candidate checked as `LIKE` would.
 */
function wordMatchesOf(k: DirectoryFacts, w: string): Int32Array {
  let fewest: Uint16Array | undefined;
  for (let p = 0; p + 3 <= w.length; p++) {
    const list = k.trigrams.get(w.slice(p, p + 3));
    if (!list) return new Int32Array(0);
    if (!fewest || list.length < fewest.length) fewest = list;
  }
  const hit: number[] = [];
  if (fewest) for (let j = 0; j < fewest.length; j++) k.search[fewest[j]!]!.includes(w) && hit.push(fewest[j]!);
  else for (let i = 0; i < k.ids.length; i++) k.search[i]!.includes(w) && hit.push(i);
  return Int32Array.from(hit);
}

/** The whole organization: profile, countries, objectives. */
export async function getOrganizationFull(db: Db, by: { id?: string; slug?: string }) {
  let q = db.selectFrom('organizations').selectAll();
  q = by.id ? q.where('id', '=', by.id) : q.where('slug', '=', by.slug ?? '');
  const org = await q.executeTakeFirst();
  if (!org) return undefined;
  const [countries, objectives] = await Promise.all([
    db.selectFrom('organization_countries').select('country').where('org_id', '=', org.id).orderBy('country').execute(),
    db.selectFrom('organization_objectives').select('objective_n').where('org_id', '=', org.id).orderBy('objective_n').execute(),
  ]);
  return {
    ...org,
    countries: countries.map((r) => r.country),
    objectives: objectives.map((r) => Number(r.objective_n)),
    languageList: parseList(org.languages),
    socialList: parseList(org.social_links),
    publicSet: publicFieldsOf(org),
  };
}
export type OrganizationFull = NonNullable<Awaited<ReturnType<typeof getOrganizationFull>>>;

export async function contactsOf(db: Db, orgId: string) {
  return db.selectFrom('organization_contacts').selectAll().where('org_id', '=', orgId).orderBy('created_at').execute();
}

export async function peopleOf(db: Db, orgId: string) {
  const rows = await db
    .selectFrom('organization_people')
    .innerJoin('users', 'users.id', 'organization_people.user_id')
    .select(['users.id', 'users.name', 'users.email', 'organization_people.role_title', 'organization_people.is_representative', 'organization_people.is_voter'])
    .where('organization_people.org_id', '=', orgId)
    .orderBy('users.name')
    .execute();
  return rows.map((r) => ({ ...r, isRepresentative: !!r.is_representative, isVoter: !!r.is_voter }));
}

export async function isPersonOf(db: Db, userId: string | undefined, orgId: string): Promise<boolean> {
  if (!userId) return false;
  const r = await db.selectFrom('organization_people').select('user_id').where('org_id', '=', orgId).where('user_id', '=', userId).executeTakeFirst();
  return !!r;
}

/** Organizations for the administrators' review list, by status. */
export async function listByStatus(db: Db, statuses: OrgStatus[], page: number, pageSize = 50) {
  const q = db.selectFrom('organizations').where('status', 'in', statuses);
  const total = Number((await q.select((e) => e.fn.countAll<number>().as('n')).executeTakeFirst())?.n ?? 0);
  const rows = await q
    .select(['id', 'slug', 'name', 'country', 'type', 'status', 'applied_at', 'status_changed_at'])
    .orderBy('status_changed_at', 'desc')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return { rows, total, pages: Math.max(1, Math.ceil(total / pageSize)) };
}

/** A possible earlier application or member of the same organization (same name and country, or same website). */
export async function findDuplicate(db: Db, name: string, country: string, website: string | null | undefined, exceptId?: string) {
  const key = normalizeText(name);
  const wk = websiteKey(website);
  let q = db
    .selectFrom('organizations')
    .select(['id', 'slug', 'name', 'status'])
    .where('status', '!=', 'declined')
    .where((eb) => {
      const ors = [eb.and([eb('name_key', '=', key), eb('country', '=', country)])];
      if (wk) ors.push(eb('website_key', '=', wk));
      return eb.or(ors);
    });
  if (exceptId) q = q.where('id', '!=', exceptId);
  return q.executeTakeFirst();
}

/** Member organizations that work on an objective (for the objective's page). */
export async function membersForObjective(db: Db, n: number, limit = 50) {
  return db
    .selectFrom('organization_objectives')
    .innerJoin('organizations', 'organizations.id', 'organization_objectives.org_id')
    .select(['organizations.slug', 'organizations.name', 'organizations.country', 'organizations.public_fields'])
    .where('organization_objectives.objective_n', '=', n)
    .where('organizations.status', '=', 'member')
    .orderBy('organizations.name')
    .limit(limit)
    .execute();
}

export async function countMembersForObjective(db: Db, n: number) {
  const r = await db
    .selectFrom('organization_objectives')
    .innerJoin('organizations', 'organizations.id', 'organization_objectives.org_id')
    .select((e) => e.fn.countAll<number>().as('n'))
    .where('organization_objectives.objective_n', '=', n)
    .where('organizations.status', '=', 'member')
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

/**
 * Where a member organization counts: in every country where it works — its country of registration and each
 * country it lists (organization_countries), once per country — or only in its country of registration.
 */
export type CoverageBy = 'works' | 'registration';

/** Each member organization once per country it counts in, as rows (org_id, country). */
function memberCountries(db: Db, by: CoverageBy) {
  const registered = db.selectFrom('organizations').select(['organizations.id as org_id', 'organizations.country']).where('organizations.status', '=', 'member');
  if (by === 'registration') return registered;
  // UNION (not UNION ALL): an organization that also lists its country of registration counts there once.
  return registered.union(
    db
      .selectFrom('organization_countries')
      .innerJoin('organizations', 'organizations.id', 'organization_countries.org_id')
      .select(['organization_countries.org_id', 'organization_countries.country'])
      .where('organizations.status', '=', 'member'),
  );
}

/** How many member organizations count in each country (alpha-2 → count), by where they work or where they are registered. */
export async function countsByCountry(db: Db, by: CoverageBy = 'works'): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom(memberCountries(db, by).as('mc'))
    .select(['mc.country', (e) => e.fn.countAll<number>().as('n')])
    .groupBy('mc.country')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.country, Number(r.n)]));
}

/** How many member organizations count in at least one country outside `region` (each organization once). */
export async function countOutside(db: Db, by: CoverageBy, region: readonly string[]): Promise<number> {
  let q = db.selectFrom(memberCountries(db, by).as('mc')).select((e) => e.fn.count<number>('mc.org_id').distinct().as('n'));
  if (region.length) q = q.where('mc.country', 'not in', [...region]);
  const r = await q.executeTakeFirst();
  return Number(r?.n ?? 0);
}

/**
 * The coverage page's numbers: members by country (where they work, or where they are registered), how many work
 * (or are registered) outside the region, by type and objective; applications and admissions per month.
 */
export async function coverageStats(db: Db, by: CoverageBy, region: readonly string[]) {
  const [byCountry, outside, byType, byObjective, applied, admitted] = await Promise.all([
    countsByCountry(db, by),
    countOutside(db, by, region),
    db
      .selectFrom('organizations')
      .select(['type', (e) => e.fn.countAll<number>().as('n')])
      .where('status', '=', 'member')
      .groupBy('type')
      .execute(),
    db
      .selectFrom('organization_objectives')
      .innerJoin('organizations', 'organizations.id', 'organization_objectives.org_id')
      .select(['organization_objectives.objective_n as n', (e) => e.fn.countAll<number>().as('count')])
      .where('organizations.status', '=', 'member')
      .groupBy('organization_objectives.objective_n')
      .execute(),
    db
      .selectFrom('organizations')
      .select([sql<string>`substr(applied_at, 1, 7)`.as('month'), (e) => e.fn.countAll<number>().as('n')])
      .where('applied_at', 'is not', null)
      .groupBy(sql`substr(applied_at, 1, 7)`)
      .execute(),
    db
      .selectFrom('organizations')
      .select([sql<string>`substr(admitted_at, 1, 7)`.as('month'), (e) => e.fn.countAll<number>().as('n')])
      .where('admitted_at', 'is not', null)
      .where('status', 'in', ['member', 'suspended', 'withdrawn'])
      .groupBy(sql`substr(admitted_at, 1, 7)`)
      .execute(),
  ]);
  return {
    byCountry,
    outside,
    /** Every member organization once (each has one type). */
    total: byType.reduce((sum, r) => sum + Number(r.n), 0),
    byType: Object.fromEntries(byType.map((r) => [r.type, Number(r.n)])) as Record<string, number>,
    byObjective: Object.fromEntries(byObjective.map((r) => [Number(r.n), Number(r.count)])) as Record<number, number>,
    applied: Object.fromEntries(applied.map((r) => [r.month, Number(r.n)])) as Record<string, number>,
    admitted: Object.fromEntries(admitted.map((r) => [r.month, Number(r.n)])) as Record<string, number>,
  };
}

/** Invitations of an organization still open. */
export async function openInvitations(db: Db, orgId: string, now = new Date().toISOString()) {
  return db
    .selectFrom('membership_invitations')
    .select(['id', 'email', 'created_at', 'expires_at'])
    .where('org_id', '=', orgId)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .orderBy('created_at', 'desc')
    .execute();
}
