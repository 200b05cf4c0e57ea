/**
 * The pledges dashboard on both engines: the figures (published pledges only, faceted counts), every count equal
 * to the number of pledges the list shows under the same filters, the page (links, filters, cache), the figures
 * on a body's, an objective's and an organization's page, and the report section.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createTestContext, DIALECTS, TestClient, type TestContext } from '../../../tests/support/context.js';
import { createApp } from '../../app.js';
import { createPageCache } from '../../platform/cache/page-cache.js';
import { makeOrganization } from '../membership/factories.js';
import { getBodyBySlug } from '../bodies/index.js';
import { newId } from '../../db/ids.js';
import type { Db } from '../../db/schema.js';
import { countPublished, DIMENSIONS, filterQuery, pledgeFigures, type PledgeFilters } from './dashboard.js';
import { filterPublished, type PledgeFilter } from './queries.js';
import { bumpCatalogVersion } from './catalog.js';
import { parseFilter } from './filters.js';
import { pledgesReport } from './report.js';
import { formatters } from '../../platform/i18n/i18n.js';
import type { PledgeForm, PledgeKind, PledgeState, PledgeStatus } from './tables.js';

interface Spec {
  state?: PledgeState;
  kind: PledgeKind;
  status: PledgeStatus | null;
  objectives: number[];
  principles?: number[];
  forms: PledgeForm[];
  countries: string[];
  bodyId?: string | null;
  orgs: string[];
  publishedAt: string | null;
  updates?: { status: PledgeStatus; on: string }[];
}

let seq = 0;
/** A pledge written straight into the module's tables (what publishing leaves behind). */
export async function addPledge(db: Db, s: Spec): Promise<string> {
  const id = newId();
  const now = new Date().toISOString();
  await db
    .insertInto('pledges')
    .values({
      id,
      ref: `PL-T${String(++seq).padStart(4, '0')}-${id.slice(0, 4)}`,
      title: JSON.stringify({ es: `Compromiso de prueba ${seq}` }),
      description: JSON.stringify({ es: 'x'.repeat(300) }),
      kind: s.kind,
      scope: 'national',
      partners: '[]',
      body_id: s.bodyId ?? null,
      state: s.state ?? 'published',
      status: s.status,
      created_by: 'test',
      created_at: now,
      updated_at: now,
      published_at: s.publishedAt,
      is_demo: 0,
    })
    .execute();
  for (const [i, org] of s.orgs.entries()) await db.insertInto('pledge_organizations').values({ pledge_id: id, org_id: org, lead: i === 0 ? 1 : 0, confirmed_at: now, confirmed_by: 'test' }).execute();
  for (const n of s.objectives) await db.insertInto('pledge_objectives').values({ pledge_id: id, n }).execute();
  for (const n of s.principles ?? []) await db.insertInto('pledge_principles').values({ pledge_id: id, n }).execute();
  for (const form of s.forms) await db.insertInto('pledge_forms').values({ pledge_id: id, form }).execute();
  for (const country of s.countries) await db.insertInto('pledge_countries').values({ pledge_id: id, country }).execute();
  for (const u of s.updates ?? [])
    await db.insertInto('pledge_updates').values({ id: newId(), pledge_id: id, status: u.status, note: '{"es":"Avance"}', reported_on: u.on, created_by: 'test', created_at: now }).execute();
  await bumpCatalogVersion(db);
  return id;
}

/** The list's filter in SQL (what the list ran before the catalog): the catalog must give the same pledges in the same order. */
async function sqlFiltered(db: Db, f: PledgeFilter): Promise<string[]> {
  let q = db.selectFrom('pledges').where('pledges.state', '=', 'published');
  const exists = (table: 'pledge_objectives' | 'pledge_principles' | 'pledge_forms' | 'pledge_countries' | 'pledge_organizations', col: string, v: string | number) =>
    (q = q.where((eb) => eb.exists(eb.selectFrom(`${table} as x` as 'pledge_objectives as x').select('x.pledge_id').whereRef('x.pledge_id', '=', 'pledges.id').where(`x.${col}` as 'x.n', '=', v as number))));
  if (f.objective) exists('pledge_objectives', 'n', f.objective);
  if (f.principle) exists('pledge_principles', 'n', f.principle);
  if (f.form) exists('pledge_forms', 'form', f.form);
  if (f.country) exists('pledge_countries', 'country', f.country);
  if (f.orgId) exists('pledge_organizations', 'org_id', f.orgId);
  if (f.kind) q = q.where('pledges.kind', '=', f.kind);
  if (f.status) q = q.where('pledges.status', '=', f.status);
  if (f.bodyId) q = q.where('pledges.body_id', '=', f.bodyId);
  if (f.year) q = q.where('pledges.published_at', '>=', `${f.year}-01-01`).where('pledges.published_at', '<', `${f.year + 1}-01-01`);
  return (await q.select('pledges.id').orderBy('pledges.published_at', 'desc').orderBy('pledges.id').execute()).map((r) => r.id);
}

