/**
 * Pledges over HTTP on both engines: a joint pledge is written (every bad input refused at its field, nothing
 * stored), submitted, confirmed by its co-pledging organizations (two confirming at once send it to review once),
 * returned with a comment, changed, published by the Mesa Técnica, updated to "in progress", reminded once per due
 * date, found on the public list through its filters, the API and the CSV, and downloaded as the UN-form PDF and
 * JSON; a withdrawn organization's published pledge stays public, marked "former member".
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createTestContext, DIALECTS, signUpAndIn, type TestContext, type TestClient } from '../../../tests/support/context.js';
import { makeOrganization, addPerson } from '../membership/factories.js';
import { addBodyMember, assignPositions, getBodyBySlug } from '../bodies/index.js';
import { remindDuePledges } from './jobs.js';
import { addMonths } from './model.js';
import { paths, apiPaths } from './paths.js';

const LONG = 'Nos comprometemos a abrir una ventanilla de orientación para personas migrantes en tres ciudades, con personal capacitado, materiales en cuatro idiomas y un informe anual público de resultados medibles. '.repeat(2);
const PDF = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x34, 0x0a, 0x25, 0x25, 0x45, 0x4f, 0x46]);

describe.each(DIALECTS)('pledges over HTTP (%s)', (dialect) => {
  let ctx: TestContext;
  let anon: TestClient;
  let admin: TestClient;
  const people: Record<string, { client: TestClient; userId: string }> = {};
  const orgs: Record<string, { id: string; slug: string }> = {};
  let id = '';
  let ref = '';

  beforeAll(async () => {
    ctx = await createTestContext(dialect);
    anon = ctx.client();
    admin = await ctx.admin();
    for (const name of ['lead', 'co1', 'co2', 'outsider', 'technical']) people[name] = await signUpAndIn(ctx, `${name}@pl.test`, `Persona ${name}`);
    for (const key of ['lead', 'co1', 'co2', 'outsider', 'technical', 'applicant']) {
      const o = await makeOrganization(ctx.db, { name: `Org ${key}`, status: key === 'applicant' ? 'applicant' : 'member', country: 'CL' });
      orgs[key] = { id: o.id, slug: o.slug };
      if (people[key]) await addPerson(ctx.db, o.id, people[key]!.userId, { representative: true, voter: true });
    }
    const mt = (await getBodyBySlug(ctx.db, 'mesa-tecnica'))!;
    await addBodyMember(ctx.db, mt.id, orgs.technical!.id);
    const r = await assignPositions(ctx.db, null, { bodyId: mt.id, assignments: [{ position: 'coordinator', userId: people.technical!.userId, orgId: orgs.technical!.id, holderName: 'Persona technical' }], startsOn: '2020-01-01', endsOn: null, source: 'appointment' });
    expect(r.ok).toBe(true);
  }, 120_000);
  afterAll(() => ctx?.close());

  const p = (name: string) => people[name]!.client;
  const form = (over: Record<string, string | string[]> = {}) => ({
    lead_org: orgs.lead!.id,
    co_orgs: [orgs.co1!.id, orgs.co2!.id],
    body: 'mt3',
    kind: 'partnership',
    title_es: 'Ventanilla conjunta de orientación',
    title_en: 'Joint guidance desk',
    description_es: LONG,
    forms: ['human_resources', 'process'],
    objectives: ['15', '16'],
    principles: ['1', '6'],
    countries: ['CL', 'PE'],
    scope: 'national',
    partner_name_1: 'Municipalidad de Santiago',
    partner_sector_1: 'government',
    starts_on: '2024-01-01',
    ends_on: '2026-12-31',
    ...over,
  });
  const count = async () => Number((await ctx.db.selectFrom('pledges').select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  it('refuses bad pledges at their fields, in the reader’s language, and stores nothing', async () => {
    expect((await anon.get(paths.create.href('es'))).status).toBe(303);
    const cases: [Record<string, string | string[]>, string][] = [
      [{ description_es: 'Demasiado corta.' }, 'entre 300 y 3.000 caracteres'],
      [{ description_es: 'x'.repeat(3001) }, 'entre 300 y 3.000 caracteres'],
      [{ objectives: [] }, 'Elija al menos un objetivo del PMM.'],
      [{ kind: 'matching' }, 'Un compromiso equivalente nombra el compromiso'],
      [{ kind: 'matching', matches_ref: 'PL-9999' }, 'No hay ningún compromiso publicado con ese número.'],
      [{ kind: 'matching', matches_external_id: 'UN-123' }, 'Escriba el título del compromiso externo.'],
      [{ co_orgs: [orgs.applicant!.id] }, 'Solo las organizaciones miembro al día'],
      [{ lead_org: orgs.outsider!.id }, 'Solo puede asumir compromisos en nombre de una organización a la que representa.'],
      [{ partner_sector_1: '' }, 'Elija el sector del socio.'],
    ];
    for (const [over, message] of cases) {
      const res = await p('lead').post(paths.create.href('es'), form(over));
      expect(res.status, JSON.stringify(over)).toBe(422);
      expect(await res.text()).toContain(message);
    }
    // In English, too.
    const en = await p('lead').post(paths.create.href('en'), form({ description_es: 'short' }));
    expect(await en.text()).toContain('between 300 and 3,000 characters');
    // An attachment that is not a document (a PNG, an executable renamed .pdf) is refused at the field.
    for (const [bytes, name] of [
      [new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]), 'foto.png'],
      [new Uint8Array([0x4d, 0x5a, 0x90, 0x00]), 'informe.pdf'],
    ] as const) {
      const fd = new FormData();
      for (const [k, v] of Object.entries(form())) for (const x of Array.isArray(v) ? v : [v]) fd.append(k, x);
      fd.append('file', new Blob([bytes]), name);
      const res = await p('lead').postMultipart(paths.create.href('es'), fd);
      expect(res.status).toBe(422);
      expect(await res.text()).toContain('El adjunto debe ser un documento');
    }
    // Over 25 MB: refused before the body is read, with the message at the field.
    const big = new FormData();
    big.append('lead_org', orgs.lead!.id);
    big.append('file', new Blob([new Uint8Array(26 * 1024 * 1024)]), 'grande.pdf');
    const tooBig = await p('lead').postMultipart(paths.create.href('es'), big);
    expect(tooBig.status).toBe(413);
    expect(await count()).toBe(0);
  }, 60_000);

  it('writes a joint pledge with its attachment; only its organizations see the draft', async () => {
    const fd = new FormData();
    for (const [k, v] of Object.entries(form())) for (const x of Array.isArray(v) ? v : [v]) fd.append(k, x);
    fd.append('file', new Blob([PDF]), 'compromiso.pdf');
    const res = await p('lead').postMultipart(paths.create.href('es'), fd);
    expect(res.status).toBe(303);
    id = res.headers.get('location')!.split('/').pop()!;
    const row = await ctx.db.selectFrom('pledges').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    ref = row.ref;
    expect(ref).toBe('PL-0001');
    expect(row.state).toBe('draft');
    expect(row.attachment_type).toBe('application/pdf');
    expect((await anon.get(paths.pledge.href('es', { id }))).status).toBe(303);
    expect((await p('outsider').get(paths.pledge.href('es', { id }))).status).toBe(403);
    expect((await p('co1').get(paths.pledge.href('es', { id }))).status).toBe(200);
    expect((await p('co1').get(paths.edit.href('es', { id }))).status).toBe(403);
    const file = await p('co2').get(paths.attachment.href('es', { id }));
    expect(file.status).toBe(200);
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(PDF);
    // A matching pledge cannot match itself (its own number), nor a draft.
    const self = await p('lead').post(paths.edit.href('es', { id }), form({ kind: 'matching', matches_ref: ref }));
    expect(self.status).toBe(422);
    expect(await self.text()).toContain('Un compromiso no puede corresponder a sí mismo.');
  });

  it('goes to review once every co-pledging organization confirmed — once, when two confirm at the same moment', async () => {
    expect((await p('co1').post(paths.submit.href('es', { id }))).status).toBe(403);
    const s = await p('lead').post(paths.submit.href('es', { id }));
    expect(s.status).toBe(303);
    expect((await ctx.db.selectFrom('pledges').select('state').where('id', '=', id).executeTakeFirstOrThrow()).state).toBe('draft');
    const asked = await ctx.db.selectFrom('outbox').select('to_address').where('kind', '=', 'pledges.confirm').execute();
    expect(asked.map((m) => m.to_address).sort()).toEqual(['co1@pl.test', 'co2@pl.test']);
    expect((await p('outsider').post(paths.confirm.href('es', { id }), { org: orgs.outsider!.id })).status).toBe(403);
    const both = await Promise.all([p('co1').post(paths.confirm.href('es', { id }), { org: orgs.co1!.id }), p('co2').post(paths.confirm.href('es', { id }), { org: orgs.co2!.id })]);
    expect(both.map((r) => r.status)).toEqual([303, 303]);
    expect((await ctx.db.selectFrom('pledges').select('state').where('id', '=', id).executeTakeFirstOrThrow()).state).toBe('submitted');
    const entries = await ctx.db.selectFrom('audit_log').select('action').where('subject_id', '=', id).where('action', '=', 'pledge.submitted').execute();
    expect(entries).toHaveLength(1);
    expect(await ctx.db.selectFrom('outbox').select('to_address').where('kind', '=', 'pledges.submitted').where('to_address', '=', 'technical@pl.test').execute()).toHaveLength(1);
    // Confirming again is refused (the page says so).
    expect((await p('co1').post(paths.confirm.href('es', { id }), { org: orgs.co1!.id })).status).toBe(403);
  });

  it('is returned with a comment, changed (confirmations asked again), and published by the Mesa Técnica', async () => {
    expect((await p('lead').post(paths.review.href('es', { id }), { decision: 'publish' })).status).toBe(403);
    const noComment = await p('technical').post(paths.review.href('es', { id }), { decision: 'return' });
    expect(noComment.status).toBe(422);
    expect(await noComment.text()).toContain('Escriba un comentario que diga qué cambiar.');
    expect((await p('technical').post(paths.review.href('es', { id }), { decision: 'return', comment: 'Agreguen metas medibles.' })).status).toBe(303);
    const page = await (await p('lead').get(paths.pledge.href('es', { id }))).text();
    expect(page).toContain('Agreguen metas medibles.');
    expect((await p('lead').post(paths.edit.href('es', { id }), form({ title_es: 'Ventanilla conjunta de orientación laboral' }))).status).toBe(303);
    expect((await ctx.db.selectFrom('pledge_organizations').select('confirmed_at').where('pledge_id', '=', id).where('lead', '=', 0).execute()).every((o) => o.confirmed_at === null)).toBe(true);
    expect((await p('lead').post(paths.submit.href('es', { id }))).status).toBe(303);
    for (const o of ['co1', 'co2']) expect((await p(o).post(paths.confirm.href('es', { id }), { org: orgs[o]!.id })).status).toBe(303);
    expect((await p('technical').post(paths.review.href('es', { id }), { decision: 'publish' })).status).toBe(303);
    const row = await ctx.db.selectFrom('pledges').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect([row.state, row.status]).toEqual(['published', 'planning']);
    expect(row.next_update_due).toBe(addMonths(new Date().toISOString().slice(0, 10), 6));
    expect((await anon.get(paths.pledge.href('es', { id }))).status).toBe(200);
    const history = await (await p('lead').get(paths.pledge.href('es', { id }))).text();
    expect(history).toContain('publicó el compromiso PL-0001');
    expect(history).toMatch(/confirmó el compromiso PL-0001 «[^»]+» en nombre de Org co1/);
  });

  it('takes dated progress updates from its organizations and reminds them once per due date', async () => {
    const today = new Date().toISOString().slice(0, 10);
    expect((await p('outsider').post(paths.update.href('es', { id }), { status: 'in_progress', reported_on: today, note_es: 'x' })).status).toBe(403);
    const future = await p('co1').post(paths.update.href('es', { id }), { status: 'in_progress', reported_on: addMonths(today, 1), note_es: 'Avance' });
    expect(future.status).toBe(422);
    expect((await p('co1').post(paths.update.href('es', { id }), { status: 'in_progress', reported_on: today, note_es: 'La ventanilla abrió en dos ciudades.' })).status).toBe(303);
    const row = await ctx.db.selectFrom('pledges').select(['status', 'next_update_due']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.status).toBe('in_progress');
    const page = await (await anon.get(paths.pledge.href('es', { id }))).text();
    expect(page).toContain('La ventanilla abrió en dos ciudades.');
    expect(page).toContain('En curso');
    // Nothing is due yet; seven months later, one reminder to each organization's people, and only once.
    expect(await remindDuePledges(ctx.deps)).toBe(0);
    const later = `${addMonths(today, 7)}T08:00:00.000Z`;
    expect(await remindDuePledges(ctx.deps, later)).toBe(1);
    expect(await remindDuePledges(ctx.deps, later)).toBe(0);
    const mails = await ctx.db.selectFrom('outbox').select('to_address').where('kind', '=', 'pledges.reminder').execute();
    expect(mails.map((m) => m.to_address).sort()).toEqual(['co1@pl.test', 'co2@pl.test', 'lead@pl.test']);
  });

  it('is found on the public list by its filters, in the API and the CSV, and downloads as the UN-form PDF and JSON', async () => {
    const list = (q: Record<string, string>) => anon.get(paths.list.href('es', {}, q)).then((r) => r.text());
    expect(await list({ objective: '16' })).toContain(ref);
    expect(await list({ objective: '1' })).not.toContain(`${ref} ·`);
    expect(await list({ kind: 'partnership', form: 'process', status: 'in_progress', country: 'PE', body: 'mt3', org: orgs.co2!.slug, principle: '6', year: new Date().getUTCFullYear().toString() })).toContain(ref);
    expect(await list({ status: 'fulfilled' })).toContain('Ningún compromiso publicado coincide');
    expect(await list({ objective: 'DROP TABLE', country: '<script>' })).toContain(ref);
    const api = (await (await anon.get(`${apiPaths.mounted(apiPaths.list)}?objective=16&lang=en`)).json()) as any;
    expect(api.total).toBe(1);
    expect(api.data[0]).toMatchObject({ ref, title: 'Joint guidance desk', kind: 'partnership', objectives: [15, 16] });
    expect(((await (await anon.get(`${apiPaths.mounted(apiPaths.list)}?objective=2`)).json()) as any).total).toBe(0);
    const doc = (await (await anon.get('/api/v1/openapi.json')).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining([apiPaths.list, apiPaths.one]));
    const one = await anon.get(apiPaths.mounted(apiPaths.one).replace(':ref', ref));
    expect(one.status).toBe(200);
    expect(((await one.json()) as any).data.pledgingEntities).toHaveLength(3);
    const pdf = await anon.get(paths.pdf.href('es', { id }));
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(new TextDecoder().decode((await pdf.arrayBuffer()).slice(0, 5))).toBe('%PDF-');
    const json = (await (await anon.get(paths.json.href("es", { id }))).json()) as any;
    expect(json).toMatchObject({ ref, kind: 'partnership', scope: 'national', timeline: { start: '2024-01-01', expectedCompletion: '2026-12-31' } });
    expect(json.gcmObjectives.map((o: { n: number }) => o.n)).toEqual([15, 16]);
    const csv = await (await anon.get(paths.exportCsv.href('es'))).text();
    expect(csv.split('\n')[1]).toContain(ref);
  });

  it('keeps a withdrawn organization’s published pledges public, marked as former member', async () => {
    await ctx.db.updateTable('organizations').set({ status: 'withdrawn' }).where('id', '=', orgs.co2!.id).execute();
    ctx.deps.cache.clear();
    const page = await (await anon.get(paths.pledge.href('es', { id }))).text();
    expect(page).toContain('Org co2');
    expect(page).toContain('ex miembro');
    expect(await (await anon.get(paths.list.href('es', {}, { objective: '16' }))).text()).toContain(ref);
    // Its people no longer act for it.
    expect((await p('co2').post(paths.update.href('es', { id }), { status: 'fulfilled', reported_on: new Date().toISOString().slice(0, 10), note_es: 'x' })).status).toBe(403);
  });

  it('records the UN id, links, and is withdrawn by its lead organization', async () => {
    expect((await p('lead').post(paths.unId.href('es', { id }), { un_id: 'GCM-PL-2026-0042' })).status).toBe(303);
    expect(await (await anon.get(paths.pledge.href('es', { id }))).text()).toContain('GCM-PL-2026-0042');
    const picker = await p('lead').get(paths.links.href('es', { id }));
    expect(picker.status).toBe(200);
    expect((await p('lead').post(paths.links.href('es', { id }), { type: 'plans.activity', target: 'nothing' })).status).toBe(303);
    expect(await ctx.db.selectFrom('pledge_links').selectAll().execute()).toHaveLength(0);
    expect((await p('co1').post(paths.withdraw.href('es', { id }), { comment: 'No' })).status).toBe(403);
    expect((await p('lead').post(paths.withdraw.href('es', { id }), { comment: 'Sin financiamiento.' })).status).toBe(303);
    expect(await (await anon.get(paths.list.href('es'))).text()).not.toContain(`${ref} ·`);
    expect(await (await anon.get(paths.pledge.href('es', { id }))).text()).toContain('Este compromiso fue retirado.');
  });

  it('numbers two pledges written at the same moment apart', async () => {
    const both = await Promise.all([p('lead').post(paths.create.href('es'), form({ co_orgs: [] })), p('co1').post(paths.create.href('es'), form({ lead_org: orgs.co1!.id, co_orgs: [] }))]);
    expect(both.map((r) => r.status)).toEqual([303, 303]);
    const refs = (await ctx.db.selectFrom('pledges').select('ref').orderBy('ref').execute()).map((r) => r.ref);
    expect(refs).toEqual(['PL-0001', 'PL-0002', 'PL-0003']);
  });
});
