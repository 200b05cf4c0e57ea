/**
 * Frozen migration: one history. Every `membership_history` row moves into the platform's `audit_log`
 * (same id, time and actor; action 'membership.<action>', subject the organization; the data JSON written
 * exactly as audit() writes it: `changes` first, then from, to and note when present), and the table is
 * dropped. Steps written since the audit log existed were recorded twice (a history row and an audit row in
 * the same transaction): the audit twin — same organization, action and actor, within a few seconds — is
 * replaced by the history row, so each step appears once.
 */
import type { Kysely } from 'kysely';

const TWIN_MS = 5000;
const BATCH = 500;

interface HistoryRow {
  id: string;
  org_id: string;
  at: string;
  actor_id: string | null;
  action: string;
  from_status: string | null;
  to_status: string | null;
  note: string | null;
  changes: string | null;
}

/** The data column as audit() writes it. */
function dataOf(h: HistoryRow): string | null {
  const extra: Record<string, unknown> = {};
  if (h.changes != null) {
    try {
      extra.changes = JSON.parse(h.changes);
    } catch {
      extra.changes = h.changes;
    }
  }
  if (h.from_status != null) extra.from = h.from_status;
  if (h.to_status != null) extra.to = h.to_status;
  if (h.note != null) extra.note = h.note;
  return Object.keys(extra).length ? JSON.stringify(extra) : null;
}

export async function up(db: Kysely<any>): Promise<void> {
  const history = (await db.selectFrom('membership_history').selectAll().orderBy('at').orderBy('id').execute()) as HistoryRow[];
  const audited = (await db
    .selectFrom('audit_log')
    .select(['id', 'at', 'actor_id', 'action', 'subject_id'])
    .where('subject_type', '=', 'organization')
    .where('action', 'like', 'membership.%')
    .execute()) as { id: string; at: string; actor_id: string | null; action: string; subject_id: string | null }[];
  const key = (org: string | null, action: string, actor: string | null) => `${org}|${action}|${actor ?? ''}`;
  const twins = new Map<string, { id: string; t: number }[]>();
  for (const a of audited) {
    const k = key(a.subject_id, a.action, a.actor_id);
    twins.set(k, [...(twins.get(k) ?? []), { id: a.id, t: Date.parse(a.at) }]);
  }
  const replaced: string[] = [];
  const rows = history.map((h) => {
    const action = `membership.${h.action}`;
    const candidates = twins.get(key(h.org_id, action, h.actor_id));
    if (candidates?.length) {
      const t = Date.parse(h.at);
      const i = candidates.findIndex((c) => Math.abs(c.t - t) <= TWIN_MS);
      if (i >= 0) replaced.push(candidates.splice(i, 1)[0]!.id);
    }
    return { id: h.id, at: h.at, actor_id: h.actor_id, action, subject_type: 'organization', subject_id: h.org_id, data: dataOf(h) };
  });
  for (let i = 0; i < replaced.length; i += BATCH) await db.deleteFrom('audit_log').where('id', 'in', replaced.slice(i, i + BATCH)).execute();
  for (let i = 0; i < rows.length; i += BATCH) await db.insertInto('audit_log').values(rows.slice(i, i + BATCH)).execute();
  await db.schema.dropIndex('membership_history_org_idx').ifExists().execute();
  await db.schema.dropIndex('membership_history_action_idx').ifExists().execute();
  await db.schema.dropTable('membership_history').execute();
}

/** Recreates the table empty: the steps stay in audit_log, where the application reads them. */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('membership_history')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text')
    .addColumn('note', 'text')
    .addColumn('changes', 'text')
    .execute();
  await db.schema.createIndex('membership_history_org_idx').on('membership_history').columns(['org_id', 'at']).execute();
}
