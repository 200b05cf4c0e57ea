/**
 * Frozen migration: the platform keeps one history. Each row of practice_events becomes an audit_log row
 * (same id, time and actor; action 'practice.<action>', subject 'practice'; from/to/note in `data` exactly as
 * `audit()` writes them), and practice_events is dropped.
 *
 * Until now every workflow step was written twice — a practice_events row and, in the same transaction, an
 * audit_log row without the comment ('practice.submit' with {"from","to"}; 'practice.create' and
 * 'practice.comment' without data). Those twins are removed so each step appears once: the k-th event of a
 * (practice, action, actor) is paired with the k-th audit row of the same (practice, action, actor), both in
 * time order. Audit rows without a twin (edits, files, anything else) are left alone.
 */
import type { Kysely } from 'kysely';

const ACTIONS = ['create', 'submit', 'start_review', 'request_changes', 'approve', 'comment', 'unpublish'];
const CHUNK = 200;

interface EventRow {
  id: string;
  practice_id: string;
  at: string;
  actor_id: string | null;
  action: string;
  from_status: string | null;
  to_status: string | null;
  comment: string | null;
}

/** `data` as audit() writes it: from, to, note (in that order) when present; null when none is. */
function dataOf(e: EventRow): string | null {
  const d: Record<string, string> = {};
  if (e.from_status != null) d.from = e.from_status;
  if (e.to_status != null) d.to = e.to_status;
  if (e.comment != null) d.note = e.comment;
  return Object.keys(d).length ? JSON.stringify(d) : null;
}

export async function up(db: Kysely<any>): Promise<void> {
  const events = (await db.selectFrom('practice_events').selectAll().orderBy('at').orderBy('id').execute()) as EventRow[];
  const twins: { id: string; subject_id: string; action: string; actor_id: string | null }[] = await db
    .selectFrom('audit_log')
    .select(['id', 'subject_id', 'action', 'actor_id'])
    .where('subject_type', '=', 'practice')
    .where(
      'action',
      'in',
      ACTIONS.map((a) => `practice.${a}`),
    )
    .orderBy('at')
    .orderBy('id')
    .execute();
  const key = (practiceId: string, action: string, actor: string | null) => `${practiceId}\u0000${action}\u0000${actor ?? ''}`;
  const waiting = new Map<string, string[]>();
  for (const t of twins) {
    const k = key(t.subject_id, t.action, t.actor_id);
    const list = waiting.get(k);
    if (list) list.push(t.id);
    else waiting.set(k, [t.id]);
  }
  const remove: string[] = [];
  for (const e of events) {
    const twin = waiting.get(key(e.practice_id, `practice.${e.action}`, e.actor_id))?.shift();
    if (twin) remove.push(twin);
  }
  for (let i = 0; i < remove.length; i += CHUNK) await db.deleteFrom('audit_log').where('id', 'in', remove.slice(i, i + CHUNK)).execute();
  for (let i = 0; i < events.length; i += CHUNK) {
    await db
      .insertInto('audit_log')
      .values(
        events.slice(i, i + CHUNK).map((e) => ({
          id: e.id,
          at: e.at,
          actor_id: e.actor_id,
          action: `practice.${e.action}`,
          subject_type: 'practice',
          subject_id: e.practice_id,
          data: dataOf(e),
        })),
      )
      .execute();
  }
  await db.schema.dropTable('practice_events').execute();
}

/** Brings practice_events back with the workflow's entries (the removed twins are not recreated). */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('practice_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('practice_id', 'text', (c) => c.notNull().references('practices.id').onDelete('cascade'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text')
    .addColumn('comment', 'text')
    .execute();
  await db.schema.createIndex('practice_events_practice_idx').on('practice_events').columns(['practice_id', 'at']).execute();
  const rows: { id: string; at: string; actor_id: string | null; action: string; subject_id: string; data: string | null }[] = await db
    .selectFrom('audit_log')
    .innerJoin('practices', 'practices.id', 'audit_log.subject_id')
    .select(['audit_log.id', 'audit_log.at', 'audit_log.actor_id', 'audit_log.action', 'audit_log.subject_id', 'audit_log.data'])
    .where('audit_log.subject_type', '=', 'practice')
    .where(
      'audit_log.action',
      'in',
      ACTIONS.map((a) => `practice.${a}`),
    )
    .execute();
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK).map((r) => {
      let d: { from?: string; to?: string; note?: string } = {};
      try {
        d = r.data ? JSON.parse(r.data) : {};
      } catch {
        /* keep the step without its details */
      }
      return { id: r.id, practice_id: r.subject_id, at: r.at, actor_id: r.actor_id, action: r.action.slice('practice.'.length), from_status: d.from ?? null, to_status: d.to ?? null, comment: d.note ?? null };
    });
    if (chunk.length) await db.insertInto('practice_events').values(chunk).execute();
  }
}
