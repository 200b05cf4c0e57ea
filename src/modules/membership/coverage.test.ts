/**
 * Coverage counts an organization in every country where it works (its country of registration and the countries
 * it lists, once each), with the country of registration as a separate view (`?by=registration`): the queries, the
 * page, its map and the page cache, on both engines.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { DIALECTS, createTestContext, TestClient, type TestContext } from '../../../tests/support/context.js';
import { createApp } from '../../app.js';
import { createPageCache } from '../../platform/cache/page-cache.js';
import { LAC_ALPHA2 } from '../../platform/charts/index.js';
import { makeOrganization } from './factories.js';
import { countsByCountry, countOutside, coverageStats, listDirectory } from './queries.js';
import { memberCountsByCountry } from './index.js';
import { paths } from './paths.js';

/** The number in the coverage table's row for a country (by its name in Spanish). */
function rowCount(html: string, name: string): string | undefined {
  const m = new RegExp(`>${name}</a></td><td class="num">([^<]+)</td>`).exec(html);
  return m?.[1];
}

describe.each(DIALECTS)('coverage by country on %s', (dialect) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext(dialect);
    // Registered in Chile, works in Paraguay and Argentina.
    await makeOrganization(ctx.db, { name: 'Cobertura Uno', country: 'CL', countries: ['PY', 'AR'] });
    // Registered in Paraguay and lists Paraguay too: counts there once.
    await makeOrganization(ctx.db, { name: 'Cobertura Dos', country: 'PY', countries: ['PY'] });
    // Registered in Brazil, lists nothing.
    await makeOrganization(ctx.db, { name: 'Cobertura Tres', country: 'BR' });
    // Registered in Spain (outside the region), works in Paraguay and Portugal.
    await makeOrganization(ctx.db, { name: 'Cobertura Cuatro', country: 'ES', countries: ['PY', 'PT'] });
    // Not a member (yet): counts nowhere.
    await makeOrganization(ctx.db, { name: 'Cobertura Solicitante', country: 'PY', countries: ['PY', 'UY'], status: 'applicant' as any });
  });
  afterAll(async () => {
    await ctx?.close();
  });

  it('counts each member once in every country where it works, or only where it is registered', async () => {
    expect(await countsByCountry(ctx.db, 'works')).toEqual({ AR: 1, BR: 1, CL: 1, ES: 1, PT: 1, PY: 3 });
    expect(await countsByCountry(ctx.db, 'registration')).toEqual({ BR: 1, CL: 1, ES: 1, PY: 1 });
    expect(await memberCountsByCountry(ctx.db)).toEqual(await countsByCountry(ctx.db, 'works'));
    // Outside the region, each organization once (Cuatro: Spain and Portugal).
    expect(await countOutside(ctx.db, 'works', LAC_ALPHA2)).toBe(1);
    expect(await countOutside(ctx.db, 'registration', LAC_ALPHA2)).toBe(1);
    const stats = await coverageStats(ctx.db, 'works', LAC_ALPHA2);
    expect(stats.total).toBe(4);
    expect(stats.byCountry.PY).toBe(3);
    // The directory's country filter (registered or working there) finds the same organizations the map counts.
    expect((await listDirectory(ctx.db, { country: 'PY' })).total).toBe(3);
  });

  it('shows where organizations work by default and where they are registered as a separate view', async () => {
    const anon = ctx.client();
    const works = await anon.get(paths.coverage.href('es'));
    expect(works.status).toBe(200);
    const w = await works.text();
    expect(rowCount(w, 'Paraguay')).toBe('3');
    expect(rowCount(w, 'Argentina')).toBe('1');
    expect(w).toContain('Trabajan también fuera de la región');
    expect(w).toMatch(/<a href="\/es\/coverage" aria-current="true">donde trabaja<\/a>/);
    expect(w).toContain('src="/es/coverage/map.svg"');

    const registered = await anon.get(paths.coverage.href('es', {}, { by: 'registration' }));
    const r = await registered.text();
    expect(rowCount(r, 'Paraguay')).toBe('1');
    expect(rowCount(r, 'Argentina')).toBe('0');
    expect(r).toContain('Registradas fuera de la región');
    expect(r).toMatch(/<a href="\/es\/coverage\?by=registration" aria-current="true">donde está registrada<\/a>/);
    expect(r).toContain('src="/es/coverage/map.svg?by=registration"');
    // Four members whichever the view.
    for (const html of [w, r]) expect(html).toMatch(/Dónde están las organizaciones miembro del Mecanismo \(hoy, 4\)/);
    // Anything else asks for the default view.
    expect(rowCount(await (await anon.get('/es/coverage?by=nonsense')).text(), 'Paraguay')).toBe('3');

  });

  it('caches each view under its own address', async () => {
    // The test context runs without the page cache; this app has one, as in production.
    const anon = new TestClient(createApp({ ...ctx.deps, cache: createPageCache({ ttlSeconds: 60 }) }));
    for (const [query, py] of [[{}, '3'], [{ by: 'registration' }, '1']] as const) {
      const first = await anon.get(paths.coverage.href('es', {}, query));
      expect(rowCount(await first.text(), 'Paraguay')).toBe(py);
      // Stored at the second ask (the page cache's admission), a hit from the third.
      expect((await anon.get(paths.coverage.href('es', {}, query))).headers.get('x-cache')).toBeNull();
      const again = await anon.get(paths.coverage.href('es', {}, query));
      expect(again.headers.get('x-cache')).toBe('hit');
      expect(rowCount(await again.text(), 'Paraguay')).toBe(py);
    }
  });

  it('draws the map of either view', async () => {
    const anon = ctx.client();
    const works = await (await anon.get(paths.coverageMap.href('en'))).text();
    const registered = await (await anon.get(paths.coverageMap.href('en', {}, { by: 'registration' }))).text();
    expect(works).toContain('Map of member organizations by country where they work');
    expect(registered).toContain('Map of member organizations by country of registration');
    expect(works).toContain('Paraguay: 3');
    expect(registered).toContain('Paraguay: 1');
  });
});
