/**
 * @module Pledges: the in-memory catalog of the published pledges (decision 0612), as practices search does
 * (decision 0301). Per published pledge, newest first (the list's order): its kind, status, year and month,
 * body as small integer codes in typed arrays, and its objectives, principles, forms, countries and pledging
 * organizations as codes (offsets + codes) with the postings of every value (the positions of its pledges).
 *
 * Filters, the dashboard's faceted counts (decisions 0611) and the list's page are then one pass over arrays;
 * the list loads only its page's rows. The catalog is rebuilt when `pledge_meta.catalog_version` is not the one
 * it was built from: that row is written in every transaction that changes the published pledges
 * (`bumpCatalogVersion`), and read once per request (one primary-key lookup), so several app processes on one
 * database each see every change at their next request.
 */
import { sql } from 'kysely';
import { newId } from '../../db/ids.js';
import type { Db } from '../../db/schema.js';
import { pledgeForms, pledgeKinds, pledgeStatuses } from './tables.js';
import type { PledgeFilter } from './queries.js';

/** The counted dimensions, in the order the dashboard shows them. */
export const DIMENSIONS = ['objective', 'principle', 'kind', 'form', 'status', 'country', 'year'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

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

/** The dimensions a pledge can have several values of (rows of their own), and the organizations. */
const MULTI = ['objective', 'principle', 'form', 'country', 'org'] as const;
type Multi = (typeof MULTI)[number];

interface MultiFacet {
  /** The values, by code. */
  values: string[];
  codeOf: Map<string, number>;
  /** Pledge at position i has codes[offsets[i]..offsets[i+1]). */
  offsets: Int32Array;
  codes: Int32Array;
  /** Per code, the positions of its pledges, ascending. */
  postings: Int32Array[];
}

export interface PledgeCatalog {
  version: string;
  /** Published pledges, in the list's order (newest published first, then by id). */
  ids: string[];
  /** Index in pledgeKinds. */
  kind: Uint8Array;
  /** Index in pledgeStatuses; NONE when there is none. */
  status: Uint8Array;
  /** Year published (0 when unknown) and month 0–11 (NONE when unknown). */
  year: Uint16Array;
  month: Uint8Array;
  /** Index in `bodies`; -1 when none. */
  body: Int32Array;
  bodies: string[];
  bodyPostings: Map<string, Int32Array>;
  multi: Record<Multi, MultiFacet>;
  /** Years with published pledges, newest first. */
  years: number[];
}

const NONE = 255;

// ---------------------------------------------------------------------------------------------------
// The version

/** Marks the published pledges as changed; call in every transaction that changes them (or their status). */
export async function bumpCatalogVersion(db: Db): Promise<void> {
  const v = newId();
  await db
    .insertInto('pledge_meta')
    .values({ key: 'catalog_version', value: v })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: v }))
    .execute();
}

async function currentVersion(db: Db): Promise<string> {
  return (await db.selectFrom('pledge_meta').select('value').where('key', '=', 'catalog_version').executeTakeFirst())?.value ?? '0';
}

// ---------------------------------------------------------------------------------------------------
// Building

const asc = (a: number, b: number) => a - b;

function multiFacet(n: number, posOf: Map<string, number>, rows: { pledge_id: string; v: string | number }[]): MultiFacet {
  const values: string[] = [];
  const codeOf = new Map<string, number>();
  const per: number[][] = Array.from({ length: n }, () => []);
  for (const r of rows) {
    const i = posOf.get(r.pledge_id);
    if (i === undefined) continue;
    const k = String(r.v);
    let c = codeOf.get(k);
    if (c === undefined) codeOf.set(k, (c = values.push(k) - 1));
    if (!per[i]!.includes(c)) per[i]!.push(c);
  }
  const offsets = new Int32Array(n + 1);
  let total = 0;
  for (let i = 0; i < n; i++) {
    offsets[i] = total;
    total += per[i]!.length;
  }
  offsets[n] = total;
  const codes = new Int32Array(total);
  const sizes = new Int32Array(values.length);
  for (let i = 0; i < n; i++) {
    codes.set(per[i]!, offsets[i]!);
    for (const c of per[i]!) sizes[c]!++;
  }
  const postings = Array.from(sizes, (s) => new Int32Array(s));
  const fill = new Int32Array(values.length);
  for (let i = 0; i < n; i++) for (const c of per[i]!) postings[c]![fill[c]!++] = i;
  return { values, codeOf, offsets, codes, postings };
}

