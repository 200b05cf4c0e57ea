/** @module Consultations: the top-ranked items of a closed consultation's question, for another module's agenda. */
import type { Db } from '../../db/schema.js';
import type { Locale } from '../../platform/i18n/locales.js';
import { getConsultation, listQuestions, resolveQuestions, allAnswers } from './queries.js';
import { countResults, topItems } from './results.js';

/**
 * The first `count` items (Borda order for rankings, totals for points, counts for choices) of a question of a
 * closed consultation, with their labels in a language; empty when it is not closed or has no such question.
 */
export async function consultationTopItems(db: Db, consultationId: string, questionId: string, count: number, locale: Locale): Promise<{ key: string; label: string }[]> {
  const k = await getConsultation(db, consultationId);
  if (!k || k.status !== 'closed') return [];
  const questions = await resolveQuestions(db, (await listQuestions(db, k.id)).filter((q) => q.id === questionId), locale);
  const q = questions[0];
  if (!q) return [];
  const r = countResults(questions, await allAnswers(db, k.id)).get(q.id);
  const label = new Map(q.items.map((i) => [i.key, i.label]));
  return r ? topItems(r, count).map((key) => ({ key, label: label.get(key) ?? key })) : [];
}
