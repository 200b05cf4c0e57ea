/**
 * The directory found in kept facts (routes/public.tsx: `directoryFacts` as a page-cache fragment, `pageOfDirectory`
 * per request), on both engines: every filter, text, order and page gives exactly what `listDirectory` gives in SQL —
 * the same rows in the same order, the same count — and the page served with the page cache on lists them.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createTestContext, DIALECTS, type TestContext } from '../../../tests/support/context.js';
import { makeOrganization } from './factories.js';
import { directoryFacts, listDirectory, pageOfDirectory, type DirectoryFacts } from './queries.js';
import type { DirectoryFilter } from './schemas.js';
import type { OrgType } from './schemas.js';

const WORDS = ['Red', 'Asociación', 'Fundación', 'Casa', 'Colectivo', 'Niñez', 'Pastoral', 'Observatorio'];
const TOPICS = ['Migrante', 'de Derechos Humanos', 'Sin Fronteras', 'de Acogida', 'del Refugio', 'Juvenil'];
const CITIES = ['Norte', 'Sur', 'Centro', 'Frontera', 'Costa', 'Valle'];
const COUNTRIES = ['CL', 'PE', 'MX', 'BR', 'CO', 'ES'];
const TYPES: OrgType[] = ['ngo', 'network', 'migrant_led', 'faith_based'];

describe.each(DIALECTS)('directory kept in the page cache (%s)', (dialect) => {
  let ctx: TestContext;
  let facts: DirectoryFacts;
  const ids: string[] = [];

  beforeAll(async () => {
    ctx = await createTestContext(dialect, { PAGE_CACHE_TTL: '60' });
    for (let i = 0; i < 90; i++) {
      // Some names repeat (in another country), some admission dates too: ties are ordered the same way.
      const name = `${WORDS[i % WORDS.length]} ${TOPICS[i % TOPICS.length]} ${i % 10 === 9 ? 'Repetida' : i}`;
      const org = await makeOrganization(ctx.db, {
        name,
        acronym: i % 4 === 0 ? `R${i}X` : null,
        city: i % 3 === 0 ? null : `Ciudad ${CITIES[i % CITIES.length]}`,
        country: COUNTRIES[i % COUNTRIES.length],
        type: TYPES[i % TYPES.length],
        status: i % 11 === 5 ? 'applicant' : i % 13 === 7 ? 'suspended' : 'member',
        admitted_at: i % 11 === 5 ? null : new Date(Date.UTC(2024, i % 7, 1 + (i % 5))).toISOString(),
        countries: i % 5 === 0 ? [COUNTRIES[(i + 1) % COUNTRIES.length]!, 'AR'] : [],
        objectives: [1 + (i % 4), 10 + (i % 2)],
      });
      ids.push(org.id);
    }
    facts = (await directoryFacts(ctx.db))!;
  }, 120_000);
  afterAll(() => ctx?.close());

  it('finds in the kept facts the same page as SQL, for every filter, text, order and page', async () => {
    const texts = [undefined, '', 'red', 'RED', 'Asociación', 'asociacion sur', 'nino', 'niñez pastoral', 'ón', 'a', 'r1', 'ciudad norte', 'repetida', 'de la', 'x', 'zzz', '  Casa!! ', 'mig ref', 'humanos derechos de acogida red fundacion casa'];
    const filters: Omit<DirectoryFilter, 'q' | 'sort' | 'page'>[] & { within?: string[] }[] = [
      {},
      { country: 'CL' },
      { country: 'AR' },
      { country: 'UY' },
      { type: 'network' },
      { objective: 3 },
      { objective: 11, country: 'PE' },
      { type: 'ngo', objective: 1 },
      { within: ids.filter((_, i) => i % 3 === 0) },
      { within: [] },
      { within: ids.slice(0, 20), type: 'faith_based' },
    ];
    let compared = 0;
    for (const q of texts)
      for (const x of filters)
        for (const sort of [undefined, 'name', 'newest', 'country'] as const)
          for (const page of [undefined, 1, 2, 4])
            for (const size of [5, 24]) {
              const f = { ...x, q, sort, page };
              const sql = await listDirectory(ctx.db, f, size);
              expect(pageOfDirectory(facts, f, size), JSON.stringify({ ...f, within: f.within?.length, size })).toEqual(sql);
              compared += sql.rows.length;
            }
    expect(compared).toBeGreaterThan(5000);
  }, 300_000);

  it('serves those rows, kept, with the page cache on', async () => {
    const anon = ctx.client();
    for (const [path, f] of [
      ['/es/members?q=red', { q: 'red' }],
      ['/es/members?q=casa&sort=newest', { q: 'casa', sort: 'newest' }],
      ['/es/members?country=CL&sort=country', { country: 'CL', sort: 'country' }],
      ['/es/members?q=red', { q: 'red' }],
    ] as const) {
      const res = await anon.get(path);
      expect(res.status).toBe(200);
      const page = await res.text();
      const sql = await listDirectory(ctx.db, f);
      const shown = [...page.matchAll(/<li class="card"><h2 class="h3"><a href="[^"]*">([^<]*)<\/a>/g)].map((m) => m[1]);
      expect(shown, path).toEqual(sql.rows.map((r) => r.name));
      expect(sql.rows.length).toBeGreaterThan(0);
    }
  });

  it('fills the kept page with each request’s own text, filters, count and results (a template per language)', async () => {
    const anon = ctx.client();
    const field = (page: string) => page.match(/<input id="f-q" name="q" type="search" value="([^"]*)"/)?.[1];
    const active = (page: string) => page.match(/<p class="active-filters">(.*?)<\/p>/)?.[1] ?? '';
    const count = (page: string) => page.match(/<p role="status">([^<]*)<\/p>/)?.[1];
    // Two texts in turn, then the first again: each page is its own, never the one kept before it.
    for (const [q, other] of [
      ['casa', 'red'],
      ['red', 'casa'],
      ['casa', 'red'],
    ]) {
      const page = await (await anon.get(`/es/members?q=${q}`)).text();
      const sql = await listDirectory(ctx.db, { q });
      expect(field(page)).toBe(q);
      expect(active(page)).toContain(`<strong>${q}</strong>`);
      expect(active(page)).not.toContain(other);
      expect(count(page)).toContain(String(sql.total));
      expect(page).toContain('<ul class="grid"');
    }
    // Text that could be markup is escaped in the field and in the filters in force.
    const odd = await (await anon.get(`/es/members?q=${encodeURIComponent('<b>"x"&')}`)).text();
    expect(field(odd)).toBe('&lt;b&gt;&quot;x&quot;&amp;');
    expect(active(odd)).toContain('<strong>&lt;b&gt;&quot;x&quot;&amp;</strong>');
    expect(odd).not.toContain('<b>"x"');
    // Nothing found: the empty state, no list; the filters in force still shown.
    const none = await (await anon.get('/es/members?q=zzzz')).text();
    expect(none).toContain('<div class="empty">');
    expect(none).not.toContain('<ul class="grid"');
    expect(active(none)).toContain('zzzz');
    // No filter: none in force, the disclosure without a count.
    const all = await (await anon.get('/es/members')).text();
    expect(all).not.toContain('class="active-filters"');
    expect(field(all)).toBe('');
    // A chosen country is marked in its select (and only there); one where no member is (an old link) is offered too.
    const chile = await (await anon.get('/es/members?country=CL&type=network')).text();
    expect(chile).toContain('<option value="CL" selected="">');
    expect(chile).toContain('<option value="network" selected="">');
    expect(chile.match(/selected=""/g)).toHaveLength(2);
    const japan = await (await anon.get('/es/members?country=JP')).text();
    expect(japan).toContain('<option value="JP" selected="">');
    expect(all).not.toContain('<option value="JP"');
    // Each language its own page.
    const fr = await (await anon.get('/fr/members?q=casa')).text();
    expect(fr).toContain('<html lang="fr"');
    expect(fr).toContain('action="/fr/members"');
    expect(field(fr)).toBe('casa');
  });
});

