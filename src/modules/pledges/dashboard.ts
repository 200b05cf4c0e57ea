/**
 * @module Pledges: the dashboard's figures — the Mechanism's published pledges counted by objective, principle,
 * kind, form, status, country and year (with its quarters), under the same filters as the list.
 *
 * Each dimension is counted with every filter in force except its own (faceted counting, decision 0611): a
 * count's link is the list with the same filters and that dimension set to the row's value, so the number on
 * the dashboard is exactly the number of pledges that list shows. The total applies every filter.
 * Only published pledges count; a withdrawn or draft pledge is in no figure. The figures and the list both come
 * from the in-memory catalog of the published pledges (catalog.ts); the report's period counts are SQL.
 */
import { sql, type SelectQueryBuilder } from 'kysely';
import type { Database, Db } from '../../db/schema.js';
import type { Locale } from '../../platform/i18n/locales.js';
import { listObjectives, listPrinciples, countryNames } from '../../platform/reference/queries.js';
import { FILTER_PARAMS } from './paths.js';
import { parseFilter, type SlugLookup } from './filters.js';
import type { PledgeFilter } from './queries.js';
import { pledgeCatalog, queryCatalog, type Counts, type Dimension, type PledgeFigures } from './catalog.js';


/**
 * The dashboard's and the list's filters (the same URL parameters: objective, principle, kind, form, status,
 * country, body, org, year — see paths.ts): the list's `PledgeFilter` (ids, for the queries) and, for links, the
 * body's and the organization's slugs as the URL names them.
 */
export interface PledgeFilters extends PledgeFilter {
  /** The body's slug, as links write it. */
  body?: string;
  /** The organization's slug, as links write it. */
  org?: string;
}

export { DIMENSIONS, type Dimension, type Counts, type PledgeFigures } from './catalog.js';

/** The filter parameters in the order links write them (also the dashboard's cacheParams): the list's. */
export { FILTER_PARAMS };
type FilterParam = (typeof FILTER_PARAMS)[number];

/**
 * The filters a URL asks for, read by the list's own reader (filters.ts): a value that is none of a filter's
 * choices is no filter; a body or organization slug that names nothing matches nothing.
 */
export async function parseFilters(db: Db, get: (name: string) => string | undefined, lookup?: SlugLookup): Promise<PledgeFilters> {
  const { filter, values } = await parseFilter(db, get, lookup);
  const f: PledgeFilters = { ...filter };
  if (filter.bodyId) f.body = String(values.body);
  if (filter.orgId) f.org = String(values.org);
  for (const k of Object.keys(f) as (keyof PledgeFilters)[]) if (f[k] === undefined) delete f[k];
  return f;
}

/** The filters as a query for a link (in FILTER_PARAMS order), with `set` changed. */
export function filterQuery(f: PledgeFilters, set: Partial<Record<FilterParam, string | number | undefined>> = {}): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const k of FILTER_PARAMS) {
    const v = k in set ? set[k] : f[k];
    if (v !== undefined && v !== '') out[k] = v;
  }
  return out;
}

type Q = SelectQueryBuilder<Database, 'pledges', object>;

/**
 * Published pledges under the filters, in SQL (the report's period counts), leaving out the filter of one
 * dimension (`skip`). Where a filter names
 * pledges by id (an objective's, a country's, an organization's rows…), the state is compared as an expression
 * so that SQLite starts from those few ids (covering index by id) rather than from every published pledge.
 */
