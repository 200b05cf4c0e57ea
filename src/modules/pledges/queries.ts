/** @module Pledges: reads. A pledge with its organizations, classifications, updates and links. */
import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../../db/migrator.js';
import type { Db } from '../../db/schema.js';
import { parseTranslated, type Translated } from '../../platform/i18n/translated.js';
import { pledgeCatalog, queryCatalog } from './catalog.js';
import type { Partner, PledgeForm, PledgeKind, PledgeScope, PledgeState, PledgeStatus, PledgesTable } from './tables.js';

/** The advisory lock key of pledge numbering (any constant no other lock uses). */
const PLEDGE_REF_LOCK = 7304141;

export interface PledgeOrg {
  orgId: string;
  lead: boolean;
  confirmedAt: string | null;
  confirmedBy: string | null;
}

export interface Pledge {
  id: string;
  ref: string;
  title: Translated;
  description: Translated;
  kind: PledgeKind;
  matchesPledgeId: string | null;
  matchesExternalId: string | null;
  matchesExternalTitle: string | null;
  scope: PledgeScope;
  partners: Partner[];
  startsOn: string | null;
  endsOn: string | null;
  bodyId: string | null;
  attachment: { file: string; name: string; type: string; size: number } | null;
  unId: string | null;
  state: PledgeState;
  status: PledgeStatus | null;
  reviewNote: string | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  publishedAt: string | null;
  nextUpdateDue: string | null;
  remindedFor: string | null;
  isDemo: boolean;
  orgs: PledgeOrg[];
  objectives: number[];
  principles: number[];
  forms: PledgeForm[];
  countries: string[];
}

function parsePartners(raw: string): Partner[] {
  try {
    const v = JSON.parse(raw);
    return Array.isArray(v) ? v.filter((p) => p && typeof p.name === 'string') : [];
  } catch {
    return [];
  }
}

/** The lead organization's id. */
export const leadOf = (p: Pick<Pledge, 'orgs'>) => p.orgs.find((o) => o.lead)?.orgId ?? p.orgs[0]?.orgId ?? '';

/** Loads the pledges of these rows with their organizations and classifications (5 queries whatever the count). */
async function hydrate(db: Db, rows: PledgesTable[]): Promise<Pledge[]> {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const [orgs, objectives, principles, forms, countries] = await Promise.all([
    db.selectFrom('pledge_organizations').selectAll().where('pledge_id', 'in', ids).orderBy('lead', 'desc').execute(),
    db.selectFrom('pledge_objectives').selectAll().where('pledge_id', 'in', ids).orderBy('n').execute(),
    db.selectFrom('pledge_principles').selectAll().where('pledge_id', 'in', ids).orderBy('n').execute(),
    db.selectFrom('pledge_forms').selectAll().where('pledge_id', 'in', ids).execute(),
    db.selectFrom('pledge_countries').selectAll().where('pledge_id', 'in', ids).orderBy('country').execute(),
  ]);
  const group = <T extends { pledge_id: string }, V>(list: T[], f: (x: T) => V) => {
    const m = new Map<string, V[]>();
    for (const x of list) m.set(x.pledge_id, [...(m.get(x.pledge_id) ?? []), f(x)]);
    return m;
  };
  const o = group(orgs, (x) => ({ orgId: x.org_id, lead: !!x.lead, confirmedAt: x.confirmed_at, confirmedBy: x.confirmed_by }));
  const ob = group(objectives, (x) => Number(x.n));
  const pr = group(principles, (x) => Number(x.n));
  const fo = group(forms, (x) => x.form);
  const co = group(countries, (x) => x.country);
  return rows.map((r) => ({
    id: r.id,
    ref: r.ref,
    title: parseTranslated(r.title),
    description: parseTranslated(r.description),
    kind: r.kind,
    matchesPledgeId: r.matches_pledge_id,
    matchesExternalId: r.matches_external_id,
    matchesExternalTitle: r.matches_external_title,
    scope: r.scope,
    partners: parsePartners(r.partners),
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    bodyId: r.body_id,
    attachment: r.attachment_file ? { file: r.attachment_file, name: r.attachment_name ?? 'file', type: r.attachment_type ?? 'application/octet-stream', size: Number(r.attachment_size ?? 0) } : null,
    unId: r.un_id,
    state: r.state,
    status: r.status,
    reviewNote: r.review_note,
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    submittedAt: r.submitted_at,
    publishedAt: r.published_at,
    nextUpdateDue: r.next_update_due,
    remindedFor: r.reminded_for,
    isDemo: !!r.is_demo,
    orgs: o.get(r.id) ?? [],
    objectives: ob.get(r.id) ?? [],
    principles: pr.get(r.id) ?? [],
    forms: (fo.get(r.id) ?? []) as PledgeForm[],
    countries: co.get(r.id) ?? [],
  }));
}

