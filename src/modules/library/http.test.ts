/** Library over HTTP on both engines: adding documents with their files, bad files, text extraction, search, visibility, API. */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { XMLParser } from 'fast-xml-parser';
import { createTestContext, DIALECTS, signUpAndIn, type TestContext, type TestClient } from '../../../tests/support/context.js';
import { makeOrganization, addPerson } from '../membership/factories.js';
import { getBodyBySlug, addBodyMember, assignPositions } from '../bodies/index.js';
import { historyOf } from '../../platform/audit/audit.js';
import { textPdf } from './pdf.js';
import { paths } from './paths.js';

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (n) => n === 'entry' || n === 'link' });

const base = (over: Record<string, string | string[]> = {}) => ({
  kind: 'study',
  original_lang: 'es',
  title_es: 'Narrativas sobre la migración en la prensa',
  summary_es: 'Cómo los medios hablan de las personas migrantes.',
  title_pt: 'Narrativas sobre a migração na imprensa',
  published_on: '2024-05-10',
  visibility: 'public',
  licence: 'cc_by_4',
  objectives: ['17'],
  countries: ['CL', 'PE'],
  ...over,
});

function form(fields: Record<string, string | string[]>, files: Record<string, { name: string; bytes: Uint8Array | Buffer }> = {}) {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) f.append(k, x);
  for (const [k, v] of Object.entries(files)) f.append(k, new File([new Uint8Array(v.bytes)], v.name));
  return f;
}

