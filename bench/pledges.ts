/**
 * @module Pledges benchmark
 * generate: 10,000 pledges (× scale) by the member organizations (200 of the bench's own when there are fewer
 * than 50), most published over four years, with objectives, principles, forms, countries and bodies spread
 * unevenly, and 40,000 progress updates (× scale) — multi-row inserts in one transaction per chunk, on both engines.
 * pages (uncached: a different filter combination on every request, so the page cache never answers):
 * the dashboard with two filters, and the list with two filters. Target: ≥ 0.15 of raw node:http.
 * extra: server time per request in-process (app.fetch, no sockets) over distinct URLs, p50/p95 (target p95 < 30 ms)
 * and the CPU time of the same requests (steadier on a shared machine),
 * and the figures' queries alone.
 */
import type { Insertable } from 'kysely';
import type { BenchModule, BenchPage, BenchRow } from './types.js';
import type { AppDeps } from '../src/platform/http/env.js';
import { newId } from '../src/db/ids.js';
import { LAC_ALPHA2 } from '../src/platform/charts/index.js';
import { getOrganizations, listMemberOrganizations } from '../src/modules/membership/index.js';
import { makeOrganization } from '../src/modules/membership/factories.js';
import { listBodies } from '../src/modules/bodies/index.js';
import { createApp } from '../src/app.js';
import { pledgeFigures, countPublished, parseFilters } from '../src/modules/pledges/dashboard.js';
import { pledgeForms, pledgeKinds, pledgeStatuses, type PledgesTable, type PledgeState } from '../src/modules/pledges/tables.js';
import { prng } from './prng.js';
import { bumpCatalogVersion } from '../src/modules/pledges/catalog.js';

const TARGET = 0.15;
const P95_TARGET_MS = 30;
const LANGS = ['es', 'en', 'pt', 'fr'] as const;

/** Inserts rows in chunks of `size` (multi-row INSERTs: under SQLite's and PostgreSQL's bound-parameter limits). */
async function insertChunks(deps: AppDeps, table: string, rows: object[], size: number) {
  for (let i = 0; i < rows.length; i += size) await deps.db.insertInto(table as any).values(rows.slice(i, i + size) as any).execute();
}

/** The organizations pledging: the directory's members, or 200 of the benchmark's own where there are fewer than 50. */
async function pledgingOrgs(deps: AppDeps): Promise<string[]> {
  const members = await listMemberOrganizations(deps.db);
  if (members.length >= 50) return members.slice(0, 1000).map((o) => o.id);
  await deps.db.transaction().execute(async (trx) => {
    for (let k = 0; k < 200; k++) await makeOrganization(trx, { name: `Organización comprometida ${String(k + 1).padStart(3, '0')}`, country: LAC_ALPHA2[k % LAC_ALPHA2.length]!, status: 'member' });
  });
  return (await listMemberOrganizations(deps.db)).map((o) => o.id);
}

