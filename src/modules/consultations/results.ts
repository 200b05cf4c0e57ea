/** @module Consultations: the results of every question, counted from the stored answers (see count.ts). */
import type { Answers, Resolved } from './model.js';
import { isShown } from './model.js';
import { borda, pairwise, schulze, points, choices, scale, type Placed, type BordaRow, type SchulzeRow, type PointsRow, type ChoiceRow } from './count.js';

export type QuestionResult =
  | { kind: 'rank'; n: number; borda: Placed<BordaRow>[]; schulze: Placed<SchulzeRow>[]; matrix: number[][] }
  | { kind: 'points'; n: number; rows: Placed<PointsRow>[] }
  | { kind: 'one' | 'many'; n: number; rows: Placed<ChoiceRow>[] }
  | { kind: 'scale'; n: number; counts: number[]; median: number | null }
  | { kind: 'short' | 'long'; n: number; texts: { respondent: string; text: string }[] };

/** Counts each question over the answers that answered it (a hidden or skipped question counts no one). */
export function countResults(questions: Resolved[], answers: { respondent: string; answers: Answers }[]): Map<string, QuestionResult> {
  const out = new Map<string, QuestionResult>();
  for (const q of questions) {
    const given = answers.filter((a) => isShown(q, a.answers) && a.answers[q.id] !== undefined).map((a) => ({ respondent: a.respondent, v: a.answers[q.id]! }));
    const keys = q.items.map((i) => i.key);
    const n = given.length;
    switch (q.kind) {
      case 'rank': {
        const rankings = given.map((g) => g.v).filter((v): v is string[] => Array.isArray(v));
        const d = pairwise(keys, rankings);
        out.set(q.id, { kind: 'rank', n, borda: borda(keys, rankings), schulze: schulze(keys, d).placed, matrix: d });
        break;
      }
      case 'points':
        out.set(q.id, { kind: 'points', n, rows: points(keys, given.map((g) => g.v as Record<string, number>)) });
        break;
      case 'one':
      case 'many':
        out.set(q.id, { kind: q.kind, n, rows: choices(keys, given.map((g) => g.v as string | string[])) });
        break;
      case 'scale': {
        const s = scale(given.map((g) => Number(g.v)));
        out.set(q.id, { kind: 'scale', n, counts: s.counts, median: s.median });
        break;
      }
      default:
        out.set(q.id, { kind: q.kind, n, texts: given.map((g) => ({ respondent: g.respondent, text: String(g.v) })) });
    }
  }
  return out;
}

/** The top-ranked items of a ranking question (Borda order), for carrying a result into an event's agenda. */
export function topItems(r: QuestionResult, count: number): string[] {
  if (r.kind === 'rank') return r.borda.slice(0, count).map((p) => p.key);
  if (r.kind === 'points' || r.kind === 'one' || r.kind === 'many') return r.rows.slice(0, count).map((p) => p.key);
  return [];
}
