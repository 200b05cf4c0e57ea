/** The foundation over HTTP, on SQLite and PostgreSQL: pages, languages, accounts, CSRF, limits, roles and the API. */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { DIALECTS, createTestContext, signUpAndIn, lastMail, ADMIN, type TestContext } from '../support/context.js';

describe.each(DIALECTS)('platform on %s', (dialect) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext(dialect);
  });
  afterAll(async () => {
    await ctx?.close();
  });

  it('serves the public pages in the four languages', async () => {
    const c = ctx.client();
    for (const l of ['es', 'en', 'pt', 'fr']) {
      for (const p of ['/', '/about', '/bodies', '/bodies/mt2', '/objectives', '/objectives/23', '/principles', '/sign-in', '/sign-up']) {
        const r = await c.get(`/${l}${p}`);
        expect(r.status, `${l}${p}`).toBe(200);
        const html = await r.text();
        expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
        expect(html).toContain(`<html lang="${l}"`);
        expect(html).not.toMatch(/\b(site|nav|auth|bodies|pages|reference)\.[a-z]+[A-Za-z.]*\b(?=<)/);
      }
    }
  });

  it('seeds the Mechanism: nine bodies, Mesa 3 with objectives 16, 19 and 22, Mesa 4 with three sub-mesas', async () => {
    const r = await ctx.client().get('/api/v1/bodies?lang=es');
    const { data } = (await r.json()) as { data: { slug: string; parent: string | null; objectives: number[]; kind: string }[] };
    expect(data).toHaveLength(9);
    expect(data.find((b) => b.slug === 'mt3')!.objectives).toEqual([16, 19, 22]);
    expect(data.find((b) => b.slug === 'mt2')!.objectives).toEqual([4, 8, 13]);
    expect(data.filter((b) => b.parent === 'mt4')).toHaveLength(3);
    expect(data.map((b) => b.kind)).toEqual(expect.arrayContaining(['working_group', 'sub_group', 'liaison', 'technical']));
  });

  it('sends the first visit to the browser language and refuses unknown languages', async () => {
    const c = ctx.client();
    expect((await c.get('/', { 'accept-language': 'fr-CA,fr;q=0.9,en;q=0.5' })).headers.get('location')).toBe('/fr/');
    expect((await c.get('/', { 'accept-language': 'de-DE' })).headers.get('location')).toBe('/es/');
    expect((await c.get('/bodies?x=1', { 'accept-language': 'pt-BR' })).headers.get('location')).toBe('/pt/bodies?x=1');
    const unknown = await c.get('/de/bodies');
    expect(unknown.status).toBe(404);
    const missing = await c.get('/en/no-such-page');
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('find this page');
  });

  it('keeps what was typed and explains every error, in the visitor’s language', async () => {
    const c = ctx.client();
    const r = await c.post('/en/sign-up', { name: 'Ana', email: 'nope', password: 'short', confirm: 'other' });
    expect(r.status).toBe(422);
    const html = await r.text();
    expect(html).toContain('class="error-summary"');
    expect(html).toContain('value="Ana"');
    expect(html).toContain('href="#f-email"');
    expect(html).toMatch(/at least 10 characters/i);
    const long = await c.post('/es/sign-up', { name: 'x'.repeat(5000), email: 'a@b.org', password: 'a-long-password', confirm: 'a-long-password' });
    expect(long.status).toBe(422);
    expect(await ctx.db.selectFrom('users').select('id').where('email', '=', 'a@b.org').executeTakeFirst()).toBeUndefined();
  });

  it('signs up with email verification, signs in, lists sessions and signs other devices out', async () => {
    const email = `ana-${dialect}@example.org`;
    const { client } = await signUpAndIn(ctx, email, 'Ana Pérez');
    const account = await client.get('/es/account');
    expect(account.status).toBe(200);
    expect(await account.text()).toContain(email);
    // A second device.
    const other = ctx.client();
    await other.signIn(email, 'a-long-password-1');
    expect((await other.get('/es/account')).status).toBe(200);
    const r = await client.post('/es/account/sessions/revoke', { which: 'others' });
    expect(r.status).toBe(303);
    expect((await other.get('/es/account')).status).toBe(303); // sent to sign in
    expect((await client.get('/es/account')).status).toBe(200);
    await client.post('/es/sign-out');
    expect((await client.get('/es/account')).headers.get('location')).toMatch(/\/es\/sign-in\?next=/);
  });

  it('does not reveal whether an address has an account', async () => {
    const c = ctx.client();
    const r = await c.post('/es/sign-up', { name: 'Otra', email: ADMIN.email, password: 'another-long-one', confirm: 'another-long-one' });
    expect(r.status).toBe(303);
    expect((await lastMail(ctx, ADMIN.email))?.kind).toBe('account-exists');
  });

  it('refuses sign-in before verification and resends the link', async () => {
    const c = ctx.client();
    const email = `unverified-${dialect}@example.org`;
    await c.post('/es/sign-up', { name: 'U', email, password: 'a-long-password-1', confirm: 'a-long-password-1' });
    const r = await c.post('/es/sign-in', { email, password: 'a-long-password-1' });
    expect(r.status).toBe(403);
    expect(await r.text()).toContain('confirma tu correo');
  });

  it('resets a forgotten password through the mailed link', async () => {
    const email = `reset-${dialect}@example.org`;
    await signUpAndIn(ctx, email);
    const c = ctx.client();
    expect((await c.post('/en/forgot-password', { email })).status).toBe(303);
    const mail = await lastMail(ctx, email);
    const token = /token=([^\s&]+)/.exec(mail!.text_body)![1]!;
    expect((await c.post('/en/reset-password', { token, password: 'a-new-password-2', confirm: 'a-new-password-2' })).status).toBe(303);
    await c.signIn(email, 'a-new-password-2');
    const reused = await c.post('/en/reset-password', { token, password: 'a-new-password-3', confirm: 'a-new-password-3' });
    expect(reused.status).toBe(400);
  });

  it('mails the verification and reset links through notify(), in the language of the account', async () => {
    const c = ctx.client();
    const email = `pt-${dialect}@example.org`;
    expect((await c.post('/pt/sign-up', { name: 'Joana', email, password: 'a-long-password-1', confirm: 'a-long-password-1' })).status).toBe(303);
    const verify = await lastMail(ctx, email);
    expect(verify).toMatchObject({ kind: 'verify-email', subject: 'Confirme seu e-mail no Mecanismo de Diálogo' });
    expect(verify!.text_body).toContain('http://localhost:3000/pt/verify-email?token=');
    // Asked for from a page in English, the reset link still comes in the account's language.
    expect((await c.post('/en/forgot-password', { email })).status).toBe(303);
    const reset = await lastMail(ctx, email);
    expect(reset).toMatchObject({ kind: 'password-reset', subject: 'Escolha uma nova senha' });
    expect(reset!.text_body).toContain('http://localhost:3000/pt/reset-password?token=');
  });

  it('limits sign-in attempts per address', async () => {
    const c = ctx.client();
    const email = `limited-${dialect}@example.org`;
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await c.post('/es/sign-in', { email, password: 'wrong-password' })).status);
    expect(statuses.slice(0, 8).every((s) => s === 401)).toBe(true);
    expect(statuses[9]).toBe(429);
  });

  it('refuses a form without its CSRF token and changes nothing', async () => {
    const c = ctx.client();
    await c.get('/es/sign-up');
    const r = await c.post('/es/sign-up', { name: 'X', email: 'csrf@example.org', password: 'a-long-password', confirm: 'a-long-password' }, { csrf: 'forged-token-forged-token-forged-token' });
    expect(r.status).toBe(403);
    const cross = await c.request('/es/sign-up', {
      method: 'POST',
      body: new URLSearchParams({ _csrf: c.cookies.get('dialogo.csrf')!, name: 'X', email: 'csrf@example.org', password: 'a-long-password', confirm: 'a-long-password' }),
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
    });
    expect(cross.status).toBe(403);
    expect(await ctx.db.selectFrom('users').select('id').where('email', '=', 'csrf@example.org').executeTakeFirst()).toBeUndefined();
  });

  it('lets only administrators in the administration, for every route and role', async () => {
    const anon = ctx.client();
    const { client: member, userId } = await signUpAndIn(ctx, `member-${dialect}@example.org`);
    const admin = await ctx.admin();
    for (const p of ['/es/admin', '/es/admin/outbox', '/es/admin/users', '/es/admin/audit']) {
      expect((await anon.get(p)).status, `anonymous ${p}`).toBe(303);
      expect((await member.get(p)).status, `member ${p}`).toBe(403);
      expect((await admin.get(p)).status, `admin ${p}`).toBe(200);
    }
    expect((await member.post(`/es/admin/users/${userId}/role`, { role: 'admin' })).status).toBe(403);
    expect((await anon.post(`/es/admin/users/${userId}/role`, { role: 'admin' })).status).toBe(401);
    expect((await admin.post(`/es/admin/users/${userId}/role`, { role: 'admin' })).status).toBe(303);
    const row = await ctx.db.selectFrom('users').select('role').where('id', '=', userId).executeTakeFirstOrThrow();
    expect(row.role).toBe('admin');
    expect(await ctx.db.selectFrom('audit_log').select('action').where('subject_id', '=', userId).executeTakeFirst()).toEqual({ action: 'user.role' });
  });

  it('shows the mail outbox to administrators', async () => {
    const admin = await ctx.admin();
    const r = await admin.get(`/es/admin/outbox?to=${encodeURIComponent(ADMIN.email)}`);
    expect(await r.text()).toContain('Ya tienes una cuenta');
  });

  it('answers the JSON API with problem details and an OpenAPI document', async () => {
    const c = ctx.client();
    const objectives = (await (await c.get('/api/v1/objectives?lang=fr')).json()) as { data: { n: number; hubId: number }[] };
    expect(objectives.data).toHaveLength(23);
    expect(objectives.data[0]).toMatchObject({ n: 1, hubId: 279 });
    const lac = (await (await c.get('/api/v1/countries?lac=true')).json()) as { data: unknown[] };
    expect(lac.data).toHaveLength(33);
    const bad = await c.get('/api/v1/objectives?lang=de');
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    expect(((await bad.json()) as { code: string }).code).toBe('invalid_request');
    const missing = await c.get('/api/v1/bodies/no-such-body');
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { code: string }).code).toBe('not_found');
    const spec = (await (await c.get('/api/v1/openapi.json')).json()) as { openapi: string; paths: Record<string, unknown> };
    expect(spec.openapi).toBe('3.1.0');
    expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(['/objectives', '/principles', '/countries', '/bodies', '/bodies/{slug}']));
    expect((await c.get('/api/v1/docs')).status).toBe(200);
  });

  it('reports health', async () => {
    const r = await ctx.client().get('/healthz');
    expect(await r.json()).toEqual({ status: 'ok', db: dialect });
  });
});
