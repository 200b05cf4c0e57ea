/**
 * @module Events: the organizers' registration questions (text, a choice among their options, accessibility
 * needs, interpretation language) and the answers given when registering — by members and by people without an
 * account alike. Answers are checked against the event's questions (required ones answered, a choice one of the
 * options, an interpretation language one of the four) before anything is written.
 */
import { newId } from '../../../db/ids.js';
import { audit } from '../../../platform/audit/audit.js';
import { LOCALES } from '../../../platform/i18n/locales.js';
import { ok, fail, type Outcome } from '../../../platform/outcome.js';
import type { Db } from '../../../db/schema.js';
import type { QuestionKind } from '../tables.js';
import { questionsOf, type Question } from '../queries.js';

export interface QuestionInput {
  /** An existing question being kept (its answers stay), or undefined for a new one. */
  id?: string;
  kind: QuestionKind;
  label: string;
  choices: string[];
  required: boolean;
}

/** The longest answer kept. */
export const ANSWER_MAX = 1000;
/** The form field of a question's answer. */
export const answerField = (q: { id: string }) => `answer_${q.id}`;

/**
 * Replaces the event's questions: kept ones (by id) are updated in place, so answers already given stay with them;
 * questions left out are removed with their answers.
 */
export async function saveQuestions(db: Db, actorId: string, eventId: string, input: QuestionInput[]): Promise<Outcome<object>> {
  const before = await questionsOf(db, eventId);
  const known = new Set(before.map((q) => q.id));
  const kept = new Set(input.map((q) => q.id).filter((id): id is string => !!id && known.has(id)));
  const gone = before.filter((q) => !kept.has(q.id)).map((q) => q.id);
  if (gone.length) await db.deleteFrom('event_questions').where('event_id', '=', eventId).where('id', 'in', gone).execute();
  for (const [i, q] of input.entries()) {
    const row = { position: i, kind: q.kind, label: q.label, choices: q.kind === 'choice' ? JSON.stringify(q.choices) : null, required: q.required ? 1 : 0 };
    if (q.id && kept.has(q.id)) await db.updateTable('event_questions').set(row).where('id', '=', q.id).where('event_id', '=', eventId).execute();
    else await db.insertInto('event_questions').values({ id: newId(), event_id: eventId, ...row }).execute();
  }
  await audit(db, { actorId, action: 'event.questions', subjectType: 'event', subjectId: eventId, data: { count: input.length } });
  return ok({});
}

/** Checks posted answers (`answer_<id>` fields) against the questions; the refusal names the field. */
export function checkAnswers(questions: Question[], posted: Record<string, unknown>): Outcome<{ answers: { questionId: string; value: string }[] }> {
  const out: { questionId: string; value: string }[] = [];
  for (const q of questions) {
    const raw = posted[answerField(q)];
    if (raw !== undefined && typeof raw !== 'string') return fail('form.error.choice', { field: answerField(q) });
    const value = (raw ?? '').trim();
    if (!value) {
      if (q.required) return fail('events.errors.answerRequired', { field: answerField(q) });
      continue;
    }
    if (value.length > ANSWER_MAX) return fail('events.errors.answerTooLong', { field: answerField(q) });
    if (q.kind === 'choice' && !q.choices.includes(value)) return fail('form.error.choice', { field: answerField(q) });
    if (q.kind === 'interpretation' && !(LOCALES as readonly string[]).includes(value)) return fail('form.error.choice', { field: answerField(q) });
    out.push({ questionId: q.id, value });
  }
  return ok({ answers: out });
}

/** Writes a registration's answers (replacing earlier ones: a person registering again answers again). */
export async function saveAnswers(db: Db, registrationId: string, answers: { questionId: string; value: string }[]): Promise<void> {
  await db.deleteFrom('event_answers').where('registration_id', '=', registrationId).execute();
  if (answers.length) await db.insertInto('event_answers').values(answers.map((a) => ({ registration_id: registrationId, question_id: a.questionId, value: a.value }))).execute();
}
