/**
 * @module Consultations: submitting an organization's answer.
 * One row per (consultation, organization) — the primary key — written with an upsert, so any number of
 * representatives submitting at once leave exactly one answer: the last complete one to commit. Each
 * submission is kept in the audit log with who sent it and what it said.
 */
import type { Db } from '../../../db/schema.js';
import { nowIso } from '../../../db/ids.js';
import { audit } from '../../../platform/audit/audit.js';
import { ok, fail, type Outcome } from '../../../platform/outcome.js';
import { createHash, randomBytes } from 'node:crypto';
import type { Locale } from '../../../platform/i18n/locales.js';
import { pickTranslated } from '../../../platform/i18n/translated.js';
import { notify } from '../../../platform/notify/notify.js';
import { getConsultation } from '../queries.js';
import { paths } from '../paths.js';
import type { ConsultationsTx } from './lifecycle.js';
import type { Answers } from '../model.js';

export async function submitAnswer(db: Db, actorId: string, input: { consultationId: string; orgId: string; answers: Answers }, now = nowIso()): Promise<Outcome<{ version: number }>> {
  const k = await getConsultation(db, input.consultationId);
  if (!k || k.status !== 'open' || (k.closesAt && k.closesAt <= now)) return fail('consultations.errors.notOpen');
  const json = JSON.stringify(input.answers);
  await db
    .insertInto('consultation_answers')
    .values({ consultation_id: k.id, respondent: input.orgId, answers: json, submitted_by: actorId, version: 1, created_at: now, submitted_at: now })
    .onConflict((oc) =>
      oc.columns(['consultation_id', 'respondent']).doUpdateSet((eb) => ({
        answers: json,
        submitted_by: actorId,
        submitted_at: now,
        version: eb('consultation_answers.version', '+', 1),
      })),
    )
    .execute();
  const row = await db.selectFrom('consultation_answers').select('version').where('consultation_id', '=', k.id).where('respondent', '=', input.orgId).executeTakeFirstOrThrow();
  const version = Number(row.version);
  if (version === 1) {
    await db
      .updateTable('consultations')
      .set((eb) => ({ answer_count: eb('answer_count', '+', 1) }))
      .where('id', '=', k.id)
      .execute();
  }
  // The answer is in: a draft saved on the way is no longer needed.
  await db.deleteFrom('consultation_drafts').where('consultation_id', '=', k.id).where('respondent', '=', input.orgId).execute();
  await audit(db, { actorId, action: 'consultation.answered', subjectType: 'consultation_answer', subjectId: `${k.id}:${input.orgId}`, data: { version, answers: input.answers } });
  return ok({ version });
}

/**
 * Keeps what a respondent typed on the server without submitting it (one draft per consultation and respondent,
 * the latest save wins). Nothing is checked but the consultation being open: a draft may be incomplete.
 */
export async function saveDraft(db: Db, actorId: string, input: { consultationId: string; orgId: string; values: Record<string, string | string[]> }, now = nowIso()): Promise<Outcome<{ savedAt: string }>> {
  const k = await getConsultation(db, input.consultationId);
  if (!k || k.status !== 'open' || (k.closesAt && k.closesAt <= now)) return fail('consultations.errors.notOpen');
  const json = JSON.stringify(input.values);
  if (json.length > 200_000) return fail('consultations.errors.draftTooLong');
  await db
    .insertInto('consultation_drafts')
    .values({ consultation_id: k.id, respondent: input.orgId, answers: json, saved_by: actorId, saved_at: now })
    .onConflict((oc) => oc.columns(['consultation_id', 'respondent']).doUpdateSet({ answers: json, saved_by: actorId, saved_at: now }))
    .execute();
  return ok({ savedAt: now });
}

/** How long a person has to confirm an answer given through the link. */
export const CONFIRM_HOURS = 48;
const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');
/** The respondent key of a person answering through the link: one answer per address. */
export const personRespondent = (email: string) => `email:${email.trim().toLowerCase()}`;

/**
 * A person answers a consultation open to anyone with the link: the checked answers wait, under the hash of a
 * secret mailed to their address, until they confirm (the same for every address: nothing tells whether it
 * answered before). Confirming makes it their one answer, replacing an earlier one from the same address.
 */
export async function submitPersonAnswer(
  tx: ConsultationsTx,
  input: { consultationId: string; name: string; email: string; answers: Answers; locale: Locale },
  now = nowIso(),
): Promise<Outcome<{ email: string }>> {
  const k = await getConsultation(tx.db, input.consultationId);
  if (!k || k.audience !== 'link' || k.status !== 'open' || (k.closesAt && k.closesAt <= now)) return fail('consultations.errors.notOpen');
  const token = randomBytes(24).toString('base64url');
  const expires = new Date(Date.parse(now) + CONFIRM_HOURS * 3600_000).toISOString();
  await tx.db
    .insertInto('consultation_pending')
    .values({ token_hash: hashOf(token), consultation_id: k.id, email: input.email, name: input.name, answers: JSON.stringify(input.answers), created_at: now, expires_at: expires })
    .execute();
  await notify({ db: tx.db, i18n: tx.i18n }, [{ email: input.email, locale: input.locale }], 'consultations.confirmAnswer', {
    subject: 'consultations.mail.confirm.subject',
    body: 'consultations.mail.confirm.body',
    secret: true,
    params: (l) => ({ name: input.name, title: pickTranslated(k.title, l)?.text ?? '', hours: CONFIRM_HOURS, url: paths.confirm.url(tx.baseUrl, l, { id: k.id, token }) }),
  });
  return ok({ email: input.email });
}

/** The waiting answer behind a confirmation link, if the link is good and not expired. */
export async function pendingOf(db: Db, consultationId: string, token: string, now = nowIso()) {
  return db
    .selectFrom('consultation_pending')
    .selectAll()
    .where('token_hash', '=', hashOf(token))
    .where('consultation_id', '=', consultationId)
    .where('expires_at', '>', now)
    .executeTakeFirst();
}

/** The person confirms from the mail: their answer becomes the one answer of their address (once per link). */
export async function confirmPersonAnswer(db: Db, consultationId: string, token: string, now = nowIso()): Promise<Outcome<{ version: number }>> {
  const p = await pendingOf(db, consultationId, token, now);
  if (!p) return fail('consultations.errors.badLink');
  // Deleting first, conditionally, makes a double click (or a race's twin) confirm once.
  const gone = await db.deleteFrom('consultation_pending').where('token_hash', '=', p.token_hash).executeTakeFirst();
  if (Number(gone.numDeletedRows) !== 1) return fail('consultations.errors.badLink');
  return submitAnswer(db, personRespondent(p.email), { consultationId, orgId: personRespondent(p.email), answers: JSON.parse(p.answers) as Answers }, now);
}
