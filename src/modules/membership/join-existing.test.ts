/** An anonymous application with an address that already has an account attaches nothing to that account and reveals nothing. */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createTestContext, DIALECTS, lastMail, signUpAndIn, type TestContext } from '../../../tests/support/context.js';

const APPLY = {
  name: 'Colectivo Frontera Norte',
  country: 'MX',
  countries: ['MX'],
  type: 'ngo',
  objectives: ['8'],
  languages: ['es'],
  description: 'Acompañamiento en la frontera.',
  description_lang: 'es',
  role_title: 'Coordinación',
  person_name: 'Intruso',
  password: 'a-long-password-9',
  confirm: 'a-long-password-9',
  accept_principles: 'on',
  accept_terms: 'on',
};

describe.each(DIALECTS)('joining with an existing address (%s)', (dialect) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext(dialect);
  });
  afterAll(async () => {
    await ctx?.close();
  });

  it('answers like any application, creates nothing, and tells the owner', async () => {
    const email = `owner-${dialect}@example.org`;
    const { userId } = await signUpAndIn(ctx, email);
    const r = await ctx.client().post('/es/join', { ...APPLY, email });
    expect(r.status).toBe(303);
    expect(r.headers.get('location')).toMatch(/\/es\/join\/sent/);
    const orgs = await ctx.db.selectFrom('organization_people').select('org_id').where('user_id', '=', userId).execute();
    expect(orgs).toEqual([]);
    expect(await ctx.db.selectFrom('organizations').select('id').where('name', '=', APPLY.name).executeTakeFirst()).toBeUndefined();
    expect((await lastMail(ctx, email))?.kind).toBe('account-exists');
  });
});
