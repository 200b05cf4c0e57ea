/** @module Bodies: commands on which organizations belong to a body. Run inside a transaction opened by the route. */
import type { Db } from '../../../db/schema.js';
import { nowIso } from '../../../db/ids.js';
import { audit } from '../../../platform/audit/audit.js';
import { canActFor, isMemberInGoodStanding } from '../../membership/index.js';
import type { CurrentUser } from '../../../platform/http/env.js';
import { membershipOf } from '../queries.js';

export type Outcome<T = object> = ({ ok: true } & T) | { ok: false; reason: string };

/** An organization asks to join a body. The person must be able to act for it. */
export async function requestJoin(db: Db, actor: CurrentUser, input: { bodyId: string; orgId: string }): Promise<Outcome> {
  if (!(await canActFor(db, actor.id, input.orgId))) return { ok: false, reason: 'notYourOrg' };
  const current = await membershipOf(db, input.bodyId, input.orgId);
  if (current === 'member') return { ok: false, reason: 'alreadyMember' };
  if (current === 'pending') return { ok: false, reason: 'alreadyPending' };
  const now = nowIso();
  const row = { status: 'pending' as const, requested_by: actor.id, requested_at: now, decided_by: null, decided_at: null, left_at: null };
  if (current) await db.updateTable('body_members').set(row).where('body_id', '=', input.bodyId).where('org_id', '=', input.orgId).execute();
  else await db.insertInto('body_members').values({ body_id: input.bodyId, org_id: input.orgId, ...row }).execute();
  await audit(db, { actorId: actor.id, action: 'body.join_requested', subjectType: 'body', subjectId: input.bodyId, data: { orgId: input.orgId } });
  return { ok: true };
}

/** The secretary or an administrator approves or declines a pending request. */
export async function decideJoin(db: Db, actor: CurrentUser, input: { bodyId: string; orgId: string; approve: boolean }): Promise<Outcome> {
  if ((await membershipOf(db, input.bodyId, input.orgId)) !== 'pending') return { ok: false, reason: 'notPending' };
  if (input.approve && !(await isMemberInGoodStanding(db, input.orgId))) return { ok: false, reason: 'notInGoodStanding' };
  await db
    .updateTable('body_members')
    .set({ status: input.approve ? 'member' : 'declined', decided_by: actor.id, decided_at: nowIso() })
    .where('body_id', '=', input.bodyId)
    .where('org_id', '=', input.orgId)
    .execute();
  await audit(db, { actorId: actor.id, action: input.approve ? 'body.join_approved' : 'body.join_declined', subjectType: 'body', subjectId: input.bodyId, data: { orgId: input.orgId } });
  return { ok: true };
}

/**
 * An organization leaves (its people), or is removed (secretary, administrator: `manager`). Positions its
 * people hold in the body end today.
 */
export async function leaveBody(db: Db, actor: CurrentUser, input: { bodyId: string; orgId: string; manager: boolean }): Promise<Outcome> {
  if (!input.manager && !(await canActFor(db, actor.id, input.orgId))) return { ok: false, reason: 'notYourOrg' };
  const current = await membershipOf(db, input.bodyId, input.orgId);
  if (current !== 'member' && current !== 'pending') return { ok: false, reason: 'notMember' };
  const now = nowIso();
  await db.updateTable('body_members').set({ status: 'left', left_at: now }).where('body_id', '=', input.bodyId).where('org_id', '=', input.orgId).execute();
  await db.updateTable('body_positions').set({ ended_at: now }).where('body_id', '=', input.bodyId).where('org_id', '=', input.orgId).where('ended_at', 'is', null).execute();
  await audit(db, { actorId: actor.id, action: 'body.left', subjectType: 'body', subjectId: input.bodyId, data: { orgId: input.orgId, byManager: input.manager } });
  return { ok: true };
}

/** Adds an organization as a member directly (seed, demo, benchmarks, administrators' tools). */
export async function addBodyMember(db: Db, bodyId: string, orgId: string, actorId: string | null = null): Promise<void> {
  const now = nowIso();
  const existing = await membershipOf(db, bodyId, orgId);
  if (existing) {
    await db.updateTable('body_members').set({ status: 'member', decided_by: actorId, decided_at: now, left_at: null }).where('body_id', '=', bodyId).where('org_id', '=', orgId).execute();
    return;
  }
  await db
    .insertInto('body_members')
    .values({ body_id: bodyId, org_id: orgId, status: 'member', requested_by: actorId, requested_at: now, decided_by: actorId, decided_at: now, left_at: null })
    .execute();
}
