/**
 * @module Pledges: the workflow.
 *
 *   draft|returned --submit (lead)--> waits for every co-pledging organization's confirmation --> submitted
 *   submitted --publish (Mesa Técnica)--> published (status "planning", next update due in 6 months)
 *   submitted --return (with a comment)--> returned;  any --withdraw--> withdrawn
 *   published --update (dated progress note)--> published with its new status
 *
 * Every step is a conditional update checked with `numUpdatedRows`, with its history entry (`audit`) and its
 * mail (`notify`) in the same transaction. A confirmation first touches the pledge's row, which serializes the
 * confirmations of one pledge (PostgreSQL's row lock; SQLite has one writer): when the last two co-pledging
 * organizations confirm at the same moment, the second sees the first, and the pledge goes to review once.
 */
import type { Db } from '../../../db/schema.js';
import { newId, nowIso } from '../../../db/ids.js';
import { audit } from '../../../platform/audit/audit.js';
import { notify } from '../../../platform/notify/notify.js';
import type { I18n } from '../../../platform/i18n/i18n.js';
import { pickTranslated, stringifyTranslated, type Translated } from '../../../platform/i18n/translated.js';
import { ok, fail, type Outcome } from '../../../platform/outcome.js';
import { administrators, usersByIds } from '../../../platform/auth/users.js';
import { getOrganizations, organizationPeopleIds } from '../../membership/index.js';
import { bodyPositions, getBodyBySlug } from '../../bodies/index.js';
import { getPledge, type Pledge } from '../queries.js';
import { bumpCatalogVersion } from '../catalog.js';
import type { PledgeStatus } from '../tables.js';
import { REVIEWING_BODY } from '../policy.js';
import { addMonths, UPDATE_EVERY_MONTHS } from '../model.js';
import { paths } from '../paths.js';

export interface PledgesTx {
  db: Db;
  i18n: I18n;
  baseUrl: string;
  /** Demo data: nobody is mailed. */
  quiet?: boolean;
}

export function pledgesTx(db: Db, deps: { i18n: I18n; config: { baseUrl: string } }): PledgesTx {
  return { db, i18n: deps.i18n, baseUrl: deps.config.baseUrl };
}

const today = (now: string) => now.slice(0, 10);

/** The people of these organizations (those in good standing), as notify() recipients. */
async function peopleOf(db: Db, orgIds: string[], except?: string | null) {
  const members = (await getOrganizations(db, orgIds)).filter((o) => o.status === 'member').map((o) => o.id);
  const ids = new Set<string>();
  for (const o of members) for (const u of await organizationPeopleIds(db, o)) ids.add(u);
  if (except) ids.delete(except);
  return (await usersByIds(db, ids)).map((u) => ({ userId: u.id, email: u.email, locale: u.locale }));
}

/** Administrators and the Mesa Técnica's coordinator and secretary today. */
export async function reviewers(db: Db): Promise<string[]> {
  const body = await getBodyBySlug(db, REVIEWING_BODY);
  const holders = body ? (await bodyPositions(db, body.id)).filter((h) => h.current && (h.position === 'coordinator' || h.position === 'secretary')).map((h) => h.userId) : [];
  return [...new Set([...(await administrators(db)).map((u) => u.id), ...holders])];
}

type Mail = 'confirm' | 'submitted' | 'published' | 'returned' | 'reminder';

async function mail(tx: PledgesTx, kind: Mail, p: Pledge, to: { userId: string; email: string; locale: string | null }[], extra: Record<string, unknown> = {}) {
  if (!to.length || tx.quiet) return;
  const k = kind === 'published' || kind === 'returned' ? 'pledges.reviewed' : `pledges.${kind}`;
  await notify({ db: tx.db, i18n: tx.i18n }, to, k, {
    subject: `pledges.mail.${kind}.subject`,
    body: `pledges.mail.${kind}.body`,
    params: (l) => ({ ref: p.ref, title: pickTranslated(p.title, l)?.text ?? p.ref, url: paths.pledge.url(tx.baseUrl, l, { id: p.id }), ...extra }),
  });
}

/**
 * Moves a pledge whose submission was asked for and whose organizations have all confirmed to review (once:
 * conditional on its state). Returns true when this call moved it.
 */
