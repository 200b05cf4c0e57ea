/** Practices over HTTP on both engines: the whole workflow, policy per role, files, downloads and the API. */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createTestContext, DIALECTS, signUpAndIn, lastMail, type TestContext, type TestClient } from '../../../tests/support/context.js';
import { makeOrganization, addPerson } from '../membership/factories.js';
import { getBodyBySlug, addBodyMember, assignPositions } from '../bodies/index.js';
import { historyOf } from '../../platform/audit/audit.js';
import { practiceHistory, QUEUE_PAGE_SIZE } from './queries.js';
import { makePractice, practiceInput, userStub } from './factories.js';

const full = (orgId: string, title: string) => ({
  action: 'submit',
  org_id: orgId,
  original_lang: 'es',
  title_es: title,
  summary_es: 'Acompañamiento a familias migrantes en su regularización.',
  actions_es: 'Talleres y asesoría jurídica gratuita.',
  results_es: 'Mil familias con documentos.',
  scope: 'national',
  countries: ['CL', 'PE'],
  start_date: '2020-02-01',
  resource_type: 'practice',
  objectives: ['4', '16'],
  principles: ['human-rights'],
  contact_email: 'contacto@example.org',
  links: 'https://example.org/practica',
  title_en: 'Regularization with families',
});

describe.each(DIALECTS)('practices over HTTP on %s', (dialect) => {
  let ctx: TestContext;
  let admin: TestClient;
  let member: TestClient;
  let memberId: string;
  let other: TestClient;
  let outsider: TestClient;
  let anon: TestClient;
  let orgId: string;
  let practiceId: string;
  let sec: { client: TestClient; userId: string };
  const TITLE = 'Regularización con acompañamiento <b>comunitario</b>';

  beforeAll(async () => {
    ctx = await createTestContext(dialect);
    admin = await ctx.admin();
    const m = await signUpAndIn(ctx, 'member@example.org', 'Member One');
    member = m.client;
    memberId = m.userId;
    const org = await makeOrganization(ctx.db, { name: 'Red Migrante' });
    orgId = org.id;
    await addPerson(ctx.db, org.id, m.userId, { representative: true });
    const o = await signUpAndIn(ctx, 'other@example.org', 'Other Org');
    other = o.client;
    const org2 = await makeOrganization(ctx.db, { name: 'Otra Red' });
    await addPerson(ctx.db, org2.id, o.userId);
    outsider = (await signUpAndIn(ctx, 'outsider@example.org', 'Outsider')).client;
    anon = ctx.client();
  });
  afterAll(() => ctx.close());

  const status = async (id: string) => (await ctx.db.selectFrom('practices').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;

  it('lets anyone search and sends the signed-out to sign in for member pages', async () => {
    expect((await anon.get('/es/practices')).status).toBe(200);
    for (const p of ['/es/practices/new', '/es/practices/mine', '/es/practices/review', '/es/practices/export.csv']) {
      const r = await anon.get(p);
      expect(r.status, p).toBe(303);
      expect(r.headers.get('location')).toContain('/es/sign-in');
    }
    expect((await outsider.get('/es/practices/new')).status).toBe(403);
    expect((await outsider.get('/es/practices/review')).status).toBe(403);
    expect((await member.get('/es/practices/review')).status).toBe(403);
    expect((await member.get('/es/practices/export.csv')).status).toBe(403);
    expect((await member.get('/es/practices/new')).status).toBe(200);
    expect((await member.get('/es/practices/mine')).status).toBe(200);
    expect((await admin.get('/es/practices/review')).status).toBe(200);
  });

  it('saves a draft without title or objective, but refuses to submit it and says why', async () => {
    const r = await member.post('/es/practices/new', { action: 'save', org_id: orgId, original_lang: 'es', summary_es: 'Solo un resumen' });
    expect(r.status).toBe(303);
    practiceId = r.headers.get('location')!.split('/').pop()!;
    expect(await status(practiceId)).toBe('draft');
    const page = await (await member.get(`/es/practices/${practiceId}`)).text();
    expect(page).toContain('Escribe un título antes de enviarla');
    const s = await member.post(`/es/practices/${practiceId}/edit`, { action: 'submit', org_id: orgId, original_lang: 'es', summary_es: 'Solo un resumen' });
    expect(s.status).toBe(422);
    const html = await s.text();
    expect(html).toContain('Escribe un título antes de enviarla');
    expect(html).toContain('Elige al menos un objetivo antes de enviarla');
    expect(html).toContain('Solo un resumen');
    expect(await status(practiceId)).toBe('draft');
    const w = await member.post(`/es/practices/${practiceId}/workflow`, { action: 'submit' });
    expect(w.status).toBe(422);
    expect(await status(practiceId)).toBe('draft');
  });

  it('keeps a failed submission as a draft, names each missing field and says so in the title', async () => {
    const before = await ctx.db.selectFrom('practices').select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const typed = { action: 'submit', org_id: orgId, original_lang: 'es', problem_es: 'Falta de documentos', actions_es: 'Talleres', results_es: 'Cien familias', countries: ['PE', 'CL'], start_date: '2021-03-01' };
    const r = await member.post('/es/practices/new', typed);
    expect(r.status).toBe(422);
    const html = await r.text();
    expect(html).toMatch(/<title>Error: [^<]+<\/title>/);
    expect(html).toContain('href="#f-title_es">Título: Escribe un título antes de enviarla</a>');
    expect(html).toContain('Guardamos lo que escribiste como borrador');
    const after = await ctx.db.selectFrom('practices').select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n) + 1);
    const kept = await ctx.db.selectFrom('practices').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(kept.status).toBe('draft');
    expect(kept.start_date).toBe('2021-03-01');
    expect(JSON.stringify(kept)).toContain('Falta de documentos');
    // The form now edits the saved draft, so the next post changes it instead of making a second one.
    expect(html).toContain(`action="/es/practices/${kept.id}/edit"`);
    const again = await member.post(`/es/practices/${kept.id}/edit`, { ...typed, results_es: 'Doscientas familias' });
    expect(again.status).toBe(422);
    const stored = await ctx.db.selectFrom('practices').selectAll().where('id', '=', kept.id).executeTakeFirstOrThrow();
    expect(JSON.stringify(stored)).toContain('Doscientas familias');
    const last = await ctx.db.selectFrom('practices').select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(last.n)).toBe(Number(after.n));
    // A draft that is itself invalid is not saved; the form still comes back with everything typed.
    const bad = await member.post('/es/practices/new', { ...typed, contact_email: 'not-an-email', title_es: 'Con correo malo' });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('Con correo malo');
    const end = await ctx.db.selectFrom('practices').select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(end.n)).toBe(Number(after.n));
  });

  it('rejects bad input and someone else’s organization', async () => {
    const r = await member.post(`/es/practices/${practiceId}/edit`, { action: 'save', org_id: orgId, original_lang: 'es', links: 'javascript:alert(1)', start_date: '2021-01-01', end_date: '2020-01-01' });
    expect(r.status).toBe(422);
    const html = await r.text();
    expect(html).toContain('La fecha de finalización debe ser posterior a la de inicio');
    const o = await other.post('/es/practices/new', { action: 'save', org_id: orgId, original_lang: 'es' });
    expect(o.status).toBe(422);
  });

  it('keeps drafts private', async () => {
    expect((await anon.get(`/es/practices/${practiceId}`)).status).toBe(303);
    expect((await other.get(`/es/practices/${practiceId}`)).status).toBe(403);
    expect((await outsider.get(`/es/practices/${practiceId}/edit`)).status).toBe(403);
    expect((await admin.get(`/es/practices/${practiceId}`)).status).toBe(200);
  });

  it('submits, reviews with a request for changes, resubmits and approves, mailing the author each time', async () => {
    const s = await member.post(`/es/practices/${practiceId}/edit`, full(orgId, TITLE));
    expect(s.status).toBe(303);
    expect(await status(practiceId)).toBe('submitted');
    expect((await lastMail(ctx, 'member@example.org'))!.subject).toContain('Enviada');
    // Only reviewers act.
    expect((await member.post(`/es/practices/${practiceId}/workflow`, { action: 'approve' })).status).toBe(403);
    expect((await other.post(`/es/practices/${practiceId}/workflow`, { action: 'approve' })).status).toBe(403);
    expect((await anon.post(`/es/practices/${practiceId}/workflow`, { action: 'approve' })).status).toBe(401);
    expect((await other.get(`/es/practices/${practiceId}`)).status).toBe(403);
    // The queue shows it (escaped).
    const queue = await (await admin.get('/es/practices/review')).text();
    expect(queue).toContain('&lt;b&gt;comunitario&lt;/b&gt;');
    expect((await admin.post(`/es/practices/${practiceId}/workflow`, { action: 'start_review' })).status).toBe(303);
    expect(await status(practiceId)).toBe('in_review');
    const noComment = await admin.post(`/es/practices/${practiceId}/workflow`, { action: 'request_changes' });
    expect(noComment.status).toBe(422);
    expect(await noComment.text()).toContain('Escribe un comentario');
    expect((await admin.post(`/es/practices/${practiceId}/workflow`, { action: 'request_changes', comment: 'Agreguen cifras de impacto.' })).status).toBe(303);
    expect(await status(practiceId)).toBe('returned');
    const mail = await lastMail(ctx, 'member@example.org');
    expect(mail!.text_body).toContain('Agreguen cifras de impacto.');
    // Author edits and submits again; the reviewer approves.
    expect((await member.post(`/es/practices/${practiceId}/edit`, { ...full(orgId, TITLE), results_es: 'Mil doscientas familias con documentos.' })).status).toBe(303);
    expect(await status(practiceId)).toBe('submitted');
    expect((await admin.post(`/es/practices/${practiceId}/workflow`, { action: 'approve' })).status).toBe(303);
    expect(await status(practiceId)).toBe('published');
    expect((await lastMail(ctx, 'member@example.org'))!.subject).toContain('Publicada');
    // Published: no more edits.
    expect((await member.get(`/es/practices/${practiceId}/edit`)).status).toBe(403);
    const events = await practiceHistory(ctx.db, practiceId);
    expect(events.map((e) => e.action)).toEqual(['practice.create', 'practice.submit', 'practice.start_review', 'practice.request_changes', 'practice.submit', 'practice.approve']);
    expect(events.map((e) => [e.from, e.to])).toEqual([[null, 'draft'], ['draft', 'submitted'], ['submitted', 'in_review'], ['in_review', 'returned'], ['returned', 'submitted'], ['submitted', 'published']]);
    expect(events[3]!.note).toBe('Agreguen cifras de impacto.');
    // Each step is written once (no second copy in the history).
    const all = await historyOf(ctx.db, 'practice', practiceId);
    expect(all.filter((e) => e.action === 'practice.submit')).toHaveLength(2);
  });

  it('shows the published practice to everyone, with links back to the search; its review history only to its authors and admins', async () => {
    const r = await anon.get(`/es/practices/${practiceId}`);
    expect(r.status).toBe(200);
    const html = await r.text();
    expect(html).not.toContain('Agreguen cifras de impacto.');
    expect(await (await other.get(`/es/practices/${practiceId}`)).text()).not.toContain('Agreguen cifras de impacto.');
    const own = await (await member.get(`/es/practices/${practiceId}`)).text();
    expect(own).toContain('Agreguen cifras de impacto.');
    // The review history reads as sentences with names, in the reader's language.
    expect(own).toContain('pidió cambios en la práctica «Regularización con acompañamiento &lt;b&gt;comunitario&lt;/b&gt;»');
    expect(own).not.toContain('practice.request_changes');
    expect(await (await member.get(`/en/practices/${practiceId}`)).text()).toContain('asked for changes to the practice');
    expect(html).toContain('&lt;b&gt;comunitario&lt;/b&gt;');
    expect(html).not.toContain('<b>comunitario</b>');
    expect(html).toContain('/es/practices?gcm_objectives=282');
    expect(html).toContain('/es/practices?cross_cutting_theme=');
    expect(html).toContain('traducción parcial');
    const en = await (await anon.get(`/en/practices/${practiceId}`)).text();
    expect(en).toContain('Regularization with families');
  });

  it('finds it by text with Hub parameters, and shows facet counts', async () => {
    const html = await (await anon.get('/es/practices?text=regularizasion&gcm_objectives=282&country=CL')).text();
    expect(html).toContain(practiceId);
    expect(html).toContain('1 práctica');
    const none = await (await anon.get('/es/practices?gcm_objectives=279')).text();
    expect(none).not.toContain(practiceId);
    const api: any = await (await anon.get('/api/v1/practices?text=regularizacion&lang=en')).json();
    expect(api.meta.total).toBe(1);
    expect(api.data[0].id).toBe(practiceId);
    expect(api.data[0].gcmObjectives.map((o: any) => o.hubId)).toEqual([282, 294]);
    expect(api.meta.facets.objective['4']).toBe(1);
    expect((await anon.get(`/api/v1/practices/${practiceId}`)).status).toBe(200);
    const spec: any = await (await anon.get('/api/v1/openapi.json')).json();
    expect(spec.paths['/practices']).toBeTruthy();
  });

  it('downloads the Hub documents and the CSV', async () => {
    const j = await anon.get(`/es/practices/${practiceId}/hub.json`);
    expect(j.status).toBe(200);
    expect(((await j.json()) as any).crossCuttingThemes[0].key).toBe('human-rights');
    const pdf = await anon.get(`/es/practices/${practiceId}/hub.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 4).toString()).toBe('%PDF');
    const csv = await admin.get('/es/practices/export.csv');
    expect(csv.status).toBe(200);
    expect(await csv.text()).toContain('Regularización con acompañamiento');
  });

  it('lists it on its objective page and on the home page', async () => {
    expect(await (await anon.get('/es/objectives/4')).text()).toContain(practiceId);
    expect(await (await anon.get('/es/')).text()).toContain(practiceId);
  });

  it('checks attachments and serves them safely', async () => {
    const r = await member.post('/es/practices/new', { action: 'save', org_id: orgId, original_lang: 'es', title_es: 'Con archivos' });
    const id = r.headers.get('location')!.split('/').pop()!;
    const pdf = new FormData();
    pdf.append('file', new File([Buffer.from('%PDF-1.4\n%test\n')], 'informe final.pdf', { type: 'application/pdf' }));
    expect((await member.postMultipart(`/es/practices/${id}/attachments`, pdf)).status).toBe(303);
    const fake = new FormData();
    fake.append('file', new File([Buffer.from('<html><script>alert(1)</script>')], 'truco.pdf', { type: 'application/pdf' }));
    const bad = await member.postMultipart(`/es/practices/${id}/attachments`, fake);
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('El archivo debe ser un PDF');
    const exe = new FormData();
    exe.append('file', new File([Buffer.from('MZ....')], 'programa.exe'));
    expect((await member.postMultipart(`/es/practices/${id}/attachments`, exe)).status).toBe(422);
    // Just over 10 MB: read, refused by the command beside the field (422); far over: refused (413) before it is read in full.
    const big = new FormData();
    const bytes = Buffer.alloc(10 * 1024 * 1024 + 10);
    bytes.write('%PDF');
    big.append('file', new File([bytes], 'grande.pdf'));
    const tooBig = await member.postMultipart(`/es/practices/${id}/attachments`, big);
    expect(tooBig.status).toBe(422);
    expect(await tooBig.text()).toContain('10 MB');
    const huge = async (client: TestClient) => {
      const form = new FormData();
      form.append('_csrf', await client.csrf());
      form.append('file', new File([Buffer.alloc(11 * 1024 * 1024)], 'enorme.pdf'));
      const req = new Request('http://x/', { method: 'POST', body: form });
      const body = new Uint8Array(await req.arrayBuffer());
      const headers = { 'content-type': req.headers.get('content-type')!, 'content-length': String(body.length) };
      return client.request(`/es/practices/${id}/attachments`, { method: 'POST', body, headers });
    };
    // The platform's body limit answers before anything is read or anyone is authorized, whoever sends it.
    const refused = await huge(member);
    expect(refused.status).toBe(413);
    expect(await refused.text()).toContain('El archivo es demasiado grande');
    expect((await huge(other)).status).toBe(413);
    const a = await ctx.db.selectFrom('practice_attachments').selectAll().where('practice_id', '=', id).execute();
    expect(a).toHaveLength(1);
    expect(a[0]!.stored_name).not.toContain('informe');
    const f = await member.get(`/es/practices/${id}/files/${a[0]!.id}`);
    expect(f.status).toBe(200);
    expect(f.headers.get('content-type')).toBe('application/pdf');
    expect(f.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(f.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await other.get(`/es/practices/${id}/files/${a[0]!.id}`)).status).toBe(403);
    expect((await other.postMultipart(`/es/practices/${id}/attachments`, pdf)).status).toBe(403);
  });

  it('lets a Mesa secretary review practices on the Mesa’s objectives only', async () => {
    sec = await signUpAndIn(ctx, 'secretary@example.org', 'Secretaria MT2');
    const org3 = await makeOrganization(ctx.db, { name: 'Red Secretaria' });
    await addPerson(ctx.db, org3.id, sec.userId);
    const mt2 = (await getBodyBySlug(ctx.db, 'mt2'))!; // objectives 4, 8, 13
    await addBodyMember(ctx.db, mt2.id, org3.id);
    const out = await assignPositions(ctx.db, null, {
      bodyId: mt2.id,
      assignments: [{ position: 'secretary', userId: sec.userId, orgId: org3.id, holderName: 'Secretaria MT2' }],
      startsOn: '2020-01-01',
      endsOn: null,
      source: 'appointment',
    });
    expect(out.ok).toBe(true);
    const mk = async (objectives: string[]) => {
      const r = await member.post('/es/practices/new', { ...full(orgId, `Para la secretaría ${objectives.join('-')}`), objectives });
      return r.headers.get('location')!.split('/').pop()!;
    };
    const onMt2 = await mk(['8']);
    const elsewhere = await mk(['20']);
    expect((await sec.client.get('/es/practices/review')).status).toBe(200);
    const queue = await (await sec.client.get('/es/practices/review')).text();
    expect(queue).toContain(onMt2);
    expect(queue).not.toContain(elsewhere);
    expect((await sec.client.post(`/es/practices/${elsewhere}/workflow`, { action: 'approve' })).status).toBe(403);
    // The author reads in Portuguese: the mail about the step comes in Portuguese.
    await ctx.db.updateTable('users').set({ locale: 'pt' }).where('id', '=', memberId).execute();
    expect((await sec.client.post(`/es/practices/${onMt2}/workflow`, { action: 'approve' })).status).toBe(303);
    expect(await status(onMt2)).toBe('published');
    const mail = (await ctx.db.selectFrom('outbox').selectAll().where('to_address', '=', 'member@example.org').where('kind', '=', 'practices.published').orderBy('created_at', 'desc').execute())[0]!;
    expect(mail.subject).toBe('Sua prática "Para la secretaría 8": Publicada');
    expect(mail.text_body).toContain(`http://localhost:3000/pt/practices/${onMt2}`);
    await ctx.db.updateTable('users').set({ locale: 'es' }).where('id', '=', memberId).execute();
  });

  it('lists the member’s own practices', async () => {
    const html = await (await member.get('/es/practices/mine')).text();
    expect(html).toContain(practiceId);
    expect(html).toContain('Con archivos');
    void memberId;
  });

  it('pages the review queue in SQL: no practice on the Mesa’s objectives goes missing, none of another Mesa shows; the author’s list pages too', async () => {
    const author = { ...userStub(memberId), email: 'member@example.org' };
    const mine = new Set<string>();
    const others = new Set<string>();
    for (let i = 0; i < QUEUE_PAGE_SIZE + 12; i++) mine.add(await makePractice(ctx.db, author, practiceInput({ orgId, objectives: [i % 2 ? 13 : 4, 20] }), 'submitted'));
    for (let i = 0; i < 5; i++) others.add(await makePractice(ctx.db, author, practiceInput({ orgId, objectives: [20] }), 'submitted'));
    const queued = async (client: TestClient, path = '/es/practices/review') => {
      const seen: string[] = [];
      for (let page = 1; page < 10; page++) {
        const html = await (await client.get(`${path}?page=${page}`)).text();
        const ids = [...html.matchAll(/href="\/es\/practices\/([0-9a-z]{16})"/g)].map((m) => m[1]!);
        seen.push(...ids);
        if (!html.includes('rel="next"')) break;
      }
      return seen;
    };
    const secSeen = await queued(sec.client);
    expect(new Set(secSeen).size).toBe(secSeen.length);
    for (const id of mine) expect(secSeen).toContain(id);
    for (const id of others) expect(secSeen).not.toContain(id);
    const adminSeen = await queued(admin);
    for (const id of [...mine, ...others]) expect(adminSeen).toContain(id);
    expect(new Set(adminSeen).size).toBe(adminSeen.length);
    // The author's own list pages too.
    const own = await queued(member, '/es/practices/mine');
    for (const id of [...mine, ...others]) expect(own).toContain(id);
    expect(new Set(own).size).toBe(own.length);
  });
});
