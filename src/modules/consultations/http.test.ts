/**
 * Consultations over HTTP on both engines: a secretary designs one (a ranking of the objectives, a choice and a
 * question shown only after one of its answers), the clock opens it, representatives answer (refusals beside
 * each question, nothing stored), twenty submissions of one organization at once leave one answer and twenty
 * history entries, the clock reminds once and closes it, and the results and the CSV count it all.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createTestContext, DIALECTS, signUpAndIn, type TestContext, type TestClient } from '../../../tests/support/context.js';
import { makeOrganization, addPerson } from '../membership/factories.js';
import { addBodyMember, assignPositions, getBodyBySlug } from '../bodies/index.js';
import { consultationClock } from './jobs.js';
import { consultationTopItems, agendaFromConsultation } from './index.js';

describe.each(DIALECTS)('consultations over HTTP (%s)', (dialect) => {
  let ctx: TestContext;
  let anon: TestClient;
  const people: Record<string, { client: TestClient; userId: string }> = {};
  const orgs: Record<string, string> = {};
  let id = '';
  const q: Record<string, string> = {};
  const reps = Array.from({ length: 10 }, (_, i) => `rep${i}`);

  beforeAll(async () => {
    // The page cache on, as in production: what pages keep (the members' area's open consultations) must follow writes.
    ctx = await createTestContext(dialect, { PAGE_CACHE_TTL: '60' });
    anon = ctx.client();
    const body = (await getBodyBySlug(ctx.db, 'mt2'))!;
    for (const name of ['secretary', 'voterA', 'voterB', 'outsider', ...reps]) people[name] = await signUpAndIn(ctx, `${name.toLowerCase()}@co.test`, `Persona ${name}`);
    for (const key of ['a', 'b', 'x']) {
      orgs[key] = (await makeOrganization(ctx.db, { name: `Org ${key.toUpperCase()}`, status: 'member' })).id;
      if (key !== 'x') await addBodyMember(ctx.db, body.id, orgs[key]!);
    }
    await addPerson(ctx.db, orgs.a!, people.secretary!.userId, { representative: true });
    await addPerson(ctx.db, orgs.a!, people.voterA!.userId, { representative: true, voter: true });
    await addPerson(ctx.db, orgs.b!, people.voterB!.userId, { representative: true, voter: true });
    await addPerson(ctx.db, orgs.x!, people.outsider!.userId, { representative: true, voter: true });
    for (const r of reps) await addPerson(ctx.db, orgs.b!, people[r]!.userId, { representative: true });
    const r = await assignPositions(ctx.db, null, { bodyId: body.id, assignments: [{ position: 'secretary', userId: people.secretary!.userId, orgId: orgs.a!, holderName: 'Persona secretary' }], startsOn: '2020-01-01', endsOn: null, source: 'appointment' });
    expect(r.ok).toBe(true);
  }, 120_000);
  afterAll(() => ctx?.close());

  const p = (name: string) => people[name]!.client;
  const url = (rest = '') => `/es/consultations/${id}${rest}`;

  it('lets the secretary design a consultation of their Mesa, with translated refusals', async () => {
    expect((await p('voterA').get('/es/consultations/new')).status).toBe(403);
    const bad = await p('secretary').post('/es/consultations/new', { body: 'mt2', audience: 'body', title_es: '', closes_on: '2020-01-01', opens_on: '2021-01-01' });
    expect(bad.status).toBe(422);
    const html = await bad.text();
    expect(html).toContain('Escriba el título en al menos un idioma.');
    expect(html).toContain('El cierre no puede ser antes de la apertura.');
    expect((await p('secretary').post('/es/consultations/new', { body: 'mt1', audience: 'body', title_es: 'Otra mesa' })).status).toBe(403);
    const ok = await p('secretary').post('/es/consultations/new', {
      body: 'mt2',
      audience: 'body',
      title_es: 'Áreas prioritarias <script>',
      title_en: 'Priority areas',
      purpose_es: 'Preparar el conversatorio.',
      opens_on: '2030-01-01',
      closes_on: '2030-01-31',
    });
    expect(ok.status).toBe(303);
    id = ok.headers.get('location')!.split('/').pop()!;
    expect(id).toMatch(/^[0-9a-z]{16}$/);
    expect((await anon.get(url())).status).toBe(303);
    expect((await p('voterA').get(url())).status).toBe(403);
    const page = await (await p('secretary').get(url())).text();
    expect(page).toContain('Áreas prioritarias &lt;script&gt;');

    const add = (form: Record<string, string>) => p('secretary').post(url('/questions/new'), form);
    expect((await add({ kind: 'rank', prompt_es: 'Ordene', source: '' })).status).toBe(422);
    expect((await add({ kind: 'one', prompt_es: 'X', source: 'custom', items_es: 'Sí\nNo', items_en: 'Yes' })).status).toBe(422);
    expect((await add({ kind: 'rank', required: 'on', prompt_es: 'Sus 3 objetivos prioritarios', source: 'objectives', max_n: '3' })).status).toBe(303);
    expect((await add({ kind: 'one', required: 'on', prompt_es: '¿Organiza actividades?', source: 'custom', items_es: 'Sí\nNo', items_en: 'Yes\nNo' })).status).toBe(303);
    const rows = await ctx.db.selectFrom('consultation_questions').select(['id', 'position']).where('consultation_id', '=', id).orderBy('position').execute();
    q.rank = rows[0]!.id;
    q.one = rows[1]!.id;
    expect((await add({ kind: 'short', required: 'on', prompt_es: '¿Cuáles?', show_if: `${q.one}:1` })).status).toBe(303);
    expect((await add({ kind: 'scale', prompt_es: 'Satisfacción', low_es: 'Nada', high_es: 'Mucho' })).status).toBe(303);
    const all = await ctx.db.selectFrom('consultation_questions').select(['id', 'position', 'kind']).where('consultation_id', '=', id).orderBy('position').execute();
    expect(all.map((r) => r.kind)).toEqual(['rank', 'one', 'short', 'scale']);
    q.text = all[2]!.id;
    q.scale = all[3]!.id;
    expect(await (await p('secretary').get(url('/questions/new'))).text()).toContain('¿Organiza actividades? = Sí');
  });

  it('is opened by the clock on time (GETs never open it), and tells the Mesa’s organizations', async () => {
    expect((await p('voterA').get(url())).status).toBe(403);
    // The members' area keeps the body's open consultations (none yet): the clock's opening must empty that.
    expect(await (await p('voterA').get('/es/bodies/mt2/area')).text()).not.toContain('consulta por responder');
    await consultationClock(ctx.deps, '2029-12-31T23:00:00.000Z');
    expect((await ctx.db.selectFrom('consultations').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status).toBe('draft');
    await consultationClock(ctx.deps, '2030-01-01T00:00:01.000Z');
    await consultationClock(ctx.deps, '2030-01-01T00:00:02.000Z');
    expect((await ctx.db.selectFrom('consultations').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status).toBe('open');
    const mail = await ctx.db.selectFrom('outbox').select('to_address').where('kind', '=', 'consultations.opened').execute();
    expect(mail.map((m) => m.to_address).sort()).toEqual(['votera@co.test', 'voterb@co.test']);
    expect((await anon.get(url())).status).toBe(200);
    expect(await (await anon.get('/es/')).text()).toContain(`href="/es/consultations/${id}"`);
    // Its organizers read its history as sentences; others do not see it.
    const organizer = await (await p('secretary').get(url())).text();
    expect(organizer).toContain('Se abrió la consulta Áreas prioritarias &lt;script&gt;');
    expect(organizer).toContain('agregó una pregunta a Áreas prioritarias');
    expect(await (await anon.get(url())).text()).not.toContain('Se abrió la consulta');
    // The clock's times are in 2030; the answer command compares with the real time, which is before the close.
  });

  it('takes an answer from a representative, refusing bad input beside each question with nothing stored', async () => {
    // The Mesa's members' area says what is waiting; its public page lists the open consultation.
    expect(await (await p('voterA').get('/es/bodies/mt2/area')).text()).toContain('Su organización tiene 1 consulta por responder');
    expect(await (await anon.get('/es/bodies/mt2')).text()).toContain('Áreas prioritarias &lt;script&gt;');
    expect((await p('outsider').get(url('/answer'))).status).toBe(403);
    expect((await p('outsider').post(url('/answer'), { org: orgs.x! })).status).toBe(403);
    const form = await (await p('voterA').get(url('/answer'))).text();
    expect(form).toContain('Responda solo si en la pregunta 2');
    const bad = await p('voterA').post(url('/answer'), { org: orgs.a!, [`q_${q.rank}_4`]: '1', [`q_${q.rank}_8`]: '1', [`q_${q.one}`]: '2', [`q_${q.text}`]: 'No corresponde', [`q_${q.scale}`]: '9' });
    expect(bad.status).toBe(422);
    const html = await bad.text();
    expect(html).toContain('Use cada número una sola vez');
    expect(html).toContain('Esta pregunta no corresponde');
    expect(html).toContain('value="No corresponde"');
    expect((await p('voterA').post(url('/answer'), { org: orgs.b!, [`q_${q.rank}_4`]: '1', [`q_${q.one}`]: '2' })).status).toBe(422);
    expect(await ctx.db.selectFrom('consultation_answers').selectAll().execute()).toHaveLength(0);
    // Nothing is answered, but what was typed is kept as the organization's draft on the server, and offered back.
    // (The second refusal was for an organization voterA does not answer for: no draft for it.)
    const drafts = await ctx.db.selectFrom('consultation_drafts').selectAll().execute();
    expect(drafts.map((d) => d.respondent)).toEqual([orgs.a]);
    expect(JSON.parse(drafts[0]!.answers)).toMatchObject({ org: orgs.a, [`q_${q.text}`]: 'No corresponde' });
    const restored = await (await p('voterA').get(url('/answer'))).text();
    expect(restored).toContain('Este es el borrador guardado');
    expect(restored).toContain('value="No corresponde"');
    // "Save draft" keeps an incomplete answer without checking it; submitting drops the draft.
    expect((await p('voterA').post(url('/answer/draft'), { org: orgs.a!, [`q_${q.text}`]: 'A medias' })).status).toBe(303);
    expect(await (await p('voterA').get(url('/answer'))).text()).toContain('value="A medias"');
    expect((await p('outsider').post(url('/answer/draft'), { org: orgs.a!, [`q_${q.text}`]: 'x' })).status).toBe(403);
    const good = await p('voterA').post(url('/answer'), { org: orgs.a!, [`q_${q.rank}_4`]: '1', [`q_${q.rank}_8`]: '2', [`q_${q.rank}_13`]: '3', [`q_${q.one}`]: '1', [`q_${q.text}`]: '<b>Talleres</b>', [`q_${q.scale}`]: '4' });
    expect(good.status).toBe(303);
    const row = await ctx.db.selectFrom('consultation_answers').selectAll().where('respondent', '=', orgs.a!).executeTakeFirstOrThrow();
    expect(row.submitted_by).toBe(people.voterA!.userId);
    expect(JSON.parse(row.answers)).toEqual({ [q.rank!]: ['4', '8', '13'], [q.one!]: '1', [q.text!]: '<b>Talleres</b>', [q.scale!]: 4 });
    expect(await ctx.db.selectFrom('consultation_drafts').selectAll().where('respondent', '=', orgs.a!).execute()).toHaveLength(0);
    expect(await (await p('voterA').get('/es/bodies/mt2/area')).text()).not.toContain('consulta por responder');
    // Another representative sees it, and changes it.
    const again = await (await p('secretary').get(url('/answer'))).text();
    expect(again).toContain('versión 1');
    expect((await p('secretary').post(url('/answer'), { org: orgs.a!, [`q_${q.rank}_4`]: '1', [`q_${q.rank}_8`]: '2', [`q_${q.one}`]: '2' })).status).toBe(303);
    const changed = await ctx.db.selectFrom('consultation_answers').selectAll().where('respondent', '=', orgs.a!).executeTakeFirstOrThrow();
    expect([changed.submitted_by, Number(changed.version)]).toEqual([people.secretary!.userId, 2]);
  });

  it('leaves exactly one answer when twenty submissions of one organization arrive at once, and a history of each', async () => {
    const posts = reps.flatMap((r, i) =>
      [0, 1].map((j) => p(r).post(url('/answer'), { org: orgs.b!, [`q_${q.rank}_${(i % 23) + 1}`]: '1', [`q_${q.one}`]: '2', [`q_${q.scale}`]: String((j % 5) + 1) })),
    );
    const res = await Promise.all(posts);
    expect(res.map((r) => r.status)).toEqual(Array(20).fill(303));
    const rows = await ctx.db.selectFrom('consultation_answers').selectAll().where('respondent', '=', orgs.b!).execute();
    expect(rows).toHaveLength(1);
    expect(Number(rows[0]!.version)).toBe(20);
    const history = await ctx.db.selectFrom('audit_log').select(['actor_id', 'data']).where('subject_id', '=', `${id}:${orgs.b}`).execute();
    expect(history).toHaveLength(20);
    const last = history.map((h) => JSON.parse(h.data!)).find((d) => d.version === 20);
    expect(JSON.parse(rows[0]!.answers)).toEqual(last.answers);
    expect(Number((await ctx.db.selectFrom('consultations').select('answer_count').where('id', '=', id).executeTakeFirstOrThrow()).answer_count)).toBe(2);
  });

  it('reminds the organizations that have not answered once, closes on time, and publishes the counts', async () => {
    await ctx.db.deleteFrom('consultation_answers').where('respondent', '=', orgs.b!).execute();
    await consultationClock(ctx.deps, '2030-01-29T10:00:00.000Z');
    await consultationClock(ctx.deps, '2030-01-29T10:01:00.000Z');
    const reminded = await ctx.db.selectFrom('outbox').select('to_address').where('kind', '=', 'consultations.reminder').execute();
    expect(reminded.map((m) => m.to_address)).toEqual(['voterb@co.test']);
    expect((await anon.get(url('/results'))).status).toBe(303);
    expect((await p('secretary').get(url('/results'))).status).toBe(200);
    await consultationClock(ctx.deps, '2030-02-01T00:00:00.000Z');
    expect((await p('voterB').post(url('/answer'), { org: orgs.b!, [`q_${q.one}`]: '2' })).status).toBe(403);
    // Closed, the results wait for the organizers (the default): not public until they publish them, once.
    expect((await anon.get(url('/results'))).status).toBe(303);
    expect((await anon.get(`/api/v1/consultations/${id}/results`)).status).toBe(404);
    expect(await (await p('secretary').get(url())).text()).toContain('Publicar los resultados');
    expect((await p('voterA').post(url('/results/publish'))).status).toBe(403);
    const published = await p('secretary').post(url('/results/publish'));
    expect(published.status).toBe(303);
    expect((await p('secretary').post(url('/results/publish'))).status).toBe(403);
    const results = await anon.get(url('/results'));
    expect(results.status).toBe(200);
    const html = await results.text();
    expect(html).toContain('Recuento de Borda');
    expect(html).toContain('Método de Schulze');
    expect(html).toContain('<svg');
    expect(html).not.toContain('Org A');
    const csv = await p('secretary').get(url('/answers.csv'));
    expect(csv.status).toBe(200);
    const text = await csv.text();
    expect(text).toContain('Org A');
    expect(text).toContain('4 > 8');
    expect((await p('voterA').get(url('/answers.csv'))).status).toBe(403);
    const json = (await (await p('secretary').get(url('/answers.json'))).json()) as { questions: { kind: string }[]; answers: unknown[] };
    expect(json.questions.map((x: { kind: string }) => x.kind)).toEqual(['rank', 'one', 'short', 'scale']);
    expect(json.answers).toEqual([expect.objectContaining({ organization: expect.objectContaining({ name: 'Org A' }), version: 2, answers: [['4', '8'], '2', null, null] })]);
    const api = (await (await anon.get(`/api/v1/consultations/${id}/results?lang=en`)).json()) as { data: { status: string }; questions: { kind: string; answers: number; result: { borda?: { key: string; place: number; points: number }[] } }[] };
    expect(api.data.status).toBe('closed');
    expect(api.questions[0]!.result.borda!.slice(0, 2)).toEqual([expect.objectContaining({ key: '4', place: 1, points: 2 }), expect.objectContaining({ key: '8', place: 2, points: 1 })]);
    // The organizers' page offers to make the ranking the Mesa's priorities, its form carrying each one's own CSRF
    // secret (the page is kept as a template: the field is filled per request); the members' page does not.
    const secretary = p('secretary');
    const mine = await (await secretary.get(url('/results'))).text();
    const form = mine.slice(mine.indexOf(`/questions/${q.rank}/prioritize`));
    expect(form.slice(0, form.indexOf('</form>'))).toContain(`name="_csrf" value="${await secretary.csrf()}"`);
    expect(await (await p('voterA').get(url('/results'))).text()).not.toContain(`/questions/${q.rank}/prioritize`);
    expect((await p('voterA').post(url(`/questions/${q.rank}/prioritize`), { count: '2' })).status).toBe(403);
    const tooMany = await p('secretary').post(url(`/questions/${q.rank}/prioritize`), { count: '3' });
    expect(tooMany.status).toBe(303);
    expect((await getBodyBySlug(ctx.db, 'mt2'))!.objectives).not.toEqual([4, 8]);
    const prioritized = await p('secretary').post(url(`/questions/${q.rank}/prioritize`), { count: '2' });
    expect(prioritized.headers.get('location')).toBe('/es/bodies/mt2');
    expect((await getBodyBySlug(ctx.db, 'mt2'))!.objectives).toEqual([4, 8]);
    const top = await consultationTopItems(ctx.db, id, q.rank!, 2, 'en');
    expect(top.map((t) => t.key)).toEqual(['4', '8']);
    expect(top[0]!.label).toMatch(/^4\. /);
    // Into the agenda: the organizers draft a conversatorio from the ranking — the top objectives as agenda rows,
    // the body and objectives chosen, a link back to the result. Others get the plain form.
    expect(await (await p('secretary').get(url('/results'))).text()).toContain(`/es/events/new?consultation=${id}&amp;question=${q.rank}`);
    const agenda = await (await p('secretary').get(`/es/events/new?consultation=${id}&question=${q.rank}`)).text();
    expect(agenda).toMatch(/name="agenda_0_title"[^>]*value="4\. /);
    expect(agenda).toMatch(/name="agenda_1_title"[^>]*value="8\. /);
    expect(agenda).toContain(`/es/consultations/${id}/results`);
    expect(agenda).toMatch(/value="conversatorio"[^>]*checked|checked[^>]*value="conversatorio"|<option value="conversatorio" selected/);
    const plain = await (await ctx.admin()).get(`/es/events/new?consultation=${id}&question=zzzzzzzzzzzzzzzz`);
    expect(await plain.text()).not.toMatch(/name="agenda_0_title"[^>]*value="4\. /);
    // A representative who does not organize it gets nothing through this door.
    expect(await agendaFromConsultation(ctx.db, { id: people.voterA!.userId, name: 'Persona voterA', email: 'votera@co.test', role: 'member', locale: null, emailVerified: true }, id, q.rank!, 3, 'es')).toBeUndefined();
  });

  it('takes one confirmed answer per person when open to anyone with the link', async () => {
    const made = await p('secretary').post('/es/consultations/new', { body: 'mt2', audience: 'link', title_es: 'Consulta abierta', results_release: 'close' });
    const open = made.headers.get('location')!.split('/').pop()!;
    const at = (rest = '') => `/es/consultations/${open}${rest}`;
    expect((await p('secretary').post(at('/questions/new'), { kind: 'short', prompt_es: '¿Qué propone?', required: 'on' })).status).toBe(303);
    expect((await p('secretary').post(at('/open'))).status).toBe(303);
    const qid = (await ctx.db.selectFrom('consultation_questions').select('id').where('consultation_id', '=', open).executeTakeFirstOrThrow()).id;
    // Anyone: the form asks who answers; bad input is refused beside its field and nothing waits.
    const form = await anon.get(at('/answer'));
    expect(form.status).toBe(200);
    expect(await form.text()).toContain('name="email"');
    const bad = await anon.post(at('/answer'), { name: '', email: 'no-es-correo', [`q_${qid}`]: 'Algo' });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('Escriba su nombre');
    expect(await ctx.db.selectFrom('consultation_pending').selectAll().execute()).toHaveLength(0);
    const sent = await anon.post(at('/answer'), { name: 'Ana', email: 'Ana@Ejemplo.org', [`q_${qid}`]: 'Más talleres' });
    expect(sent.status).toBe(303);
    // Nothing counts until the person confirms from the mail; the link's secret is stored only as a hash.
    expect(await ctx.db.selectFrom('consultation_answers').selectAll().where('consultation_id', '=', open).execute()).toHaveLength(0);
    const mail = await ctx.db.selectFrom('outbox').select(['to_address', 'text_body']).where('kind', '=', 'consultations.confirmAnswer').executeTakeFirstOrThrow();
    expect(mail.to_address).toBe('ana@ejemplo.org');
    const link = new URL(mail.text_body.match(/https?:\/\/\S+\/confirm\/\S+/)![0]).pathname;
    const token = link.split('/').pop()!;
    expect(JSON.stringify(await ctx.db.selectFrom('consultation_pending').selectAll().execute())).not.toContain(token);
    expect((await anon.get(link)).status).toBe(200);
    expect((await anon.post(link.replace(token, 'x'.repeat(32)))).status).toBe(404);
    expect((await anon.post(link)).status).toBe(303);
    expect((await anon.post(link)).status).toBe(404);
    // Answering again from the same address replaces the answer: one per person.
    await anon.post(at('/answer'), { name: 'Ana', email: 'ana@ejemplo.org', [`q_${qid}`]: 'Mejor, redes' });
    const second = await ctx.db.selectFrom('outbox').select('text_body').where('kind', '=', 'consultations.confirmAnswer').orderBy('created_at', 'desc').execute();
    const link2 = new URL(second.map((m) => m.text_body.match(/https?:\/\/\S+\/confirm\/\S+/)![0]).find((u) => !u.endsWith(token))!).pathname;
    expect((await anon.post(link2)).status).toBe(303);
    const rows = await ctx.db.selectFrom('consultation_answers').selectAll().where('consultation_id', '=', open).execute();
    expect(rows.map((r) => [r.respondent, JSON.parse(r.answers)[qid], Number(r.version)])).toEqual([['email:ana@ejemplo.org', 'Mejor, redes', 2]]);
  });
});