async function submitIfReady(tx: PledgesTx, actorId: string | null, id: string, now: string): Promise<boolean> {
  const waiting = await tx.db.selectFrom('pledge_organizations').select('org_id').where('pledge_id', '=', id).where('confirmed_at', 'is', null).execute();
  if (waiting.length) return false;
  const before = await getPledge(tx.db, id);
  if (!before) return false;
  const r = await tx.db
    .updateTable('pledges')
    .set({ state: 'submitted', updated_at: now })
    .where('id', '=', id)
    .where('state', 'in', ['draft', 'returned'])
    .where('submitted_at', 'is not', null)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) return false;
  await audit(tx.db, { actorId, action: 'pledge.submitted', subjectType: 'pledge', subjectId: id, from: before.state, to: 'submitted' });
  await mail(tx, 'submitted', before, (await usersByIds(tx.db, await reviewers(tx.db))).filter((u) => u.id !== actorId).map((u) => ({ userId: u.id, email: u.email, locale: u.locale })));
  return true;
}

/** The lead organization asks for review: at once when every co-pledging organization confirmed, else once they have. */
export async function submitPledge(tx: PledgesTx, actorId: string, id: string, now = nowIso()): Promise<Outcome<{ submitted: boolean }>> {
  const r = await tx.db.updateTable('pledges').set({ submitted_at: now, updated_at: now }).where('id', '=', id).where('state', 'in', ['draft', 'returned']).where('submitted_at', 'is', null).executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) return fail('pledges.errors.wrongState');
  await audit(tx.db, { actorId, action: 'pledge.submitAsked', subjectType: 'pledge', subjectId: id });
  if (await submitIfReady(tx, actorId, id, now)) return ok({ submitted: true });
  const p = (await getPledge(tx.db, id))!;
  await mail(tx, 'confirm', p, await peopleOf(tx.db, p.orgs.filter((o) => !o.confirmedAt).map((o) => o.orgId), actorId));
  return ok({ submitted: false });
}

/** A co-pledging organization confirms its part; the last confirmation sends an asked-for pledge to review, once. */
export async function confirmPledge(tx: PledgesTx, actorId: string, id: string, orgId: string, now = nowIso()): Promise<Outcome<{ submitted: boolean }>> {
  // First, the pledge's row: concurrent confirmations of this pledge wait here for each other.
  const touch = await tx.db.updateTable('pledges').set({ updated_at: now }).where('id', '=', id).where('state', 'in', ['draft', 'returned']).executeTakeFirst();
  if (Number(touch.numUpdatedRows) !== 1) return fail('pledges.errors.wrongState');
  const r = await tx.db
    .updateTable('pledge_organizations')
    .set({ confirmed_at: now, confirmed_by: actorId })
    .where('pledge_id', '=', id)
    .where('org_id', '=', orgId)
    .where('lead', '=', 0)
    .where('confirmed_at', 'is', null)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) return fail('pledges.errors.alreadyConfirmed');
  await audit(tx.db, { actorId, action: 'pledge.confirmed', subjectType: 'pledge', subjectId: id, data: { orgId } });
  return ok({ submitted: await submitIfReady(tx, actorId, id, now) });
}

/** The Mesa Técnica publishes a submitted pledge (status "planning"; its first update due in 6 months). */
export async function publishPledge(tx: PledgesTx, actorId: string, id: string, comment: string | null, now = nowIso()): Promise<Outcome<object>> {
  const p = await getPledge(tx.db, id);
  if (!p) return fail('pledges.errors.wrongState');
  const r = await tx.db
    .updateTable('pledges')
    .set({ state: 'published', status: p.status ?? 'planning', published_at: p.publishedAt ?? now, next_update_due: addMonths(today(now), UPDATE_EVERY_MONTHS), review_note: comment, updated_at: now })
    .where('id', '=', id)
    .where('state', '=', 'submitted')
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) return fail('pledges.errors.wrongState');
  await bumpCatalogVersion(tx.db);
  await audit(tx.db, { actorId, action: 'pledge.published', subjectType: 'pledge', subjectId: id, from: 'submitted', to: 'published', note: comment });
  await mail(tx, 'published', p, await peopleOf(tx.db, p.orgs.map((o) => o.orgId)));
  return ok({});
}

/** The Mesa Técnica returns a submitted pledge with a comment; the lead changes it and submits it again. */
export async function returnPledge(tx: PledgesTx, actorId: string, id: string, comment: string, now = nowIso()): Promise<Outcome<object>> {
  const p = await getPledge(tx.db, id);
  if (!p) return fail('pledges.errors.wrongState');
  const r = await tx.db.updateTable('pledges').set({ state: 'returned', submitted_at: null, review_note: comment, updated_at: now }).where('id', '=', id).where('state', '=', 'submitted').executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) return fail('pledges.errors.wrongState');
  await audit(tx.db, { actorId, action: 'pledge.returned', subjectType: 'pledge', subjectId: id, from: 'submitted', to: 'returned', note: comment });
  await mail(tx, 'returned', p, await peopleOf(tx.db, p.orgs.map((o) => o.orgId)), { comment });
  return ok({});
}

