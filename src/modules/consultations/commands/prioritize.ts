/**
 * @module Consultations: recording a closed consultation's top objectives as its body's prioritized objectives
 * (the ones the body's page shows), through bodies' `setBodyObjectives`. Refused when a tie straddles the cut:
 * the organizers choose a count that does not split equal places.
 */
import type { Db } from '../../../db/schema.js';
import type { Locale } from '../../../platform/i18n/locales.js';
import { audit } from '../../../platform/audit/audit.js';
import { ok, fail, type Outcome } from '../../../platform/outcome.js';
import { setBodyObjectives } from '../../bodies/index.js';
import { getConsultation, listQuestions, resolveQuestions, countQuestions } from '../queries.js';

export async function prioritizeObjectives(db: Db, actorId: string, input: { consultationId: string; questionId: string; count: number; locale: Locale }): Promise<Outcome<{ objectives: number[] }>> {
  const k = await getConsultation(db, input.consultationId);
  if (!k || k.status !== 'closed') return fail('consultations.errors.notClosed');
  const questions = await resolveQuestions(db, (await listQuestions(db, k.id)).filter((q) => q.id === input.questionId), input.locale);
  const q = questions[0];
  if (!q || q.source !== 'objectives' || q.kind !== 'rank') return fail('consultations.errors.noSuchQuestion');
  const r = (await countQuestions(db, k.id, questions, { pairwise: false })).get(q.id);
  if (!r || r.kind !== 'rank' || !r.n) return fail('consultations.errors.noAnswers');
  const placed = r.borda;
  const cut = placed[input.count - 1];
  const next = placed[input.count];
  if (!cut || cut.value.points === 0) return fail('consultations.errors.notEnoughRanked', { field: 'count' });
  if (next && next.place === cut.place) return fail('consultations.errors.tieAtCut', { field: 'count', params: { n: input.count } });
  const objectives = placed.slice(0, input.count).map((p) => Number(p.key)).sort((a, b) => a - b);
  await setBodyObjectives(db, k.bodyId, objectives);
  await audit(db, { actorId, action: 'consultation.prioritized', subjectType: 'consultation', subjectId: k.id, data: { bodyId: k.bodyId, objectives, questionId: q.id } });
  return ok({ objectives });
}
