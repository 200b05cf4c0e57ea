/** @module Membership commands: invitations (hashed single-use tokens that expire) and naming representatives and the voter. */
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../../db/schema.js';
import { newId, nowIso } from '../../../db/ids.js';
import type { Actor } from '../../../platform/authz/authz.js';
import { recordStep } from './history.js';
import type { Outcome } from './profile.js';

export const INVITATION_DAYS = 7;
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createInvitation(db: Db, actor: Actor, orgId: string, email: string, now = new Date()): Promise<Outcome<{ token: string; expiresAt: string }>> {
  if (!actor) return { ok: false, reason: 'forbidden' };
  const token = randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + INVITATION_DAYS * 86400_000).toISOString();
  await db
    .insertInto('membership_invitations')
    .values({ id: newId(), org_id: orgId, token_hash: hashToken(token), email, created_by: actor.id, created_at: now.toISOString(), expires_at: expiresAt, used_at: null, used_by: null })
    .execute();
  await recordStep(db, { orgId, actorId: actor.id, action: 'invited', note: email });
  return { ok: true, token, expiresAt };
}

/** Looks an invitation up by its token and says whether it can still be used. */
export async function findInvitation(db: Db, token: string) {
  const inv = await db
    .selectFrom('membership_invitations')
    .innerJoin('organizations', 'organizations.id', 'membership_invitations.org_id')
    .select([
      'membership_invitations.id',
      'membership_invitations.org_id',
      'membership_invitations.expires_at',
      'membership_invitations.used_at',
      'organizations.name',
      'organizations.status',
    ])
    .where('membership_invitations.token_hash', '=', hashToken(token))
    .executeTakeFirst();
  if (!inv) return { state: 'unknown' as const };
  if (inv.used_at) return { state: 'used' as const, inv };
  if (inv.expires_at <= nowIso()) return { state: 'expired' as const, inv };
  if (inv.status !== 'member') return { state: 'inactive' as const, inv };
  return { state: 'valid' as const, inv };
}

/** Uses the invitation once: the person joins the organization. */
export async function acceptInvitation(db: Db, actor: Actor, token: string): Promise<Outcome<{ orgId: string }>> {
  if (!actor) return { ok: false, reason: 'forbidden' };
  const found = await findInvitation(db, token);
  if (found.state !== 'valid') return { ok: false, reason: found.state };
  const now = nowIso();
  const used = await db
    .updateTable('membership_invitations')
    .set({ used_at: now, used_by: actor.id })
    .where('id', '=', found.inv.id)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  if (Number(used.numUpdatedRows) !== 1) return { ok: false, reason: 'used' };
  const already = await db.selectFrom('organization_people').select('user_id').where('org_id', '=', found.inv.org_id).where('user_id', '=', actor.id).executeTakeFirst();
  if (!already) {
    await db
      .insertInto('organization_people')
      .values({ org_id: found.inv.org_id, user_id: actor.id, role_title: null, is_representative: 0, is_voter: 0, created_at: now })
      .execute();
  }
  await recordStep(db, { orgId: found.inv.org_id, actorId: actor.id, action: 'joined' });
  return { ok: true, orgId: found.inv.org_id };
}

/** Names the representatives and exactly one voter among the organization's people. */
export async function setPeopleRoles(db: Db, actor: Actor, orgId: string, representatives: string[], voter: string | undefined): Promise<Outcome> {
  const people = (await db.selectFrom('organization_people').select('user_id').where('org_id', '=', orgId).execute()).map((p) => p.user_id);
  if (!voter || !people.includes(voter)) return { ok: false, reason: 'voter_required' };
  if (representatives.some((r) => !people.includes(r))) return { ok: false, reason: 'not_a_person' };
  await db.updateTable('organization_people').set({ is_voter: 0 }).where('org_id', '=', orgId).execute();
  for (const p of people) {
    await db
      .updateTable('organization_people')
      .set({ is_representative: representatives.includes(p) ? 1 : 0, is_voter: p === voter ? 1 : 0 })
      .where('org_id', '=', orgId)
      .where('user_id', '=', p)
      .execute();
  }
  await recordStep(db, { orgId, actorId: actor?.id ?? null, action: 'people_updated', changes: { representatives, voter } });
  return { ok: true };
}
