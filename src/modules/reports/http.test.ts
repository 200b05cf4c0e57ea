/**
 * Reports over HTTP on both engines: the live report for the Mechanism (every installed module's section, in the
 * reader's language), its PDF read back with pdfjs (each section's heading, every language's accents, page
 * count), publishing by an administrator and by a body's secretary (and refusals), an edition that does not
 * change when the data does, downloads in every language, the home page and the API.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createTestContext, DIALECTS, signUpAndIn, type TestContext, type TestClient } from '../../../tests/support/context.js';
import { pdfText } from '../../../tests/support/pdf-text.js';
import { makeOrganization, addPerson } from '../membership/factories.js';
import { makePractice, practiceInput, userStub } from '../practices/factories.js';
import { addBodyMember, assignPositions, getBodyBySlug } from '../bodies/index.js';
import { paths, apiMounted, apiPaths } from './paths.js';

const YEAR = new Date().getUTCFullYear();
const mechanism = { kind: 'mechanism', period: 'year', year: String(YEAR) };

/** Every section's heading, per language, as the sections' messages say. */
const HEADINGS = {
  es: ['Membresía y cobertura', 'Elecciones y cargos', 'Eventos y participación', 'Consultas y prioridades', 'Buenas prácticas publicadas'],
  en: ['Membership and coverage', 'Elections and positions', 'Events and participation', 'Consultations and priorities', 'Good practices published'],
  pt: ['Filiação e cobertura', 'Eleições e cargos', 'Eventos e participação', 'Consultas e prioridades', 'Boas práticas publicadas'],
  fr: ['Adhésion et couverture', 'Élections et postes', 'Événements et participation', 'Consultations et priorités', 'Bonnes pratiques publiées'],
} as const;
/** Words with each language's accents that the PDF must carry (cover, contents, figures). */
const ACCENTS = {
  es: ['Mecanismo de Diálogo', 'Año', 'organización miembro al cierre del período', 'Página', 'práctica publicada'],
  en: ['Dialogue Mechanism', 'Contents', 'Page 2 of'],
  pt: ['Folha informativa', 'Conteúdo', 'organização membro no fim do período', 'Página', 'prática publicada'],
  fr: ['Fiche d’information', 'Sommaire', 'organisation membre à la fin de la période', 'Événements', 'Année'],
} as const;

