/**
 * A person's own data, on both engines: the JSON copy holds what is kept about them; deleting the account
 * needs the typed address, anonymizes the account (history kept under an anonymous name), ends their roles,
 * and the last administrator cannot delete themself.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createTestContext, DIALECTS, signUpAndIn, type TestContext } from '../support/context.js';
import { makeOrganization, addPerson } from '../../src/modules/membership/factories.js';

describe.each(DIALECTS)('account data on %s', (dialect) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext(dialect);
  }, 60_000);
  afterAll(async () => ctx?.close());

  it('the account page offers the copy and the deletion; the copy is JSON with the account, organizations and history', async () => {
    const { client, userId } = await signUpAndIn(ctx, 'copia@data.example', 'Carla Copia');
    const org = await makeOrganization(ctx.db, { name: 'Red Copia', status: 'member' });
    await addPerson(ctx.db, org.id, userId, { representative: true, voter: true });
    const page = await (await client.get('/es/account')).text();
    expect(page).toContain('href="/es/account/data.json"');
    expect(page).toContain('action="/es/account/delete"');
    const res = await client.get('/es/account/data.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('attachment');
    const data = (await res.json()) as any;
    expect(data.account.email).toBe('copia@data.example');
    expect(data.account.name).toBe('Carla Copia');
    expect(data.membership.organizations.map((o: any) => o.name)).toEqual(['Red Copia']);
    expect(data.mailSentToYou.length).toBeGreaterThan(0);
    expect(JSON.stringify(data)).not.toContain('password');
  });

  it('deleting needs the typed address; then the account is anonymized, its roles end, it cannot sign in, and the log reads anonymously', async () => {
    const { client, userId } = await signUpAndIn(ctx, 'borrar@data.example', 'Beto Borrar');
    const org = await makeOrganization(ctx.db, { name: 'Red Borrar', status: 'member' });
    await addPerson(ctx.db, org.id, userId, { representative: true, voter: true });
    const wrong = await client.post('/es/account/delete', { confirm_email: 'otra@data.example' });
    expect(wrong.status).toBe(422);
    expect(await wrong.text()).toContain('escribe exactamente el correo de tu cuenta');
    expect((await ctx.db.selectFrom('users').select('name').where('id', '=', userId).executeTakeFirstOrThrow()).name).toBe('Beto Borrar');
    const ok = await client.post('/es/account/delete', { confirm_email: 'Borrar@data.example' });
    expect(ok.status).toBe(303);
    const user = await ctx.db.selectFrom('users').select(['name', 'email']).where('id', '=', userId).executeTakeFirstOrThrow();
    expect(user.name).toBe('');
    expect(user.email).not.toContain('borrar@data.example');
    expect(await ctx.db.selectFrom('organization_people').select('user_id').where('user_id', '=', userId).execute()).toEqual([]);
    expect(await ctx.db.selectFrom('sessions').select('id').where('user_id', '=', userId).execute()).toEqual([]);
    expect((await client.get('/es/account')).status).toBe(303);
    const again = await ctx.client().post('/es/sign-in', { email: 'borrar@data.example', password: 'a-long-password-1' });
    expect(again.status).not.toBe(303);
    const admin = await ctx.admin();
    const log = await (await admin.get('/en/admin/audit')).text();
    expect(log).toContain('A person deleted their account');
    expect(log).not.toContain('Beto Borrar');
  });

  it('the last administrator cannot delete their account', async () => {
    const admin = await ctx.admin();
    const res = await admin.post('/es/account/delete', { confirm_email: 'admin@test.local' });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('Eres la única persona administradora');
    expect((await ctx.db.selectFrom('users').select('role').where('email', '=', 'admin@test.local').executeTakeFirstOrThrow()).role).toBe('admin');
  });
});
