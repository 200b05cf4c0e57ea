/**
 * @module Pledges: the dashboard's figures — the Mechanism's published pledges counted by objective, principle,
 * kind, form, status, country and year (with its quarters), under the same filters as the list.
 *
 * Each dimension is counted with every filter in force except its own (faceted counting, decision 0611): a
 * count's link is the list with the same filters and that dimension set to the row's value, so the number on
 * the dashboard is exactly the number of pledges that list shows. The total applies every filter.
 * Only published pledges count; a withdrawn or draft pledge is in no figure.
 */
import { sql, type SelectQueryBuilder } from 'kysely';
import type { Database, Db } from '../../db/schema.js';
import type { Locale } from '../../platform/i18n/locales.js';
import { listObjectives, listPrinciples, countryNames } from '../../platform/reference/queries.js';
import { pledgeForms, pledgeKinds, pledgeStatuses, type PledgeForm, type PledgeKind, type PledgeStatus } from './tables.js';

/** The dashboard's and the list's filters (the same URL parameters: objective, principle, kind, form, status, country, body, org, year). */
export interface PledgeFilters {
  objective?: number;
  principle?: number;
  kind?: PledgeKind;
  form?: PledgeForm;
  status?: PledgeStatus;
  country?: string;
  /** A body's id. */
  body?: string;
  /** An organization's id. */
  org?: string;
  /** The year it was published. */
  year?: number;
}

/** The counted dimensions, in the order the dashboard shows them. */
export const DIMENSIONS = ['objective', 'principle', 'kind', 'form', 'status', 'country', 'year'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** The filter parameters in the order links write them (also the dashboard's cacheParams). */
export const FILTER_PARAMS = ['objective', 'principle', 'kind', 'form', 'status', 'country', 'body', 'org', 'year'] as const;

const int = (v: string | undefined, min: number, max: number): number | undefined => {
  if (!v || !/^\d{1,4}$/.test(v.trim())) return undefined;
  const n = Number(v.trim());
  return n >= min && n <= max ? n : undefined;
};
const oneOf = <T extends string>(v: string | undefined, xs: readonly T[]): T | undefined => (xs as readonly string[]).includes(v ?? '') ? (v as T) : undefined;
const token = (v: string | undefined, re: RegExp): string | undefined => (v && re.test(v) ? v : undefined);

/**
 * The filters a URL asks for. A value that is none of a filter's choices is no filter (the page says what is
 * in force, and shows everything else).
 */
export function parseFilters(get: (name: string) => string | undefined): PledgeFilters {
  const f: PledgeFilters = {
    objective: int(get('objective'), 1, 23),
    principle: int(get('principle'), 1, 10),
    kind: oneOf(get('kind'), pledgeKinds),
    form: oneOf(get('form'), pledgeForms),
    status: oneOf(get('status'), pledgeStatuses),
    country: token(get('country')?.toUpperCase(), /^[A-Z]{2}$/),
    body: token(get('body'), /^[0-9a-z_-]{1,64}$/),
    org: token(get('org'), /^[0-9a-z_-]{1,64}$/),
    year: int(get('year'), 1990, 2200),
  };
  for (const k of Object.keys(f) as (keyof PledgeFilters)[]) if (f[k] === undefined) delete f[k];
  return f;
}

/** The filters as a query for a link (in FILTER_PARAMS order), with `set` changed. */
export function filterQuery(f: PledgeFilters, set: Partial<Record<keyof PledgeFilters, string | number | undefined>> = {}): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const k of FILTER_PARAMS) {
    const v = k in set ? set[k] : f[k];
    if (v !== undefined && v !== '') out[k] = v;
  }
  return out;
}

type Q = SelectQueryBuilder<Database, 'pledges', object>;

/** Published pledges under the filters, leaving out the filter of one dimension (`skip`). */
function published(db: Db, f: PledgeFilters, skip?: Dimension): Q {
  let q = db.selectFrom('pledges').where('pledges.state', '=', 'published') as unknown as Q;
  if (f.objective !== undefined && skip !== 'objective')
    q = q.where('pledges.id', 'in', db.selectFrom('pledge_objectives').select('pledge_objectives.pledge_id').where('pledge_objectives.n', '=', f.objective));
  if (f.principle !== undefined && skip !== 'principle')
    q = q.where('pledges.id', 'in', db.selectFrom('pledge_principles').select('pledge_principles.pledge_id').where('pledge_principles.n', '=', f.principle));
  if (f.form !== undefined && skip !== 'form') q = q.where('pledges.id', 'in', db.selectFrom('pledge_forms').select('pledge_forms.pledge_id').where('pledge_forms.form', '=', f.form));
  if (f.country !== undefined && skip !== 'country')
    q = q.where('pledges.id', 'in', db.selectFrom('pledge_countries').select('pledge_countries.pledge_id').where('pledge_countries.country', '=', f.country));
  if (f.org !== undefined) q = q.where('pledges.id', 'in', db.selectFrom('pledge_organizations').select('pledge_organizations.pledge_id').where('pledge_organizations.org_id', '=', f.org));
  if (f.kind !== undefined && skip !== 'kind') q = q.where('pledges.kind', '=', f.kind);
  if (f.status !== undefined && skip !== 'status') q = q.where('pledges.status', '=', f.status);
  if (f.body !== undefined) q = q.where('pledges.body_id', '=', f.body);
  if (f.year !== undefined && skip !== 'year') q = q.where('pledges.published_at', '>=', `${f.year}-01-01`).where('pledges.published_at', '<', `${f.year + 1}-01-01`);
  return q;
}

