/**
 * @module Practices: the review workflow.
 * draft|returned --submit--> submitted --start_review--> in_review --approve--> published
 * submitted|in_review --request_changes--> returned (with the reviewers' comment); published --unpublish--> returned.
 * Every step (and every comment) is one entry of the platform's history (`audit`, read with `historyOf`).
 */
import type { Db } from '../../../db/schema.js';
import { nowIso } from '../../../db/ids.js';
import type { CurrentUser } from '../../../platform/http/env.js';
import { audit } from '../../../platform/audit/audit.js';
import { ok, fail, type Outcome } from '../../../platform/outcome.js';
import type { PracticeStatus } from '../tables.js';
import { toPractice, type Practice } from '../queries.js';
import { missingForSubmit } from '../schemas.js';
import { indexPractice, bumpSearchVersion } from '../search.js';

export const ACTIONS = ['submit', 'start_review', 'request_changes', 'approve', 'comment', 'unpublish'] as const;
export type Action = (typeof ACTIONS)[number];

const MOVES: Record<Exclude<Action, 'comment'>, { from: PracticeStatus[]; to: PracticeStatus }> = {
  submit: { from: ['draft', 'returned'], to: 'submitted' },
  start_review: { from: ['submitted'], to: 'in_review' },
  request_changes: { from: ['submitted', 'in_review'], to: 'returned' },
  approve: { from: ['submitted', 'in_review'], to: 'published' },
  unpublish: { from: ['published'], to: 'returned' },
};

/** What a step did: the practice as it is now, and the status it moved from and to. */
export type Moved = { practice: Practice; from: PracticeStatus; to: PracticeStatus };

/** Moves a practice along the workflow (or records a comment), atomically: the status only changes if it is still `from`. */
export async function transition(db: Db, actor: CurrentUser, id: string, action: Action, comment?: string | null): Promise<Outcome<Moved>> {
  const row = await db.selectFrom('practices').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return fail('practices.errors.notFound');
  const p = toPractice(row);
  const text = comment?.trim() || null;
  const now = nowIso();
  if (action === 'comment') {
    if (!text) return fail('practices.errors.commentRequired', { field: 'comment' });
    if (p.status === 'draft') return fail('practices.flash.wrongState');
    await audit(db, { actorId: actor.id, action: 'practice.comment', subjectType: 'practice', subjectId: id, from: p.status, to: p.status, note: text });
    return ok({ practice: p, from: p.status, to: p.status });
  }
  const move = MOVES[action];
  if (!move.from.includes(p.status)) return fail('practices.flash.wrongState');
  if ((action === 'request_changes' || action === 'unpublish') && !text) return fail('practices.errors.commentRequired', { field: 'comment' });
  if (action === 'submit') {
    const missing = missingForSubmit(p);
    if (Object.keys(missing).length) return fail('practices.errors.incomplete', { detail: { missing } });
  }
  const set: Record<string, string | null> = { status: move.to, updated_at: now };
  if (move.to === 'submitted') set.submitted_at = now;
  if (move.to === 'published') set.published_at = now;
  const r = await db.updateTable('practices').set(set).where('id', '=', id).where('status', '=', p.status).executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) return fail('practices.flash.wrongState');
  await audit(db, { actorId: actor.id, action: `practice.${action}`, subjectType: 'practice', subjectId: id, from: p.status, to: move.to, note: text });
  if (move.to === 'published' || p.status === 'published') {
    const fresh = await db.selectFrom('practices').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    await indexPractice(db, fresh);
    await bumpSearchVersion(db);
  }
  return ok({ practice: { ...p, status: move.to }, from: p.status, to: move.to });
}
