/** The practice_events → audit_log migration, on both engines: ids, times, actors and details kept; each step once. */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createTestContext, DIALECTS, type TestContext } from '../../../tests/support/context.js';
import { historyOf } from '../../platform/audit/audit.js';
import { makePractice, practiceInput, userStub } from './factories.js';
import { up, down } from './migrations/2026_12_02_0600_practices_events_to_audit.js';

describe.each(DIALECTS)('practice history migration on %s', (dialect) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext(dialect);
  });
  afterAll(async () => ctx?.close());

  it('copies practice_events into the audit log, removes their twins, keeps other entries and drops the table', async () => {
    const db = ctx.db as any;
    const admin = await ctx.db.selectFrom('users').select('id').where('role', '=', 'admin').executeTakeFirstOrThrow();
    const A = admin.id;
    const R = 'reviewer00000001';
    // A practice made by today's code: its 'practice.create' audit row is the twin of the legacy create event below.
    const id = await makePractice(ctx.db, userStub(A, 'admin'), practiceInput(), 'draft');
    const createTwin = await ctx.db.selectFrom('audit_log').select('id').where('subject_id', '=', id).where('action', '=', 'practice.create').executeTakeFirstOrThrow();
    // What the old code wrote next to each event: an audit row without the comment.
    const legacy = (rid: string, at: string, actor: string, action: string, data: string | null) =>
      ({ id: rid, at, actor_id: actor, action, subject_type: 'practice', subject_id: id, data });
    await db
      .insertInto('audit_log')
      .values([
        legacy('twinsubmit000001', '2026-01-02T10:00:00.002Z', A, 'practice.submit', '{"from":"draft","to":"submitted"}'),
        legacy('twincomment00001', '2026-01-03T10:00:00.001Z', R, 'practice.comment', null),
        legacy('update0000000001', '2026-01-02T09:00:00.000Z', A, 'practice.update', null),
      ])
      .execute();
    await db.schema
      .createTable('practice_events')
      .addColumn('id', 'text', (c: any) => c.primaryKey())
      .addColumn('practice_id', 'text', (c: any) => c.notNull())
      .addColumn('at', 'text', (c: any) => c.notNull())
      .addColumn('actor_id', 'text')
      .addColumn('action', 'text', (c: any) => c.notNull())
      .addColumn('from_status', 'text')
      .addColumn('to_status', 'text')
      .addColumn('comment', 'text')
      .execute();
    const ev = (eid: string, at: string, actor: string, action: string, from: string | null, to: string | null, comment: string | null) =>
      ({ id: eid, practice_id: id, at, actor_id: actor, action, from_status: from, to_status: to, comment });
    await db
      .insertInto('practice_events')
      .values([
        ev('event00000000001', '2026-01-01T10:00:00.000Z', A, 'create', null, 'draft', null),
        ev('event00000000002', '2026-01-02T10:00:00.000Z', A, 'submit', 'draft', 'submitted', null),
        ev('event00000000003', '2026-01-03T10:00:00.000Z', R, 'comment', 'submitted', 'submitted', 'Falta una cifra'),
        // No twin: kept all the same.
        ev('event00000000004', '2026-01-04T10:00:00.000Z', R, 'request_changes', 'submitted', 'returned', 'Agreguen "resultados"'),
      ])
      .execute();

    await up(db);

    const rows = await ctx.db.selectFrom('audit_log').selectAll().where('subject_type', '=', 'practice').where('subject_id', '=', id).orderBy('at').execute();
    expect(rows.map((r) => [r.id, r.at, r.actor_id, r.action, r.data])).toEqual([
      ['event00000000001', '2026-01-01T10:00:00.000Z', A, 'practice.create', '{"to":"draft"}'],
      ['update0000000001', '2026-01-02T09:00:00.000Z', A, 'practice.update', null],
      ['event00000000002', '2026-01-02T10:00:00.000Z', A, 'practice.submit', '{"from":"draft","to":"submitted"}'],
      ['event00000000003', '2026-01-03T10:00:00.000Z', R, 'practice.comment', '{"from":"submitted","to":"submitted","note":"Falta una cifra"}'],
      ['event00000000004', '2026-01-04T10:00:00.000Z', R, 'practice.request_changes', '{"from":"submitted","to":"returned","note":"Agreguen \\"resultados\\""}'],
    ]);
    expect(rows.map((r) => r.id)).not.toContain(createTwin.id);
    const history = await historyOf(ctx.db, 'practice', id);
    expect(history.at(-1)).toMatchObject({ action: 'practice.request_changes', actorId: R, from: 'submitted', to: 'returned', note: 'Agreguen "resultados"' });
    await expect(db.selectFrom('practice_events').selectAll().execute()).rejects.toThrow();

    // And back: the workflow's entries return to practice_events.
    await down(db);
    const back = await db.selectFrom('practice_events').selectAll().where('practice_id', '=', id).orderBy('at').execute();
    expect(back.map((e: any) => [e.id, e.action, e.from_status, e.to_status, e.comment])).toEqual([
      ['event00000000001', 'create', null, 'draft', null],
      ['event00000000002', 'submit', 'draft', 'submitted', null],
      ['event00000000003', 'comment', 'submitted', 'submitted', 'Falta una cifra'],
      ['event00000000004', 'request_changes', 'submitted', 'returned', 'Agreguen "resultados"'],
    ]);
    await db.schema.dropTable('practice_events').execute();
  });
});
