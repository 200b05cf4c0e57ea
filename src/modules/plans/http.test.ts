/**
 * Plans over HTTP on both engines: the factsheet's plans exist from the first start (about page, a Mesa's page);
 * a Mesa's secretary starts the Mesa's plan, imports it from CSV — every bad file refused with line-numbered
 * errors and nothing changed — previews and confirms it, reports indicator values (a word where a number is due is
 * refused), links an event (one the reader may not see is refused), approves it, and the history, the CSV export
 * (the same columns back) and the API follow.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createTestContext, DIALECTS, signUpAndIn, type TestContext, type TestClient } from '../../../tests/support/context.js';
import { makeOrganization, addPerson } from '../membership/factories.js';
import { addBodyMember, assignPositions, getBodyBySlug } from '../bodies/index.js';
import { CSV_COLUMNS } from './csv.js';

/** An event as its organizers post it (through the events module's own form). */
const eventForm = (title: string, bodyId: string, visibility: 'public' | 'body') => ({
  kind: 'workshop',
  original_lang: 'es',
  title_es: title,
  description_es: 'Descripción',
  bodies: [bodyId],
  objectives: ['4'],
  time_zone: 'America/Santiago',
  starts_at: '2026-03-10T10:00',
  ends_at: '2026-03-10T12:00',
  format: 'online',
  online_url: 'https://meet.example.org/abc',
  visibility,
  ...(visibility === 'body' ? { visibility_body: bodyId } : {}),
  registration_mode: 'open',
});

const HEAD = CSV_COLUMNS.join(',');
const row = (o: Partial<Record<(typeof CSV_COLUMNS)[number], string>>) => CSV_COLUMNS.map((c) => (o[c] ?? '').includes(',') ? `"${o[c]}"` : (o[c] ?? '')).join(',');