describe.each(DIALECTS)('library over HTTP on %s', (dialect) => {
  let ctx: TestContext;
  let admin: TestClient;
  let secretary: TestClient;
  let member: TestClient;
  let outsider: TestClient;
  let anon: TestClient;
  let bodyId: string;
  let esPdf: Buffer;
  let ptPdf: Buffer;
  let docId: string;

  beforeAll(async () => {
    ctx = await createTestContext(dialect);
    admin = await ctx.admin();
    anon = ctx.client();
    const body = (await getBodyBySlug(ctx.db, 'mt1'))!;
    bodyId = body.id;
    const s = await signUpAndIn(ctx, 'secretaria@example.org', 'Secretaria MT1');
    secretary = s.client;
    const sOrg = await makeOrganization(ctx.db, { name: 'Red Secretaria', status: 'member' });
    await addPerson(ctx.db, sOrg.id, s.userId, { representative: true });
    await addBodyMember(ctx.db, bodyId, sOrg.id);
    const today = new Date().toISOString().slice(0, 10);
    const r = await assignPositions(ctx.db, null, { bodyId, assignments: [{ position: 'secretary', userId: s.userId, orgId: sOrg.id, holderName: 'Secretaria MT1' }], startsOn: today, endsOn: null, source: 'appointment' });
    if (!r.ok) throw new Error(r.reason);
    const m = await signUpAndIn(ctx, 'miembro@example.org', 'Miembro');
    member = m.client;
    const org = await makeOrganization(ctx.db, { name: 'Red Miembro', status: 'member' });
    await addPerson(ctx.db, org.id, m.userId, { representative: true });
    outsider = (await signUpAndIn(ctx, 'fuera@example.org', 'Sin organización')).client;
    esPdf = await textPdf('Estudio de narrativas', ['La cobertura periodística de la niñez migrante en tránsito fue analizada en ocho países.']);
    ptPdf = await textPdf('Estudo de narrativas', ['A cobertura jornalística da infância migrante em trânsito foi analisada em oito países.']);
  }, 60_000);
  afterAll(() => ctx.close());

  it('starts with the factsheet, public and searchable in its text', async () => {
    const list = await anon.get('/es/library');
    expect(list.status).toBe(200);
    const html = await list.text();
    expect(html).toContain('hoja informativa 2023');
    // A word from inside the factsheet, not in its title or summary, typed with a typo.
    const found = await (await anon.get('/es/library?q=Vinculacin')).text();
    expect(found).toContain('hoja informativa 2023');
  });

  it('lets a secretary add a study with its Portuguese version, reads the PDFs and finds them by a word inside, without accents', async () => {
    expect((await member.get(paths.create.href('es'))).status).toBe(403);
    expect((await anon.get(paths.create.href('es'))).status).toBe(303);
    expect((await secretary.get(paths.create.href('es'))).status).toBe(200);
    const res = await secretary.postMultipart(paths.create.href('es'), form(base({ body_id: bodyId }), { file_es: { name: 'narrativas.pdf', bytes: esPdf }, file_pt: { name: 'narrativas-pt.pdf', bytes: ptPdf } }));
    expect(res.status).toBe(303);
    docId = res.headers.get('location')!.split('/').pop()!;
    const files = await ctx.db.selectFrom('library_files').selectAll().where('document_id', '=', docId).orderBy('lang').execute();
    expect(files.map((f) => [f.lang, f.text_status])).toEqual([
      ['es', 'pending'],
      ['pt', 'pending'],
    ]);
    expect(files[0]!.stored_name).not.toContain('narrativas');
    // Before the job: the title is found, not the text.
    expect(await (await member.get('/es/library?q=periodistica')).text()).not.toContain(docId);
    await ctx.runJobs();
    const done = await ctx.db.selectFrom('library_files').select(['lang', 'text_status', 'text']).where('document_id', '=', docId).orderBy('lang').execute();
    expect(done.map((f) => f.text_status)).toEqual(['done', 'done']);
    expect(done[0]!.text).toContain('niñez migrante');
    for (const q of ['periodistica', 'ninez transito', 'jornalistica', 'periodistca']) {
      const html = await (await member.get(`/es/library?q=${encodeURIComponent(q)}`)).text();
      expect(html, q).toContain(paths.document.href('es', { id: docId }));
    }
    const page = await (await anon.get(paths.document.href('es', { id: docId }))).text();
    expect(page).toContain(paths.file.href('es', { id: docId, version: 'pt' }));
    expect(page).toContain('Português');
    const h = await historyOf(ctx.db, 'library_document', docId);
    expect(h.map((x) => x.action)).toEqual(['library.created', 'library.fileAdded', 'library.fileAdded']);
  });

  it('serves files as downloads with safe headers', async () => {
    const f = await anon.get(paths.file.href('es', { id: docId, version: 'es' }));
    expect(f.status).toBe(200);
    expect(f.headers.get('content-type')).toBe('application/pdf');
    expect(f.headers.get('content-disposition')).toMatch(/^attachment; filename="narrativas.pdf"/);
    expect(f.headers.get('x-content-type-options')).toBe('nosniff');
    expect(f.headers.get('content-security-policy')).toContain('sandbox');
    expect(Buffer.from(await f.arrayBuffer()).equals(esPdf)).toBe(true);
    expect((await anon.get(paths.file.href('es', { id: docId, version: 'fr' }))).status).toBe(404);
  });

  it('refuses files whose bytes are not what their name says, executables and files over the limit, keeping what was typed', async () => {
    const fields = base({ body_id: bodyId, title_es: 'Un título que se conserva' });
    const cases: [string, Uint8Array | Buffer][] = [
      ['truco.pdf', Buffer.from('<html><script>alert(1)</script></html>')],
      ['programa.exe', Buffer.from('MZ\x90\x00rest of a program')],
      ['programa.pdf', Buffer.from('\x7fELF\x02\x01\x01')],
      ['zip-de-cualquier-cosa.docx', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(64)])],
    ];
    const before = await ctx.db.selectFrom('library_documents').select('id').execute();
    for (const [name, bytes] of cases) {
      const r = await secretary.postMultipart(paths.create.href('es'), form(fields, { file_es: { name, bytes } }));
      expect(r.status, name).toBe(422);
      const html = await r.text();
      expect(html, name).toContain('El archivo debe ser un PDF, una imagen o un documento de oficina');
      expect(html).toContain('value="Un título que se conserva"');
    }
    const big = Buffer.alloc(20 * 1024 * 1024 + 10);
    big.write('%PDF-1.4');
    const tooBig = await secretary.postMultipart(paths.create.href('es'), form(fields, { file_es: { name: 'grande.pdf', bytes: big } }));
    expect(tooBig.status).toBe(422);
    expect(await tooBig.text()).toContain('20 MB o menos');
    // Far over the route's limit: the platform refuses before reading it.
    const huge = await secretary.postMultipart(paths.files.href('es', { id: docId }), form({ lang: 'fr' }, { file: { name: 'enorme.pdf', bytes: Buffer.alloc(21 * 1024 * 1024) } }));
    expect(huge.status).toBe(413);
    const none = await secretary.postMultipart(paths.create.href('es'), form(fields));
    expect(none.status).toBe(422);
    expect(await none.text()).toContain('Elige al menos un archivo');
    expect(await ctx.db.selectFrom('library_documents').select('id').execute()).toHaveLength(before.length);
  }, 60_000);

  it('stores a password-protected or malformed PDF and flags that its text could not be read', async () => {
    const locked = await textPdf('Secreto', ['Texto que nadie puede leer sin la clave'], { userPassword: 'clave' });
    const broken = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from('1 0 obj << /Type /Catalog >> garbage without xref')]);
    const r = await secretary.postMultipart(paths.create.href('es'), form(base({ body_id: bodyId, title_es: 'Documento protegido' }), { file_es: { name: 'protegido.pdf', bytes: locked }, file_en: { name: 'broken.pdf', bytes: broken } }));
    expect(r.status).toBe(303);
    const id = r.headers.get('location')!.split('/').pop()!;
    await ctx.runJobs();
    const files = await ctx.db.selectFrom('library_files').select(['lang', 'text_status']).where('document_id', '=', id).orderBy('lang').execute();
    expect(files).toEqual([
      { lang: 'en', text_status: 'failed' },
      { lang: 'es', text_status: 'failed' },
    ]);
    const page = await (await secretary.get(paths.document.href('es', { id }))).text();
    expect(page).toContain('No se pudo leer el texto');
    // Still found by its title.
    expect(await (await anon.get('/es/library?q=protegido')).text()).toContain(id);
  }, 60_000);

  it('replaces and removes a language version, never the last one', async () => {
    const newPt = await textPdf('Estudo revisado', ['Versão revisada com dados de Bolívia.']);
    expect((await member.postMultipart(paths.files.href('es', { id: docId }), form({ lang: 'pt' }, { file: { name: 'x.pdf', bytes: newPt } }))).status).toBe(403);
    const r = await secretary.postMultipart(paths.files.href('es', { id: docId }), form({ lang: 'pt' }, { file: { name: 'revisado.pdf', bytes: newPt } }));
    expect(r.status).toBe(303);
    const pt = await ctx.db.selectFrom('library_files').select(['file_name']).where('document_id', '=', docId).where('lang', '=', 'pt').execute();
    expect(pt).toEqual([{ file_name: 'revisado.pdf' }]);
    const bad = await secretary.postMultipart(paths.files.href('es', { id: docId }), form({ lang: 'pt' }, { file: { name: 'x.pdf', bytes: Buffer.from('not a pdf') } }));
    expect(bad.status).toBe(422);
    expect((await secretary.post(paths.removeFile.href('es', { id: docId, version: 'pt' }))).status).toBe(303);
    const last = await secretary.post(paths.removeFile.href('es', { id: docId, version: 'es' }));
    expect(last.status).toBe(303);
    expect(await ctx.db.selectFrom('library_files').select('lang').where('document_id', '=', docId).execute()).toEqual([{ lang: 'es' }]);
  });

  it('shows members-only and body documents only to their readers, and counts only what the reader may see', async () => {
    const mk = async (title: string, over: Record<string, string>) => {
      const r = await admin.postMultipart(paths.create.href('es'), form(base({ title_es: title, kind: 'minutes', ...over }), { file_es: { name: 'acta.pdf', bytes: esPdf } }));
      expect(r.status).toBe(303);
      return r.headers.get('location')!.split('/').pop()!;
    };
    const membersDoc = await mk('Acta reservada a miembros', { visibility: 'members' });
    const bodyDoc = await mk('Acta reservada a la mesa', { visibility: 'body', visibility_body_id: bodyId });
    const count = async (c: TestClient) => {
      const html = await (await c.get('/es/library?kind=minutes')).text();
      return Number(/(\d+) documentos?</.exec(html)?.[1] ?? 0);
    };
    expect(await count(anon)).toBe(0);
    expect(await count(outsider)).toBe(0);
    expect(await count(member)).toBe(1);
    expect(await count(secretary)).toBe(2);
    expect(await count(admin)).toBe(2);
    expect((await anon.get(paths.document.href('es', { id: membersDoc }))).status).toBe(404);
    expect((await anon.get(paths.file.href('es', { id: membersDoc, version: 'es' }))).status).toBe(404);
    expect((await member.get(paths.document.href('es', { id: membersDoc }))).status).toBe(200);
    expect((await member.get(paths.document.href('es', { id: bodyDoc }))).status).toBe(404);
    expect((await secretary.get(paths.document.href('es', { id: bodyDoc }))).status).toBe(200);
    // The API lists public documents only.
    const api = (await (await anon.get('/api/v1/documents?kind=minutes')).json()) as { total: number };
    expect(api.total).toBe(0);
    expect((await anon.get(`/api/v1/documents/${membersDoc}`)).status).toBe(404);
  });

  it('publishes a valid Atom feed per language, public documents only, announced in the page head', async () => {
    const list = await (await anon.get('/es/library')).text();
    expect(list).toContain('<link rel="alternate" type="application/atom+xml"');
    expect(list).toContain(paths.feed.href('es'));
    for (const l of ['es', 'pt'] as const) {
      const res = await anon.get(paths.feed.href(l));
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
      const xml = await res.text();
      const feed = parser.parse(xml).feed;
      expect(feed.id).toMatch(/^tag:localhost,2026:library\//);
      expect(feed.link.some((k: any) => k['@rel'] === 'self' && k['@href'] === `http://localhost:3000${paths.feed.href(l)}`)).toBe(true);
      const entries = feed.entry ?? [];
      for (const e of entries) {
        expect(e.id).toMatch(new RegExp(`^tag:localhost,2026:library/[0-9a-z]{16}/${l}$`));
        expect(Number.isNaN(Date.parse(e.updated))).toBe(false);
        expect(e.link[0]['@href']).toMatch(/^http:\/\/localhost:3000\//);
      }
      const titles = entries.map((e: any) => String(e.title['#text'] ?? e.title));
      if (l === 'pt') expect(titles).toContain('Narrativas sobre a migração na imprensa');
      expect(titles.join(' ')).not.toContain('reservada');
    }
  });

  it('edits a document, keeping what was typed when refused, and only by its managers', async () => {
    const edit = paths.edit.href('es', { id: docId });
    expect((await member.get(edit)).status).toBe(403);
    const bad = await secretary.post(edit, base({ body_id: bodyId, title_es: '', title_en: 'Only in English', published_on: '2024-13-40' }));
    expect(bad.status).toBe(422);
    const html = await bad.text();
    expect(html).toContain('value="Only in English"');
    expect(html).toContain('<title>Error:');
    const ok = await secretary.post(edit, base({ body_id: bodyId, title_es: 'Narrativas revisadas', objectives: ['17', '23'] }));
    expect(ok.status).toBe(303);
    expect(await (await anon.get('/es/library?q=revisadas')).text()).toContain(docId);
    expect(await (await anon.get('/es/objectives/23')).text()).toContain('Narrativas revisadas');
    expect(await (await anon.get('/es/bodies/mt1')).text()).toContain('Narrativas revisadas');
  });

  it('answers the API with facets and one document', async () => {
    const r = (await (await anon.get('/api/v1/documents?q=narrativas&lang=es')).json()) as { data: { id: string; files: { lang: string }[] }[]; facets: { kind: Record<string, number> } };
    expect(r.data.map((d) => d.id)).toContain(docId);
    expect(r.facets.kind.study).toBeGreaterThan(0);
    const one = (await (await anon.get(`/api/v1/documents/${docId}?lang=pt`)).json()) as { data: { title: string } };
    expect(one.data.title).toBe('Narrativas sobre a migração na imprensa');
  });

  it('deletes a document with its files', async () => {
    expect((await member.post(paths.remove.href('es', { id: docId }))).status).toBe(403);
    expect((await secretary.post(paths.remove.href('es', { id: docId }))).status).toBe(303);
    expect((await anon.get(paths.document.href('es', { id: docId }))).status).toBe(404);
    expect(await (await anon.get('/es/library?q=revisadas')).text()).not.toContain(docId);
  });
});
