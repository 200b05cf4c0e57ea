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
import { getConsultation } from '../queries.js';
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
