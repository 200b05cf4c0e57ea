/** The demo data: twelve labelled organizations with a member account each, added once. */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import pino from 'pino';
import { createTestContext, DIALECTS, type TestContext } from '../../../tests/support/context.js';
import { demoMembership } from './seed.js';

describe.each(DIALECTS)('membership demo on %s', (dialect) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext(dialect);
  });
  afterAll(() => ctx.close());

  it('adds twelve [Demo] member organizations across several countries, once', async () => {
    const run = () => ctx.db.transaction().execute((trx) => demoMembership({ db: trx, dialect, log: pino({ level: 'silent' }), adminId: 'x' }));
    await run();
    await run();
    const orgs = await ctx.db.selectFrom('organizations').select(['name', 'country', 'status']).execute();
    expect(orgs).toHaveLength(12);
    expect(orgs.every((o) => o.name.startsWith('[Demo]') && o.status === 'member')).toBe(true);
    expect(new Set(orgs.map((o) => o.country)).size).toBeGreaterThanOrEqual(10);
    const people = await ctx.db.selectFrom('organization_people').select('user_id').where('is_voter', '=', 1).execute();
    expect(people).toHaveLength(12);
    // A demo person can get in through "forgot password" and the outbox.
    const c = ctx.client();
    await c.post('/es/forgot-password', { email: 'demo1@demo.dialogo.local' });
    const mail = await ctx.db.selectFrom('outbox').select('kind').where('to_address', '=', 'demo1@demo.dialogo.local').executeTakeFirst();
    expect(mail?.kind).toBe('password-reset');
    const page = await (await c.get('/es/coverage')).text();
    expect(page).toContain('/es/coverage/map.svg');
    const svg = await ctx.client().get('/es/coverage/map.svg');
    expect(svg.headers.get('content-type')).toContain('image/svg+xml');
    expect(await svg.text()).toContain('<svg');
  });
});
