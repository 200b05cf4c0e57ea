/**
 * The pledges list's and dashboard's filter selects, kept as HTML per language with the page cache on (and made
 * afresh with it off), on both engines: each request marks its own choice and only it, whatever was asked before;
 * a country asked for that no one pledged for is offered on the list without being kept for the next reader; the
 * dashboard offers the region's countries and, after them in the reference list's order, those outside it that its
 * figures count.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createTestContext, DIALECTS, type TestContext, type TestClient } from '../../../tests/support/context.js';
import { makeOrganization } from '../membership/factories.js';
import { newId } from '../../db/ids.js';
import { bumpCatalogVersion } from './catalog.js';

describe.each(DIALECTS.flatMap((d) => [[d, '0'], [d, '60']] as const))('pledges filter selects (%s, page cache TTL %s s)', (dialect, ttl) => {
  let ctx: TestContext;
  let reader: TestClient;
  const slugs: string[] = [];

  beforeAll(async () => {
    ctx = await createTestContext(dialect, { PAGE_CACHE_TTL: ttl });
    const now = '2025-03-10T12:00:00.000Z';
    for (const [k, year] of [[1, 2024], [2, 2025]] as const) {
      const org = await makeOrganization(ctx.db, { name: `Org Select ${k}`, status: 'member' });
      slugs.push(org.slug);
      const id = newId();
      const at = `${year}-03-10T12:00:00.000Z`;
      await ctx.db
        .insertInto('pledges')
        .values({ id, ref: `PL-S${k}-${id.slice(0, 4)}`, title: JSON.stringify({ es: `Compromiso ${k}` }), description: '{}', kind: 'common', scope: 'national', partners: '[]', body_id: null, state: 'published', status: 'planning', created_by: 'test', created_at: now, updated_at: now, published_at: at, is_demo: 0 })
        .execute();
      await ctx.db.insertInto('pledge_organizations').values({ pledge_id: id, org_id: org.id, lead: 1, confirmed_at: now, confirmed_by: 'test' }).execute();
      await ctx.db.insertInto('pledge_objectives').values({ pledge_id: id, n: 7 }).execute();
      // The second also in two countries outside the region, listed Francia first.
      await ctx.db.insertInto('pledge_countries').values((k === 1 ? ['CL'] : ['CL', 'FR', 'ES']).map((country) => ({ pledge_id: id, country }))).execute();
    }
    await bumpCatalogVersion(ctx.db);
    // Signed in: the pages themselves are never served from the page cache, only the kept selects.
    reader = await ctx.admin();
  }, 120_000);
  afterAll(() => ctx?.close());

  const get = async (path: string) => {
    const res = await reader.get(path);
    expect(res.status).toBe(200);
    return res.text();
  };
  const chosen = (html: string) => [...html.matchAll(/<option value="([^"]*)" selected="">/g)].map((m) => m[1]);

  it('marks each list request’s own choices', async () => {
    for (let round = 0; round < 2; round++) {
      expect(chosen(await get(`/es/pledges?org=${slugs[0]}`))).toEqual([slugs[0]]);
      expect(chosen(await get(`/es/pledges?org=${slugs[1]}&year=2025`))).toEqual([slugs[1], '2025']);
      expect(chosen(await get('/es/pledges'))).toEqual([]);
      expect(chosen(await get('/es/pledges?objective=7&kind=common'))).toEqual(['7', 'common']);
    }
  });

  it('offers a country asked for that no one pledged for on that request only', async () => {
    const de = await get('/es/pledges?country=DE');
    expect(chosen(de)).toEqual(['DE']);
    expect(de).toContain('<option value="DE" selected="">Alemania</option>');
    const cl = await get('/es/pledges?country=CL');
    expect(chosen(cl)).toEqual(['CL']);
    expect(cl).not.toContain('<option value="DE"');
  });

  it('offers on the dashboard the countries outside the region that its figures count, and one asked for, in order', async () => {
    for (let round = 0; round < 2; round++) {
      const fr = await get('/es/pledges/dashboard?country=FR');
      expect(chosen(fr)).toEqual(['FR']);
      expect(fr).toMatch(/<option value="VE">[^<]+<\/option><option value="ES">España<\/option><option value="FR" selected="">Francia<\/option><\/select>/);
      const de = await get('/es/pledges/dashboard?country=DE');
      expect(chosen(de)).toEqual(['DE']);
      // The country chosen is left out of the country figures (each dimension counts under the other filters).
      expect(de).toMatch(/<option value="VE">[^<]+<\/option><option value="DE" selected="">Alemania<\/option><option value="ES">España<\/option><option value="FR">Francia<\/option><\/select>/);
      const region = await get('/es/pledges/dashboard?kind=common&country=CL');
      expect(region).toMatch(/<option value="ES">España<\/option><option value="FR">Francia<\/option><\/select>/);
      expect(await get('/es/pledges/dashboard?year=2024')).toMatch(/<option value="VE">[^<]+<\/option><\/select>/);
    }
  });

  it('marks each dashboard request’s own choices, the years following the figures', async () => {
    for (let round = 0; round < 2; round++) {
      expect(chosen(await get('/es/pledges/dashboard?objective=7&year=2024'))).toEqual(['7', '2024']);
      expect(chosen(await get('/es/pledges/dashboard?kind=common&country=CL'))).toEqual(['common', 'CL']);
      const none = await get('/es/pledges/dashboard');
      expect(chosen(none)).toEqual([]);
      expect(none).toContain('<option value="2025">2025</option><option value="2024">2024</option>');
    }
  });
});
