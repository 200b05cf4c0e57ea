/**
 * Events over HTTP on both engines: creating (and refusing bad input at its field), the page in the event's
 * zone and the reader's, registration with a waitlist and promotion by mail, people without an account,
 * invitations, cancelling, races for the last seats, the .ics files and reminders.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createTestContext, DIALECTS, signUpAndIn, type TestContext, type TestClient } from '../../../tests/support/context.js';
import { makeOrganization, addPerson } from '../membership/factories.js';
import { addBodyMember, assignPositions, getBodyBySlug } from '../bodies/index.js';
import { sendReminders } from './commands/registration.js';
import { eventsTx } from './commands/context.js';
import { demoEvents } from './seed.js';

const future = (days: number, hour = '18:00') => `${new Date(Date.now() + days * 86400000).toISOString().slice(0, 10)}T${hour}`;

describe.each(DIALECTS)('events over HTTP (%s)', (dialect) => {
  let ctx: TestContext;
  let admin: TestClient;
  let anon: TestClient;
  const people: Record<string, { client: TestClient; userId: string }> = {};
  let bodyId = '';
  let otherBodyId = '';
  let eventId = '';
  let orgId = '';

  beforeAll(async () => {
    ctx = await createTestContext(dialect);
    admin = await ctx.admin();
    anon = ctx.client();
    bodyId = (await getBodyBySlug(ctx.db, 'mt1'))!.id;
    otherBodyId = (await getBodyBySlug(ctx.db, 'mt2'))!.id;
    for (const name of ['secretary', 'm1', 'm2', 'm3', 'outsider']) people[name] = await signUpAndIn(ctx, `${name}@ev.test`, `Persona ${name}`);
    const org = await makeOrganization(ctx.db, { name: 'Org Mesa', status: 'member' });
    orgId = org.id;
    await addBodyMember(ctx.db, bodyId, org.id);
    for (const n of ['secretary', 'm1', 'm2', 'm3']) await addPerson(ctx.db, org.id, people[n]!.userId);
    await assignPositions(ctx.db, null, { bodyId, assignments: [{ position: 'secretary', userId: people.secretary!.userId, orgId: org.id, holderName: 'Persona secretary' }], startsOn: '2020-01-01', endsOn: null, source: 'appointment' });
  }, 90_000);
  afterAll(() => ctx?.close());

  const p = (n: string) => people[n]!.client;
  const form = () => ({
    kind: 'conversatorio',
    original_lang: 'es',
    title_es: 'Conversatorio multiactoral; narrativas, migración',
    description_es: 'Diálogo con gobiernos y la Red Regional de la ONU.',
    bodies: [bodyId],
    objectives: ['17', '23'],
    time_zone: 'America/Santiago',
    starts_at: future(10),
    ends_at: future(10, '20:30'),
    format: 'hybrid',
    venue_address: 'Av. Libertador 123',
    venue_city: 'Santiago',
    venue_country: 'CL',
    online_url: 'https://meet.example.org/abc',
    visibility: 'public',
    registration_mode: 'open',
    capacity: '2',
    agenda_0_at: future(10, '18:00'),
    agenda_0_title: 'Apertura',
    agenda_0_speakers: 'Secretaría Técnica',
  });

  it('lets administrators and the organizing body’s secretary create events, and refuses bad input at its field', async () => {
    expect((await anon.get('/es/events/new')).status).toBe(303);
    expect((await p('m1').get('/es/events/new')).status).toBe(403);
    expect((await p('m1').post('/es/events/new', form())).status).toBe(403);
    for (const [field, bad] of [
      ['ends_at', { ends_at: future(9) }],
      ['capacity', { capacity: '0' }],
      ['capacity', { capacity: '-3' }],
      ['online_url', { online_url: 'javascript:alert(1)' }],
      ['time_zone', { time_zone: 'Mars/Base' }],
    ] as const) {
      const r = await admin.post('/es/events/new', { ...form(), ...bad });
      expect(r.status, field).toBe(422);
      expect(await r.text()).toContain(`id="f-${field}-error"`);
    }
    // A secretary organizes only for their own Mesa.
    expect((await p('secretary').post('/es/events/new', { ...form(), bodies: [otherBodyId] })).status).toBe(422);
    expect(await ctx.db.selectFrom('events').select('id').execute()).toHaveLength(0);
    const r = await p('secretary').post('/es/events/new', form());
    expect(r.status).toBe(303);
    eventId = r.headers.get('location')!.split('/').pop()!;
    const row = await ctx.db.selectFrom('events').selectAll().where('id', '=', eventId).executeTakeFirstOrThrow();
    // 18:00 in Santiago is stored as a UTC instant, 21:00 (summer) or 22:00 (winter).
    expect(row.starts_at).toMatch(/T2[12]:00:00\.000Z$/);
    expect(row.time_zone).toBe('America/Santiago');
  });

  it('shows times in the event’s zone and, when it differs, in the reader’s; the link only to registered people', async () => {
    const page = await (await anon.get(`/es/events/${eventId}`)).text();
    expect(page).toContain('Conversatorio multiactoral; narrativas, migración');
    expect(page).toContain('18:00');
    expect(page).not.toContain('meet.example.org');
    expect(page).not.toContain('en tu zona');
    // A visitor's page is the same for everyone (the platform's reader zone is the Mechanism's when signed out)…
    const visitor = ctx.client();
    visitor.cookies.set('tz', 'America/Mexico_City');
    expect(await (await visitor.get(`/es/events/${eventId}`)).text()).not.toContain('en tu zona');
    // …a signed-in reader whose browser is in Mexico City also sees their own hour.
    const mx = p('m1');
    mx.cookies.set('tz', 'America/Mexico_City');
    const inMexico = await (await mx.get(`/es/events/${eventId}`)).text();
    expect(inMexico).toMatch(/1[56]:00[^<]*en tu zona/);
    const list = await (await anon.get('/es/events?kind=conversatorio')).text();
    expect(list).toContain(`/es/events/${eventId}`);
    expect(await (await anon.get('/es/events?kind=course')).text()).not.toContain(`/es/events/${eventId}`);
    expect(await (await anon.get(`/es/events?body=${otherBodyId}`)).text()).not.toContain(`/es/events/${eventId}`);
    expect(await (await anon.get('/es/events?objective=23')).text()).toContain(`/es/events/${eventId}`);
    expect(await (await anon.get('/es/events?format=hybrid&country=CL')).text()).toContain(`/es/events/${eventId}`);
    expect(await (await anon.get('/es/events?format=online')).text()).not.toContain(`/es/events/${eventId}`);
    expect(await (await anon.get('/es/events?country=MX')).text()).not.toContain(`/es/events/${eventId}`);
    expect((await anon.get('/es/events?country=%3Cscript%3E&format=x&kind=y&objective=99&body=z')).status).toBe(200);
  });

  it('registers, waitlists when full, and promotes the next person (with a mail) when someone cancels', async () => {
    expect((await anon.post(`/es/events/${eventId}/register`, { sector: 'civil_society' })).status).toBe(401);
    expect((await p('m1').post(`/es/events/${eventId}/register`, { sector: 'nope' })).status).toBe(422);
    expect((await p('m1').post(`/es/events/${eventId}/register`, { sector: 'civil_society' })).status).toBe(303);
    expect((await p('m1').post(`/es/events/${eventId}/register`, { sector: 'civil_society' })).status).toBe(422); // refused: already
    expect((await p('m2').post(`/es/events/${eventId}/register`, { sector: 'government' })).status).toBe(303);
    expect((await p('m3').post(`/es/events/${eventId}/register`, { sector: 'academia' })).status).toBe(303);
    const st = async (email: string) => (await ctx.db.selectFrom('event_registrations').select('status').where('event_id', '=', eventId).where('email', '=', email).executeTakeFirst())?.status;
    expect(await st('m1@ev.test')).toBe('registered');
    expect(await st('m2@ev.test')).toBe('registered');
    expect(await st('m3@ev.test')).toBe('waitlisted');
    expect(await ctx.db.selectFrom('event_registrations').select('id').where('email', '=', 'm1@ev.test').execute()).toHaveLength(1);
    // The link shows to a registered person, not to the waitlisted one.
    expect(await (await p('m1').get(`/es/events/${eventId}`)).text()).toContain('https://meet.example.org/abc');
    expect(await (await p('m3').get(`/es/events/${eventId}`)).text()).not.toContain('https://meet.example.org/abc');
    expect((await p('m1').post(`/es/events/${eventId}/unregister`)).status).toBe(303);
    expect(await st('m1@ev.test')).toBe('cancelled');
    expect(await st('m3@ev.test')).toBe('registered');
    const mail = await ctx.db.selectFrom('outbox').select(['subject']).where('to_address', '=', 'm3@ev.test').where('kind', '=', 'events.registration').orderBy('created_at', 'desc').execute();
    expect(mail.map((m) => m.subject).join('|')).toContain('Se liberó un lugar');
    const ev = await ctx.db.selectFrom('events').select('registered_count').where('id', '=', eventId).executeTakeFirstOrThrow();
    expect(Number(ev.registered_count)).toBe(2);
    // Lowering the capacity below the seats given is refused at the field.
    expect((await p('secretary').post(`/es/events/${eventId}/edit`, { ...form(), capacity: '1' })).status).toBe(422);
  });

  it('registers people without an account after they confirm their address, and lets them cancel by their link', async () => {
    expect((await anon.post(`/es/events/${eventId}/guest`, { name: '', email: 'x', sector: 'government' })).status).toBe(422);
    expect((await anon.post(`/es/events/${eventId}/guest`, { name: 'Ana Gobierno', email: 'Ana@Gob.example', organization: 'Ministerio', sector: 'government' })).status).toBe(303);
    const reg = await ctx.db.selectFrom('event_registrations').selectAll().where('email', '=', 'ana@gob.example').executeTakeFirstOrThrow();
    expect(reg.status).toBe('pending_email');
    expect((await ctx.db.selectFrom('outbox').select('kind').where('to_address', '=', 'ana@gob.example').executeTakeFirstOrThrow()).kind).toBe('events.confirm');
    expect((await anon.get(`/es/events/${eventId}/r/${'0'.repeat(32)}`)).status).toBe(404);
    expect((await anon.get(`/es/events/${eventId}/r/${reg.token}`)).status).toBe(200);
    expect((await anon.post(`/es/events/${eventId}/r/${reg.token}/confirm`)).status).toBe(303);
    expect((await ctx.db.selectFrom('event_registrations').select('status').where('id', '=', reg.id).executeTakeFirstOrThrow()).status).toBe('waitlisted');
    expect((await anon.post(`/es/events/${eventId}/r/${reg.token}/cancel`)).status).toBe(303);
    expect((await ctx.db.selectFrom('event_registrations').select('status').where('id', '=', reg.id).executeTakeFirstOrThrow()).status).toBe('cancelled');
  });

  it('gives the last seats to exactly as many people as there are, and one registration per person, under parallel requests', async () => {
    const r = await admin.post('/es/events/new', { ...form(), title_es: 'Carrera', capacity: '10', bodies: [] });
    const id = r.headers.get('location')!.split('/').pop()!;
    // 50 people without an account, then 50 confirmations at once for 10 seats.
    const guest = ctx.client();
    for (let i = 0; i < 50; i++) expect((await guest.post(`/es/events/${id}/guest`, { name: `P${i}`, email: `p${i}@race.test`, sector: 'civil_society' })).status).toBe(303);
    const tokens = (await ctx.db.selectFrom('event_registrations').select('token').where('event_id', '=', id).execute()).map((x) => x.token);
    const res = await Promise.all(tokens.map((t) => guest.post(`/es/events/${id}/r/${t}/confirm`)));
    expect(res.every((x) => x.status === 303)).toBe(true);
    const rows = await ctx.db.selectFrom('event_registrations').select('status').where('event_id', '=', id).execute();
    expect(rows.filter((x) => x.status === 'registered')).toHaveLength(10);
    expect(rows.filter((x) => x.status === 'waitlisted')).toHaveLength(40);
    expect(Number((await ctx.db.selectFrom('events').select('registered_count').where('id', '=', id).executeTakeFirstOrThrow()).registered_count)).toBe(10);
    // The same person registering ten times at once gets one registration.
    const same = await Promise.all(Array.from({ length: 10 }, () => p('m2').post(`/es/events/${id}/register`, { sector: 'civil_society' })));
    expect(same.filter((x) => x.status === 303)).toHaveLength(1);
    expect(same.filter((x) => x.status === 422)).toHaveLength(9);
    expect(await ctx.db.selectFrom('event_registrations').select('id').where('event_id', '=', id).where('email', '=', 'm2@ev.test').execute()).toHaveLength(1);
  }, 120_000);

  it('refuses registration after the close, for a cancelled event, and with a wrong or used invitation code, writing nothing', async () => {
    const inv = await admin.post('/es/events/new', { ...form(), title_es: 'Por invitación', registration_mode: 'invitation', capacity: '', bodies: [] });
    const id = inv.headers.get('location')!.split('/').pop()!;
    const count = async () => (await ctx.db.selectFrom('event_registrations').select('id').where('event_id', '=', id).execute()).length;
    await p('m1').post(`/es/events/${id}/register`, { sector: 'civil_society', code: 'wrong' });
    expect(await count()).toBe(0);
    expect((await admin.post(`/es/events/${id}/invitations`, { email: 'm1@ev.test' })).status).toBe(303);
    const code = (await ctx.db.selectFrom('event_invitations').select('code').where('event_id', '=', id).executeTakeFirstOrThrow()).code;
    await p('m1').post(`/es/events/${id}/register`, { sector: 'civil_society', code });
    expect(await count()).toBe(1);
    await p('m2').post(`/es/events/${id}/register`, { sector: 'civil_society', code });
    expect(await count()).toBe(1);
    // Closed: registration closed an hour ago.
    const past = new Date(Date.now() - 3600_000);
    await ctx.db.updateTable('events').set({ registration_closes_at: past.toISOString() }).where('id', '=', eventId).execute();
    await p('outsider').post(`/es/events/${eventId}/register`, { sector: 'civil_society' });
    expect(await ctx.db.selectFrom('event_registrations').select('id').where('email', '=', 'outsider@ev.test').execute()).toHaveLength(0);
    await ctx.db.updateTable('events').set({ registration_closes_at: null }).where('id', '=', eventId).execute();
    // Cancelled: everyone registered is told; the calendar says CANCELLED with a higher SEQUENCE.
    const before = await (await anon.get(`/es/events/${eventId}/event.ics`)).text();
    expect((await p('m1').post(`/es/events/${eventId}/cancel-event`)).status).toBe(403);
    expect((await p('secretary').post(`/es/events/${eventId}/cancel-event`)).status).toBe(303);
    await p('outsider').post(`/es/events/${eventId}/register`, { sector: 'civil_society' });
    expect(await ctx.db.selectFrom('event_registrations').select('id').where('email', '=', 'outsider@ev.test').execute()).toHaveLength(0);
    const after = await (await anon.get(`/es/events/${eventId}/event.ics`)).text();
    expect(after).toContain('STATUS:CANCELLED');
    expect(Number(/SEQUENCE:(\d+)/.exec(after)![1])).toBeGreaterThan(Number(/SEQUENCE:(\d+)/.exec(before)![1]));
    expect(/UID:(.*)\r\n/.exec(after)![1]).toBe(/UID:(.*)\r\n/.exec(before)![1]);
    expect((await ctx.db.selectFrom('outbox').select('to_address').where('kind', '=', 'events.changed').execute()).map((m) => m.to_address)).toContain('m3@ev.test');
  });

  it('serves the public feed (identical on two fetches) and hides members-only events from it and from outsiders', async () => {
    const r = await admin.post('/es/events/new', { ...form(), title_es: 'Solo de la Mesa', visibility: 'body', visibility_body: bodyId, bodies: [] });
    const id = r.headers.get('location')!.split('/').pop()!;
    expect((await anon.get(`/es/events/${id}`)).status).toBe(404);
    expect((await p('outsider').get(`/es/events/${id}`)).status).toBe(404);
    expect((await p('m1').get(`/es/events/${id}`)).status).toBe(200);
    const a = await anon.get('/es/events/calendar.ics');
    expect(a.headers.get('content-type')).toContain('text/calendar');
    const text = await a.text();
    expect(text).toBe(await (await anon.get('/es/events/calendar.ics')).text());
    expect(text).toContain('BEGIN:VCALENDAR');
    expect(text).not.toContain('Solo de la Mesa');
    expect(text).toContain('Carrera');
    // The API lists public events only, and answers 404 for the others.
    const api = (await (await anon.get('/api/v1/events?lang=es')).json()) as { data: { id: string; title: string; timeZone: string }[] };
    expect(api.data.some((e) => e.title === 'Carrera' && e.timeZone === 'America/Santiago')).toBe(true);
    expect(api.data.some((e) => e.id === id)).toBe(false);
    expect((await anon.get(`/api/v1/events/${id}`)).status).toBe(404);
  });

  it('takes attendance by check-in code or by ticking, and counts it by sector and member organization', async () => {
    const r = await p('secretary').post('/es/events/new', { ...form(), title_es: 'Asistencia', capacity: '' });
    const id = r.headers.get('location')!.split('/').pop()!;
    expect((await p('outsider').post(`/es/events/${id}/register`, { sector: 'civil_society', org: orgId })).status).toBe(422);
    expect((await p('m1').post(`/es/events/${id}/register`, { sector: 'civil_society', org: orgId })).status).toBe(303);
    expect((await p('m2').post(`/es/events/${id}/register`, { sector: 'academia' })).status).toBe(303);
    const regs = await ctx.db.selectFrom('event_registrations').selectAll().where('event_id', '=', id).orderBy('email').execute();
    expect(regs[0]!.org_id).toBe(orgId);
    expect((await p('m1').post(`/es/events/${id}/check-in`, { code: regs[0]!.check_in_code })).status).toBe(403);
    expect((await p('secretary').post(`/es/events/${id}/check-in`, { code: 'ZZZZZZ' })).status).toBe(422);
    expect((await p('secretary').post(`/es/events/${id}/check-in`, { code: regs[0]!.check_in_code.toLowerCase() })).status).toBe(303);
    expect((await p('secretary').post(`/es/events/${id}/registrations/${regs[1]!.id}`, { attendance: 'present' })).status).toBe(303);
    expect((await p('secretary').post(`/es/events/${id}/registrations/${regs[1]!.id}`, { attendance: 'absent' })).status).toBe(303);
    const marked = await ctx.db.selectFrom('event_registrations').select(['email', 'attended_at']).where('event_id', '=', id).orderBy('email').execute();
    expect(marked.map((m) => !!m.attended_at)).toEqual([true, false]);
    const list = await (await p('secretary').get(`/es/events/${id}/registrations`)).text();
    expect(list).toContain('Org Mesa');
    expect(await (await anon.get(`/es/events/${id}`)).text()).toContain('Asistieron 1 personas');
  });

  it('gives each person a secret calendar of their events, renewable, and feeds per body and objective', async () => {
    expect((await p('m2').post('/es/events/mine/feed')).status).toBe(303);
    const token = (await ctx.db.selectFrom('event_feed_tokens').select('token').executeTakeFirstOrThrow()).token;
    const mine = await (await p('m2').get('/es/events/mine')).text();
    expect(mine).toContain(`/es/events/calendar/${token}`);
    const feed = await (await anon.get(`/es/events/calendar/${token}`)).text();
    expect(feed).toContain('BEGIN:VEVENT');
    expect(feed).toContain('SUMMARY:Carrera');
    expect((await p('m2').post('/es/events/mine/feed')).status).toBe(303);
    expect((await anon.get(`/es/events/calendar/${token}`)).status).toBe(404);
    expect(await (await anon.get(`/es/events/calendar.ics?body=${otherBodyId}`)).text()).not.toContain('BEGIN:VEVENT');
    expect(await (await anon.get('/es/events/calendar.ics?objective=23')).text()).toContain('BEGIN:VEVENT');
  });

  it('keeps minutes per language, shows them sanitized once published, with follow-up actions', async () => {
    const r = await p('secretary').post('/es/events/new', { ...form(), title_es: 'Con acta' });
    const id = r.headers.get('location')!.split('/').pop()!;
    const minutes = { summary_es: '**Resumen** <script>alert(1)</script> [x](javascript:alert(1))', agreements_en: '- Agreement one', action_0_text: 'Consolidar insumos', action_0_body: bodyId, action_0_due: '2027-03-01' };
    expect((await p('m1').post(`/es/events/${id}/minutes`, minutes)).status).toBe(403);
    expect((await p('secretary').post(`/es/events/${id}/minutes`, { ...minutes, action_0_due: '2027-02-30' })).status).toBe(422);
    expect((await p('secretary').post(`/es/events/${id}/minutes`, minutes)).status).toBe(303);
    expect(await (await anon.get(`/es/events/${id}`)).text()).not.toContain('Consolidar insumos');
    expect((await p('secretary').post(`/es/events/${id}/minutes`, { ...minutes, publish: 'on' })).status).toBe(303);
    const page = await (await anon.get(`/es/events/${id}`)).text();
    expect(page).toContain('<strong>Resumen</strong>');
    expect(page).not.toContain('<script>alert(1)');
    expect(page).not.toContain('javascript:alert');
    expect(page).toContain('Consolidar insumos');
    expect(await (await anon.get(`/en/events/${id}`)).text()).toContain('Agreement one');
  });

  it('reminds seat holders once, the day before', async () => {
    const r = await admin.post('/es/events/new', { ...form(), title_es: 'Recordatorio', bodies: [], capacity: '' });
    const id = r.headers.get('location')!.split('/').pop()!;
    await p('m2').post(`/es/events/${id}/register`, { sector: 'civil_society' });
    const start = (await ctx.db.selectFrom('events').select('starts_at').where('id', '=', id).executeTakeFirstOrThrow()).starts_at;
    const dayBefore = new Date(new Date(start).getTime() - 20 * 3600_000);
    const tx = eventsTx(ctx.db, ctx.deps);
    expect(await sendReminders(tx, dayBefore)).toBeGreaterThanOrEqual(1);
    expect(await sendReminders(tx, dayBefore)).toBe(0);
    const mails = await ctx.db.selectFrom('outbox').select('subject').where('to_address', '=', 'm2@ev.test').where('kind', '=', 'events.reminder').execute();
    expect(mails.filter((m) => m.subject === 'Mañana: Recordatorio')).toHaveLength(1);
  });

  it('demo data: the 2023 Santiago workshop is a past event', async () => {
    await ctx.db.deleteFrom('events').execute();
    const adminId = (await ctx.db.selectFrom('users').select('id').where('role', '=', 'admin').executeTakeFirstOrThrow()).id;
    await demoEvents({ db: ctx.db, dialect, log: ctx.deps.log, adminId });
    await demoEvents({ db: ctx.db, dialect, log: ctx.deps.log, adminId });
    expect(await ctx.db.selectFrom('events').select('id').execute()).toHaveLength(3);
    // The workshop has its materials and published minutes; the Regional Network's conversatorio, the representation.
    const ws = (await ctx.db.selectFrom('events').select(['id', 'title']).execute()).find((e) => e.title.includes('Hybrid workshop'))!;
    const wsPage = await (await anon.get(`/en/events/${ws.id}`)).text();
    expect(wsPage).toContain('[Demo] Programa del taller');
    expect(wsPage).toContain('After the event');
    expect(wsPage).toContain('Consolidar insumos para el Conversatorio Multiactoral');
    expect(wsPage).toContain('Share the studies');
    const conv = (await ctx.db.selectFrom('events').select(['id', 'external_by']).where('external_by', 'is not', null).executeTakeFirstOrThrow()).id;
    expect(await (await anon.get(`/en/events/${conv}`)).text()).toContain('consolidated inputs');
    const page = await (await anon.get('/en/events')).text();
    expect(page).toContain('[Demo] Multi-stakeholder dialogue');
    const pastPage = await (await anon.get('/en/events?when=past')).text();
    expect(pastPage.slice(pastPage.indexOf('<h2>Past</h2>'))).toContain('Hybrid workshop on migration narratives');
    // Upcoming public events on the home page and on their objective's page.
    const fresh = ctx.client();
    expect(await (await fresh.get('/en/?events=1')).text()).toContain('[Demo] Multi-stakeholder dialogue');
    expect(await (await fresh.get('/en/objectives/17')).text()).toContain('[Demo] Multi-stakeholder dialogue');
  });
});
