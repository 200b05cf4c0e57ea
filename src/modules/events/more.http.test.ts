/**
 * Events over HTTP on both engines, the second part: registration questions and their answers (members and people
 * without an account, shown to the organizers and in the CSV), the seat confirmation carrying the event's .ics,
 * materials (files checked by their bytes, links, by audience), representation at others' events, and where events
 * appear on a body's page and in its members' area.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createTestContext, DIALECTS, signUpAndIn, type TestContext, type TestClient } from '../../../tests/support/context.js';
import { makeOrganization, addPerson } from '../membership/factories.js';
import { addBodyMember, assignPositions, getBodyBySlug } from '../bodies/index.js';

const future = (days: number, hour = '18:00') => `${new Date(Date.now() + days * 86400000).toISOString().slice(0, 10)}T${hour}`;

describe.each(DIALECTS)('events: questions, materials, representation (%s)', (dialect) => {
  let ctx: TestContext;
  let admin: TestClient;
  let anon: TestClient;
  const people: Record<string, { client: TestClient; userId: string }> = {};
  let bodyId = '';
  let eventId = '';

  beforeAll(async () => {
    ctx = await createTestContext(dialect);
    admin = await ctx.admin();
    anon = ctx.client();
    bodyId = (await getBodyBySlug(ctx.db, 'mt1'))!.id;
    for (const name of ['secretary', 'delegate', 'm1', 'outsider']) people[name] = await signUpAndIn(ctx, `${name}@evq.test`, `Persona ${name}`);
    const org = await makeOrganization(ctx.db, { name: 'Org Preguntas', status: 'member' });
    await addBodyMember(ctx.db, bodyId, org.id);
    for (const n of ['secretary', 'delegate', 'm1']) await addPerson(ctx.db, org.id, people[n]!.userId);
    await assignPositions(ctx.db, null, {
      bodyId,
      assignments: [
        { position: 'secretary', userId: people.secretary!.userId, orgId: org.id, holderName: 'Persona secretary' },
        { position: 'principal_delegate', userId: people.delegate!.userId, orgId: org.id, holderName: 'Persona delegate' },
      ],
      startsOn: '2020-01-01',
      endsOn: null,
      source: 'appointment',
    });
  }, 90_000);
  afterAll(() => ctx?.close());

  const p = (n: string) => people[n]!.client;
  const form = (over: Record<string, string | string[]> = {}) => ({
    kind: 'workshop',
    original_lang: 'es',
    title_es: 'Taller con preguntas',
    description_es: 'Descripción',
    bodies: [bodyId],
    objectives: ['17'],
    time_zone: 'America/Santiago',
    starts_at: future(12),
    ends_at: future(12, '20:00'),
    format: 'hybrid',
    venue_city: 'Santiago',
    venue_country: 'CL',
    online_url: 'https://meet.example.org/q',
    visibility: 'public',
    registration_mode: 'open',
    capacity: '',
    ...over,
  });
  const idOf = (r: Response) => r.headers.get('location')!.split('/').pop()!;

  it('lets the organizers set questions, refusing an incomplete one at its field; others may not', async () => {
    eventId = idOf(await p('secretary').post('/es/events/new', form()));
    const url = `/es/events/${eventId}/questions`;
    expect((await anon.get(url)).status).toBe(303);
    expect((await p('m1').get(url)).status).toBe(403);
    expect((await p('m1').post(url, { question_0_kind: 'text', question_0_label: 'x' })).status).toBe(403);
    expect((await p('secretary').get(url)).status).toBe(200);
    const noLabel = await p('secretary').post(url, { question_0_kind: 'text' });
    expect(noLabel.status).toBe(422);
    expect(await noLabel.text()).toContain('id="f-question_0_label-error"');
    const oneChoice = await p('secretary').post(url, { question_0_kind: 'choice', question_0_label: 'Almuerzo', question_0_choices: 'Sí' });
    expect(oneChoice.status).toBe(422);
    expect(await oneChoice.text()).toContain('id="f-question_0_choices-error"');
    expect(await ctx.db.selectFrom('event_questions').select('id').where('event_id', '=', eventId).execute()).toHaveLength(0);
    const ok = await p('secretary').post(url, {
      question_0_kind: 'text',
      question_0_label: '¿Qué <b>experiencia</b> traes?',
      question_0_required: 'on',
      question_1_kind: 'choice',
      question_1_label: 'Almuerzo',
      question_1_choices: 'Vegetariano\r\nSin restricciones\r\n',
      question_2_kind: 'accessibility',
      question_3_kind: 'interpretation',
    });
    expect(ok.status).toBe(303);
    const qs = await ctx.db.selectFrom('event_questions').selectAll().where('event_id', '=', eventId).orderBy('position').execute();
    expect(qs.map((q) => q.kind)).toEqual(['text', 'choice', 'accessibility', 'interpretation']);
    expect(JSON.parse(qs[1]!.choices!)).toEqual(['Vegetariano', 'Sin restricciones']);
    // Saving again keeps the questions' identities (answers stay with them).
    const page = await (await p('secretary').get(url)).text();
    expect(page).toContain(`value="${qs[0]!.id}"`);
  });

  it('asks the questions when registering (members and people without an account), checking each answer at its field', async () => {
    const qs = await ctx.db.selectFrom('event_questions').selectAll().where('event_id', '=', eventId).orderBy('position').execute();
    const [text, choice, access, interp] = qs.map((q) => `answer_${q.id}`) as [string, string, string, string];
    const page = await (await anon.get(`/es/events/${eventId}`)).text();
    expect(page).toContain('¿Qué &lt;b&gt;experiencia&lt;/b&gt; traes?');
    expect(page).toContain('¿Tienes necesidades de accesibilidad');
    const count = async () => (await ctx.db.selectFrom('event_registrations').select('id').where('event_id', '=', eventId).execute()).length;
    const missing = await p('m1').post(`/es/events/${eventId}/register`, { sector: 'civil_society' });
    expect(missing.status).toBe(422);
    expect(await missing.text()).toContain(`id="f-${text}-error"`);
    const badChoice = await p('m1').post(`/es/events/${eventId}/register`, { sector: 'civil_society', [text]: 'Mucha', [choice]: 'Carne' });
    expect(badChoice.status).toBe(422);
    expect(await badChoice.text()).toContain(`id="f-${choice}-error"`);
    expect((await p('m1').post(`/es/events/${eventId}/register`, { sector: 'civil_society', [text]: 'Mucha', [interp]: 'de' })).status).toBe(422);
    expect(await count()).toBe(0);
    expect((await p('m1').post(`/es/events/${eventId}/register`, { sector: 'civil_society', [text]: 'Diez años', [choice]: 'Vegetariano', [access]: 'Rampa', [interp]: 'pt' })).status).toBe(303);
    expect((await anon.post(`/es/events/${eventId}/guest`, { name: 'Invitada', email: 'guest@evq.test', sector: 'government' })).status).toBe(422);
    expect((await anon.post(`/es/events/${eventId}/guest`, { name: 'Invitada', email: 'guest@evq.test', sector: 'government', [text]: 'Ninguna', [interp]: 'fr' })).status).toBe(303);
    expect(await count()).toBe(2);
    // The organizers see the answers beside each person, and in the CSV; nobody else gets the CSV.
    const regs = await (await p('secretary').get(`/es/events/${eventId}/registrations`)).text();
    expect(regs).toContain('Diez años');
    expect(regs).toContain('Português');
    expect(regs).toContain('Français');
    const csvUrl = `/es/events/${eventId}/registrations.csv`;
    expect((await p('m1').get(csvUrl)).status).toBe(403);
    expect((await anon.get(csvUrl)).status).toBe(303);
    const csv = await p('secretary').get(csvUrl);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const body = await csv.text();
    expect(body).toContain('¿Qué <b>experiencia</b> traes?');
    expect(body).toContain('Diez años');
    expect(body).toContain('Vegetariano');
    expect(body).toContain('Rampa');
    expect(body).toContain('guest@evq.test');
  });

  it('sends the event’s .ics with the confirmation of a seat (in the person’s language), not with other mails', async () => {
    const seat = await ctx.db.selectFrom('outbox').select(['attachments', 'subject']).where('to_address', '=', 'm1@evq.test').where('kind', '=', 'events.registration').executeTakeFirstOrThrow();
    const files = JSON.parse(seat.attachments!) as { filename: string; contentType: string; content: string }[];
    expect(files).toHaveLength(1);
    expect(files[0]!.filename).toBe(`event-${eventId}.ics`);
    expect(files[0]!.contentType).toContain('text/calendar');
    expect(files[0]!.content).toContain('BEGIN:VCALENDAR\r\n');
    expect(files[0]!.content).toContain(`UID:event-${eventId}@`);
    expect(files[0]!.content).toContain('SUMMARY:Taller con preguntas');
    // The guest's address confirmation carries none; their seat's confirmation does.
    const confirm = await ctx.db.selectFrom('outbox').select(['attachments']).where('to_address', '=', 'guest@evq.test').executeTakeFirstOrThrow();
    expect(confirm.attachments).toBeNull();
    const token = (await ctx.db.selectFrom('event_registrations').select('token').where('email', '=', 'guest@evq.test').executeTakeFirstOrThrow()).token;
    expect((await anon.post(`/es/events/${eventId}/r/${token}/confirm`)).status).toBe(303);
    const rows = await ctx.db.selectFrom('outbox').select(['attachments']).where('to_address', '=', 'guest@evq.test').where('kind', '=', 'events.registration').execute();
    expect(rows.some((r) => r.attachments?.includes('BEGIN:VEVENT'))).toBe(true);
  });

  it('keeps materials: files checked by their bytes, links, before and after, shown by audience', async () => {
    const url = `/es/events/${eventId}/materials`;
    const upload = (title: string, file: File | null, extra: Record<string, string> = {}) => {
      const f = new FormData();
      f.append('title', title);
      f.append('kind', file ? 'file' : 'link');
      f.append('phase', extra.phase ?? 'before');
      f.append('audience', extra.audience ?? 'public');
      if (extra.url) f.append('url', extra.url);
      if (file) f.append('file', file);
      return f;
    };
    const pdf = () => new File([Buffer.from('%PDF-1.4\n%agenda\n')], 'agenda del taller.pdf', { type: 'application/pdf' });
    expect((await p('m1').postMultipart(url, upload('Agenda', pdf()))).status).toBe(403);
    expect((await p('m1').get(url)).status).toBe(403);
    const fake = await p('secretary').postMultipart(url, upload('Truco', new File([Buffer.from('<html><script>alert(1)</script>')], 'truco.pdf')));
    expect(fake.status).toBe(422);
    expect(await fake.text()).toContain('id="f-file-error"');
    const badLink = await p('secretary').postMultipart(url, upload('Grabación', null, { url: 'javascript:alert(1)' }));
    expect(badLink.status).toBe(422);
    expect(await badLink.text()).toContain('id="f-url-error"');
    expect(await ctx.db.selectFrom('event_materials').select('id').where('event_id', '=', eventId).execute()).toHaveLength(0);
    expect((await p('secretary').postMultipart(url, upload('Agenda', pdf()))).status).toBe(303);
    expect((await p('secretary').postMultipart(url, upload('Presentación para participantes', pdf(), { audience: 'participants' }))).status).toBe(303);
    expect((await p('secretary').postMultipart(url, upload('Grabación', null, { url: 'https://video.example.org/rec', phase: 'after' }))).status).toBe(303);
    const ms = await ctx.db.selectFrom('event_materials').selectAll().where('event_id', '=', eventId).orderBy('created_at').execute();
    const [agenda, privateOne] = [ms.find((m) => m.title === 'Agenda')!, ms.find((m) => m.audience === 'participants')!];
    // Visitors see the public materials; participants (a seat) and organizers also the others.
    const visitor = await (await anon.get(`/es/events/${eventId}`)).text();
    expect(visitor).toContain('Agenda');
    expect(visitor).toContain('https://video.example.org/rec');
    expect(visitor).toContain('Después del evento');
    expect(visitor).not.toContain('Presentación para participantes');
    expect(await (await p('m1').get(`/es/events/${eventId}`)).text()).toContain('Presentación para participantes');
    expect(await (await p('outsider').get(`/es/events/${eventId}`)).text()).not.toContain('Presentación para participantes');
    const file = await anon.get(`/es/events/${eventId}/materials/${agenda.id}`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toContain('attachment');
    expect(file.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await file.text()).startsWith('%PDF')).toBe(true);
    expect((await p('outsider').get(`/es/events/${eventId}/materials/${privateOne.id}`)).status).toBe(403);
    expect((await anon.get(`/es/events/${eventId}/materials/${privateOne.id}`)).status).toBe(303);
    expect((await p('m1').get(`/es/events/${eventId}/materials/${privateOne.id}`)).status).toBe(200);
    // Removing: only the organizers; the file goes too.
    expect((await p('m1').post(`/es/events/${eventId}/materials/${agenda.id}/remove`)).status).toBe(403);
    expect((await p('secretary').post(`/es/events/${eventId}/materials/${agenda.id}/remove`)).status).toBe(303);
    expect((await anon.get(`/es/events/${eventId}/materials/${agenda.id}`)).status).toBe(404);
  });

  it('records the Mechanism’s representation at an external event, and shows it on the event, the body’s page and its area', async () => {
    const ext = idOf(await p('secretary').post('/es/events/new', form({ title_es: 'Conversatorio de la Red', external_by: 'un_network', external_organizer: 'Red Regional de la ONU', starts_at: future(-40), ends_at: future(-40, '20:00') })));
    expect((await p('secretary').post('/es/events/new', form({ external_by: 'government' }))).status).toBe(422);
    // The Mechanism's own event has no representation page.
    expect((await p('secretary').get(`/es/events/${eventId}/representation`)).status).toBe(404);
    const url = `/es/events/${ext}/representation`;
    expect((await p('m1').get(url)).status).toBe(403);
    const page = await (await p('secretary').get(url)).text();
    expect(page).toContain('Persona delegate');
    const notHolder = await p('secretary').post(url, { representatives: [`${bodyId}:${people.m1!.userId}`] });
    expect(notHolder.status).toBe(422);
    expect(await notHolder.text()).toContain('id="f-representatives-error"');
    expect(await ctx.db.selectFrom('event_representatives').select('user_id').execute()).toHaveLength(0);
    expect((await p('secretary').post(url, { representatives: [`${bodyId}:${people.delegate!.userId}`], mandate_es: 'Llevar **las prioridades** de la Mesa.', report_es: 'Se acordó <script>alert(1)</script> un seguimiento.' })).status).toBe(303);
    const shown = await (await anon.get(`/es/events/${ext}`)).text();
    expect(shown).toContain('Red Regional de la ONU');
    expect(shown).toContain('Persona delegate');
    expect(shown).toContain('<strong>las prioridades</strong>');
    expect(shown).not.toContain('<script>alert(1)');
    const rep = await ctx.db.selectFrom('event_representation').selectAll().where('event_id', '=', ext).executeTakeFirstOrThrow();
    expect(rep.reported_at).toBeTruthy();
    // The body's page: its upcoming events and its representations, counted over twelve months.
    const body = await (await anon.get('/es/bodies/mt1')).text();
    expect(body).toContain('Próximos eventos');
    expect(body).toContain(`/es/events/${eventId}`);
    expect(body).toContain('Representación en eventos de otros');
    expect(body).toContain('1 representación en los últimos doce meses, 1 con informe.');
    // The members' area shows the body's events too; a body-only event only to those who may see it.
    const hidden = idOf(await p('secretary').post('/es/events/new', form({ title_es: 'Reunión interna', visibility: 'body', visibility_body: bodyId })));
    const area = await (await p('m1').get('/es/bodies/mt1/area')).text();
    expect(area).toContain('Eventos de esta Mesa');
    expect(area).toContain(`/es/events/${hidden}`);
    expect(await (await anon.get('/es/bodies/mt1')).text()).not.toContain(`/es/events/${hidden}`);
  });

  it('gives a person their registrations with their answers, and forgets them (answers deleted) with their account', async () => {
    const { eventsPersonalData, eventsForgetPerson } = await import('./personal.js');
    const data = await eventsPersonalData(ctx.db, people.m1!.userId);
    const mine = data.registrations.find((r) => r.event === eventId)!;
    expect(mine.answers.map((a) => a.answer)).toEqual(expect.arrayContaining(['Diez años', 'Rampa', 'pt']));
    await ctx.db.transaction().execute((trx) => eventsForgetPerson(trx, people.m1!.userId));
    const row = await ctx.db.selectFrom('event_registrations').selectAll().where('email', 'like', 'forgotten-%').executeTakeFirstOrThrow();
    expect(row.user_id).toBeNull();
    expect(row.name).toBe('—');
    expect(await ctx.db.selectFrom('event_answers').select('value').where('registration_id', '=', row.id).execute()).toHaveLength(0);
    expect((await eventsPersonalData(ctx.db, people.m1!.userId)).registrations).toHaveLength(0);
  });
});