/** A dated progress note with the status it reports; the next update is due 6 months after it. */
export async function addUpdate(tx: PledgesTx, actorId: string, id: string, u: { status: PledgeStatus; note: Translated; reportedOn: string }, now = nowIso()): Promise<Outcome<object>> {
  if (u.reportedOn > today(now)) return fail('pledges.errors.futureDate', { field: 'reported_on' });
  const p = await getPledge(tx.db, id);
  if (!p) return fail('pledges.errors.wrongState');
  if (p.publishedAt && u.reportedOn < p.publishedAt.slice(0, 10)) return fail('pledges.errors.beforePublished', { field: 'reported_on' });
  const due = addMonths(u.reportedOn > today(now) ? u.reportedOn : today(now), UPDATE_EVERY_MONTHS);
  const r = await tx.db.updateTable('pledges').set({ status: u.status, next_update_due: due, updated_at: now }).where('id', '=', id).where('state', '=', 'published').executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) return fail('pledges.errors.wrongState');
  await bumpCatalogVersion(tx.db);
  await tx.db.insertInto('pledge_updates').values({ id: newId(), pledge_id: id, status: u.status, note: stringifyTranslated(u.note), reported_on: u.reportedOn, created_by: actorId, created_at: now }).execute();
  const first = Object.values(u.note).find(Boolean) ?? null;
  await audit(tx.db, { actorId, action: 'pledge.updated', subjectType: 'pledge', subjectId: id, from: p.status, to: u.status, note: first, data: { reportedOn: u.reportedOn } });
  return ok({});
}

/** Records (or clears) the UN initiative's id. */
export async function setUnId(tx: PledgesTx, actorId: string, id: string, unId: string | null, now = nowIso()): Promise<Outcome<object>> {
  const r = await tx.db.updateTable('pledges').set({ un_id: unId, updated_at: now }).where('id', '=', id).where('state', '=', 'published').executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) return fail('pledges.errors.wrongState');
  await audit(tx.db, { actorId, action: 'pledge.unId', subjectType: 'pledge', subjectId: id, data: { unId: unId ?? '—' } });
  return ok({});
}

/** Withdraws a pledge (its page stays, marked withdrawn; it leaves the public list). */
export async function withdrawPledge(tx: PledgesTx, actorId: string, id: string, comment: string, now = nowIso()): Promise<Outcome<object>> {
  const p = await getPledge(tx.db, id);
  if (!p) return fail('pledges.errors.wrongState');
  const r = await tx.db.updateTable('pledges').set({ state: 'withdrawn', updated_at: now }).where('id', '=', id).where('state', '=', p.state).where('state', '!=', 'withdrawn').executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) return fail('pledges.errors.wrongState');
  if (p.state === 'published') await bumpCatalogVersion(tx.db);
  await audit(tx.db, { actorId, action: 'pledge.withdrawn', subjectType: 'pledge', subjectId: id, from: p.state, to: 'withdrawn', note: comment });
  return ok({});
}

/**
 * Reminds the pledging organizations of a published pledge whose update is due, once per due date (conditional
 * on `reminded_for`).
 */
export async function remindPledge(tx: PledgesTx, id: string, now = nowIso()): Promise<Outcome<{ people: number }>> {
  const p = await getPledge(tx.db, id);
  if (!p || p.state !== 'published' || !p.nextUpdateDue || p.nextUpdateDue > today(now)) return fail('pledges.errors.wrongState');
  const due = p.nextUpdateDue;
  const r = await tx.db
    .updateTable('pledges')
    .set({ reminded_for: due })
    .where('id', '=', id)
    .where('state', '=', 'published')
    .where('next_update_due', '=', due)
    .where((eb) => eb.or([eb('reminded_for', 'is', null), eb('reminded_for', '!=', due)]))
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) return fail('pledges.errors.alreadyReminded');
  const people = await peopleOf(tx.db, p.orgs.map((o) => o.orgId));
  await mail(tx, 'reminder', p, people, { due });
  await audit(tx.db, { actorId: null, action: 'pledge.reminded', subjectType: 'pledge', subjectId: id, data: { due, people: people.length } });
  return ok({ people: people.length });
}
