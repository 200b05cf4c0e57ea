/**
 * Practices' report section on both engines: practices published during the period (drafts and others left
 * out), by GCM objective with the objectives' names in every language, filtered by a body's organizations and
 * by objective; null where nothing was published.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createTestContext, DIALECTS, type TestContext } from '../../../tests/support/context.js';
import { formatters } from '../../platform/i18n/i18n.js';
import { makeOrganization } from '../membership/factories.js';
import { makePractice, practiceInput, userStub } from './factories.js';
import { practicesReport, type PracticesReportData } from './report.js';

const Y25 = { from: '2025-01-01', to: '2026-01-01' };

describe.each(DIALECTS)('practices report section (%s)', (dialect) => {
  let ctx: TestContext;
  let orgId = '';
  beforeAll(async () => {
    ctx = await createTestContext(dialect);
    const admin = (await ctx.db.selectFrom('users').select('id').where('role', '=', 'admin').executeTakeFirstOrThrow()).id;
    orgId = (await makeOrganization(ctx.db, { name: 'Org prácticas' })).id;
    const a = userStub(admin, 'admin');
    const mk = async (objectives: number[], status: 'published' | 'draft', at: string | null, org: string | null = null) => {
      const id = await makePractice(ctx.db, a, practiceInput({ objectives, orgId: org, texts: { title: { es: `Práctica ${objectives.join('-')}`, pt: `Prática ${objectives.join('-')}` } } }), status);
      if (at) await ctx.db.updateTable('practices').set({ published_at: at }).where('id', '=', id).execute();
    };
    await mk([3, 16], 'published', '2025-02-01T10:00:00.000Z', orgId);
    await mk([16], 'published', '2025-09-01T10:00:00.000Z');
    await mk([16], 'draft', null);
    await mk([7], 'published', '2024-09-01T10:00:00.000Z');
  }, 90_000);
  afterAll(() => ctx?.close());

  const data = (scope: Record<string, unknown>, bodyOrgIds?: string[]) =>
    practicesReport.data({ db: ctx.db, dialect, bodyOrgIds }, { kind: 'mechanism', ...Y25, ...scope } as any) as Promise<PracticesReportData | null>;

  it('counts the practices published in the period, by objective', async () => {
    const d = (await data({}))!;
    expect(d.published).toBe(2);
    expect(d.byObjective).toEqual([
      [16, 2],
      [3, 1],
    ]);
    expect(Object.keys(d.objectives['16']!).sort()).toEqual(['en', 'es', 'fr', 'pt']);
    expect(d.listed.map((p) => p.title.es)).toEqual(['Práctica 16', 'Práctica 3-16']);
  });

  it('counts the same way when the period holds most practices (every term less those outside the period)', async () => {
    const d = (await data({ from: '2024-01-01', to: '2026-01-01' }))!;
    expect(d.published).toBe(3);
    expect(d.byObjective).toEqual([
      [16, 2],
      [3, 1],
      [7, 1],
    ]);
  });

  it("filters by a body's organizations and by objective; null when nothing was published", async () => {
    expect((await data({ kind: 'body', bodyId: 'b' }, [orgId]))!.published).toBe(1);
    expect(await data({ kind: 'body', bodyId: 'b' }, [])).toBeNull();
    expect((await data({ kind: 'objective', objective: 3 }))!.published).toBe(1);
    expect(await data({ kind: 'objective', objective: 7 })).toBeNull();
  });

  it('is written in each language with plurals', async () => {
    const d = (await data({}))!;
    const pt = practicesReport.render(d, { locale: 'pt', t: ctx.deps.i18n.t('pt'), fmt: formatters('pt') });
    expect((pt[0] as any).items[0]).toEqual({ value: '2', label: 'práticas publicadas' });
    expect(JSON.stringify(pt)).toContain('Prática 16');
    const one = practicesReport.render({ ...d, published: 1 }, { locale: 'en', t: ctx.deps.i18n.t('en'), fmt: formatters('en') });
    expect((one[0] as any).items[0].label).toBe('practice published');
  });
});
