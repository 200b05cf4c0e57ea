/**
 * Elections' report section on both engines: elections closed during the period (with turnout) and positions
 * filled (terms that began in it, read through bodies), by body and by the bodies that prioritized an
 * objective; null where nothing happened.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createTestContext, DIALECTS, type TestContext } from '../../../tests/support/context.js';
import { formatters } from '../../platform/i18n/i18n.js';
import { newId } from '../../db/ids.js';
import { makeOrganization, addPerson } from '../membership/factories.js';
import { addBodyMember, assignPositions, getBodyBySlug, type BodyRow } from '../bodies/index.js';
import { electionsReport, type ElectionsReportData } from './report.js';

const Y25 = { from: '2025-01-01', to: '2026-01-01' };

describe.each(DIALECTS)('elections report section (%s)', (dialect) => {
  let ctx: TestContext;
  let mt1: BodyRow;
  let mt2: BodyRow;
  beforeAll(async () => {
    ctx = await createTestContext(dialect);
    mt1 = (await getBodyBySlug(ctx.db, 'mt1'))!;
    mt2 = (await getBodyBySlug(ctx.db, 'mt2'))!;
    const admin = (await ctx.db.selectFrom('users').select('id').where('role', '=', 'admin').executeTakeFirstOrThrow()).id;
    const org = await makeOrganization(ctx.db, { name: 'Org electa' });
    const election = async (bodyId: string, status: string, closedAt: string) =>
      ctx.db
        .insertInto('elections')
        .values({
          id: newId(), body_id: bodyId, title: JSON.stringify({ es: 'Elección de la Secretaría', en: 'Secretariat election' }), positions: '["secretary"]', status: status as any, quorum_pct: 50,
          nominations_close_at: null, voting_opens_at: null, voting_closes_at: closedAt, time_zone: 'UTC', term_start: '2025-04-01', term_end: null, definition: null, census_size: 8, ballot_count: 6,
          publish_voters: 0, head_hash: null, result: null, failed_reason: null, previous_id: null, called_by: admin, opened_at: null, closed_at: closedAt, certified_at: null, certified_by: null,
          created_at: closedAt, updated_at: closedAt,
        })
        .execute();
    await election(mt1.id, 'certified', '2025-03-20T10:00:00.000Z');
    await election(mt2.id, 'voting', '2025-03-20T10:00:00.000Z');
    await election(mt2.id, 'certified', '2024-03-20T10:00:00.000Z');
    await addBodyMember(ctx.db, mt1.id, org.id);
    await addPerson(ctx.db, org.id, admin);
    const r = await assignPositions(ctx.db, null, { bodyId: mt1.id, assignments: [{ position: 'secretary', userId: admin, orgId: org.id, holderName: 'Ana Pérez' }], startsOn: '2025-04-01', endsOn: null, source: 'appointment' });
    expect(r).toMatchObject({ ok: true });
  }, 90_000);
  afterAll(() => ctx?.close());

  const data = (scope: Record<string, unknown>) => electionsReport.data({ db: ctx.db, dialect }, { kind: 'mechanism', ...Y25, ...scope } as any) as Promise<ElectionsReportData | null>;

  it('lists elections closed in the period and positions filled', async () => {
    const d = (await data({}))!;
    expect(d.held.map((e) => [e.status, e.ballots, e.census])).toEqual([['certified', 6, 8]]);
    expect(d.filled).toEqual([expect.objectContaining({ position: 'secretary', holder: 'Ana Pérez', startsOn: '2025-04-01', source: 'appointment' })]);
  });

  it('filters by body and by the bodies of an objective; null when nothing happened', async () => {
    expect((await data({ kind: 'body', bodyId: mt1.id }))!.held).toHaveLength(1);
    expect(await data({ kind: 'body', bodyId: mt2.id })).toBeNull();
    const n = mt1.objectives.find((o) => !mt2.objectives.includes(o));
    if (n) expect((await data({ kind: 'objective', objective: n }))!.filled).toHaveLength(1);
    expect(await data({ from: '2030-01-01', to: '2031-01-01' })).toBeNull();
  });

  it('is written in each language with turnout in its numbers', async () => {
    const d = (await data({}))!;
    const en = electionsReport.render(d, { locale: 'en', t: ctx.deps.i18n.t('en'), fmt: formatters('en') });
    expect((en[0] as any).items.map((i: any) => i.label)).toEqual(['election held', 'position filled', 'of them by election']);
    const es = electionsReport.render(d, { locale: 'es', t: ctx.deps.i18n.t('es'), fmt: formatters('es') });
    const table = es.find((b) => b.kind === 'table') as any;
    expect(table.rows[0][0]).toBe('Elección de la Secretaría (certificada)');
    expect(table.rows[0][3]).toMatch(/^6 \/ 8 \(75\s?%\)$/);
  });
});
