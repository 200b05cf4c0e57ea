/**
 * @module Membership commands: the lifecycle. applicant ⇄ info_requested → member | declined;
 * member → suspended | withdrawn (by the Technical Group, or the organization leaving) → member (re-admitted).
 * Each step checks the current status inside the transaction (a conditional update), so two reviewers cannot
 * both act; the history line and the mails are written in the same transaction.
 */
import type { Db } from '../../../db/schema.js';
import { nowIso } from '../../../db/ids.js';
import type { Actor } from '../../../platform/authz/authz.js';
import { ok, fail, type Outcome } from '../../../platform/outcome.js';
import type { NotificationMessage } from '../../../platform/notify/notify.js';
import type { OrgStatus } from '../tables.js';
import { paths } from '../paths.js';
import { recordStep } from './history.js';
import { tell, peopleRecipients, adminRecipients, type MailContext, type MembershipKind } from './mail.js';

export type Step = 'approve' | 'request_info' | 'decline' | 'resubmit' | 'suspend' | 'withdraw' | 'leave' | 'readmit';

const RULES: Record<Step, { from: OrgStatus[]; to: OrgStatus; action: string; needsNote: boolean }> = {
  approve: { from: ['applicant', 'info_requested'], to: 'member', action: 'approved', needsNote: false },
  request_info: { from: ['applicant'], to: 'info_requested', action: 'info_requested', needsNote: true },
  decline: { from: ['applicant', 'info_requested'], to: 'declined', action: 'declined', needsNote: true },
  resubmit: { from: ['info_requested'], to: 'applicant', action: 'resubmitted', needsNote: false },
  suspend: { from: ['member'], to: 'suspended', action: 'suspended', needsNote: true },
  withdraw: { from: ['member', 'suspended'], to: 'withdrawn', action: 'withdrawn', needsNote: true },
  leave: { from: ['member'], to: 'withdrawn', action: 'left', needsNote: true },
  readmit: { from: ['suspended', 'withdrawn'], to: 'member', action: 'readmitted', needsNote: false },
};

/** The mail the organization's people get after a Technical Group decision. */
const DECISION_MAIL: Partial<Record<Step, { kind: MembershipKind; subject: string; body: string }>> = {
  approve: { kind: 'membership.approved', subject: 'membership.mail.approve.subject', body: 'membership.mail.approve.body' },
  request_info: { kind: 'membership.infoRequested', subject: 'membership.mail.request_info.subject', body: 'membership.mail.request_info.body' },
  decline: { kind: 'membership.declined', subject: 'membership.mail.decline.subject', body: 'membership.mail.decline.body' },
  suspend: { kind: 'membership.suspended', subject: 'membership.mail.suspend.subject', body: 'membership.mail.suspend.body' },
  withdraw: { kind: 'membership.withdrawn', subject: 'membership.mail.withdraw.subject', body: 'membership.mail.withdraw.body' },
  readmit: { kind: 'membership.readmitted', subject: 'membership.mail.readmit.subject', body: 'membership.mail.readmit.body' },
};

export async function transition(db: Db, mail: MailContext, actor: Actor, orgId: string, step: Step, note?: string): Promise<Outcome<{ from: OrgStatus; to: OrgStatus }>> {
  const rule = RULES[step];
  const org = await db.selectFrom('organizations').select(['status', 'admitted_at', 'name']).where('id', '=', orgId).executeTakeFirst();
  if (!org) return fail('membership.flash.wrongStatus');
  if (!rule.from.includes(org.status)) return fail('membership.flash.wrongStatus');
  if (rule.needsNote && !note?.trim()) return fail('form.error.required', { field: 'reason' });
  const now = nowIso();
  // Conditional update: only one concurrent reviewer wins.
  const res = await db
    .updateTable('organizations')
    .set({
      status: rule.to,
      status_changed_at: now,
      updated_at: now,
      status_reason: rule.needsNote ? note!.trim() : null,
      info_request: step === 'request_info' ? note!.trim() : step === 'resubmit' ? undefined : null,
      admitted_at: step === 'approve' ? now : step === 'readmit' ? (org.admitted_at ?? now) : undefined,
    })
    .where('id', '=', orgId)
    .where('status', '=', org.status)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) return fail('membership.flash.wrongStatus');
  await recordStep(db, { orgId, actorId: actor?.id ?? null, action: rule.action, from: org.status, to: rule.to, note: note?.trim() || null });
  const decision = DECISION_MAIL[step];
  if (decision) {
    const message: NotificationMessage = {
      subject: decision.subject,
      body: decision.body,
      params: (l) => ({ name: org.name, reason: note?.trim() ?? '', url: paths.org.url(mail.baseUrl, l, { id: orgId }) }),
    };
    await tell(db, mail, await peopleRecipients(db, orgId), decision.kind, message);
  } else if (step === 'resubmit') {
    await tell(db, mail, await adminRecipients(db, mail), 'membership.resubmitted', {
      subject: 'membership.mail.resubmitted.subject',
      body: 'membership.mail.resubmitted.body',
      params: (l) => ({ name: org.name, url: paths.review.url(mail.baseUrl, l, { id: orgId }) }),
    });
  }
  return ok({ from: org.status, to: rule.to });
}