export async function getPledge(db: Db, id: string): Promise<Pledge | undefined> {
  const row = await db.selectFrom('pledges').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? (await hydrate(db, [row]))[0] : undefined;
}

export async function getPledgeByRef(db: Db, ref: string): Promise<Pledge | undefined> {
  const row = await db.selectFrom('pledges').selectAll().where('ref', '=', ref.toUpperCase()).executeTakeFirst();
  return row ? (await hydrate(db, [row]))[0] : undefined;
}

export async function pledgesByIds(db: Db, ids: string[]): Promise<Pledge[]> {
  if (!ids.length) return [];
  const rows = await db.selectFrom('pledges').selectAll().where('id', 'in', ids).execute();
  const byId = new Map((await hydrate(db, rows)).map((p) => [p.id, p]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** What a list row shows of a pledge: its title, kind, status, date and organizations. */
export type PledgeSummary = Pick<Pledge, 'id' | 'ref' | 'title' | 'kind' | 'status' | 'publishedAt' | 'orgs'>;

/** The list rows of these pledges, in the order of `ids` (two queries, without the wide descriptions). */
export async function pledgeSummaries(db: Db, ids: string[]): Promise<PledgeSummary[]> {
  if (!ids.length) return [];
  const [rows, orgs] = await Promise.all([
    db.selectFrom('pledges').select(['id', 'ref', 'title', 'kind', 'status', 'published_at']).where('id', 'in', ids).execute(),
    db.selectFrom('pledge_organizations').select(['pledge_id', 'org_id', 'lead', 'confirmed_at', 'confirmed_by']).where('pledge_id', 'in', ids).orderBy('lead', 'desc').execute(),
  ]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    const o = orgs.filter((x) => x.pledge_id === id).map((x) => ({ orgId: x.org_id, lead: !!x.lead, confirmedAt: x.confirmed_at, confirmedBy: x.confirmed_by }));
    return [{ id: r.id, ref: r.ref, title: parseTranslated(r.title), kind: r.kind, status: r.status, publishedAt: r.published_at, orgs: o }];
  });
}

/** The list's filters (see paths.ts): each is one value; a value that is not valid is ignored. */
export interface PledgeFilter {
  objective?: number;
  principle?: number;
  kind?: PledgeKind;
  form?: PledgeForm;
  status?: PledgeStatus;
  country?: string;
  bodyId?: string;
  orgId?: string;
  year?: number;
}

/**
 * The ids of the published pledges that pass the filter, newest first, and how many there are: a pass over the
 * in-memory catalog of the published pledges (catalog.ts, decision 0612); only the page's rows are loaded after.
 */
export async function filterPublished(db: Db, f: PledgeFilter, page = 1, perPage = 20): Promise<{ ids: string[]; total: number }> {
  const { total, ids } = queryCatalog(await pledgeCatalog(db), f, { offset: (Math.max(1, page) - 1) * perPage, limit: perPage });
  return { ids, total };
}

/** Every published pledge, newest first (the CSV). */
export async function allPublished(db: Db): Promise<Pledge[]> {
  const rows = await db.selectFrom('pledges').selectAll().where('state', '=', 'published').orderBy('published_at', 'desc').execute();
  return hydrate(db, rows);
}

/** The pledges of these organizations (every state), newest first. */
export async function pledgesOfOrgs(db: Db, orgIds: string[]): Promise<Pledge[]> {
  if (!orgIds.length) return [];
  const rows = await db
    .selectFrom('pledges')
    .selectAll()
    .where((eb) => eb.exists(eb.selectFrom('pledge_organizations as x').select('x.pledge_id').whereRef('x.pledge_id', '=', 'pledges.id').where('x.org_id', 'in', orgIds)))
    .orderBy('updated_at', 'desc')
    .limit(200)
    .execute();
  return hydrate(db, rows);
}

/** Pledges waiting for the Mesa Técnica's review, oldest first. */
export async function reviewQueue(db: Db): Promise<Pledge[]> {
  return hydrate(db, await db.selectFrom('pledges').selectAll().where('state', '=', 'submitted').orderBy('submitted_at').limit(200).execute());
}

export interface PledgeUpdate {
  id: string;
  status: PledgeStatus;
  note: Translated;
  reportedOn: string;
  createdBy: string;
  createdAt: string;
}

/** A pledge's progress updates, newest first. */
export async function updatesOf(db: Db, pledgeId: string): Promise<PledgeUpdate[]> {
  const rows = await db.selectFrom('pledge_updates').selectAll().where('pledge_id', '=', pledgeId).orderBy('reported_on', 'desc').orderBy('created_at', 'desc').execute();
  return rows.map((r) => ({ id: r.id, status: r.status, note: parseTranslated(r.note), reportedOn: r.reported_on, createdBy: r.created_by, createdAt: r.created_at }));
}

/** A pledge's links to other modules' things. */
export async function linksOf(db: Db, pledgeId: string): Promise<{ type: string; id: string }[]> {
  const rows = await db.selectFrom('pledge_links').select(['type', 'target_id']).where('pledge_id', '=', pledgeId).orderBy('type').orderBy('target_id').execute();
  return rows.map((r) => ({ type: r.type, id: r.target_id }));
}

/** Published pledges whose title matches `q` (for other modules' link pickers), newest first. */
export async function searchPublished(db: Db, q: string, limit: number): Promise<{ id: string; ref: string; title: string }[]> {
  let query = db.selectFrom('pledges').select(['id', 'ref', 'title']).where('state', '=', 'published');
  const needle = q.trim().toLowerCase();
  if (needle) query = query.where((eb) => eb.or([eb(sql`lower(title)`, 'like', `%${needle.replace(/[%_\\]/g, '')}%`), eb(sql`lower(ref)`, 'like', `%${needle.replace(/[%_\\]/g, '')}%`)]));
  return query.orderBy('published_at', 'desc').limit(limit).execute();
}

/**
 * The next public number: PL-0001, PL-0002… Called inside the creating transaction: on PostgreSQL a transaction
 * advisory lock makes two creations at once take turns (the second sees the first's number once it commits);
 * SQLite has one writer. The unique column is the last guard.
 */
export async function nextRef(db: Db): Promise<string> {
  if (dialectOf(db as Kysely<any>) === 'postgres') await sql`select pg_advisory_xact_lock(${String(PLEDGE_REF_LOCK)}::bigint)`.execute(db);
  const r = await db.selectFrom('pledges').select(sql<number>`count(*)`.as('n')).executeTakeFirst();
  const max = await db.selectFrom('pledges').select('ref').orderBy(sql`length(ref)`, 'desc').orderBy('ref', 'desc').limit(1).executeTakeFirst();
  const n = Math.max(Number(r?.n ?? 0), Number(/(\d+)$/.exec(max?.ref ?? '')?.[1] ?? 0)) + 1;
  return `PL-${String(n).padStart(4, '0')}`;
}
