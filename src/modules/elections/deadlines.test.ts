/** Election deadlines typed as a date, a time and a zone (the platform's DeadlineField), on both engines. */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createTestContext, DIALECTS, signUpAndIn, type TestContext, type TestClient } from '../../../tests/support/context.js';
import { makeOrganization, addPerson } from '../membership/factories.js';
import { addBodyMember, getBodyBySlug } from '../bodies/index.js';

describe.each(DIALECTS)('election deadlines (%s)', (dialect) => {
  let ctx: TestContext;
  let admin: TestClient;
  /** A signed-in member of mt1 whose account zone is São Paulo (so the election's mails reach her). */
  let reader: TestClient;
  const readerEmail = 'sao@zone.test';
  beforeAll(async () => {
    ctx = await createTestContext(dialect);
    admin = await ctx.admin();
    const { client, userId } = await signUpAndIn(ctx, readerEmail, 'Lectora en São Paulo');
    reader = client;
    expect((await reader.post('/es/account/profile', { name: 'Lectora en São Paulo', locale: 'es', time_zone: 'America/Sao_Paulo' })).status).toBe(303);
    const o = await makeOrganization(ctx.db, { name: 'Org de São Paulo', status: 'member' });
    await addPerson(ctx.db, o.id, userId, { voter: true });
    await addBodyMember(ctx.db, (await getBodyBySlug(ctx.db, 'mt1'))!.id, o.id);
  }, 60_000);
  afterAll(() => ctx?.close());

  const form = { title_es: 'Elección con horas', positions: ['secretary'], quorum_pct: '50', term_start: '2027-01-01', body: 'mt1' };
  const stored = (id: string) => ctx.db.selectFrom('elections').select(['nominations_close_at', 'voting_opens_at', 'voting_closes_at']).where('id', '=', id).executeTakeFirstOrThrow();
  const zoneOf = async (id: string) => (await ctx.db.selectFrom('elections').select('time_zone').where('id', '=', id).executeTakeFirstOrThrow()).time_zone;

  it('keep the zone chosen: the page states the deadline on its clocks and names it, a reader elsewhere also sees their hour, the mail and the edit form keep it', async () => {
    const r = await admin.post('/es/elections/new', {
      ...form,
      title_es: 'Elección en hora de México',
      nominations_close_on: '2027-03-05',
      nominations_close_time: '18:00',
      nominations_close_zone: 'America/Mexico_City',
      voting_closes_on: '2027-03-10',
      voting_closes_time: '18:00',
      voting_closes_zone: 'America/Mexico_City',
    });
    expect(r.status).toBe(303);
    const id = r.headers.get('location')!.split('/').pop()!;
    expect((await stored(id)).voting_closes_at).toBe('2027-03-11T00:00:00.000Z');
    expect(await zoneOf(id)).toBe('America/Mexico_City');
    // Whoever reads it: 18:00 in Mexico City, with the zone's name.
    const own = /10 mar 2027, 18:00 GMT-6<\/time><span class="zone"> \(America\/Mexico City\)/;
    const anon = await (await ctx.client().get(`/es/elections/${id}`)).text();
    expect(anon).toMatch(own);
    expect(anon).not.toContain('en tu zona');
    // A signed-in reader whose account is in São Paulo also sees 21:00 there.
    const there = await (await reader.get(`/es/elections/${id}`)).text();
    expect(there).toMatch(own);
    expect(there).toMatch(/10 mar 2027, 21:00 GMT-3 en tu zona/);
    const list = await (await reader.get('/es/elections')).text();
    expect(list).toMatch(own);
    expect(list).toMatch(/10 mar 2027, 21:00 GMT-3 en tu zona/);
    const api = (await (await ctx.client().get(`/api/v1/elections/${id}?lang=es`)).json()) as { data: { timeZone: string; votingClosesAt: string } };
    expect(api.data).toMatchObject({ timeZone: 'America/Mexico_City', votingClosesAt: '2027-03-11T00:00:00.000Z' });
    // The call's mail states nominations' close on the election's clocks, whatever the recipient's zone.
    const mail = await ctx.db.selectFrom('outbox').select('text_body').where('to_address', '=', readerEmail).where('kind', '=', 'elections.called').orderBy('created_at', 'desc').executeTakeFirstOrThrow();
    expect(mail.text_body).toContain('Cierre de las postulaciones: 5 mar 2027, 18:00 GMT-6 (America/Mexico City).');
    // The edit form re-opens in the election's zone, whatever the editor's browser says…
    admin.cookies.set('tz', encodeURIComponent('Europe/Madrid'));
    const edit = await (await admin.get(`/es/elections/${id}/edit`)).text();
    expect(edit).toContain('name="voting_closes_time" type="time" value="18:00"');
    expect(edit).toMatch(/<option value="America\/Mexico_City" selected="">/);
    expect(edit).not.toMatch(/<option value="Europe\/Madrid" selected="">/);
    admin.cookies.delete('tz');
    // …and saving it as it is keeps both the instant and the zone; choosing another zone stores it.
    const same = { ...form, title_es: 'Elección en hora de México', voting_closes_on: '2027-03-10', voting_closes_time: '18:00', voting_closes_zone: 'America/Mexico_City' };
    expect((await admin.post(`/es/elections/${id}/edit`, same)).status).toBe(303);
    expect(await zoneOf(id)).toBe('America/Mexico_City');
    expect((await stored(id)).voting_closes_at).toBe('2027-03-11T00:00:00.000Z');
    expect((await admin.post(`/es/elections/${id}/edit`, { ...same, voting_closes_zone: 'America/Lima' })).status).toBe(303);
    expect(await zoneOf(id)).toBe('America/Lima');
    expect((await stored(id)).voting_closes_at).toBe('2027-03-10T23:00:00.000Z');
  });

  it('close at the time typed on the clocks of each zone chosen; the election keeps voting close’s', async () => {
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
    expect(await zoneOf(id)).toBe('America/Mexico_City');
    // The edit form shows every deadline on Mexico City's clocks (the same instants: 12:00 in Lima is 11:00 there).
    const edit = await (await admin.get(`/es/elections/${id}/edit`)).text();
    expect(edit).toContain('name="voting_closes_on" type="date" value="2026-12-15"');
    expect(edit).toContain('name="voting_closes_time" type="time" value="18:00"');
    expect(edit).toContain('name="nominations_close_time" type="time" value="11:00"');
    const page = await (await admin.get(`/es/elections/${id}`)).text();
    expect(page).toMatch(/15 dic 2026, 18:00 GMT-6/);
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