describe.each(DIALECTS)('reports over HTTP (%s)', (dialect) => {
  let ctx: TestContext;
  let admin: TestClient;
  let anon: TestClient;
  let secretary: TestClient;
  let mt1 = '';
  let editionId = '';

  beforeAll(async () => {
    ctx = await createTestContext(dialect);
    admin = await ctx.admin();
    anon = ctx.client();
    const s = await signUpAndIn(ctx, 'secretaria@rep.test', 'Secretaria Mesa');
    secretary = s.client;
    mt1 = (await getBodyBySlug(ctx.db, 'mt1'))!.id;
    const org = await makeOrganization(ctx.db, { name: 'Organización São João', country: 'BR', type: 'youth', countries: ['PY'] });
    await addPerson(ctx.db, org.id, s.userId, { representative: true, voter: true });
    await addBodyMember(ctx.db, mt1, org.id);
    await assignPositions(ctx.db, null, { bodyId: mt1, assignments: [{ position: 'secretary', userId: s.userId, orgId: org.id, holderName: 'Secretaria Mesa' }], startsOn: `${YEAR}-01-01`, endsOn: null, source: 'appointment' });
    const adminId = (await ctx.db.selectFrom('users').select('id').where('role', '=', 'admin').executeTakeFirstOrThrow()).id;
    await makePractice(ctx.db, userStub(adminId, 'admin'), practiceInput({ orgId: org.id, objectives: [3], texts: { title: { es: 'Acogida en frontera', pt: 'Acolhida na fronteira' } } }), 'published');
  }, 120_000);
  afterAll(() => ctx?.close());

  it('lists editions for everyone and offers the generate form to those who may', async () => {
    const a = await anon.get(paths.list.href('es'));
    expect(a.status).toBe(200);
    const html = await a.text();
    expect(html).toContain('Todavía no se ha publicado ningún informe.');
    expect(html).not.toContain('Generar un informe');
    expect(await (await admin.get(paths.list.href('es'))).text()).toContain('Generar un informe');
    expect(await (await secretary.get(paths.list.href('es'))).text()).toContain('Generar un informe');
  });

  it('refuses a scope it cannot read at its field, and an unknown body with 404', async () => {
    const r = await admin.get(paths.preview.href('es', {}, { kind: 'body', period: 'year', year: YEAR }));
    expect(r.status).toBe(422);
    expect(await r.text()).toContain('Elige una Mesa.');
    const d = await admin.get(paths.preview.href('es', {}, { kind: 'mechanism', period: 'custom', from: '2025-05-01', to: '2025-02-30' }));
    expect(d.status).toBe(422);
    expect((await admin.get(paths.preview.href('es', {}, { kind: 'body', body: 'no-such-body' }))).status).toBe(404);
  });

  it("writes the Mechanism's live report from every module's section, saying where a module has no data", async () => {
    const r = await admin.get(paths.preview.href('es', {}, mechanism));
    expect(r.status).toBe(200);
    const html = await r.text();
    for (const h of HEADINGS.es) expect(html).toContain(h);
    expect(html).toContain('Sin datos registrados para este período');
    expect(html).toContain('Acogida en frontera');
    expect(html).toMatch(/<svg[^>]+role="img"/);
    expect(html).toContain('Publicar esta edición');
    const pt = await (await admin.get(paths.preview.href('pt', {}, mechanism))).text();
    expect(pt).toContain('Acolhida na fronteira');
    expect(pt).toContain('Filiação e cobertura');
  });

  it('makes the PDF on the server: cover, contents, every section heading, page numbers', async () => {
    const r = await admin.get(paths.previewPdf.href('es', {}, mechanism));
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/pdf');
    const pdf = await pdfText(new Uint8Array(await r.arrayBuffer()));
    expect(pdf.pages).toBeGreaterThanOrEqual(3);
    expect(pdf.pageTexts[0]).toContain('Mecanismo de Diálogo');
    expect(pdf.pageTexts[0]).toContain(`Año ${YEAR}`);
    expect(pdf.pageTexts[1]).toContain('Contenido');
    for (const h of HEADINGS.es) expect(pdf.pageTexts[1]).toContain(h);
    for (const h of HEADINGS.es) expect(pdf.pageTexts.slice(2).join('\n')).toContain(h);
    expect(pdf.text).toContain(`Página 2 de ${pdf.pages}`);
  });

  it('publishes the Mechanism’s report (administrators only) as an edition that does not change when the data does', async () => {
    expect((await secretary.post(paths.publish.href('es', {}, mechanism))).status).toBe(403);
    expect((await anon.post(paths.publish.href('es', {}, mechanism))).status).toBe(401);
    const r = await admin.post(paths.publish.href('es', {}, mechanism));
    expect(r.status).toBe(303);
    const to = r.headers.get('location')!;
    editionId = /\/reports\/([0-9a-z]{16})$/.exec(to)![1]!;
    const page = async () => (await anon.get(paths.edition.href('es', { id: editionId }))).text();
    const api = async () => (await anon.get(`${apiMounted(apiPaths.edition).replace(':id', editionId)}?lang=fr`)).json();
    const before = await page();
    const apiBefore = await api();
    expect(before).toContain('Edición publicada el');
    const live = async () => (await admin.get(paths.preview.href('es', {}, mechanism))).text();
    const liveBefore = await live();
    // The data changes: another member organization in a new country, another practice.
    await makeOrganization(ctx.db, { name: 'Organización Nueva', country: 'HT' });
    const adminId = (await ctx.db.selectFrom('users').select('id').where('role', '=', 'admin').executeTakeFirstOrThrow()).id;
    await makePractice(ctx.db, userStub(adminId, 'admin'), practiceInput({ objectives: [5], texts: { title: { es: 'Otra práctica posterior' } } }), 'published');
    const liveAfter = await live();
    expect(liveAfter).not.toBe(liveBefore);
    expect(liveAfter).toContain('Otra práctica posterior');
    expect(liveAfter).toContain('Haití');
    const after = await page();
    expect(after).toBe(before);
    expect(after).not.toContain('Otra práctica posterior');
    expect(await api()).toEqual(apiBefore);
  });

  it('downloads an edition in every language, as a page and a PDF with that language’s words and accents', async () => {
    for (const l of ['es', 'en', 'pt', 'fr'] as const) {
      const p = await anon.get(paths.edition.href(l, { id: editionId }));
      expect(p.status).toBe(200);
      const html = await p.text();
      for (const h of HEADINGS[l]) expect(html).toContain(h);
      const r = await anon.get(paths.pdf.href(l, { id: editionId }));
      expect(r.status).toBe(200);
      const pdf = await pdfText(new Uint8Array(await r.arrayBuffer()));
      expect(pdf.pages).toBeGreaterThanOrEqual(3);
      const flat = pdf.text.replace(/\s+/g, ' ');
      for (const h of HEADINGS[l]) expect(flat).toContain(h);
      for (const w of ACCENTS[l]) expect(flat).toContain(w);
    }
  }, 60_000);

  it("lets a body's secretary publish the body's report, and only that body's", async () => {
    const body = { kind: 'body', body: 'mt1', period: 'year', year: String(YEAR) };
    expect((await secretary.get(paths.preview.href('es', {}, body))).status).toBe(200);
    expect((await secretary.get(paths.preview.href('es', {}, { ...body, body: 'mt2' }))).status).toBe(403);
    expect((await secretary.post(paths.publish.href('es', {}, { ...body, body: 'mt2' }))).status).toBe(403);
    const r = await secretary.post(paths.publish.href('es', {}, body));
    expect(r.status).toBe(303);
    const id = /\/reports\/([0-9a-z]{16})$/.exec(r.headers.get('location')!)![1]!;
    const html = await (await anon.get(paths.edition.href('es', { id }))).text();
    expect(html).toContain('<h1>Hoja informativa: Factores de la migración y rutas regulares</h1>');
    expect(html).toContain('Acogida en frontera');
    const audit = await ctx.db.selectFrom('audit_log').select(['action', 'subject_id']).where('action', '=', 'report.published').execute();
    expect(audit.map((a) => a.subject_id)).toContain(id);
  });

  it('shows the latest edition on the home page, lists editions, and serves them in the API with their data', async () => {
    const home = await (await anon.get('/es/')).text();
    expect(home).toContain('Último informe publicado');
    const list = await (await anon.get(paths.list.href('en'))).text();
    expect(list).toContain('Dialogue Mechanism factsheet');
    const api = (await (await anon.get(`${apiMounted(apiPaths.list)}?lang=pt`)).json()) as { data: { id: string; title: string; pdf: Record<string, string> }[] };
    expect(api.data).toHaveLength(2);
    expect(api.data.map((e) => e.id)).toContain(editionId);
    expect(api.data.find((e) => e.id === editionId)!.pdf.pt).toBe(paths.pdf.href('pt', { id: editionId }));
    const one = (await (await anon.get(`${apiMounted(apiPaths.edition).replace(':id', editionId)}?lang=es`)).json()) as { data: { sections: { key: string; data: any }[] } };
    const m = one.data.sections.find((s) => s.key === 'membership.growth')!;
    expect(m.data.countries).toContain('BR');
    expect(one.data.sections.find((s) => s.key === 'events.held')!.data).toBeNull();
    expect((await anon.get(apiMounted(apiPaths.edition).replace(':id', '0123456789abcdef'))).status).toBe(404);
  });
});
