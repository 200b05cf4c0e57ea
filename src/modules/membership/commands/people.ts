/** @module Membership commands: invitations (hashed single-use tokens that expire) and naming representatives and the voter. */
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../../db/schema.js';
import { newId, nowIso } from '../../../db/ids.js';
import type { Actor } from '../../../platform/authz/authz.js';
import { ok, fail, type Outcome } from '../../../platform/outcome.js';
import { findUserByEmail } from '../../../platform/auth/users.js';
import type { Locale } from '../../../platform/i18n/locales.js';
import { paths } from '../paths.js';
import { recordStep } from './history.js';
import { tell, type MailContext } from './mail.js';

export const INVITATION_DAYS = 7;
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Invites a person by address: the link (a secret) goes in the mail only, in the invitee's language when
 * they have an account, else in the inviter's.
 */
export async function createInvitation(
  db: Db,
  mail: MailContext,
  actor: NonNullable<Actor>,
  orgId: string,
  email: string,
  opts: { locale?: Locale; now?: Date } = {},
): Promise<Outcome<{ token: string; expiresAt: string }>> {
  const now = opts.now ?? new Date();
  const org = await db.selectFrom('organizations').select('name').where('id', '=', orgId).executeTakeFirst();
  if (!org) return fail('membership.invite.unknown');
  const token = randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + INVITATION_DAYS * 86400_000).toISOString();
  await db
    .insertInto('membership_invitations')
    .values({ id: newId(), org_id: orgId, token_hash: hashToken(token), email, created_by: actor.id, created_at: now.toISOString(), expires_at: expiresAt, used_at: null, used_by: null })
    .execute();
  await recordStep(db, { orgId, actorId: actor.id, action: 'invited', note: email });
  const account = await findUserByEmail(db, email);
  await tell(db, mail, [{ userId: account?.id ?? null, email, locale: account?.locale ?? opts.locale ?? null }], 'membership.invited', {
    subject: 'membership.mail.invitation.subject',
    body: 'membership.mail.invitation.body',
    params: (l) => ({ name: org.name, inviter: actor.name, days: INVITATION_DAYS, url: paths.invitation.url(mail.baseUrl, l, { token }) }),
    secret: true,
  });
  return ok({ token, expiresAt });
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
export async function acceptInvitation(db: Db, actor: NonNullable<Actor>, token: string): Promise<Outcome<{ orgId: string }>> {
  const found = await findInvitation(db, token);
  if (found.state === 'unknown') return fail('membership.invite.unknown');
  if (found.state === 'used') return fail('membership.invite.used');
  if (found.state === 'expired') return fail('membership.invite.expired');
  if (found.state === 'inactive') return fail('membership.invite.inactive');
  const now = nowIso();
  const used = await db
    .updateTable('membership_invitations')
    .set({ used_at: now, used_by: actor.id })
    .where('id', '=', found.inv.id)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  if (Number(used.numUpdatedRows) !== 1) return fail('membership.invite.used');
  const already = await db.selectFrom('organization_people').select('user_id').where('org_id', '=', found.inv.org_id).where('user_id', '=', actor.id).executeTakeFirst();
  if (!already) {
    await db
      .insertInto('organization_people')
      .values({ org_id: found.inv.org_id, user_id: actor.id, role_title: null, is_representative: 0, is_voter: 0, created_at: now })
      .execute();
  }
  await recordStep(db, { orgId: found.inv.org_id, actorId: actor.id, action: 'joined' });
  return ok({ orgId: found.inv.org_id });
}

/** Names the representatives and exactly one voter among the organization's people. */
export async function setPeopleRoles(db: Db, actor: Actor, orgId: string, representatives: string[], voter: string | undefined): Promise<Outcome> {
  const people = (await db.selectFrom('organization_people').select('user_id').where('org_id', '=', orgId).execute()).map((p) => p.user_id);
  if (!voter || !people.includes(voter)) return fail('membership.errors.voterRequired', { field: 'voter' });
  if (representatives.some((r) => !people.includes(r))) return fail('membership.errors.notAPerson', { field: 'voter' });
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
  return ok();
}
