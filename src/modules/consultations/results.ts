/** @module Consultations: the results of every question, counted from the stored answers (see count.ts). */
import type { Answers, Resolved } from './model.js';
import { isShown } from './model.js';
import { bordaTally, pairwiseTally, schulze, pointsTally, choicesTally, scaleTally, type Placed, type BordaRow, type SchulzeRow, type PointsRow, type ChoiceRow } from './count.js';

export type QuestionResult =
  | { kind: 'rank'; n: number; borda: Placed<BordaRow>[]; schulze: Placed<SchulzeRow>[]; matrix: number[][] }
  | { kind: 'points'; n: number; rows: Placed<PointsRow>[] }
  | { kind: 'one' | 'many'; n: number; rows: Placed<ChoiceRow>[] }
  | { kind: 'scale'; n: number; counts: number[]; median: number | null }
  | { kind: 'short' | 'long'; n: number; texts: { respondent: string; text: string }[] };

/** Counts each question over the answers that answered it (a hidden or skipped question counts no one). */
export function countResults(questions: Resolved[], answers: { respondent: string; answers: Answers }[]): Map<string, QuestionResult> {
  const counter = resultCounter(questions);
  counter.add(answers);
  return counter.results();
}

/** The answers given to a question, in the answers' order: shown to the respondent and answered. */
const givenTo = (q: Resolved, answers: { respondent: string; answers: Answers }[]) =>
  answers.filter((a) => isShown(q, a.answers) && a.answers[q.id] !== undefined).map((a) => ({ respondent: a.respondent, v: a.answers[q.id]! }));

/**
 * The results counted batch by batch (`add` each batch of answers, then `results()`; `countResults` is one batch):
 * every count is a tally of count.ts, so only running totals are held — Borda rows, the pairwise matrix, points,
 * choices, the scale's distribution — never the answers, and any split into batches gives the same results
 * (report.test.ts). Texts (short, long) are kept whole: count only the questions needed. Each batch's answers need
 * only the counted questions' values and those their conditions (show-if) read. `pairwise: false`: rankings get their
 * Borda count only (`schulze` and `matrix` empty), for a reader of the Borda order alone (the reports): the pairwise
 * matrix costs a pass over every item for each ranked item.
 */
export function resultCounter(questions: Resolved[], opts: { pairwise?: boolean } = {}) {
  const withPairwise = opts.pairwise ?? true;
  const state = questions.map((q) => {
    const keys = q.items.map((i) => i.key);
    return {
      q,
      keys,
      n: 0,
      borda: bordaTally(keys),
      pairwise: q.kind === 'rank' && withPairwise ? pairwiseTally(keys) : null,
      points: pointsTally(keys),
      choices: choicesTally(keys),
      scale: scaleTally(),
      texts: [] as { respondent: string; text: string }[],
    };
  });
  return {
    add(answers: { respondent: string; answers: Answers }[]) {
      for (const s of state) {
        const given = givenTo(s.q, answers);
        s.n += given.length;
        switch (s.q.kind) {
          case 'rank': {
            const rankings = given.map((g) => g.v).filter((v): v is string[] => Array.isArray(v));
            s.borda.add(rankings);
            s.pairwise?.add(rankings);
            break;
          }
          case 'points':
            s.points.add(given.map((g) => g.v as Record<string, number>));
            break;
          case 'one':
          case 'many':
            s.choices.add(given.map((g) => g.v as string | string[]));
            break;
          case 'scale':
            s.scale.add(given.map((g) => Number(g.v)));
            break;
          default:
            for (const g of given) s.texts.push({ respondent: g.respondent, text: String(g.v) });
        }
      }
    },
    results(): Map<string, QuestionResult> {
      const out = new Map<string, QuestionResult>();
      for (const s of state) {
        const { q, keys, n } = s;
        switch (q.kind) {
          case 'rank': {
            const matrix = s.pairwise?.matrix() ?? [];
            out.set(q.id, { kind: 'rank', n, borda: s.borda.placed(), schulze: s.pairwise ? schulze(keys, matrix).placed : [], matrix });
            break;
          }
          case 'points':
            out.set(q.id, { kind: 'points', n, rows: s.points.placed() });
            break;
          case 'one':
          case 'many':
            out.set(q.id, { kind: q.kind, n, rows: s.choices.placed() });
            break;
          case 'scale': {
            const { counts, median } = s.scale.result();
            out.set(q.id, { kind: 'scale', n, counts, median });
            break;
          }
          default:
            out.set(q.id, { kind: q.kind, n, texts: s.texts });
        }
      }
      return out;
    },
  };
}

/** The top-ranked items of a ranking question (Borda order), for carrying a result into an event's agenda. */
export function topItems(r: QuestionResult, count: number): string[] {
  if (r.kind === 'rank') return r.borda.slice(0, count).map((p) => p.key);
  if (r.kind === 'points' || r.kind === 'one' || r.kind === 'many') return r.rows.slice(0, count).map((p) => p.key);
  return [];
}