async function buildCatalog(db: Db, version: string): Promise<PledgeCatalog> {
  const [rows, objectives, principles, forms, countries, orgs] = await Promise.all([
    // The state compared as an expression: SQLite then reads the covering index (state, kind, status, body_id,
    // published_at, id) instead of every wide row through the (state, published_at) index. Same meaning on both.
    db
      .selectFrom('pledges')
      .select(['id', 'kind', 'status', 'body_id', 'published_at'])
      .where(sql<string>`state || ''`, '=', 'published')
      .orderBy('published_at', 'desc')
      .orderBy('id')
      .execute(),
    // Every pledge's rows (a plain scan of each table's covering key is cheaper than asking for the published
    // ones); rows of pledges that are not published are skipped below.
    db.selectFrom('pledge_objectives').select(['pledge_id', 'n as v']).execute(),
    db.selectFrom('pledge_principles').select(['pledge_id', 'n as v']).execute(),
    db.selectFrom('pledge_forms').select(['pledge_id', 'form as v']).execute(),
    db.selectFrom('pledge_countries').select(['pledge_id', 'country as v']).execute(),
    db.selectFrom('pledge_organizations').select(['pledge_id', 'org_id as v']).execute(),
  ]);
  const n = rows.length;
  const ids: string[] = new Array(n);
  const posOf = new Map<string, number>();
  const kind = new Uint8Array(n);
  const status = new Uint8Array(n);
  const year = new Uint16Array(n);
  const month = new Uint8Array(n);
  const body = new Int32Array(n);
  const bodies: string[] = [];
  const bodyCode = new Map<string, number>();
  const bodyLists: number[][] = [];
  const years = new Set<number>();
  const kindCode = new Map<string, number>(pledgeKinds.map((k, i) => [k, i]));
  const statusCode = new Map<string, number>(pledgeStatuses.map((k, i) => [k, i]));
  for (let i = 0; i < n; i++) {
    const r = rows[i]!;
    ids[i] = r.id;
    posOf.set(r.id, i);
    kind[i] = kindCode.get(r.kind) ?? NONE;
    status[i] = r.status ? (statusCode.get(r.status) ?? NONE) : NONE;
    // As the queries read it: the year and month are the date's first characters (YYYY-MM…).
    const m = r.published_at ? /^(\d{4})-(\d{2})/.exec(r.published_at) : null;
    year[i] = m ? Number(m[1]) : 0;
    month[i] = m && Number(m[2]) >= 1 && Number(m[2]) <= 12 ? Number(m[2]) - 1 : NONE;
    if (m) years.add(Number(m[1]));
    if (r.body_id) {
      let c = bodyCode.get(r.body_id);
      if (c === undefined) {
        bodyCode.set(r.body_id, (c = bodies.push(r.body_id) - 1));
        bodyLists.push([]);
      }
      body[i] = c;
      bodyLists[c]!.push(i);
    } else body[i] = -1;
  }
  const multi = {
    objective: multiFacet(n, posOf, objectives),
    principle: multiFacet(n, posOf, principles),
    form: multiFacet(n, posOf, forms),
    country: multiFacet(n, posOf, countries),
    org: multiFacet(n, posOf, orgs),
  };
  return {
    version,
    ids,
    kind,
    status,
    year,
    month,
    body,
    bodies,
    bodyPostings: new Map(bodies.map((b, c) => [b, Int32Array.from(bodyLists[c]!)])),
    multi,
    years: [...years].sort(asc).reverse(),
  };
}

const catalogs = new WeakMap<object, PledgeCatalog>();
const building = new WeakMap<object, Promise<PledgeCatalog>>();

