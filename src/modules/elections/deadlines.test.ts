/** Election deadlines typed as a date, a time and a zone (the platform's DeadlineField), on both engines. */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createTestContext, DIALECTS, type TestContext, type TestClient } from '../../../tests/support/context.js';

describe.each(DIALECTS)('election deadlines (%s)', (dialect) => {
  let ctx: TestContext;
  let admin: TestClient;
  beforeAll(async () => {
    ctx = await createTestContext(dialect);
    admin = await ctx.admin();
  }, 60_000);
  afterAll(() => ctx?.close());

  const form = { title_es: 'Elección con horas', positions: ['secretary'], quorum_pct: '50', term_start: '2027-01-01', body: 'mt1' };
  const stored = (id: string) => ctx.db.selectFrom('elections').select(['nominations_close_at', 'voting_opens_at', 'voting_closes_at']).where('id', '=', id).executeTakeFirstOrThrow();

  it('close at the time typed on the clocks of the zone chosen, and show it back in the reader’s zone', async () => {
    const r = await admin.post('/es/elections/new', {
      ...form,
      nominations_close_on: '2026-12-10',
      nominations_close_time: '12:00',
      nominations_close_zone: 'America/Lima',
      voting_opens_on: '2026-12-12',
      voting_opens_time: '09:00',
      voting_opens_zone: 'America/Santiago',
      voting_closes_on: '2026-12-15',
      voting_closes_time: '18:00',
      voting_closes_zone: 'America/Mexico_City',
    });
    expect(r.status).toBe(303);
    const id = r.headers.get('location')!.split('/').pop()!;
    expect(await stored(id)).toEqual({
      nominations_close_at: '2026-12-10T17:00:00.000Z',
      voting_opens_at: '2026-12-12T12:00:00.000Z',
      voting_closes_at: '2026-12-16T00:00:00.000Z',
    });
    // The administrator's browser is in Mexico City: the edit form and the page read in that zone.
    admin.cookies.set('tz', encodeURIComponent('America/Mexico_City'));
    const edit = await (await admin.get(`/es/elections/${id}/edit`)).text();
    expect(edit).toContain('name="voting_closes_on" type="date" value="2026-12-15"');
    expect(edit).toContain('name="voting_closes_time" type="time" value="18:00"');
    expect(edit).toMatch(/<option value="America\/Mexico_City" selected="">/);
    const page = await (await admin.get(`/es/elections/${id}`)).text();
    expect(page).toMatch(/15 dic 2026, 18:00 GMT-6/);
    admin.cookies.delete('tz');
  });

  it('without a time: open at 00:00 and close at 23:59 in the zone given (UTC when none)', async () => {
    const r = await admin.post('/es/elections/new', { ...form, voting_opens_on: '2026-12-12', voting_closes_on: '2026-12-15', voting_closes_zone: 'America/Lima' });
    expect(r.status).toBe(303);
    const id = r.headers.get('location')!.split('/').pop()!;
    expect(await stored(id)).toMatchObject({ voting_opens_at: '2026-12-12T00:00:00.000Z', voting_closes_at: '2026-12-16T04:59:00.000Z' });
  });

  it('refuses a bad time, an unknown zone, and a close before the opening, saying which field', async () => {
    const bad = await admin.post('/es/elections/new', { ...form, voting_closes_on: '2026-12-15', voting_closes_time: '25:00' });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('Escribe una hora válida');
    const zone = await admin.post('/es/elections/new', { ...form, voting_closes_on: '2026-12-15', voting_closes_zone: 'Mars/Olympus' });
    expect(zone.status).toBe(422);
    // Opening at 12:00 in Santiago and closing at 10:00 in Lima are the same instant (15:00 UTC): refused.
    const order = await admin.post('/es/elections/new', {
      ...form,
      voting_opens_on: '2026-12-15',
      voting_opens_time: '12:00',
      voting_opens_zone: 'America/Santiago',
      voting_closes_on: '2026-12-15',
      voting_closes_time: '10:00',
      voting_closes_zone: 'America/Lima',
    });
    expect(order.status).toBe(422);
  });
});
