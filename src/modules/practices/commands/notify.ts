/**
 * @module Practices: telling a practice's author about its workflow, in the author's language, inside the
 * transaction of the step (a mail exists exactly when the step committed). One kind per step, so each person
 * can choose which ones they get (declared in the manifest's `notifications`).
 */
import type { CurrentUser } from '../../../platform/http/env.js';
import { notify, type NotifyContext } from '../../../platform/notify/notify.js';
import { administrators, usersByIds } from '../../../platform/auth/users.js';
import { secretariesForObjectives } from '../../bodies/index.js';
import { pickTranslated } from '../../../platform/i18n/translated.js';
import { paths } from '../paths.js';
import type { Action, Moved } from './workflow.js';

/** The notification kind of each workflow step. */
export const KINDS = {
  submit: 'practices.submitted',
  start_review: 'practices.inReview',
  request_changes: 'practices.returned',
  approve: 'practices.published',
  unpublish: 'practices.unpublished',
  comment: 'practices.commented',
} as const satisfies Record<Action, string>;

/** The notification kind of "a practice awaits your review" (reviewers: administrators and the Mesas' secretaries). */
export const AWAITING_REVIEW = 'practices.awaitingReview';

/**
 * Tells the practice's reviewers — every administrator and the secretaries of the Mesas that prioritize one of
 * its objectives — each in their own language, that it was submitted; the person who submitted it is not told.
 */
export async function notifyReviewers(tx: NotifyContext & { baseUrl: string }, actor: CurrentUser, moved: Moved): Promise<void> {
  const p = moved.practice;
  const people = [...(await administrators(tx.db)), ...(await usersByIds(tx.db, await secretariesForObjectives(tx.db, p.objectives)))].filter((u) => u.id !== actor.id);
  if (!people.length) return;
  await notify(tx, people.map((u) => ({ userId: u.id, email: u.email, locale: u.locale })), AWAITING_REVIEW, {
    subject: 'practices.mail.awaitingSubject',
    body: 'practices.mail.awaitingBody',
    params: (l) => {
      const t = tx.i18n.t(l);
      return {
        title: pickTranslated(p.texts.title, l)?.text ?? t('practices.untitled'),
        url: paths.practice.url(tx.baseUrl, l, { id: p.id }),
        queue: paths.review.url(tx.baseUrl, l),
      };
    },
  });
}

/** Mails the practice's creator about a step (not about their own comments), with the reviewers' comment if any. */
export async function notifyAuthor(tx: NotifyContext & { baseUrl: string }, actor: CurrentUser, action: Action, moved: Moved, comment?: string | null): Promise<void> {
  const p = moved.practice;
  if (action === 'comment' && actor.id === p.createdBy) return;
  const [author] = await usersByIds(tx.db, [p.createdBy]);
  if (!author) return;
  const note = comment?.trim() || null;
  await notify(tx, [{ userId: author.id, email: author.email, locale: author.locale }], KINDS[action], {
    subject: 'practices.mail.subject',
    body: 'practices.mail.body',
    params: (l) => {
      const t = tx.i18n.t(l);
      const title = pickTranslated(p.texts.title, l)?.text ?? t('practices.untitled');
      return {
        title,
        status: t(`practices.status.${moved.to}`),
        comment: note ? `\n${t('practices.mail.comment')}\n${note}\n` : '',
        url: paths.practice.url(tx.baseUrl, l, { id: p.id }),
      };
    },
  });
}
