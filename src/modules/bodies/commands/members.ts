/**
 * @module Bodies: commands on which organizations belong to a body. Run inside the transaction an action
 * opens; a refusal's reason is its message key.
 */
import type { Db } from '../../../db/schema.js';
import { nowIso } from '../../../db/ids.js';
import { audit } from '../../../platform/audit/audit.js';
import { ok, fail, type Outcome } from '../../../platform/outcome.js';
import { notify } from '../../../platform/notify/notify.js';
import type { I18n } from '../../../platform/i18n/i18n.js';
import { pickTranslated } from '../../../platform/i18n/translated.js';
import { canActFor, getOrganization, isMemberInGoodStanding, organizationPeopleIds } from '../../membership/index.js';
import { usersByIds } from '../../../platform/auth/users.js';
import type { CurrentUser } from '../../../platform/http/env.js';
import { membershipOf, bodyPositions, getBodyById, type BodyRow } from '../queries.js';
import { paths } from '../paths.js';

/** The notification kind of "a join request is waiting" (declared in the manifest). */
export const JOIN_REQUESTED = 'bodies.joinRequested';
/** The kinds of the decisions an organization is told about (declared in the manifest). */
export const JOIN_APPROVED = 'bodies.joinApproved';
export const JOIN_DECLINED = 'bodies.joinDeclined';
export const REMOVED = 'bodies.removed';

/** What a command needs to tell people: the translator and the site's address for links. */
export interface MailContext {
  i18n: I18n;
  baseUrl: string;
}

/** An organization asks to join a body. The person must be able to act for it. */
export async function requestJoin(db: Db, actor: CurrentUser, input: { body: BodyRow; orgId: string }, mail: MailContext): Promise<Outcome> {
  const bodyId = input.body.id;
  if (!(await canActFor(db, actor.id, input.orgId))) return fail('bodies.errors.notYourOrg');
  const current = await membershipOf(db, bodyId, input.orgId);
  if (current === 'member') return fail('bodies.errors.alreadyMember');
  if (current === 'pending') return fail('bodies.errors.alreadyPending');
  const now = nowIso();
  const row = { status: 'pending' as const, requested_by: actor.id, requested_at: now, decided_by: null, decided_at: null, left_at: null };
  if (current) {
    // Conditional on the status read above, so two simultaneous requests cannot both pass.
    const r = await db.updateTable('body_members').set(row).where('body_id', '=', bodyId).where('org_id', '=', input.orgId).where('status', '=', current).executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) return fail('bodies.errors.alreadyPending');
  } else await db.insertInto('body_members').values({ body_id: bodyId, org_id: input.orgId, ...row }).execute();
  await audit(db, { actorId: actor.id, action: 'body.join_requested', subjectType: 'body', subjectId: bodyId, data: { orgId: input.orgId } });
  await notifyManagers(db, input.body, input.orgId, mail);
  return ok();
}

/** Tells the body's secretary and coordinator, each in their language, that a request is waiting. */
async function notifyManagers(db: Db, body: BodyRow, orgId: string, mail: MailContext) {
  const holders = (await bodyPositions(db, body.id)).filter((h) => h.current && (h.position === 'secretary' || h.position === 'coordinator'));
  if (!holders.length) return;
  const people = await usersByIds(db, holders.map((h) => h.userId));
  const org = await getOrganization(db, orgId);
  await notify({ db, i18n: mail.i18n }, people.map((p) => ({ userId: p.id, email: p.email, locale: p.locale })), JOIN_REQUESTED, {
    subject: 'bodies.mail.requestSubject',
    body: 'bodies.mail.requestBody',
    params: (l) => ({ body: pickTranslated(body.name, l)?.text ?? body.slug, org: org?.name ?? '', url: paths.area.url(mail.baseUrl, l, { slug: body.slug }) }),
  });
}

/** Tells the organization's people, each in their language, what was decided about it in a body. */
async function notifyOrganization(db: Db, bodyId: string, orgId: string, kind: string, mail: MailContext) {
  const [body, org] = await Promise.all([getBodyById(db, bodyId), getOrganization(db, orgId)]);
  const people = await usersByIds(db, await organizationPeopleIds(db, orgId));
  if (!body || !org || !people.length) return;
  const key = kind.slice('bodies.'.length);
  await notify({ db, i18n: mail.i18n }, people.map((p) => ({ userId: p.id, email: p.email, locale: p.locale })), kind, {
    subject: `bodies.mail.${key}Subject`,
    body: `bodies.mail.${key}Body`,
    params: (l) => ({ body: pickTranslated(body.name, l)?.text ?? body.slug, org: org.name, url: paths.body.url(mail.baseUrl, l, { slug: body.slug }) }),
  });
}

/** The secretary or an administrator approves or declines a pending request. */
export async function decideJoin(db: Db, actor: CurrentUser, input: { bodyId: string; orgId: string; approve: boolean }, mail: MailContext): Promise<Outcome> {
  if ((await membershipOf(db, input.bodyId, input.orgId)) !== 'pending') return fail('bodies.errors.notPending');
  if (input.approve && !(await isMemberInGoodStanding(db, input.orgId))) return fail('bodies.errors.notInGoodStanding');
  const r = await db
    .updateTable('body_members')
    .set({ status: input.approve ? 'member' : 'declined', decided_by: actor.id, decided_at: nowIso() })
    .where('body_id', '=', input.bodyId)
    .where('org_id', '=', input.orgId)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) return fail('bodies.errors.notPending');
  await audit(db, { actorId: actor.id, action: input.approve ? 'body.join_approved' : 'body.join_declined', subjectType: 'body', subjectId: input.bodyId, data: { orgId: input.orgId } });
  await notifyOrganization(db, input.bodyId, input.orgId, input.approve ? JOIN_APPROVED : JOIN_DECLINED, mail);
  return ok();
}

/**
 * An organization leaves (its people), or is removed (secretary, administrator: `manager`). Positions its
 * people hold in the body end today.
 */
export async function leaveBody(db: Db, actor: CurrentUser, input: { bodyId: string; orgId: string; manager: boolean }, mail: MailContext): Promise<Outcome> {
  if (!input.manager && !(await canActFor(db, actor.id, input.orgId))) return fail('bodies.errors.notYourOrg');
  const now = nowIso();
  const r = await db
    .updateTable('body_members')
    .set({ status: 'left', left_at: now })
    .where('body_id', '=', input.bodyId)
    .where('org_id', '=', input.orgId)
    .where('status', 'in', ['member', 'pending'])
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) return fail('bodies.errors.notMember');
  await db.updateTable('body_positions').set({ ended_at: now }).where('body_id', '=', input.bodyId).where('org_id', '=', input.orgId).where('ended_at', 'is', null).execute();
  await audit(db, { actorId: actor.id, action: 'body.left', subjectType: 'body', subjectId: input.bodyId, data: { orgId: input.orgId, byManager: input.manager } });
  if (input.manager) await notifyOrganization(db, input.bodyId, input.orgId, REMOVED, mail);
  return ok();
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