describe.each(DIALECTS)('plans over HTTP (%s)', (dialect) => {
  let ctx: TestContext;
  let anon: TestClient;
  let secretary: { client: TestClient; userId: string };
  let other: { client: TestClient; userId: string };
  let publicEvent = '';
  let hiddenEvent = '';
  let planId = '';

  beforeAll(async () => {
    ctx = await createTestContext(dialect);
    anon = ctx.client();
    const mt2 = (await getBodyBySlug(ctx.db, 'mt2'))!;
    const mt3 = (await getBodyBySlug(ctx.db, 'mt3'))!;
    secretary = await signUpAndIn(ctx, 'sec@plans.test', 'Secretaria Plan');
    other = await signUpAndIn(ctx, 'other@plans.test', 'Otra Persona');
    const org = await makeOrganization(ctx.db, { name: 'Org Plan', status: 'member' });
    await addPerson(ctx.db, org.id, secretary.userId, { representative: true });
    await addBodyMember(ctx.db, mt2.id, org.id);
    const r = await assignPositions(ctx.db, null, { bodyId: mt2.id, assignments: [{ position: 'secretary', userId: secretary.userId, orgId: org.id, holderName: 'Secretaria Plan' }], startsOn: '2020-01-01', endsOn: null, source: 'appointment' });
    expect(r.ok).toBe(true);
    const admin = await ctx.admin();
    const made = async (form: Record<string, string | string[]>) => {
      const r = await admin.post('/es/events/new', form);
      expect(r.status).toBe(303);
      return r.headers.get('location')!.split('/').pop()!;
    };
    publicEvent = await made(eventForm('Taller de narrativas', mt2.id, 'public'));
    hiddenEvent = await made(eventForm('Reunión interna de MT3', mt3.id, 'body'));
  }, 120_000);
  afterAll(() => ctx?.close());

  it('seeds the factsheet: the Mechanism’s 2023 plan on the about page, each Mesa’s 2022–23 actions done on its page', async () => {
    const about = await (await anon.get('/es/about')).text();
    expect(about).toContain('El plan del Mecanismo');
    expect(about).toContain('Generar mayor comunicación y visibilidad del Mecanismo');
    expect(about).toContain('Creación de un espacio digital dedicado al Mecanismo.');
    expect(about).not.toContain('Ejes estratégicos 2023');
    const mt3 = await (await anon.get('/en/bodies/mt3')).text();
    expect(mt3).toContain('Work plan');
    expect(mt3).toContain('Actions 2022–2023');
    expect(mt3).toMatch(/100\s?%/);
    const plans = (await (await anon.get('/api/v1/plans')).json()) as { data: { body: string | null; title: string; progress: number | null }[] };
    expect(plans.data.filter((p) => p.body === null)).toHaveLength(1);
    expect(plans.data.filter((p) => p.body !== null).map((p) => p.body).sort()).toEqual(['mt1', 'mt2', 'mt3', 'mt4', 'mv']);
    expect(plans.data.find((p) => p.body === 'mt2')!.progress).toBe(1);
    expect(plans.data.find((p) => p.body === null)!.progress).toBeNull();
  });

  it('lets a Mesa’s secretary start the Mesa’s plan, and nobody else', async () => {
    const mt2 = (await getBodyBySlug(ctx.db, 'mt2'))!;
    const mt1 = (await getBodyBySlug(ctx.db, 'mt1'))!;
    expect((await other.client.get('/es/plans/new')).status).toBe(403);
    expect((await secretary.client.post('/es/plans/new', { body: mt1.id, title_es: 'Ajeno', starts_on: '2026-01-01', ends_on: '2026-12-31', activity_share: '50' })).status).toBe(422);
    expect((await secretary.client.post('/es/plans/new', { body: '', title_es: 'Del Mecanismo', starts_on: '2026-01-01', ends_on: '2026-12-31', activity_share: '50' })).status).toBe(422);
    const bad = await secretary.client.post('/es/plans/new', { body: mt2.id, title_es: '', starts_on: '2026-12-31', ends_on: '2026-01-01', activity_share: '50' });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('Escriba el título en al menos un idioma.');
    const res = await secretary.client.post('/es/plans/new', { body: mt2.id, title_es: 'Plan operativo 2026', title_en: 'Operational plan 2026', starts_on: '2026-01-01', ends_on: '2026-12-31', activity_share: '60' });
    expect(res.status).toBe(303);
    planId = /\/plans\/([0-9a-z]{16})/.exec(res.headers.get('location')!)![1]!;
    // A draft: its editors see it, nobody else.
    expect((await anon.get(`/es/plans/${planId}`)).status).toBe(404);
    expect((await other.client.get(`/es/plans/${planId}`)).status).toBe(404);
    expect((await secretary.client.get(`/es/plans/${planId}`)).status).toBe(200);
  });

  const good = () =>
    [
      HEAD,
      row({ kind: 'axis', code: '1', title_es: 'Incidencia', title_pt: 'Incidência', weight: '2' }),
      row({ kind: 'result', code: '1.1', parent: '1', title_es: 'Insumos consolidados para el conversatorio' }),
      row({ kind: 'activity', code: '1.1.1', parent: '1.1', title_es: 'Taller de narrativas', body: 'mt2', people: 'Ana, Luis', starts_on: '2026-03-01', ends_on: '2026-03-31', status: 'done', objectives: '4;8', links: `events.event:${publicEvent}` }),
      row({ kind: 'activity', code: '1.1.2', parent: '1.1', title_es: 'Documento de posición', status: 'in_progress', weight: '3' }),
      row({ kind: 'activity', code: '1.1.3', parent: '1.1', title_es: 'Gira regional', status: 'cancelled' }),
      row({ kind: 'indicator', code: 'I1', parent: '1.1', title_es: 'Organizaciones que aportan insumos', unit: 'number', baseline: '10', target: '30', direction: 'rise' }),
      row({ kind: 'indicator', code: 'I2', parent: '1.1', title_es: 'Días de demora en las respuestas', unit: 'number', baseline: '40', target: '10', direction: 'fall' }),
      row({ kind: 'axis', code: '2', title_es: 'Comunicación' }),
      row({ kind: 'result', code: '2.1', parent: '2', title_es: 'Estrategia de comunicación' }),
    ].join('\n');

  it('refuses bad files with the line of each problem, and changes nothing', async () => {
    const post = (text: string) => secretary.client.post(`/es/plans/${planId}/import`, { text });
    const wrongCols = await post('kind,code,title\naxis,1,Uno');
    expect(wrongCols.status).toBe(422);
    expect(await wrongCols.text()).toContain('Línea 1: Faltan columnas: parent, title_es');
    const bad = [
      HEAD,
      row({ kind: 'axis', code: '1', title_es: 'Eje' }),
      row({ kind: 'axis', code: '1', title_es: 'Eje repetido' }),
      row({ kind: 'result', code: 'R', parent: '1', title_es: 'Resultado' }),
      row({ kind: 'activity', code: 'A1', parent: 'R', title_es: 'Fuera', starts_on: '2025-12-01' }),
      row({ kind: 'indicator', code: 'I1', parent: 'R', title_es: 'Sube', baseline: 'diez', target: '5' }),
      row({ kind: 'indicator', code: 'I2', parent: 'R', title_es: 'Sube mal', baseline: '10', target: '5', direction: 'rise' }),
      row({ kind: 'activity', code: 'A2', parent: 'R', title_es: 'Oculto', links: `events.event:${hiddenEvent}` }),
      row({ kind: 'activity', code: 'A3', parent: 'R', title_es: 'Inexistente', links: 'events.event:zzzzzzzzzzzzzzzz' }),
      row({ kind: 'activity', code: 'A4', parent: 'X', title_es: 'Huérfana', status: 'hecha' }),
    ].join('\n');
    const res = await post(bad);
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('Línea 3: El código 1 ya se usa en la línea 2.');
    expect(html).toContain('Línea 5: starts_on: 2025-12-01 está fuera del período del plan');
    expect(html).toContain('Línea 6: baseline: «diez» no es un número.');
    expect(html).toContain('Línea 7: La meta 5 está por debajo de la línea de base 10, pero el indicador debe subir.');
    expect(html).toContain(`Línea 8: El enlace events.event:${hiddenEvent} no lleva a nada que usted pueda ver.`);
    expect(html).toContain('Línea 9: El enlace events.event:zzzzzzzzzzzzzzzz no lleva a nada que usted pueda ver.');
    expect(html).toContain('Línea 10: «hecha» no es un estado');
    expect(html).toContain('Línea 10: El padre «X» no es un resultado esperado de este archivo.');
    expect(html).not.toContain('name="csv"');
    // Bad encoding (Latin-1 bytes), as a file.
    const form = new FormData();
    form.append('file', new Blob([Buffer.from(`${HEAD}\naxis,1,,Acci\xf3n`, 'latin1')], { type: 'text/csv' }), 'plan.csv');
    const enc = await secretary.client.postMultipart(`/es/plans/${planId}/import`, form);
    expect(enc.status).toBe(422);
    expect(await enc.text()).toContain('El archivo no es texto UTF-8.');
    // Confirming a bad file (posted by hand) is refused and changes nothing.
    const sneaky = await secretary.client.post(`/es/plans/${planId}/import/confirm`, { csv: bad });
    expect(sneaky.status).toBe(303);
    expect(await ctx.db.selectFrom('plan_axes').select('id').where('plan_id', '=', planId).execute()).toHaveLength(0);
  });

  it('previews a good file, imports it on confirmation, and shows the progress and how it was computed', async () => {
    const form = new FormData();
    form.append('file', new Blob([`\ufeff${good()}`], { type: 'text/csv' }), 'plan.csv');
    const preview = await secretary.client.postMultipart(`/es/plans/${planId}/import`, form);
    expect(preview.status).toBe(200);
    const html = await preview.text();
    expect(html).toContain('El archivo tiene 9 filas, listas para importar');
    expect(await ctx.db.selectFrom('plan_axes').select('id').where('plan_id', '=', planId).execute()).toHaveLength(0);
    const csv = /name="csv" value="([^"]*)"/.exec(html)![1]!.replace(/&#10;|&#x0A;/g, '\n').replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/&#39;/g, "'");
    const done = await secretary.client.post(`/es/plans/${planId}/import/confirm`, { csv });
    expect(done.status).toBe(303);
    expect(await ctx.db.selectFrom('plan_activities').select('id').where('plan_id', '=', planId).execute()).toHaveLength(3);
    const page = await (await secretary.client.get(`/es/plans/${planId}`)).text();
    expect(page).toContain('Taller de narrativas');
    // Activities: done 1×1 + in progress ½×3 over 4 (the cancelled one left out) = 62.5 %; indicators none reported: 0.
    expect(page).toContain('1 actividad cancelada queda fuera.');
    expect(page).toContain('2 indicadores todavía no tienen valor.');
    expect(page).toContain('Cada resultado pondera sus actividades un 60 %');
    expect(page).toContain(`/es/events/${publicEvent}`);
  });

  it('reports indicator values: numbers where the unit is numeric, dates inside the period', async () => {
    const i1 = (await ctx.db.selectFrom('plan_indicators').select('id').where('plan_id', '=', planId).where('code', '=', 'I1').executeTakeFirstOrThrow()).id;
    const url = `/es/plans/${planId}/indicators/${i1}`;
    const word = await secretary.client.post(url, { period: '2026-S1', value: 'veinte', measured_on: '2026-06-30' });
    expect(word.status).toBe(422);
    expect(await word.text()).toContain('Escriba un número: este indicador se mide en números.');
    const outside = await secretary.client.post(url, { period: '2027', value: '20', measured_on: '2027-01-10' });
    expect(outside.status).toBe(422);
    // A draft is hidden from everyone but its editors.
    expect((await other.client.post(url, { period: '2026-S1', value: '20', measured_on: '2026-06-30' })).status).toBe(404);
    expect((await secretary.client.post(url, { period: '2026-S1', value: '20', measured_on: '2026-06-30', source: 'Lista de asistencia' })).status).toBe(303);
    const values = await ctx.db.selectFrom('plan_indicator_values').select('value').where('indicator_id', '=', i1).execute();
    expect(values.map((v) => v.value)).toEqual(['20']);
    const api = (await (await secretary.client.get(`/api/v1/plans/${planId}/indicators`)).json()) as { data?: unknown };
    expect(api.data).toBeUndefined(); // a draft is not in the API
  });

  it('links an event the reader may see, refuses one they may not, and keeps approved plans’ changes in history', async () => {
    const a2 = (await ctx.db.selectFrom('plan_activities').select('id').where('plan_id', '=', planId).where('code', '=', '1.1.2').executeTakeFirstOrThrow()).id;
    const url = `/es/plans/${planId}/activities/${a2}`;
    const picker = await (await secretary.client.get(url)).text();
    expect(picker).toContain('Evento: Taller de narrativas');
    expect(picker).not.toContain('Reunión interna de MT3');
    expect((await secretary.client.post(`${url}/links`, { link: `events.event:${hiddenEvent}` })).status).toBe(422);
    expect((await secretary.client.post(`${url}/links`, { link: `events.event:${publicEvent}` })).status).toBe(303);
    expect((await secretary.client.post(`/es/plans/${planId}/approve`)).status).toBe(303);
    expect((await secretary.client.post(`${url}/status`, { status: 'done' })).status).toBe(303);
    const page = await (await secretary.client.get(`/en/plans/${planId}`)).text();
    expect(page).toContain('approved the plan');
    expect(page).toContain('moved activity 1.1.2 of Operational plan 2026 from “In progress” to “Done”');
    expect(page).toContain(`linked events.event:${publicEvent} to activity 1.1.2`);
    expect(page).toContain('reported 20 for indicator I1');
    // Approved: public, and in the API, with the link resolved.
    expect((await anon.get(`/es/plans/${planId}`)).status).toBe(200);
    const acts = (await (await anon.get(`/api/v1/plans/${planId}/activities?lang=es`)).json()) as { data: { code: string; status: string; links: { title: string }[] }[] };
    expect(acts.data.find((a) => a.code === '1.1.2')).toMatchObject({ status: 'done', links: [{ title: 'Taller de narrativas' }] });
    const plan = (await (await anon.get(`/api/v1/plans/${planId}`)).json()) as { axes: { code: string; progress: number | null; results: { progress: number | null }[] }[] };
    // Result 1.1: activities (1 + 3)/4 = 1 → 60 %; indicators: I1 (20−10)/(30−10) = ½, I2 unreported 0 → ¼ → 40 %: 0.6 + 0.1 = 0.7.
    expect(plan.axes[0]!.results[0]!.progress).toBeCloseTo(0.7);
    expect(plan.axes[1]!.progress).toBeNull();
  });

  it('exports the same columns it imports, and a re-import keeps the reported values', async () => {
    const res = await secretary.client.get(`/es/plans/${planId}/plan.csv`);
    expect(res.headers.get('content-type')).toContain('text/csv');
    const text = await res.text();
    expect(text.replace(/^\ufeff/, '').split(/\r?\n/)[0]).toBe(HEAD);
    const preview = await secretary.client.post(`/es/plans/${planId}/import`, { text });
    expect(preview.status).toBe(200);
    const csv = text;
    expect((await secretary.client.post(`/es/plans/${planId}/import/confirm`, { csv })).status).toBe(303);
    expect(await ctx.db.selectFrom('plan_indicator_values').select('id').execute()).toHaveLength(1);
    expect(await ctx.db.selectFrom('plan_activity_links').select('type').execute()).toHaveLength(2);
    const hist = await ctx.db.selectFrom('audit_log').select('data').where('action', '=', 'plan.imported').where('subject_id', '=', planId).orderBy('at', 'desc').executeTakeFirstOrThrow();
    expect(JSON.parse(hist.data!)).toEqual({ added: 0, changed: 9, removed: 0 });
  });

  it('adds, changes and removes one item without the spreadsheet, with the import’s checks beside each field and the changes in history', async () => {
    const count = async () => (await ctx.db.selectFrom('plan_activities').select('id').where('plan_id', '=', planId).execute()).length;
    const before = await count();
    const form = await secretary.client.get(`/es/plans/${planId}/activity/new?parent=1.1`);
    expect(form.status).toBe(200);
    expect(await form.text()).toContain('Agregar una actividad');
    // Bad values: every problem beside its field, what was typed kept, nothing added.
    const bad = await secretary.client.post(`/es/plans/${planId}/activity/new`, { code: '1.1.9', parent: '1.1', title_es: 'Actividad agregada', starts_on: '2027-02-01', objectives: '4;30', status: 'planned' });
    expect(bad.status).toBe(422);
    const badHtml = await bad.text();
    expect(badHtml).toContain('Empieza el: 2027-02-01 está fuera del período del plan (2026-01-01 a 2026-12-31).');
    expect(badHtml).toContain('«4;30» no es una lista de objetivos del PMM');
    expect(badHtml).toContain('value="2027-02-01"');
    expect(await count()).toBe(before);
    // A parent that is not an expected result of this plan, a code already used.
    expect((await secretary.client.post(`/es/plans/${planId}/activity/new`, { code: '1.1.9', parent: '9.9', title_es: 'X' })).status).toBe(422);
    const taken = await secretary.client.post(`/es/plans/${planId}/activity/new`, { code: 'I1', parent: '1.1', title_es: 'X' });
    expect(taken.status).toBe(422);
    expect(await taken.text()).toContain('Otro elemento de este plan ya tiene el código I1.');
    // Someone who does not edit the plan: refused.
    expect((await other.client.post(`/es/plans/${planId}/activity/new`, { code: '1.1.9', parent: '1.1', title_es: 'X' })).status).toBe(403);
    const added = await secretary.client.post(`/es/plans/${planId}/activity/new`, { code: '1.1.9', parent: '1.1', title_es: 'Actividad agregada', body: 'mt2', starts_on: '2026-03-01', objectives: '16;4', status: 'planned' });
    expect(added.status).toBe(303);
    expect(await count()).toBe(before + 1);
    const a = await ctx.db.selectFrom('plan_activities').selectAll().where('plan_id', '=', planId).where('code', '=', '1.1.9').executeTakeFirstOrThrow();
    expect(a.objectives).toBe('[4,16]');
    // The page read before and after each change shows it (what the page keeps of a plan is kept under its version and emptied by every write).
    expect(await (await secretary.client.get(`/es/plans/${planId}`)).text()).toContain('Actividad agregada');
    // An indicator: numbers where the unit is numeric, a target above the baseline where it must rise.
    const i1 = (await ctx.db.selectFrom('plan_indicators').select('id').where('plan_id', '=', planId).where('code', '=', 'I1').executeTakeFirstOrThrow()).id;
    const edit = `/es/plans/${planId}/indicator/${i1}/edit`;
    expect(await (await secretary.client.get(edit)).text()).toContain('Organizaciones que aportan insumos');
    const ind = { code: 'I1', parent: '1.1', title_es: 'Organizaciones que aportan insumos', unit: 'number', direction: 'rise', baseline: '10' };
    const below = await secretary.client.post(edit, { ...ind, target: '5' });
    expect(below.status).toBe(422);
    expect(await below.text()).toContain('La meta 5 está por debajo de la línea de base 10, pero el indicador debe subir.');
    const word = await secretary.client.post(edit, { ...ind, target: 'muchas' });
    expect(word.status).toBe(422);
    expect(await word.text()).toContain('Meta: «muchas» no es un número.');
    expect((await secretary.client.post(edit, { ...ind, target: '40' })).status).toBe(303);
    const i = await ctx.db.selectFrom('plan_indicators').select(['target']).where('id', '=', i1).executeTakeFirstOrThrow();
    expect(i.target).toBe('40');
    expect(await ctx.db.selectFrom('plan_indicator_values').select('id').where('indicator_id', '=', i1).execute()).toHaveLength(1);
    // Removed, with its links; every change in the approved plan's history.
    expect((await secretary.client.post(`/es/plans/${planId}/activity/${a.id}/delete`)).status).toBe(303);
    expect(await count()).toBe(before);
    expect(await (await secretary.client.get(`/es/plans/${planId}`)).text()).not.toContain('Actividad agregada');
    const page = await (await secretary.client.get(`/en/plans/${planId}`)).text();
    expect(page).toContain('added activity 1.1.9 to Operational plan 2026');
    expect(page).toContain('changed indicator I1 of Operational plan 2026 (target)');
    expect(page).toContain('removed activity 1.1.9 from Operational plan 2026');
    expect(page).toContain(`/en/plans/${planId}/indicator/${i1}/edit`);
  });

  it('shows the body’s plan on its page and the plan section in a report', async () => {
    const mt2 = await (await anon.get('/es/bodies/mt2')).text();
    expect(mt2).toContain('Plan de trabajo');
    expect(mt2).toContain('Plan operativo 2026');
    const { plansModule } = await import('./manifest.js');
    const section = plansModule.reportSections![0]!;
    const body = (await getBodyBySlug(ctx.db, 'mt2'))!;
    const data = await section.data({ db: ctx.db, dialect }, { kind: 'body', bodyId: body.id, from: '2026-01-01', to: '2027-01-01' });
    expect(JSON.parse(JSON.stringify(data))).toEqual(data);
    const { formatters } = await import('../../platform/i18n/i18n.js');
    const blocks = section.render(data, { locale: 'pt', t: ctx.deps.i18n.t('pt'), fmt: formatters('pt') });
    expect(blocks.some((b) => b.kind === 'bars')).toBe(true);
    expect(JSON.stringify(blocks)).toContain('avanço por resultado esperado');
    expect(await section.data({ db: ctx.db, dialect }, { kind: 'body', bodyId: body.id, from: '2030-01-01', to: '2031-01-01' })).toBeNull();
  });
});