describe.each(DIALECTS)('pledges dashboard (%s)', (dialect) => {
  let ctx: TestContext;
  let mt1 = '';
  let mt2 = '';
  let orgA = { id: '', slug: '' };
  let orgB = { id: '', slug: '' };

  beforeAll(async () => {
    ctx = await createTestContext(dialect);
    mt1 = (await getBodyBySlug(ctx.db, 'mt1'))!.id;
    mt2 = (await getBodyBySlug(ctx.db, 'mt2'))!.id;
    orgA = await makeOrganization(ctx.db, { name: 'Red Andina de Prueba', status: 'member' });
    orgB = await makeOrganization(ctx.db, { name: 'Casa del Migrante de Prueba', status: 'member' });
    const db = ctx.db;
    await addPledge(db, { kind: 'common', status: 'in_progress', objectives: [7, 16], principles: [1, 6], forms: ['financial'], countries: ['CL', 'AR'], bodyId: mt1, orgs: [orgA.id], publishedAt: '2025-03-10T12:00:00.000Z', updates: [{ status: 'in_progress', on: '2025-09-01' }] });
    await addPledge(db, { kind: 'partnership', status: 'planning', objectives: [7], principles: [6], forms: ['policy', 'process'], countries: ['MX'], bodyId: null, orgs: [orgA.id, orgB.id], publishedAt: '2025-08-01T09:00:00.000Z' });
    await addPledge(db, { kind: 'matching', status: 'fulfilled', objectives: [16], forms: ['human_resources'], countries: ['CL', 'ES'], bodyId: mt2, orgs: [orgB.id], publishedAt: '2026-02-01T09:00:00.000Z', updates: [{ status: 'fulfilled', on: '2026-03-01' }] });
    // Never counted: a draft, a pledge waiting for review, a withdrawn one.
    await addPledge(db, { state: 'draft', kind: 'common', status: null, objectives: [7], forms: ['financial'], countries: ['CL'], bodyId: mt1, orgs: [orgA.id], publishedAt: null });
    await addPledge(db, { state: 'submitted', kind: 'common', status: null, objectives: [7], forms: ['financial'], countries: ['CL'], bodyId: mt1, orgs: [orgA.id], publishedAt: null });
    await addPledge(db, { state: 'withdrawn', kind: 'common', status: 'planning', objectives: [7], forms: ['financial'], countries: ['CL'], bodyId: mt1, orgs: [orgA.id], publishedAt: '2025-01-05T00:00:00.000Z' });
  }, 90_000);
  afterAll(() => ctx?.close());

  it('counts published pledges only, by every dimension and by year and quarter', async () => {
    const f = await pledgeFigures(ctx.db, {});
    expect(f.total).toBe(3);
    expect(f.objective).toEqual({ '7': 2, '16': 2 });
    expect(f.principle).toEqual({ '1': 1, '6': 2 });
    expect(f.kind).toEqual({ common: 1, partnership: 1, matching: 1 });
    expect(f.form).toEqual({ financial: 1, policy: 1, process: 1, human_resources: 1 });
    expect(f.status).toEqual({ in_progress: 1, planning: 1, fulfilled: 1 });
    expect(f.country).toEqual({ CL: 2, AR: 1, MX: 1, ES: 1 });
    expect(f.year).toEqual({ '2025': 2, '2026': 1 });
    expect(f.quarter).toEqual({ '2025-Q1': 1, '2025-Q3': 1, '2026-Q1': 1 });
  });

  it("counts each dimension under every filter but its own (the number its link's list shows)", async () => {
    const f = await pledgeFigures(ctx.db, { objective: 7, country: 'CL' });
    expect(f.total).toBe(1);
    // Objectives under country=CL only: pledges 1 and 3.
    expect(f.objective).toEqual({ '7': 1, '16': 2 });
    // Countries under objective=7 only: pledges 1 and 2.
    expect(f.country).toEqual({ CL: 1, AR: 1, MX: 1 });
    expect(f.kind).toEqual({ common: 1 });
    expect(await countPublished(ctx.db, { orgId: orgB.id })).toBe(2);
    expect(await countPublished(ctx.db, { bodyId: mt1 })).toBe(1);
  });

  it('every count equals the number of pledges under its link\'s filters, for many filter combinations', async () => {
    const combos: PledgeFilters[] = [{}, { objective: 7 }, { objective: 16, kind: 'matching' }, { country: 'CL', year: 2025 }, { status: 'planning', form: 'policy' }, { orgId: orgA.id, org: orgA.slug }, { bodyId: mt1, body: 'mt1', principle: 6 }, { year: 2026 }];
    for (const filters of combos) {
      const fig = await pledgeFigures(ctx.db, filters);
      expect(fig.total).toBe((await filterPublished(ctx.db, filters)).total);
      for (const dim of DIMENSIONS) {
        for (const [value, n] of Object.entries(fig[dim])) {
          // The link as the list reads it, counted by the list's own query.
          const linked = await parseFilter(ctx.db, (k) => filterQuery(filters, { [dim]: value })[k]?.toString());
          expect(n, `${JSON.stringify(filters)} ${dim}=${value}`).toBe((await filterPublished(ctx.db, linked.filter)).total);
        }
      }
    }
  });

  it('the in-memory catalog lists and counts what SQL does, page by page, and sees a change made elsewhere', async () => {
    const combos: PledgeFilter[] = [{}, { objective: 7 }, { objective: 16, country: 'CL' }, { kind: 'partnership', orgId: orgB.id }, { bodyId: mt1 }, { bodyId: 'none' }, { orgId: 'none', year: 2025 }, { status: 'fulfilled', form: 'human_resources' }, { principle: 6, year: 2025 }, { country: 'ES', year: 2026 }];
    for (const f of combos) {
      const all = await sqlFiltered(ctx.db, f);
      for (const page of [1, 2, 3]) expect((await filterPublished(ctx.db, f, page, 1)).ids, JSON.stringify(f)).toEqual(all.slice(page - 1, page));
      expect((await filterPublished(ctx.db, f)).total).toBe(all.length);
      expect((await pledgeFigures(ctx.db, f)).total).toBe(all.length);
    }
    // Another process (here: a transaction, another connection object) publishes a pledge: the version it bumps
    // makes this process's catalog rebuild at its next read.
    const before = await countPublished(ctx.db, { objective: 23 });
    await ctx.db.transaction().execute(async (trx) => {
      const id = await addPledge(trx as unknown as Db, { state: 'submitted', kind: 'common', status: null, objectives: [23], forms: ['financial'], countries: ['PE'], orgs: [orgA.id], publishedAt: null });
      await trx.updateTable('pledges').set({ state: 'published', status: 'planning', published_at: '2026-04-01T00:00:00.000Z' }).where('id', '=', id).execute();
      await bumpCatalogVersion(trx as unknown as Db);
    });
    expect(await countPublished(ctx.db, { objective: 23 })).toBe(before + 1);
    expect((await pledgeFigures(ctx.db, {})).country.PE).toBe(1);
    await ctx.db.updateTable('pledges').set({ state: 'withdrawn' }).where('published_at', '=', '2026-04-01T00:00:00.000Z').execute();
    await bumpCatalogVersion(ctx.db);
    expect(await countPublished(ctx.db, { objective: 23 })).toBe(before);
  });

  it('serves the dashboard with filters from the URL, each count a link to the list filtered the same way, cached for visitors', async () => {
    const anon = ctx.client();
    const res = await anon.get('/es/pledges/dashboard?objective=7&country=CL');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('1 compromiso publicado coincide.');
    // The kind "common" under objective=7 and country=CL: one pledge, linked to the list with the same filters.
    expect(html).toContain('href="/es/pledges?objective=7&amp;kind=common&amp;country=CL"');
    // Objective 16 ignores the objective filter but keeps the country.
    expect(html).toMatch(/href="\/es\/pledges\?objective=16&amp;country=CL"[^>]*>2</);
    // Each count is named for screen readers by what it counts, in the count's plural, in each language.
    expect(html).toMatch(/href="\/es\/pledges\?objective=16&amp;country=CL" aria-label="16\. [^":]+: 2 compromisos">2</);
    expect(html).toMatch(/href="\/es\/pledges\?objective=7&amp;kind=common&amp;country=CL" aria-label="[^":]+: 1 compromiso"/);
    expect(await (await anon.get('/fr/pledges/dashboard?objective=7&country=CL')).text()).toMatch(/aria-label="16\. [^":]+ : 2 engagements">2</);
    // Every chart has its data table; the map is drawn with links to the list.
    expect((html.match(/<table>/g) ?? []).length).toBe(7);
    expect(html).toContain('<svg');
    expect(html).toContain('href="/es/pledges?objective=7&amp;country=AR"');
    // The test context runs without the page cache; this app has one, as in production: keyed by the filters only.
    const cached = new TestClient(createApp({ ...ctx.deps, cache: createPageCache({ ttlSeconds: 60 }) }));
    // Stored at the second ask (the page cache's admission), a hit from the third.
    await cached.get('/es/pledges/dashboard?objective=7&country=CL');
    await cached.get('/es/pledges/dashboard?objective=7&country=CL');
    expect((await cached.get('/es/pledges/dashboard?objective=7&country=CL')).headers.get('x-cache')).toBe('hit');
    // Values that are none of a filter's choices are no filter.
    const bad = await anon.get('/es/pledges/dashboard?objective=99&kind=nope&country=%3Cx%3E');
    expect(bad.status).toBe(302);
    expect(bad.headers.get('location')).toBe('/es/pledges/dashboard');
    // The filter form's empty fields and any order come back to the one address of those filters.
    const form = await anon.get('/es/pledges/dashboard?country=CL&principle=&objective=7&kind=&utm=x');
    expect(form.status).toBe(302);
    expect(form.headers.get('location')).toBe('/es/pledges/dashboard?objective=7&country=CL');
    expect(await (await anon.get('/es/pledges/dashboard')).text()).toContain('3 compromisos publicados coinciden.');
    expect((await anon.get('/en/pledges/dashboard?year=2026')).status).toBe(200);
    // A body or an organization the URL names by a slug that names nothing: nothing matches.
    expect(await (await anon.get('/es/pledges/dashboard?body=nothing-here')).text()).toContain('Ningún compromiso publicado coincide con estos filtros.');
    const byOrg = await (await anon.get(`/es/pledges/dashboard?org=${orgB.slug}`)).text();
    expect(byOrg).toContain('2 compromisos publicados coinciden.');
    expect(byOrg).toContain('Casa del Migrante de Prueba');
    // The list page shows the same number as the dashboard for the same filters, and links back to it.
    for (const q of ['objective=7&country=CL', 'objective=16', `kind=partnership&org=${orgB.slug}`, 'status=planning&year=2025', 'body=mt2']) {
      const dash = await (await anon.get(`/es/pledges/dashboard?${q}`)).text();
      const list = await (await anon.get(`/es/pledges?${q}`)).text();
      const n = /<strong>(\d+) compromisos? publicados? coincide/.exec(dash)?.[1];
      expect(n, q).toBeDefined();
      expect(list, q).toMatch(new RegExp(`<p role="status">${n} compromisos?</p>`));
      expect(list.includes(`href="/es/pledges/dashboard?${q.replace(/&/g, "&amp;")}"`), q).toBe(true);
    }
  });

  it("shows the figures on a body's, an objective's and an organization's page", async () => {
    const anon = ctx.client();
    const body = await (await anon.get('/es/bodies/mt1')).text();
    expect(body).toContain('Compromisos de esta instancia');
    expect(body).toContain('href="/es/pledges?body=mt1"');
    const obj = await (await anon.get('/es/objectives/16')).text();
    expect(obj).toContain('Compromisos sobre este objetivo');
    expect(obj).toContain('2 compromisos publicados coinciden.');
    const org = await (await anon.get(`/es/members/${orgB.slug}`)).text();
    expect(org).toContain('Compromisos de esta organización');
    expect(org).toContain(`href="/es/pledges?kind=partnership&amp;org=${orgB.slug}"`);
    // No published pledge: no section.
    expect(await (await anon.get('/es/objectives/3')).text()).not.toContain('Compromisos sobre este objetivo');
  });

  it('gives the report its figures for the Mechanism, a body and an objective', async () => {
    const period = { from: '2025-01-01T00:00:00.000Z', to: '2026-01-01T00:00:00.000Z' };
    const data = (await pledgesReport.data({ db: ctx.db, dialect }, { kind: 'mechanism', ...period })) as any;
    expect(data).toMatchObject({ allTime: 3, made: 2, status: { in_progress: 1, planning: 1 }, objective: { '7': 2, '16': 1 }, updates: { in_progress: 1 } });
    const t = (k: string, o?: Record<string, unknown>) => `${k}${o && 'count' in o ? `#${o.count}` : ''}`;
    const blocks = pledgesReport.render(JSON.parse(JSON.stringify(data)), { locale: 'es', t, fmt: formatters('es') });
    expect(blocks[0]).toMatchObject({ kind: 'figures', items: [{ value: '2' }, { value: '0' }, { value: '1' }, { value: '3' }] });
    expect(blocks.some((b) => b.kind === 'bars' && b.items.length === 2)).toBe(true);
    expect(await pledgesReport.data({ db: ctx.db, dialect }, { kind: 'body', bodyId: mt2, ...period })).toMatchObject({ allTime: 1, made: 0 });
    const none = await pledgesReport.data({ db: ctx.db, dialect }, { kind: 'objective', objective: 3, ...period });
    expect(none).toBeNull();
    const empty = pledgesReport.render((await pledgesReport.data({ db: ctx.db, dialect }, { kind: 'body', bodyId: mt2, ...period }))!, { locale: 'es', t, fmt: formatters('es') });
    expect(empty.some((b) => b.kind === 'empty')).toBe(true);
  });
});
