/**
 * @module Consultations: its section of the generated reports — consultations closed during the period whose results
 * are published (results still with their organizers stay out of every public report), how many
 * organizations answered, and the top priorities of each one's first priority question (a ranking by modified
 * Borda, points or choices: what `consultationTopItems` gives an event's agenda), with the items' labels in
 * every language so a published report can be read in any. A body's report: the body's consultations; an
 * objective's: consultations of the bodies that prioritized it and any that ranked the GCM objectives, with the
 * place members gave that objective — what they prioritized on it, for the GCM reviews.
 */
import type { ReportSection, ReportBlock } from '../../platform/module.js';
import { LOCALES } from '../../platform/i18n/locales.js';
import { parseTranslated, pickTranslated, type Translated } from '../../platform/i18n/translated.js';
import { listBodies } from '../bodies/index.js';
import { listQuestions, resolveQuestions, countQuestions } from './queries.js';
import { topItems, type QuestionResult } from './results.js';
import { keptCount } from './memo.js';

const PRIORITY_KINDS = new Set(['rank', 'points', 'one', 'many']);
const TOP = 5;

export interface ConsultationsReportData {
  run: {
    id: string;
    title: Translated;
    body: Translated;
    closedAt: string;
    answers: number;
    question: Translated | null;
    top: { key: string; label: Translated }[];
    /** Objective reports: the objective's place in a ranking of the GCM objectives ("3rd of 23"). */
    objectivePlace?: { place: number; of: number; question: Translated };
  }[];
}

export async function consultationsReportData(ctx: Parameters<ReportSection['data']>[0], scope: Parameters<ReportSection['data']>[1]): Promise<ConsultationsReportData | null> {
  const { db } = ctx;
  const bodies = await listBodies(db);
  const names = new Map(bodies.map((b) => [b.id, parseTranslated(b.name)]));
  let q = db.selectFrom('consultations').select(['id', 'title', 'body_id', 'closed_at', 'answer_count']).where('status', '=', 'closed').where('results_published_at', 'is not', null).where('closed_at', '>=', scope.from).where('closed_at', '<', scope.to);
  if (scope.kind === 'body') q = q.where('body_id', '=', scope.bodyId ?? '');
  const rows = await q.orderBy('closed_at').execute();
  const run: ConsultationsReportData['run'] = [];
  const onObjective = new Set(bodies.filter((b) => b.objectives.includes(scope.objective ?? 0)).map((b) => b.id));
  for (const k of rows) {
    const questions = await listQuestions(db, k.id);
    const ranked = questions.find((x) => x.kind === 'rank' && x.source === 'objectives');
    if (scope.kind === 'objective' && !onObjective.has(k.body_id) && !ranked) continue;
    const first = questions.find((x) => PRIORITY_KINDS.has(x.kind));
    const needed = [first, scope.kind === 'objective' ? ranked : undefined].filter((x): x is NonNullable<typeof x> => !!x);
    const byLocale = await Promise.all(LOCALES.map(async (l) => [l, await resolveQuestions(db, needed, l)] as const));
    // Only the needed questions' values, a batch at a time, counted as they come (rankings: the Borda count, all the
    // section reads); a closed consultation's answers never change, so its count is kept (memo.ts).
    const count = () => countQuestions(db, k.id, byLocale[0]![1], { pairwise: false });
    const kept = { id: k.id, status: 'closed' as const, closedAt: k.closed_at, answerCount: Number(k.answer_count) };
    const results = needed.length ? await keptCount(kept, `report|${needed.map((x) => x.id).join(',')}`, count) : new Map<string, QuestionResult>();
    const labels = (qid: string, key: string): Translated =>
      Object.fromEntries(byLocale.map(([l, qs]) => [l, qs.find((x) => x.id === qid)?.items.find((i) => i.key === key)?.label ?? key]));
    const r = first && results.get(first.id);
    const entry: ConsultationsReportData['run'][number] = {
      id: k.id,
      title: parseTranslated(k.title),
      body: names.get(k.body_id) ?? {},
      closedAt: k.closed_at!,
      answers: Number(k.answer_count),
      question: first ? first.prompt : null,
      top: r && r.n > 0 ? topItems(r, TOP).map((key) => ({ key, label: labels(first!.id, key) })) : [],
    };
    const rr = scope.kind === 'objective' && ranked ? results.get(ranked.id) : undefined;
    if (rr && rr.kind === 'rank' && rr.n > 0) {
      const order = rr.borda.map((p) => p.key);
      const at = order.indexOf(String(scope.objective));
      if (at >= 0) entry.objectivePlace = { place: at + 1, of: order.length, question: ranked!.prompt };
    }
    run.push(entry);
  }
  return run.length ? { run } : null;
}

export const consultationsReport: ReportSection = {
  key: 'consultations.run',
  title: 'consultations.report.title',
  order: 60,
  data: consultationsReportData,
  render: (raw, { locale, t, fmt }) => {
    const d = raw as ConsultationsReportData;
    const pick = (v: Translated | null) => pickTranslated(v, locale)?.text ?? '';
    const answers = d.run.reduce((a, k) => a + k.answers, 0);
    const blocks: ReportBlock[] = [
      {
        kind: 'figures',
        items: [
          { value: fmt.number(d.run.length), label: t('consultations.report.run', { count: d.run.length }) },
          { value: fmt.number(answers), label: t('consultations.report.answers', { count: answers }) },
        ],
      },
    ];
    for (const k of d.run) {
      blocks.push({
        kind: 'paragraph',
        text: t('consultations.report.one', { title: pick(k.title), body: pick(k.body), date: fmt.date(k.closedAt.slice(0, 10)), count: k.answers, answers: fmt.number(k.answers) }),
      });
      if (k.objectivePlace)
        blocks.push({ kind: 'paragraph', text: t('consultations.report.place', { place: fmt.number(k.objectivePlace.place), of: fmt.number(k.objectivePlace.of), question: pick(k.objectivePlace.question) }) });
      if (k.top.length) {
        blocks.push({ kind: 'paragraph', text: t('consultations.report.top', { question: pick(k.question) }) });
        blocks.push({ kind: 'list', ordered: true, items: k.top.map((i) => pick(i.label)) });
      }
    }
    return blocks;
  },
};