/**
 * The catalog of the current version: one query to read the version, and a rebuild (shared by the requests
 * that arrive meanwhile) when it changed. Inside a transaction (another `db` object) it is built from what that
 * transaction sees.
 */
export async function pledgeCatalog(db: Db): Promise<PledgeCatalog> {
  const key = db as object;
  const version = await currentVersion(db);
  const have = catalogs.get(key);
  if (have && have.version === version) return have;
  const pending = building.get(key);
  if (pending) {
    const c = await pending;
    if (c.version === version) return c;
  }
  const p = buildCatalog(db, version);
  building.set(key, p);
  try {
    const c = await p;
    catalogs.set(key, c);
    return c;
  } finally {
    if (building.get(key) === p) building.delete(key);
  }
}

/** Forgets the catalog (tests, benchmarks). */
export function dropPledgeCatalog(db: Db): void {
  catalogs.delete(db as object);
}

// ---------------------------------------------------------------------------------------------------
// Reading

/** The organizations with published pledges (ids). */
export const catalogOrgs = (cat: PledgeCatalog): string[] => cat.multi.org.values.filter((_, c) => cat.multi.org.postings[c]!.length > 0);

export interface CatalogResult {
  /** Published pledges under every filter. */
  total: number;
  /** The ids of the page asked for (in the list's order). */
  ids: string[];
  /** Their positions in the catalog. */
  positions: number[];
  /** The faceted counts, when asked for. */
  figures?: PledgeFigures;
}

/** A filter on one dimension (or one that always applies: body, organization) as a mask over positions. */
interface Test {
  /** Index in DIMENSIONS; -1 for the filters every count applies (body, organization). */
  dim: number;
  mask: Uint8Array;
}

const maskOf = (n: number, postings: Int32Array | undefined): Uint8Array => {
  const m = new Uint8Array(n);
  if (postings) for (let k = 0; k < postings.length; k++) m[postings[k]!] = 1;
  return m;
};

const scalarMask = (arr: Uint8Array | Uint16Array, code: number): Uint8Array => {
  const m = new Uint8Array(arr.length);
  for (let i = 0; i < arr.length; i++) if (arr[i] === code) m[i] = 1;
  return m;
};

const D = Object.fromEntries(DIMENSIONS.map((d, i) => [d, i])) as Record<Dimension, number>;

/**
 * The published pledges under `f`: how many, the ids of positions [offset, offset + limit), and (with `facets`)
 * every dimension counted under every filter but its own (decision 0611). Same meaning as the SQL of the list
 * always had: a filter whose value names nothing matches nothing.
 */
