/** @module Consultations: the top-ranked items of a closed consultation's question, for another module's agenda. */
import type { Db } from '../../db/schema.js';
import type { Locale } from '../../platform/i18n/locales.js';
import type { CurrentUser } from '../../platform/http/env.js';
import { parseTranslated, type Translated } from '../../platform/i18n/translated.js';
import { bodyFacts } from '../bodies/index.js';
import { getConsultation, listQuestions, resolveQuestions, countQuestions } from './queries.js';
import { consultationsPolicy } from './policy.js';
import { paths } from './paths.js';
import { topItems } from './results.js';

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
  const r = (await countQuestions(db, k.id, questions, { pairwise: false })).get(q.id);
  const label = new Map(q.items.map((i) => [i.key, i.label]));
  return r ? topItems(r, count).map((key) => ({ key, label: label.get(key) ?? key })) : [];
}

/** What an event's draft agenda takes from a consultation's result (see `agendaFromConsultation`). */
export interface AgendaDraft {
  consultationId: string;
  title: Translated;
  bodyId: string;
  /** The question's items in result order; objectives when the question ranked the GCM objectives. */
  items: { key: string; label: string }[];
  objectives: number[];
  /** The result's page, to link back to from the event. */
  resultsHref: string;
}

/**
 * The top items of a closed consultation's question for an event's draft agenda, when this person organizes the
 * consultation (administrators and the running body's secretary: the `agenda` rule) — undefined otherwise, so
 * results not yet published never leave their organizers.
 */
export async function agendaFromConsultation(db: Db, user: CurrentUser, consultationId: string, questionId: string, count: number, locale: Locale): Promise<AgendaDraft | undefined> {
  const k = await getConsultation(db, consultationId);
  if (!k) return undefined;
  if (!consultationsPolicy.can(user, 'agenda', { k, f: { body: await bodyFacts(db, user.id, k.bodyId), answerOrgs: [] } })) return undefined;
  const question = (await listQuestions(db, k.id)).find((q) => q.id === questionId);
  if (!question) return undefined;
  const items = await consultationTopItems(db, k.id, questionId, count, locale);
  if (!items.length) return undefined;
  return {
    consultationId: k.id,
    title: parseTranslated(k.title),
    bodyId: k.bodyId,
    items,
    objectives: question.source === 'objectives' ? items.map((i) => Number(i.key)) : [],
    resultsHref: paths.results.href(locale, { id: k.id }),
  };
}
