/**
 * The events list kept in the page cache's fragments (every event's facts, each row's HTML), on both engines, with
 * the page cache on: the facts are shared, the rows are shared by readers of a language and zone, yet each reader
 * gets only the events they may see, whoever asked first; a write through the app empties what was kept (a row of a
 * cancelled event says so at once); and the kept facts give every filter's page exactly as SQL does.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createTestContext, DIALECTS, signUpAndIn, type TestContext, type TestClient } from '../../../tests/support/context.js';
import { makeOrganization, addPerson } from '../membership/factories.js';
import { addBodyMember, getBodyBySlug } from '../bodies/index.js';
import { createEvent, type EventInput } from './commands/save.js';
import { testEvent } from './factories.js';
import { listFacts, pageEvents, pageOfFacts, type EventFilter } from './queries.js';
import type { EventKind, Visibility } from './tables.js';
import { paths } from './paths.js';

const DAY = 86400_000;

describe.each(DIALECTS)('events list kept in the page cache (%s)', (dialect) => {
  let ctx: TestContext;
  let anon: TestClient;
  let admin: TestClient;
  let plain: TestClient;
  let mt1Member: TestClient;
  let mt1 = '';
  let mt2 = '';
  let adminId = '';
  const ids: Record<string, string> = {};

  const input = (title: string, startsAt: number, over: Partial<EventInput> = {}) => testEvent(title, startsAt, [mt1], over);
  const add = async (i: EventInput) => {
    const r = await ctx.db.transaction().execute((trx) => createEvent(trx, adminId, i));
    if (!r.ok) throw new Error(r.reason);
    return r.id;
  };

  beforeAll(async () => {
    ctx = await createTestContext(dialect, { PAGE_CACHE_TTL: '60' });
    anon = ctx.client();
    admin = await ctx.admin();
    mt1 = (await getBodyBySlug(ctx.db, 'mt1'))!.id;
    mt2 = (await getBodyBySlug(ctx.db, 'mt2'))!.id;
    adminId = (await ctx.db.selectFrom('users').select('id').where('role', '=', 'admin').executeTakeFirstOrThrow()).id;
    // A member of an organization of mt1 (members' events and mt1's body events); a person of no organization.
    const m = await signUpAndIn(ctx, 'mt1@kept.test', 'Persona Mesa');
    const org = await makeOrganization(ctx.db, { name: 'Org Kept', status: 'member' });
    await addBodyMember(ctx.db, mt1, org.id);
    await addPerson(ctx.db, org.id, m.userId);
    mt1Member = m.client;
    plain = (await signUpAndIn(ctx, 'plain@kept.test', 'Persona Suelta')).client;
    const now = Date.now();
    ids.pub = await add(input('Abierto Uno', now + 2 * DAY));
    ids.members = await add(input('Socios Dos', now + 3 * DAY, { visibility: 'members' }));
    ids.body1 = await add(input('Mesa Uno Tres', now + 4 * DAY, { visibility: 'body', visibilityBodyId: mt1 }));
    ids.body2 = await add(input('Mesa Dos Cuatro', now + 5 * DAY, { visibility: 'body', visibilityBodyId: mt2, bodyIds: [mt2] }));
    ids.pastBody1 = await add(input('Mesa Uno Pasado', now - 5 * DAY, { visibility: 'body', visibilityBodyId: mt1 }));
  }, 120_000);
  afterAll(() => ctx?.close());

  const TITLES = /(Abierto Uno|Socios Dos|Mesa Uno Tres|Mesa Dos Cuatro|Mesa Uno Pasado|Nuevo Cinco|Escondido Seis)</g;
  const titles = async (c: TestClient, path: string) => {
    const res = await c.get(path);
    expect(res.status).toBe(200);
    return [...(await res.text()).matchAll(TITLES)].map((x) => x[1]);
  };

  it('gives each reader only the events they may see, whoever asked first', async () => {
    const readers: [string, TestClient, string[], string[]][] = [
      ['mt1 member', mt1Member, ['Abierto Uno', 'Socios Dos', 'Mesa Uno Tres'], ['Mesa Uno Pasado']],
      ['no organization', plain, ['Abierto Uno'], []],
      ['anonymous', anon, ['Abierto Uno'], []],
      ['admin', admin, ['Abierto Uno', 'Socios Dos', 'Mesa Uno Tres', 'Mesa Dos Cuatro'], ['Mesa Uno Pasado']],
    ];
    // Both orders: the widest reader first (what they were given is kept before the others ask), then last.
    for (const order of [readers, [...readers].reverse(), readers]) {
      for (const [who, c, upcoming, past] of order) {
        expect(await titles(c, '/es/events'), who).toEqual(upcoming);
        expect(await titles(c, `/es/events?body=${mt1}`), who).toEqual(upcoming.filter((t) => t !== 'Mesa Dos Cuatro'));
        expect(await titles(c, '/es/events?when=past'), who).toEqual(past);
      }
    }
  });

  it('keeps what it read until a write through the app empties it', async () => {
    expect(await titles(anon, '/es/events')).toEqual(['Abierto Uno']);
    // Written behind the app's back (as SQL by hand would): the kept list does not know it yet…
    await add(input('Escondido Seis', Date.now() + 6 * DAY));
    expect(await titles(anon, '/es/events?kind=seminar')).toEqual(['Abierto Uno']);
    expect(await (await anon.get('/es/events')).text()).not.toContain('(Cancelado)');
    // …until a write through the app (cancelling an event) empties what was kept: the new event, the cancelled row.
    expect((await admin.post(`/es/events/${ids.pub}/cancel-event`)).status).toBe(303);
    expect(await titles(anon, '/es/events?kind=seminar')).toEqual(['Abierto Uno', 'Escondido Seis']);
    expect(await (await anon.get('/es/events')).text()).toMatch(/Abierto Uno<\/span><\/a><strong> \(Cancelado\)/);
  });

  it('finds in the kept facts the same page as SQL, for every filter and reader', async () => {
    // More events, across kinds, formats, countries, bodies, objectives and visibilities; some at the same instant.
    const kinds: EventKind[] = ['workshop', 'seminar', 'course'];
    const vis: Visibility[] = ['public', 'members', 'body'];
    const base = Date.now() - 30 * DAY;
    for (let i = 0; i < 60; i++) {
      const v = vis[i % 3]!;
      const b = i % 4 === 0 ? mt2 : mt1;
      await add(
        input(`Evento ${i}`, base + Math.floor(i / 2) * DAY, {
          kind: kinds[i % 3],
          format: i % 5 === 0 ? 'in_person' : 'online',
          venue: { address: null, city: null, country: i % 5 === 0 ? (i % 2 ? 'CL' : 'MX') : null },
          visibility: v,
          visibilityBodyId: v === 'body' ? b : null,
          bodyIds: i % 7 === 0 ? [mt1, mt2] : [b],
          objectives: [1 + (i % 4), 10],
        }),
      );
    }
    const facts = (await listFacts(ctx.db))!;
    const now = new Date().toISOString();
    const who: Pick<EventFilter, 'visibilities' | 'bodyIds'>[] = [
      { visibilities: ['public'], bodyIds: [] },
      { visibilities: ['public', 'members'], bodyIds: [mt1] },
      { visibilities: ['public'], bodyIds: [mt2] },
      { visibilities: ['public', 'members', 'body'], bodyIds: [] },
    ];
    const filters: Omit<EventFilter, 'visibilities'>[] = [{}, { kind: 'seminar' }, { format: 'in_person' }, { country: 'CL' }, { country: 'FR' }, { bodyId: mt2 }, { objective: 10 }, { objective: 3, kind: 'course' }, { bodyId: mt1, format: 'online' }];
    let compared = 0;
    for (const w of who)
      for (const x of filters)
        for (const when of ['upcoming', 'past'] as const)
          for (const page of [1, 2, 9])
            for (const perPage of [7, 20]) {
              const f = { ...w, ...x, when, page, perPage };
              const sql = await pageEvents(ctx.db, { ...f, now, links: false });
              expect(pageOfFacts(facts, f, now), JSON.stringify(f)).toEqual({ ...sql, items: sql.items.map((e) => e.id) });
              compared += sql.items.length;
            }
    expect(compared).toBeGreaterThan(500);
  });

  it('keeps the public calendar feed per language and filter, whatever else the query says, until a write', async () => {
    const feed = async (q: string, lang = 'es') => {
      const res = await anon.get(`/${lang}/events/calendar.ics?${q}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/calendar');
      return res.text();
    };
    const first = await feed('v=1');
    expect(first).toContain('BEGIN:VCALENDAR');
    // Written behind the app's back: the kept feed does not know it, with any other query string…
    await add(input('Feed Siete', Date.now() + 7 * DAY));
    expect(await feed('v=2')).toBe(first);
    // …while a feed not asked before (another filter, another language) is made with it.
    expect(await feed(`body=${mt1}`)).toContain('SUMMARY:Feed Siete');
    expect(await feed('v=3', 'en')).toContain('SUMMARY:Feed Siete');
    // A write through the app empties what was kept.
    expect((await admin.post(`/es/events/${ids.body2}/cancel-event`)).status).toBe(303);
    expect(await feed('v=4')).toContain('SUMMARY:Feed Siete');
  });

  it("serves a visitor's list and calendars from the page cache at their own addresses, never a reader's", async () => {
    const visitor = ctx.client();
    const hit = async (c: TestClient, path: string) => {
      const res = await c.get(path);
      expect(res.status, path).toBe(200);
      await res.arrayBuffer();
      return res.headers.get('x-cache') === 'hit';
    };
    // The list's own addresses: stored at the second ask, a hit from the third; a visitor gets no cookie from it.
    for (const path of ['/es/events', `/es/events?kind=seminar&body=${mt1}`, '/fr/events?when=past&page=2', '/es/events/calendar.ics', `/es/events/calendar.ics?body=${mt1}`, `/es/events/${ids.pub}/event.ics`]) {
      const first = await visitor.get(path);
      expect(first.headers.get('set-cookie'), path).toBeNull();
      await first.arrayBuffer();
      await hit(visitor, path);
      expect(await hit(visitor, path), path).toBe(true);
    }
    // Not at an address its links never write (an empty field, another order, a parameter it does not know)…
    for (const path of ['/es/events?kind=&body=', `/es/events?body=${mt1}&kind=seminar`, '/es/events?v=1', '/es/events/calendar.ics?v=1']) {
      for (let i = 0; i < 3; i++) expect(await hit(visitor, path), path).toBe(false);
    }
    // …nor for a signed-in reader, whose list holds what a visitor's does not.
    for (let i = 0; i < 3; i++) expect(await hit(mt1Member, '/es/events'), 'member').toBe(false);
    expect(await titles(mt1Member, '/es/events')).toContain('Socios Dos');
    expect(await titles(visitor, '/es/events')).not.toContain('Socios Dos');
    // A write through the app empties it: the next ask is made again, with the write in it.
    expect((await admin.post(`/es/events/${ids.members}/cancel-event`)).status).toBe(303);
    expect(await hit(visitor, '/es/events')).toBe(false);
  });

  it("serves a visitor's page of an event that offers them no form from the page cache, never one that does", async () => {
    const visitor = ctx.client();
    const past = await add(input('Pasado Abierto', Date.now() - 10 * DAY));
    const open = await add(input('Abierto Ocho', Date.now() + 8 * DAY));
    const asks = async (c: TestClient, id: string) => {
      const out: { hit: boolean; cookie: string | null; guestForm: boolean }[] = [];
      for (let i = 0; i < 3; i++) {
        const res = await c.get(`/es/events/${id}`);
        expect(res.status).toBe(200);
        out.push({ hit: res.headers.get('x-cache') === 'hit', cookie: res.headers.get('set-cookie'), guestForm: (await res.text()).includes(`action="${paths.guest.href('es', { id })}"`) });
      }
      return out;
    };
    // A past event (its registration closed): no form, no cookie, kept.
    const p = await asks(visitor, past);
    expect(p.map((x) => x.guestForm)).toEqual([false, false, false]);
    expect(p[0]!.cookie).toBeNull();
    expect(p[2]!.hit).toBe(true);
    // An upcoming public event offers a visitor the registration form with their own CSRF token: never kept.
    const o = await asks(ctx.client(), open);
    expect(o.map((x) => x.guestForm)).toEqual([true, true, true]);
    expect(o[0]!.cookie).toMatch(/^dialogo\.csrf=/);
    expect(o.some((x) => x.hit)).toBe(false);
    // A signed-in reader's page is never kept.
    expect((await asks(mt1Member, past)).some((x) => x.hit)).toBe(false);
  });

  it('keeps the page of an event open for registration for visitors, each with their own CSRF secret in its form', async () => {
    const id = await add(input('Abierto Nueve', Date.now() + 9 * DAY, { capacity: 5 }));
    const FIELD = /name="_csrf" value="([0-9a-f]{64})"/;
    const page = async (c: TestClient, path = `/es/events/${id}`) => {
      const res = await c.get(path);
      expect(res.status, path).toBe(200);
      return { html: await res.text(), cookie: res.headers.get('set-cookie') ?? '', hit: res.headers.get('x-cache') === 'hit' };
    };
    const a = ctx.client();
    const b = ctx.client();
    const [pa, pb, again] = [await page(a), await page(b), await page(a)];
    // Each visitor's form carries the secret of their own cookie; the rest of the page is the same for both.
    const ta = FIELD.exec(pa.html)![1]!;
    const tb = FIELD.exec(pb.html)![1]!;
    expect(ta).not.toBe(tb);
    expect(pa.cookie).toContain(`dialogo.csrf=${ta}`);
    expect(pb.cookie).toContain(`dialogo.csrf=${tb}`);
    expect(FIELD.exec(again.html)![1]).toBe(ta);
    expect(again.cookie).toBe('');
    expect(pb.html.replace(FIELD, '')).toBe(pa.html.replace(FIELD, ''));
    expect([pa, pb, again].some((x) => x.hit)).toBe(false); // not the public page cache: a kept part of the page
    expect(pa.html).toContain('0 de 5 lugares ocupados');
    // A signed-in reader's page is their own, never kept for another: once registered, the member's page offers to
    // cancel; another signed-in person (of the same time zone), asking after them, is offered to register.
    expect(pa.html).toContain(`action="${paths.guest.href('es', { id })}"`);
    expect((await mt1Member.post(paths.register.href('es', { id }), { sector: 'civil_society' })).status).toBe(303);
    const member = (await page(mt1Member)).html;
    expect(member).toContain(`action="${paths.unregister.href('es', { id })}"`);
    expect(member).not.toContain(`action="${paths.guest.href('es', { id })}"`);
    const other = (await page(plain)).html;
    expect(other).not.toContain(`action="${paths.unregister.href('es', { id })}"`);
    expect(other).toContain(`action="${paths.register.href('es', { id })}"`);
    // Kept: a change made outside the app (SQL by hand) is not seen until a write through the app…
    await ctx.db.updateTable('events').set({ description: JSON.stringify({ es: 'Descripción cambiada a mano' }) }).where('id', '=', id).execute();
    expect((await page(b)).html).not.toContain('Descripción cambiada a mano');
    // …such as this visitor's registration, with the secret their page gave them: the page then shows both at once.
    expect((await a.post(`/es/events/${id}/guest`, { name: 'Visita A', email: 'visita-a@kept.test', sector: 'civil_society' })).status).toBe(303);
    const token = (await ctx.db.selectFrom('event_registrations').select('token').where('email', '=', 'visita-a@kept.test').executeTakeFirstOrThrow()).token;
    expect((await a.post(`/es/events/${id}/r/${token}/confirm`)).status).toBe(303);
    const after = (await page(b)).html;
    expect(after).toContain('Descripción cambiada a mano');
    expect(after).toContain('2 de 5 lugares ocupados'); // the member's seat and this visitor's
    // An invitation code in the address fills the form: made for that visitor, and kept for nobody else.
    const invited = await add(input('Por Invitación Diez', Date.now() + 10 * DAY, { registrationMode: 'invitation' }));
    expect((await page(a, `/es/events/${invited}`)).html).toContain('name="code"');
    expect((await page(b, `/es/events/${invited}?code=INVITA-123`)).html).toContain('value="INVITA-123"');
    expect((await page(a, `/es/events/${invited}`)).html).not.toContain('INVITA-123');
  });

  it('fills the kept list page with each request’s own list, other list’s address, count and filters (a template)', async () => {
    const html = async (c: TestClient, path: string) => (await c.get(path)).text();
    const current = (page: string) => page.match(/<span aria-current="page">([^<]*)<\/span>/)?.[1];
    const other = (page: string) => page.match(/<a href="(\/es\/events[^"]*)">(?:Próximos|Anteriores)<\/a>/)?.[1];
    // Upcoming, then past, then upcoming again with the same filter: each its own list, its link to the other list.
    for (const [when, now, to] of [
      ['', 'Próximos', `/es/events?body=${mt1}&amp;when=past`],
      ['&when=past', 'Anteriores', `/es/events?body=${mt1}`],
      ['', 'Próximos', `/es/events?body=${mt1}&amp;when=past`],
    ] as const) {
      const page = await html(mt1Member, `/es/events?body=${mt1}${when}`);
      expect(current(page)).toBe(now);
      expect(other(page)).toBe(to);
      expect(page).toContain(`<option value="${mt1}" selected="">`);
      expect(page).toContain(when ? '<input type="hidden" name="when" value="past"/>' : '<h2>Próximos</h2>');
    }
    // The count is the reader's: a visitor sees fewer of mt1's events than a member of mt1.
    const count = (page: string) => page.match(/<p class="muted">(\d+) evento/)?.[1];
    expect(Number(count(await html(anon, `/es/events?body=${mt1}`)))).toBeLessThan(Number(count(await html(mt1Member, `/es/events?body=${mt1}`))));
    // Nothing found: the empty state, no table; a filter shows the link that clears it.
    const none = await html(anon, '/es/events?kind=assembly&format=hybrid&when=past');
    expect(none).toContain('<div class="empty">');
    expect(none).not.toContain('<table>');
    expect(none).toContain('<a href="/es/events?when=past">');
    // Each language its own page.
    const fr = await html(anon, '/fr/events?when=past');
    expect(fr).toContain('<html lang="fr"');
    expect(fr).toContain('action="/fr/events"');
  });
});