export function queryCatalog(cat: PledgeCatalog, f: PledgeFilter, opts: { offset?: number; limit?: number; facets?: boolean } = {}): CatalogResult {
  const n = cat.ids.length;
  const offset = Math.max(0, opts.offset ?? 0);
  const end = offset + Math.max(0, opts.limit ?? 0);
  const tests: Test[] = [];
  // The pledges every count starts from: a body's or an organization's, else all.
  let base: Int32Array | null = null;
  const always = (postings: Int32Array | undefined) => {
    if (!base) base = postings ?? new Int32Array(0);
    else tests.push({ dim: -1, mask: maskOf(n, postings) });
  };
  if (f.orgId !== undefined) always(cat.multi.org.postings[cat.multi.org.codeOf.get(f.orgId) ?? -1]);
  if (f.bodyId !== undefined) always(cat.bodyPostings.get(f.bodyId));
  const multi = (dim: Exclude<Multi, 'org'>, v: string | number | undefined) => {
    if (v === undefined) return;
    const m = cat.multi[dim];
    tests.push({ dim: D[dim], mask: maskOf(n, m.postings[m.codeOf.get(String(v)) ?? -1]) });
  };
  multi('objective', f.objective);
  multi('principle', f.principle);
  multi('form', f.form);
  multi('country', f.country);
  if (f.kind !== undefined) tests.push({ dim: D.kind, mask: scalarMask(cat.kind, pledgeKinds.indexOf(f.kind)) });
  if (f.status !== undefined) tests.push({ dim: D.status, mask: scalarMask(cat.status, pledgeStatuses.indexOf(f.status)) });
  if (f.year !== undefined) tests.push({ dim: D.year, mask: scalarMask(cat.year, f.year) });

  const facets = !!opts.facets;
  const { objective, principle, form, country } = cat.multi;
  const cObjective = new Int32Array(objective.values.length);
  const cPrinciple = new Int32Array(principle.values.length);
  const cForm = new Int32Array(form.values.length);
  const cCountry = new Int32Array(country.values.length);
  const cKind = new Int32Array(pledgeKinds.length);
  const cStatus = new Int32Array(pledgeStatuses.length);
  // Per year and month: (year - minYear) * 12 + month.
  const minYear = cat.years.length ? cat.years[cat.years.length - 1]! : 0;
  const cMonth = new Int32Array(cat.years.length ? (cat.years[0]! - minYear + 1) * 12 : 0);
  const cYear = new Map<number, number>();
  const addMulti = (m: MultiFacet, c: Int32Array, i: number) => {
    for (let k = m.offsets[i]!, e = m.offsets[i + 1]!; k < e; k++) c[m.codes[k]!]!++;
  };
  const add = (dim: number, i: number) => {
    switch (dim) {
      case 0: return addMulti(objective, cObjective, i);
      case 1: return addMulti(principle, cPrinciple, i);
      case 2: return void (cKind[cat.kind[i]!] !== undefined && cKind[cat.kind[i]!]!++);
      case 3: return addMulti(form, cForm, i);
      case 4: return void (cat.status[i] !== NONE && cStatus[cat.status[i]!]!++);
      case 5: return addMulti(country, cCountry, i);
      case 6: {
        const y = cat.year[i]!;
        if (!y) return;
        cYear.set(y, (cYear.get(y) ?? 0) + 1);
        if (cat.month[i] !== NONE) cMonth[(y - minYear) * 12 + cat.month[i]!]!++;
      }
    }
  };

  let total = 0;
  const ids: string[] = [];
  const positions: number[] = [];
  const nt = tests.length;
  const b = base as Int32Array | null;
  const count = b ? b.length : n;
  for (let j = 0; j < count; j++) {
    const i = b ? b[j]! : j;
    let miss = 0;
    let which = -1;
    for (let t = 0; t < nt; t++) {
      const x = tests[t]!;
      if (x.mask[i]) continue;
      if (x.dim < 0) {
        miss = 2;
        break;
      }
      which = x.dim;
      if (++miss > 1) break;
    }
    if (miss === 0) {
      if (total >= offset && total < end) ids.push(cat.ids[i]!), positions.push(i);
      total++;
      if (facets) for (let d = 0; d < 7; d++) add(d, i);
    } else if (miss === 1 && facets) add(which, i);
  }
  if (!facets) return { total, ids, positions };

  const counts = (m: { values: string[] }, c: Int32Array): Counts => {
    const out: Counts = {};
    for (let k = 0; k < c.length; k++) if (c[k]) out[m.values[k]!] = c[k]!;
    return out;
  };
  const named = (names: readonly string[], c: Int32Array): Counts => {
    const out: Counts = {};
    for (let k = 0; k < c.length; k++) if (c[k]) out[names[k]!] = c[k]!;
    return out;
  };
  const year: Counts = {};
  const quarter: Counts = {};
  for (const [y, v] of [...cYear].sort((a, z) => a[0] - z[0])) year[String(y)] = v;
  for (let k = 0; k < cMonth.length; k++) {
    if (!cMonth[k]) continue;
    const q = `${minYear + Math.floor(k / 12)}-Q${Math.floor((k % 12) / 3) + 1}`;
    quarter[q] = (quarter[q] ?? 0) + cMonth[k]!;
  }
  return {
    total,
    ids,
    positions,
    figures: {
      total,
      objective: counts(objective, cObjective),
      principle: counts(principle, cPrinciple),
      kind: named(pledgeKinds, cKind),
      form: counts(form, cForm),
      status: named(pledgeStatuses, cStatus),
      country: counts(country, cCountry),
      year,
      quarter,
    },
  };
}
