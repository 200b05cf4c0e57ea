/**
 * @module Bodies: commands on positions (appointments by administrators, assignments from certified elections).
 * Run inside the caller's transaction; a refusal's reason is its message key.
 */
import type { Db } from '../../../db/schema.js';
import { newId, nowIso } from '../../../db/ids.js';
import { audit } from '../../../platform/audit/audit.js';
import { canActFor } from '../../membership/index.js';
import type { BodyPosition } from '../tables.js';
import { membershipOf } from '../queries.js';
import { ok, fail, type Outcome } from '../../../platform/outcome.js';

export interface Assignment {
  position: BodyPosition;
  userId: string;
  orgId: string;
  holderName: string;
}

/**
 * Gives positions to people for a term, ending whoever held them before (their holding stays as history).
 * Each holder must act for an organization that is a member of the body.
 */
export async function assignPositions(
  db: Db,
  actorId: string | null,
  input: { bodyId: string; assignments: Assignment[]; startsOn: string; endsOn: string | null; source: 'election' | 'appointment'; electionId?: string | null },
): Promise<Outcome<{ ids: string[] }>> {
  for (const a of input.assignments) {
    if ((await membershipOf(db, input.bodyId, a.orgId)) !== 'member') return fail('bodies.errors.orgNotInBody', { field: 'org' });
    if (!(await canActFor(db, a.userId, a.orgId))) return fail('bodies.errors.personNotOfOrg', { field: 'email' });
  }
  const now = nowIso();
  const ids: string[] = [];
  for (const a of input.assignments) {
    await db.updateTable('body_positions').set({ ended_at: now }).where('body_id', '=', input.bodyId).where('position', '=', a.position).where('ended_at', 'is', null).execute();
    const id = newId();
    ids.push(id);
    await db
      .insertInto('body_positions')
      .values({
        id,
        body_id: input.bodyId,
        position: a.position,
        user_id: a.userId,
        org_id: a.orgId,
        holder_name: a.holderName,
        starts_on: input.startsOn,
        ends_on: input.endsOn,
        source: input.source,
        election_id: input.electionId ?? null,
        created_by: actorId,
        created_at: now,
        ended_at: null,
      })
      .execute();
    await audit(db, {
      actorId,
      action: input.source === 'election' ? 'body.position_elected' : 'body.position_appointed',
      subjectType: 'body',
      subjectId: input.bodyId,
      data: { position: a.position, userId: a.userId, orgId: a.orgId, startsOn: input.startsOn, endsOn: input.endsOn, electionId: input.electionId ?? null },
    });
  }
  return ok({ ids });
}

/** Ends a holding early (administrators). */
export async function endPosition(db: Db, actorId: string, input: { bodyId: string; holdingId: string }): Promise<Outcome> {
  const r = await db.updateTable('body_positions').set({ ended_at: nowIso() }).where('id', '=', input.holdingId).where('body_id', '=', input.bodyId).where('ended_at', 'is', null).executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) return fail('bodies.errors.notCurrent');
  await audit(db, { actorId, action: 'body.position_ended', subjectType: 'body', subjectId: input.bodyId, data: { holdingId: input.holdingId } });
  return ok();
}
