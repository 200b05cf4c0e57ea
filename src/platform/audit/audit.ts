/** @module Audit log: who did what to which thing, and when. Written in the same transaction as the change. */
import type { Db } from '../../db/schema.js';
import { newId, nowIso } from '../../db/ids.js';

export async function audit(
  db: Db,
  entry: { actorId: string | null; action: string; subjectType: string; subjectId?: string | null; data?: unknown },
): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      id: newId(),
      at: nowIso(),
      actor_id: entry.actorId,
      action: entry.action,
      subject_type: entry.subjectType,
      subject_id: entry.subjectId ?? null,
      data: entry.data === undefined ? null : JSON.stringify(entry.data),
    })
    .execute();
}

export async function auditTrail(db: Db, subjectType: string, subjectId: string) {
  return db
    .selectFrom('audit_log')
    .leftJoin('users', 'users.id', 'audit_log.actor_id')
    .select(['audit_log.id', 'audit_log.at', 'audit_log.action', 'audit_log.data', 'users.name as actor_name'])
    .where('subject_type', '=', subjectType)
    .where('subject_id', '=', subjectId)
    .orderBy('audit_log.at', 'asc')
    .execute();
}