function published(db: Db, f: PledgeFilters, skip?: Dimension): Q {
  let q = db.selectFrom('pledges') as unknown as Q;
  let byId = false;
  const ids = <T>(sub: T) => {
    byId = true;
    return sub;
  };
  if (f.objective !== undefined && skip !== 'objective')
    q = q.where('pledges.id', 'in', ids(db.selectFrom('pledge_objectives').select('pledge_objectives.pledge_id').where('pledge_objectives.n', '=', f.objective)));
  if (f.principle !== undefined && skip !== 'principle')
    q = q.where('pledges.id', 'in', ids(db.selectFrom('pledge_principles').select('pledge_principles.pledge_id').where('pledge_principles.n', '=', f.principle)));
  if (f.form !== undefined && skip !== 'form') q = q.where('pledges.id', 'in', ids(db.selectFrom('pledge_forms').select('pledge_forms.pledge_id').where('pledge_forms.form', '=', f.form)));
  if (f.country !== undefined && skip !== 'country')
    q = q.where('pledges.id', 'in', ids(db.selectFrom('pledge_countries').select('pledge_countries.pledge_id').where('pledge_countries.country', '=', f.country)));
  if (f.orgId !== undefined) q = q.where('pledges.id', 'in', ids(db.selectFrom('pledge_organizations').select('pledge_organizations.pledge_id').where('pledge_organizations.org_id', '=', f.orgId)));
  q = byId ? q.where(sql<string>`pledges.state || ''`, '=', 'published') : q.where('pledges.state', '=', 'published');
  if (f.kind !== undefined && skip !== 'kind') q = q.where('pledges.kind', '=', f.kind);
  if (f.status !== undefined && skip !== 'status') q = q.where('pledges.status', '=', f.status);
  if (f.bodyId !== undefined) q = q.where('pledges.body_id', '=', f.bodyId);
  if (f.year !== undefined && skip !== 'year') q = q.where('pledges.published_at', '>=', `${f.year}-01-01`).where('pledges.published_at', '<', `${f.year + 1}-01-01`);
  return q;
}

const toCounts = (rows: { k: string | number | null; n: number | string | bigint }[]): Counts => {
  const out: Counts = {};
  for (const r of rows) if (r.k !== null && r.k !== undefined) out[String(r.k)] = (out[String(r.k)] ?? 0) + Number(r.n);
  return out;
};

/**
 * Every figure of the dashboard under `f`: one pass over the in-memory catalog of the published pledges
 * (catalog.ts), each dimension counted under every filter but its own.
 */
export async function pledgeFigures(db: Db, f: PledgeFilters): Promise<PledgeFigures> {
  return queryCatalog(await pledgeCatalog(db), f, { facets: true }).figures!;
}

/** How many published pledges the list shows under `f` (the dashboard's total). */
export async function countPublished(db: Db, f: PledgeFilters): Promise<number> {
  return queryCatalog(await pledgeCatalog(db), f).total;
}

/**
 * For a report: pledges published in [from, to) under `f`, by their status now and by objective, and the
 * progress updates reported in the period.
 */
export async function pledgesInPeriod(db: Db, f: PledgeFilters, from: string, to: string) {
  const n = sql<number>`count(*)`.as('n');
  const inPeriod = () => published(db, f).where('pledges.published_at', '>=', from).where('pledges.published_at', '<', to);
  const [status, objective, updates, kind] = await Promise.all([
    inPeriod().select(['pledges.status as k', n]).groupBy('pledges.status').execute(),
    inPeriod().innerJoin('pledge_objectives', 'pledge_objectives.pledge_id', 'pledges.id').select(['pledge_objectives.n as k', n]).groupBy('pledge_objectives.n').execute(),
    published(db, f)
      .innerJoin('pledge_updates', 'pledge_updates.pledge_id', 'pledges.id')
      .where('pledge_updates.reported_on', '>=', from.slice(0, 10))
      .where('pledge_updates.reported_on', '<', to.slice(0, 10))
      .select(['pledge_updates.status as k', n])
      .groupBy('pledge_updates.status')
      .execute(),
    inPeriod().select(['pledges.kind as k', n]).groupBy('pledges.kind').execute(),
  ]);
  const byStatus = toCounts(status);
  return {
    made: Object.values(byStatus).reduce((a, b) => a + b, 0),
    status: byStatus,
    objective: toCounts(objective),
    kind: toCounts(kind),
    updates: toCounts(updates),
  };
}

/** Names for what the figures count, in the reader's language (principle n is the n-th in the GCM's order). */
export interface FigureNames {
  objectives: { n: number; short: string }[];
  principles: { name: string }[];
  countries: Map<string, string>;
  /** The objectives' row labels ("Objective 7: …"), when already translated (the dashboard keeps them). */
  objectiveLabels?: string[];
}

export async function figureNames(db: Db, l: Locale): Promise<FigureNames> {
  const [objectives, principles, countries] = await Promise.all([listObjectives(db, l), listPrinciples(db, l), countryNames(db, l)]);
  return { objectives, principles, countries };
}