/** Counts per value of one dimension: the key as text (an objective's number, a kind, a country, a year). */
export type Counts = Record<string, number>;

export interface PledgeFigures {
  /** Published pledges under every filter. */
  total: number;
  objective: Counts;
  principle: Counts;
  kind: Counts;
  form: Counts;
  status: Counts;
  country: Counts;
  year: Counts;
  /** Per quarter of the year published ('2025-Q1'), under the same filters as `year`. */
  quarter: Counts;
}

const toCounts = (rows: { k: string | number | null; n: number | string | bigint }[]): Counts => {
  const out: Counts = {};
  for (const r of rows) if (r.k !== null && r.k !== undefined) out[String(r.k)] = (out[String(r.k)] ?? 0) + Number(r.n);
  return out;
};

/** Every figure of the dashboard under `f` (eight queries, each on indexed columns). */
export async function pledgeFigures(db: Db, f: PledgeFilters): Promise<PledgeFigures> {
  const n = sql<number>`count(*)`.as('n');
  const [total, objective, principle, kind, form, status, country, months] = await Promise.all([
    published(db, f).select(n).executeTakeFirst(),
    published(db, f, 'objective').innerJoin('pledge_objectives', 'pledge_objectives.pledge_id', 'pledges.id').select(['pledge_objectives.n as k', n]).groupBy('pledge_objectives.n').execute(),
    published(db, f, 'principle').innerJoin('pledge_principles', 'pledge_principles.pledge_id', 'pledges.id').select(['pledge_principles.n as k', n]).groupBy('pledge_principles.n').execute(),
    published(db, f, 'kind').select(['pledges.kind as k', n]).groupBy('pledges.kind').execute(),
    published(db, f, 'form').innerJoin('pledge_forms', 'pledge_forms.pledge_id', 'pledges.id').select(['pledge_forms.form as k', n]).groupBy('pledge_forms.form').execute(),
    published(db, f, 'status').select(['pledges.status as k', n]).groupBy('pledges.status').execute(),
    published(db, f, 'country').innerJoin('pledge_countries', 'pledge_countries.pledge_id', 'pledges.id').select(['pledge_countries.country as k', n]).groupBy('pledge_countries.country').execute(),
    published(db, f, 'year')
      .select([sql<string>`substr(pledges.published_at, 1, 7)`.as('k'), n])
      .groupBy(sql`substr(pledges.published_at, 1, 7)`)
      .execute(),
  ]);
  const year: Counts = {};
  const quarter: Counts = {};
  for (const r of months) {
    if (!r.k || !/^\d{4}-\d{2}$/.test(r.k)) continue;
    const y = r.k.slice(0, 4);
    const q = `${y}-Q${Math.floor((Number(r.k.slice(5, 7)) - 1) / 3) + 1}`;
    year[y] = (year[y] ?? 0) + Number(r.n);
    quarter[q] = (quarter[q] ?? 0) + Number(r.n);
  }
  return {
    total: Number(total?.n ?? 0),
    objective: toCounts(objective),
    principle: toCounts(principle),
    kind: toCounts(kind),
    form: toCounts(form),
    status: toCounts(status),
    country: toCounts(country),
    year,
    quarter,
  };
}

/** How many published pledges the list shows under `f` (the dashboard's total; tests compare it with the list). */
export async function countPublished(db: Db, f: PledgeFilters): Promise<number> {
  return Number((await published(db, f).select(sql<number>`count(*)`.as('n')).executeTakeFirst())?.n ?? 0);
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
}

export async function figureNames(db: Db, l: Locale): Promise<FigureNames> {
  const [objectives, principles, countries] = await Promise.all([listObjectives(db, l), listPrinciples(db, l), countryNames(db, l)]);
  return { objectives, principles, countries };
}
