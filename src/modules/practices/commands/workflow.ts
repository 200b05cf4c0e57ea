/**
 * @module Practices: the review workflow.
 * draft|returned --submit--> submitted --start_review--> in_review --approve--> published
 * submitted|in_review --request_changes--> returned (with the reviewers' comment); published --unpublish--> returned.
 * Every step is kept in practice_events and the audit log; the route mails the authors after commit.
 */
import type { Db } from '../../../db/schema.js';
import { newId, nowIso } from '../../../db/ids.js';
import type { CurrentUser } from '../../../platform/http/env.js';
import { audit } from '../../../platform/audit/audit.js';
import type { PracticeStatus } from '../tables.js';
import { toPractice, type Practice } from '../queries.js';
import { missingForSubmit } from '../schemas.js';
import { indexPractice, bumpSearchVersion } from '../search.js';

export type Action = 'submit' | 'start_review' | 'request_changes' | 'approve' | 'comment' | 'unpublish';

const MOVES: Record<Exclude<Action, 'comment'>, { from: PracticeStatus[]; to: PracticeStatus }> = {
  submit: { from: ['draft', 'returned'], to: 'submitted' },
  start_review: { from: ['submitted'], to: 'in_review' },
  request_changes: { from: ['submitted', 'in_review'], to: 'returned' },
  approve: { from: ['submitted', 'in_review'], to: 'published' },
  unpublish: { from: ['published'], to: 'returned' },
};

export type TransitionOutcome =
  | { ok: true; practice: Practice; from: PracticeStatus; to: PracticeStatus }
  | { ok: false; reason: 'not_found' | 'wrong_state' | 'comment_required' | 'incomplete'; missing?: Record<string, string> };

/** Moves a practice along the workflow (or records a comment), atomically: the status only changes if it is still `from`. */
export async function transition(db: Db, actor: CurrentUser, id: string, action: Action, comment?: string | null): Promise<TransitionOutcome> {
  const row = await db.selectFrom('practices').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return { ok: false, reason: 'not_found' };
  const p = toPractice(row);
  const text = comment?.trim() || null;
  const now = nowIso();
  if (action === 'comment') {
    if (!text) return { ok: false, reason: 'comment_required' };
    if (p.status === 'draft') return { ok: false, reason: 'wrong_state' };
    await db.insertInto('practice_events').values({ id: newId(), practice_id: id, at: now, actor_id: actor.id, action, from_status: p.status, to_status: p.status, comment: text }).execute();
    await audit(db, { actorId: actor.id, action: 'practice.comment', subjectType: 'practice', subjectId: id });
    return { ok: true, practice: p, from: p.status, to: p.status };
  }
  const move = MOVES[action];
  if (!move.from.includes(p.status)) return { ok: false, reason: 'wrong_state' };
  if ((action === 'request_changes' || action === 'unpublish') && !text) return { ok: false, reason: 'comment_required' };
  if (action === 'submit') {
    const missing = missingForSubmit(p);
    if (Object.keys(missing).length) return { ok: false, reason: 'incomplete', missing };
  }
  const set: Record<string, string | null> = { status: move.to, updated_at: now };
  if (move.to === 'submitted') set.submitted_at = now;
  if (move.to === 'published') set.published_at = now;
  const r = await db.updateTable('practices').set(set).where('id', '=', id).where('status', '=', p.status).executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) return { ok: false, reason: 'wrong_state' };
  await db.insertInto('practice_events').values({ id: newId(), practice_id: id, at: now, actor_id: actor.id, action, from_status: p.status, to_status: move.to, comment: text }).execute();
  await audit(db, { actorId: actor.id, action: `practice.${action}`, subjectType: 'practice', subjectId: id, data: { from: p.status, to: move.to } });
  if (move.to === 'published' || p.status === 'published') {
    const fresh = await db.selectFrom('practices').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    await indexPractice(db, fresh);
    await bumpSearchVersion(db);
  }
  return { ok: true, practice: { ...p, status: move.to }, from: p.status, to: move.to };
}
