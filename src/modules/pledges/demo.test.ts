/** The demo: five labelled pledges in several states — one joint, one matching — added once, the published ones public. */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import pino from 'pino';
import { createTestContext, DIALECTS, type TestContext } from '../../../tests/support/context.js';
import { modules } from '../index.js';
import { demoPledges } from './seed.js';
import { paths } from './paths.js';

describe.each(DIALECTS)('pledges demo on %s', (dialect) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext(dialect);
  }, 60_000);
  afterAll(() => ctx.close());

  it('adds labelled pledges in several states, one joint and one matching, once', async () => {
    const admin = (await ctx.db.selectFrom('users').select('id').where('role', '=', 'admin').executeTakeFirstOrThrow()).id;
    const seed = { dialect, log: pino({ level: 'silent' }), adminId: admin };
    await ctx.db.transaction().execute(async (trx) => {
      for (const m of modules) await m.demo?.({ db: trx, ...seed });
      await demoPledges({ db: trx, ...seed });
    });
    await ctx.db.transaction().execute((trx) => demoPledges({ db: trx, ...seed }));
    const rows = await ctx.db.selectFrom('pledges').selectAll().orderBy('ref').execute();
    expect(rows).toHaveLength(5);
    expect(rows.every((p) => p.is_demo === 1 && /^\[Demo\]/.test(JSON.parse(p.title).es))).toBe(true);
    expect(rows.map((p) => p.state).sort()).toEqual(['draft', 'published', 'published', 'returned', 'submitted']);
    const joint = rows.find((p) => p.kind === 'partnership')!;
    expect(await ctx.db.selectFrom('pledge_organizations').select('org_id').where('pledge_id', '=', joint.id).execute()).toHaveLength(2);
    const matching = rows.find((p) => p.kind === 'matching')!;
    expect(matching.matches_pledge_id).toBe(joint.id);
    expect(await ctx.db.selectFrom('pledge_updates').select('status').where('pledge_id', '=', joint.id).execute()).toEqual([{ status: 'in_progress' }]);
    expect(await ctx.db.selectFrom('outbox').select('id').where('kind', 'like', 'pledges.%').execute()).toEqual([]);
    const page = await (await ctx.client().get(paths.pledge.href('es', { id: matching.id }))).text();
    expect(page).toContain('Compromiso de demostración');
    expect(page).toContain(joint.ref);
    const list = await (await ctx.client().get(paths.list.href('es', {}, { objective: '16' }))).text();
    expect(list).toContain(joint.ref);
    expect(list).toContain(matching.ref);
  });
});