export async function generatePledges(deps: AppDeps, opts: { pledges: number; updates: number; seed?: number; log?: (m: string) => void }) {
  const rand = prng(opts.seed ?? 14);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const skewed = <T>(xs: readonly T[]) => xs[Math.floor(rand() * rand() * xs.length)]!;
  const orgs = await pledgingOrgs(deps);
  const bodies = (await listBodies(deps.db)).map((b) => b.id);
  const start = Date.parse('2023-01-01T00:00:00Z');
  const span = Date.parse('2026-11-30T00:00:00Z') - start;
  const desc = JSON.stringify({ es: 'Compromiso medible, concreto y con plazo para avanzar los objetivos del Pacto Mundial. '.repeat(5) });
  const published: { id: string; at: number }[] = [];
  const CHUNK = 500;
  for (let i = 0; i < opts.pledges; i += CHUNK) {
    const pledges: Insertable<PledgesTable>[] = [];
    const orgRows: object[] = [];
    const objRows: object[] = [];
    const prinRows: object[] = [];
    const formRows: object[] = [];
    const countryRows: object[] = [];
    for (let k = i; k < Math.min(opts.pledges, i + CHUNK); k++) {
      const id = newId();
      const r = rand();
      const state: PledgeState = r < 0.85 ? 'published' : r < 0.9 ? 'draft' : r < 0.94 ? 'submitted' : r < 0.97 ? 'returned' : 'withdrawn';
      const at = start + Math.floor(rand() * span);
      const iso = new Date(at).toISOString();
      const kind = pick(pledgeKinds);
      pledges.push({
        id,
        ref: `PL-B${String(k + 1).padStart(5, '0')}`,
        title: JSON.stringify({ es: `Compromiso ${k + 1} del Mecanismo` }),
        description: desc,
        kind,
        scope: pick(['local', 'national', 'regional'] as const),
        partners: '[]',
        starts_on: iso.slice(0, 10),
        ends_on: new Date(at + 2 * 365 * 86400000).toISOString().slice(0, 10),
        body_id: rand() < 0.6 ? pick(bodies) : null,
        state,
        status: state === 'published' || state === 'withdrawn' ? skewed(pledgeStatuses) : null,
        created_by: 'bench',
        created_at: iso,
        updated_at: iso,
        submitted_at: state === 'draft' ? null : iso,
        published_at: state === 'published' || state === 'withdrawn' ? iso : null,
        is_demo: 0,
      });
      if (state === 'published') published.push({ id, at });
      const lead = pick(orgs);
      orgRows.push({ pledge_id: id, org_id: lead, lead: 1, confirmed_at: iso, confirmed_by: 'bench' });
      if (kind !== 'common' || rand() < 0.2) {
        const other = pick(orgs);
        if (other !== lead) orgRows.push({ pledge_id: id, org_id: other, lead: 0, confirmed_at: iso, confirmed_by: 'bench' });
      }
      const objs = new Set<number>();
      for (let m = 1 + Math.floor(rand() * 3); objs.size < m; ) objs.add(1 + Math.floor(rand() * rand() * 23));
      for (const n of objs) objRows.push({ pledge_id: id, n });
      const prins = new Set<number>();
      for (let m = Math.floor(rand() * 4); prins.size < m; ) prins.add(1 + Math.floor(rand() * 10));
      for (const n of prins) prinRows.push({ pledge_id: id, n });
      const forms = new Set([pick(pledgeForms), ...(rand() < 0.3 ? [pick(pledgeForms)] : [])]);
      for (const form of forms) formRows.push({ pledge_id: id, form });
      const countries = new Set([skewed(LAC_ALPHA2), ...(rand() < 0.3 ? [pick(LAC_ALPHA2)] : [])]);
      for (const country of countries) countryRows.push({ pledge_id: id, country });
    }
    await deps.db.transaction().execute(async (trx) => {
      const d = { ...deps, db: trx } as AppDeps;
      await insertChunks(d, 'pledges', pledges, CHUNK);
      await insertChunks(d, 'pledge_organizations', orgRows, 2000);
      await insertChunks(d, 'pledge_objectives', objRows, 5000);
      await insertChunks(d, 'pledge_principles', prinRows, 5000);
      await insertChunks(d, 'pledge_forms', formRows, 5000);
      await insertChunks(d, 'pledge_countries', countryRows, 5000);
    });
  }
  // Progress updates: spread over the published pledges, each after its publication.
  for (let i = 0; i < opts.updates; i += 5000) {
    const rows: object[] = [];
    for (let k = i; k < Math.min(opts.updates, i + 5000); k++) {
      const p = published[Math.floor(rand() * published.length)]!;
      const on = new Date(p.at + Math.floor(rand() * 700) * 86400000);
      rows.push({ id: newId(), pledge_id: p.id, status: skewed(pledgeStatuses), note: '{"es":"Avance del semestre: actividades realizadas y próximas."}', reported_on: on.toISOString().slice(0, 10), created_by: 'bench', created_at: on.toISOString() });
    }
    await deps.db.transaction().execute((trx) => insertChunks({ ...deps, db: trx } as AppDeps, 'pledge_updates', rows, 1000));
  }
  // What publishing and progress updates do in their transactions: the in-memory catalogs rebuild.
  await bumpCatalogVersion(deps.db);
  opts.log?.(`pledges: ${opts.pledges} pledges (${published.length} published), ${opts.updates} progress updates, ${orgs.length} organizations`);
  return { orgs, bodies };
}

/** `n` distinct URLs, each naming exactly two of the list's filters (and a language), in a fixed shuffled order. */
export function twoFilterQueries(n: number, orgs: string[], bodies: string[], seed: number): string[] {
  const values: Record<string, readonly (string | number)[]> = {
    objective: Array.from({ length: 23 }, (_, i) => i + 1),
    principle: Array.from({ length: 10 }, (_, i) => i + 1),
    kind: [...pledgeKinds],
    form: [...pledgeForms],
    status: [...pledgeStatuses],
    country: [...LAC_ALPHA2],
    body: bodies,
    org: orgs,
    year: [2023, 2024, 2025, 2026],
  };
  const names = Object.keys(values);
  const all: string[] = [];
  for (let a = 0; a < names.length; a++)
    for (let b = a + 1; b < names.length; b++)
      for (const x of values[names[a]!]!) for (const y of values[names[b]!]!) all.push(`${names[a]}=${encodeURIComponent(String(x))}&${names[b]}=${encodeURIComponent(String(y))}`);
  const rand = prng(seed);
  for (let i = all.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [all[i], all[j]] = [all[j]!, all[i]!];
  }
  const out: string[] = [];
  for (const lang of LANGS) for (const q of all) if (out.length < n) out.push(`${lang}|${q}`);
  return out;
}

