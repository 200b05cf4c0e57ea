/** @module Membership: one history line per step, written with the audit entry in the same transaction. */
import type { Db } from '../../../db/schema.js';
import { newId, nowIso } from '../../../db/ids.js';
import { audit } from '../../../platform/audit/audit.js';

export async function recordStep(
  db: Db,
  step: { orgId: string; actorId: string | null; action: string; from?: string | null; to?: string | null; note?: string | null; changes?: unknown },
): Promise<void> {
  await db
    .insertInto('membership_history')
    .values({
      id: newId(),
      org_id: step.orgId,
      at: nowIso(),
      actor_id: step.actorId,
      action: step.action,
      from_status: step.from ?? null,
      to_status: step.to ?? null,
      note: step.note ?? null,
      changes: step.changes === undefined ? null : JSON.stringify(step.changes),
    })
    .execute();
  await audit(db, {
    actorId: step.actorId,
    action: `membership.${step.action}`,
    subjectType: 'organization',
    subjectId: step.orgId,
    data: { from: step.from ?? undefined, to: step.to ?? undefined, note: step.note ?? undefined, changes: step.changes },
  });
}
