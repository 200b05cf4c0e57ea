/**
 * @module History
 * The one history of the platform: who did what to which thing, when, with the state it moved from and to
 * and a note. Written with `audit()` in the same transaction as the change; read with `historyOf()` by every
 * module (an organization's review history, a practice's workflow, an election's trail) and by the
 * administrators' log.
 */
import type { Db } from '../../db/schema.js';
import { newId, nowIso } from '../../db/ids.js';

export interface AuditEntry {
  actorId: string | null;
  /** What happened, namespaced by module: 'membership.approved', 'practice.submit', 'election.opened'. */
  action: string;
  /** What it happened to: 'organization', 'practice', 'election', 'body', … */
  subjectType: string;
  subjectId?: string | null;
  /** The state before and after, when the action moved one. */
  from?: string | null;
  to?: string | null;
  /** A person's words about it (a review comment, a reason). */
  note?: string | null;
  /** Anything else worth keeping (the fields that changed, ids involved). */
  data?: Record<string, unknown>;
}

export async function audit(db: Db, entry: AuditEntry): Promise<void> {
  const extra = { ...(entry.data ?? {}) } as Record<string, unknown>;
  if (entry.from != null) extra.from = entry.from;
  if (entry.to != null) extra.to = entry.to;
  if (entry.note != null) extra.note = entry.note;
  await db
    .insertInto('audit_log')
    .values({
      id: newId(),
      at: nowIso(),
      actor_id: entry.actorId,
      action: entry.action,
      subject_type: entry.subjectType,
      subject_id: entry.subjectId ?? null,
      data: Object.keys(extra).length ? JSON.stringify(extra) : null,
    })
    .execute();
}

/** One step of a thing's history, oldest first. */
export interface HistoryItem {
  id: string;
  at: string;
  action: string;
  actorId: string | null;
  actorName: string | null;
  from: string | null;
  to: string | null;
  note: string | null;
  data: Record<string, unknown>;
}

/** The history of one thing, oldest first (the one reader every module uses). */
export async function historyOf(db: Db, subjectType: string, subjectId: string): Promise<HistoryItem[]> {
  const rows = await db
    .selectFrom('audit_log')
    .leftJoin('users', 'users.id', 'audit_log.actor_id')
    .select(['audit_log.id', 'audit_log.at', 'audit_log.action', 'audit_log.actor_id', 'audit_log.data', 'users.name as actor_name'])
    .where('subject_type', '=', subjectType)
    .where('subject_id', '=', subjectId)
    .orderBy('audit_log.at', 'asc')
    .orderBy('audit_log.id', 'asc')
    .execute();
  return rows.map((r) => {
    let data: Record<string, unknown> = {};
    try {
      data = r.data ? JSON.parse(r.data) : {};
    } catch {
      /* a broken row shows without its details */
    }
    const { from, to, note, ...rest } = data as { from?: string; to?: string; note?: string };
    return { id: r.id, at: r.at, action: r.action, actorId: r.actor_id, actorName: r.actor_name ?? null, from: from ?? null, to: to ?? null, note: note ?? null, data: rest };
  });
}