const at = (page: 'dashboard' | 'list') => (lq: string) => {
  const [lang, q] = lq.split('|') as [string, string];
  return `/${lang}/pledges${page === 'dashboard' ? '/dashboard' : ''}?${q}`;
};

async function subjects(deps: AppDeps) {
  const ids = (await deps.db.selectFrom('pledge_organizations').select('org_id').distinct().limit(300).execute()).map((r) => r.org_id);
  // The URL names a body and an organization by their slugs, as the list does.
  const orgs = (await getOrganizations(deps.db, ids)).map((o) => o.slug);
  const bodies = (await listBodies(deps.db)).map((b) => b.slug);
  return { orgs, bodies };
}

export const bench: BenchModule = {
  name: 'pledges',
  async generate(deps, { scale, log }) {
    await generatePledges(deps, { pledges: Math.max(100, Math.round(10_000 * scale)), updates: Math.max(400, Math.round(40_000 * scale)), log });
  },
  async pages(deps): Promise<BenchPage[]> {
    const { orgs, bodies } = await subjects(deps);
    const queries = twoFilterQueries(40_000, orgs, bodies, 3);
    const dash = queries.map(at('dashboard'));
    const list = twoFilterQueries(40_000, orgs, bodies, 5).map(at('list'));
    return [
      { label: 'pledges dashboard, 2 filters, new each request', path: dash[0]!, paths: dash, target: TARGET },
      // Weighed (query budget) on the unfiltered list, which has pledges at every size; measured on new filters.
      // Its filter form offers seven lists (objectives, principles, countries, bodies, organizations, years).
      { label: 'pledges list, 2 filters, new each request', path: '/es/pledges', paths: list, target: TARGET, budget: 16 },
    ];
  },
  async extra(deps, { log }) {
    const app = createApp(deps);
    const { orgs, bodies } = await subjects(deps);
    const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))]!;
    const r2 = (x: number) => Math.round(x * 100) / 100;
    const rows: BenchRow[] = [];
    for (const [name, page, seed] of [['dashboard', 'dashboard', 7], ['list', 'list', 9]] as const) {
      const urls = twoFilterQueries(400, orgs, bodies, seed).map(at(page));
      for (const u of urls.slice(0, 20)) await app.fetch(new Request(`http://bench.local${u}`)); // warm-up (reference data, statements)
      const xs: number[] = [];
      const cpu: number[] = [];
      let bad = 0;
      for (const u of urls.slice(20)) {
        const c0 = process.cpuUsage();
        const t0 = performance.now();
        const res = await app.fetch(new Request(`http://bench.local${u}`));
        await res.arrayBuffer();
        xs.push(performance.now() - t0);
        const c = process.cpuUsage(c0);
        cpu.push((c.user + c.system) / 1000);
        if (res.status !== 200) bad++;
      }
      log(`pledges: server time of the ${name} over ${xs.length} distinct two-filter URLs`);
      rows.push({ name: `pledges ${deps.dialect}: ${name}, server time (2 filters)`, values: { p50_ms: r2(pct(xs, 50)), p95_ms: r2(pct(xs, 95)), cpu_p95_ms: r2(pct(cpu, 95)), target_ms: P95_TARGET_MS, verdict: pct(xs, 95) < P95_TARGET_MS && !bad ? 'ok' : `MISSED${bad ? ` (${bad} not 200)` : ''}`, n: xs.length } });
    }
    const ys: number[] = [];
    for (const q of twoFilterQueries(200, orgs, bodies, 11)) {
      const params = new URLSearchParams(q.split('|')[1]);
      const filters = await parseFilters(deps.db, (k) => params.get(k) ?? undefined);
      const t0 = performance.now();
      await pledgeFigures(deps.db, filters);
      ys.push(performance.now() - t0);
    }
    rows.push({ name: `pledges ${deps.dialect}: figures queries alone (2 filters)`, values: { p50_ms: r2(pct(ys, 50)), p95_ms: r2(pct(ys, 95)), published: await countPublished(deps.db, {}) } });
    return rows;
  },
};
