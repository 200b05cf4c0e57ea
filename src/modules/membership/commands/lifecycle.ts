/**
 * @module Membership commands: the lifecycle. applicant ⇄ info_requested → member | declined;
 * member → suspended | withdrawn (by the Technical Group, or the organization leaving) → member (re-admitted).
 * Each step checks the current status inside the transaction, so two reviewers cannot both act.
 */
import type { Db } from '../../../db/schema.js';
import { nowIso } from '../../../db/ids.js';
import type { Actor } from '../../../platform/authz/authz.js';
import type { OrgStatus } from '../tables.js';
import { recordStep } from './history.js';
import type { Outcome } from './profile.js';

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

export async function transition(db: Db, actor: Actor, orgId: string, step: Step, note?: string): Promise<Outcome<{ from: OrgStatus; to: OrgStatus }>> {
  const rule = RULES[step];
  const org = await db.selectFrom('organizations').select(['status', 'admitted_at']).where('id', '=', orgId).executeTakeFirst();
  if (!org) return { ok: false, reason: 'not_found' };
  if (!rule.from.includes(org.status)) return { ok: false, reason: 'wrong_status' };
  if (rule.needsNote && !note?.trim()) return { ok: false, reason: 'reason_required' };
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
  if (Number(res.numUpdatedRows) !== 1) return { ok: false, reason: 'wrong_status' };
  await recordStep(db, { orgId, actorId: actor?.id ?? null, action: rule.action, from: org.status, to: rule.to, note: note?.trim() || null });
  return { ok: true, from: org.status, to: rule.to };
}
