/** The directory's total comes with its page (a window count): right on every page, past the last, and with no match. */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { DIALECTS, createTestContext, type TestContext } from '../../../tests/support/context.js';
import { makeOrganization } from './factories.js';
import { listDirectory } from './queries.js';

describe.each(DIALECTS)('directory count on %s', (dialect) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext(dialect);
    for (const name of ['Zeta Uno', 'Zeta Dos', 'Zeta Tres']) await makeOrganization(ctx.db, { name });
    await makeOrganization(ctx.db, { name: 'Zeta Solicitante', status: 'applicant' as any });
  });
  afterAll(async () => {
    await ctx?.close();
  });

  it('gives the number of matches with each page', async () => {
    const p1 = await listDirectory(ctx.db, { q: 'zeta' }, 2);
    expect(p1.rows.map((r) => r.name)).toEqual(['Zeta Dos', 'Zeta Tres']);
    expect([p1.total, p1.pages]).toEqual([3, 2]);
    expect(Object.keys(p1.rows[0]!)).not.toContain('matches');
    const p2 = await listDirectory(ctx.db, { q: 'zeta', page: 2 }, 2);
    expect(p2.rows.map((r) => r.name)).toEqual(['Zeta Uno']);
    expect(p2.total).toBe(3);
    const p3 = await listDirectory(ctx.db, { q: 'zeta', page: 3 }, 2);
    expect(p3.rows).toEqual([]);
    expect(p3.total).toBe(3);
    const none = await listDirectory(ctx.db, { q: 'zeta nadie' }, 2);
    expect([none.rows.length, none.total, none.pages]).toEqual([0, 0, 1]);
  });
});
