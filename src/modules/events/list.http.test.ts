/**
 * The events list, paged, on both engines: 20 per page with the total and "page N of M", the filters kept in every
 * link (the pages, the other list), a page past the last (the last page, not an error), a bad page number (page 1),
 * upcoming and past alike; and the API's pages.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createTestContext, DIALECTS, type TestContext, type TestClient } from '../../../tests/support/context.js';
import { getBodyBySlug } from '../bodies/index.js';
import { createEvent, type EventInput } from './commands/save.js';
import { testEvent } from './factories.js';

const DAY = 86400_000;

describe.each(DIALECTS)('events list pages (%s)', (dialect) => {
  let ctx: TestContext;
  let anon: TestClient;
  let bodyId = '';
  let bodySlug = '';

  const input = (title: string, startsAt: number, over: Partial<EventInput> = {}) => testEvent(title, startsAt, [bodyId], { title: { es: title, en: title }, ...over });

  beforeAll(async () => {
    ctx = await createTestContext(dialect);
    anon = ctx.client();
    const body = (await getBodyBySlug(ctx.db, 'mt1'))!;
    bodyId = body.id;
    bodySlug = body.slug;
    const adminId = (await ctx.db.selectFrom('users').select('id').where('role', '=', 'admin').executeTakeFirstOrThrow()).id;
    const now = Date.now();
    const add = (i: EventInput) => ctx.db.transaction().execute((trx) => createEvent(trx, adminId, i));
    // 45 upcoming seminars of mt1 (Seminario 01 soonest), 3 workshops, 25 past seminars (Pasado 01 latest).
    for (let i = 1; i <= 45; i++) await add(input(`Seminario ${String(i).padStart(2, '0')}`, now + i * DAY));
    for (let i = 1; i <= 3; i++) await add(input(`Taller ${i}`, now + i * DAY, { kind: 'workshop', bodyIds: [] }));
    for (let i = 1; i <= 25; i++) await add(input(`Pasado ${String(i).padStart(2, '0')}`, now - i * DAY));
  }, 120_000);
  afterAll(() => ctx?.close());

  const titles = (html: string, prefix: string) => [...html.matchAll(new RegExp(`>(${prefix} \\d+)<`, 'g'))].map((m) => m[1]);
  const get = async (url: string) => {
    const res = await anon.get(url);
    expect(res.status).toBe(200);
    return res.text();
  };

  it('shows 20 per page with the total and page N of M; page 2 shows the next events; the filters stay in the links', async () => {
    const q = `kind=seminar&body=${bodyId}&objective=5`;
    const p1 = await get(`/en/events?${q}`);
    expect(titles(p1, 'Seminario')).toEqual(Array.from({ length: 20 }, (_, i) => `Seminario ${String(i + 1).padStart(2, '0')}`));
    expect(p1).toContain('45 events');
    expect(p1).toContain('Page 1 of 3');
    expect(p1).not.toContain('Taller 1');
    // The next page's link keeps every filter (and the numbered links too).
    const next = p1.match(/<a href="([^"]+)" rel="next">/)![1]!.replace(/&amp;/g, '&');
    const u = new URL(next, 'http://x');
    expect(Object.fromEntries(u.searchParams)).toEqual({ kind: 'seminar', body: bodyId, objective: '5', page: '2' });
    expect(p1).toMatch(new RegExp(`href="/en/events\\?kind=seminar&amp;body=${bodyId}&amp;objective=5&amp;page=3"`));
    const p2 = await get(next);
    expect(titles(p2, 'Seminario')).toEqual(Array.from({ length: 20 }, (_, i) => `Seminario ${String(i + 21).padStart(2, '0')}`));
    expect(p2).toContain('Page 2 of 3');
    expect(p2).toContain('rel="prev"');
    // The filter form keeps them too (a new filter starts again at page 1: the form has no page field).
    expect(p2).toMatch(/<option value="seminar" selected/);
    expect(p2).not.toMatch(/name="page"/);
  });

  it('a page past the last is the last page; a page that is not a number is page 1 — never an error', async () => {
    const last = await get('/en/events?kind=seminar&page=99');
    expect(titles(last, 'Seminario')).toEqual(['Seminario 41', 'Seminario 42', 'Seminario 43', 'Seminario 44', 'Seminario 45']);
    expect(last).toContain('Page 3 of 3');
    for (const bad of ['abc', '-2', '0', '1e400', '2.5x', '99999999999999999999', '%20']) {
      const html = await get(`/en/events?kind=seminar&page=${bad}`);
      expect(titles(html, 'Seminario').length, bad).toBeGreaterThan(0);
    }
    expect(titles(await get('/en/events?kind=seminar&page=abc'), 'Seminario')[0]).toBe('Seminario 01');
    // Nothing matches: the empty list, page 1, no page links.
    const none = await get('/en/events?kind=course&page=4');
    expect(none).toContain('No upcoming events.');
    expect(none).not.toContain('rel="next"');
  });

  it('past events: latest first, paged, the list and its filters kept in the links', async () => {
    const p1 = await get('/en/events?when=past&kind=seminar');
    expect(titles(p1, 'Pasado')).toEqual(Array.from({ length: 20 }, (_, i) => `Pasado ${String(i + 1).padStart(2, '0')}`));
    expect(titles(p1, 'Seminario')).toEqual([]);
    expect(p1).toContain('25 events');
    expect(p1).toContain('href="/en/events?kind=seminar&amp;when=past&amp;page=2"');
    // The link back to the upcoming list keeps the filter; the filter form keeps the list.
    expect(p1).toContain('href="/en/events?kind=seminar"');
    expect(p1).toContain('<input type="hidden" name="when" value="past"');
    const p2 = await get('/en/events?kind=seminar&when=past&page=2');
    expect(titles(p2, 'Pasado')).toEqual(['Pasado 21', 'Pasado 22', 'Pasado 23', 'Pasado 24', 'Pasado 25']);
  });

  it('translated in the four languages', async () => {
    expect(await get('/es/events?kind=seminar')).toContain('45 eventos');
    expect(await get('/es/events?kind=seminar')).toContain('Página 1 de 3');
    expect(await get('/pt/events?kind=seminar')).toContain('45 eventos');
    expect(await get('/fr/events?kind=seminar')).toContain('45 événements');
  });

  it('the API pages too: total, page, pages; a page past the last is the last page; a bad page is a 400 problem', async () => {
    const r1 = (await (await anon.get(`/api/v1/events?lang=en&kind=seminar&body=${bodySlug}`)).json()) as { data: { title: string }[]; total: number; page: number; pages: number };
    expect(r1.total).toBe(45);
    expect([r1.page, r1.pages, r1.data.length]).toEqual([1, 3, 20]);
    const r2 = (await (await anon.get('/api/v1/events?lang=en&kind=seminar&page=2')).json()) as typeof r1;
    expect(r2.data[0]!.title).toBe('Seminario 21');
    const r9 = (await (await anon.get('/api/v1/events?lang=en&kind=seminar&page=9')).json()) as typeof r1;
    expect([r9.page, r9.data.length]).toEqual([3, 5]);
    const past = (await (await anon.get('/api/v1/events?lang=en&when=past')).json()) as typeof r1;
    expect(past.data[0]!.title).toBe('Pasado 01');
    expect((await anon.get('/api/v1/events?page=abc')).status).toBe(400);
    expect((await anon.get('/api/v1/events?page=0')).status).toBe(400);
  });
});
