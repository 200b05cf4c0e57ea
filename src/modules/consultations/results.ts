/** @module Consultations: the results of every question, counted from the stored answers (see count.ts). */
import type { Answers, Resolved } from './model.js';
import { isShown } from './model.js';
import { borda, pairwise, schulze, points, choices, scale, place, type Placed, type BordaRow, type SchulzeRow, type PointsRow, type ChoiceRow } from './count.js';

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
    const given = givenTo(q, answers);
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

/** The answers given to a question, in the answers' order: shown to the respondent and answered. */
const givenTo = (q: Resolved, answers: { respondent: string; answers: Answers }[]) =>
  answers.filter((a) => isShown(q, a.answers) && a.answers[q.id] !== undefined).map((a) => ({ respondent: a.respondent, v: a.answers[q.id]! }));

/**
 * The same results as `countResults`, counted batch by batch (`add` each batch of answers, then `results()`): every
 * count is a sum over the answers, so only running totals per item are held — Borda rows, the pairwise matrix, points,
 * choices, the scale's distribution — never the answers. Sums are made in the same order as `countResults` makes them,
 * so the results are identical (report.test.ts). Texts (short, long) are kept whole, as `countResults` keeps them: count
 * only the questions needed. Each batch's answers need only the counted questions' values and those their conditions
 * (show-if) read. `pairwise: false`: rankings get their Borda count only (`schulze` and `matrix` empty), for a reader of
 * the Borda order alone (the reports): the pairwise matrix costs a pass over every item for each ranked item.
 */
export function resultCounter(questions: Resolved[], opts: { pairwise?: boolean } = {}) {
  const withPairwise = opts.pairwise ?? true;
  const state = questions.map((q) => {
    const keys = q.items.map((i) => i.key);
    return {
      q,
      keys,
      n: 0,
      rows: new Map(keys.map((k) => [k, { points: 0, first: 0, ranked: 0 }])),
      d: q.kind === 'rank' && withPairwise ? Array.from({ length: keys.length }, () => new Array<number>(keys.length).fill(0)) : [],
      totals: new Map(keys.map((k) => [k, 0])),
      counts: [0, 0, 0, 0, 0],
      values: new Map<number, number>(),
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
            // Modified Borda (count.ts `borda`), summed ranking by ranking.
            for (const r of rankings) {
              const m = r.length;
              r.forEach((k, i) => {
                const row = s.rows.get(k);
                if (!row) return;
                row.points += m - i;
                row.ranked += 1;
                if (i === 0) row.first += 1;
              });
            }
            if (!withPairwise) break;
            const d = pairwise(s.keys, rankings);
            for (let a = 0; a < d.length; a++) for (let b = 0; b < d.length; b++) s.d[a]![b]! += d[a]![b]!;
            break;
          }
          case 'points':
            for (const g of given) for (const [k, v] of Object.entries(g.v as Record<string, number>)) if (s.totals.has(k)) s.totals.set(k, s.totals.get(k)! + v);
            break;
          case 'one':
          case 'many':
            for (const g of given) {
              const a = g.v as string | string[];
              for (const k of new Set(Array.isArray(a) ? a : [a])) if (s.totals.has(k)) s.totals.set(k, s.totals.get(k)! + 1);
            }
            break;
          case 'scale':
            for (const g of given) {
              const v = Number(g.v);
              if (v >= 1 && v <= 5) {
                s.counts[v - 1]! += 1;
                s.values.set(v, (s.values.get(v) ?? 0) + 1);
              }
            }
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
          case 'rank':
            out.set(q.id, { kind: 'rank', n, borda: place(keys, (k) => s.rows.get(k)!.points, (k) => s.rows.get(k)!), schulze: withPairwise ? schulze(keys, s.d).placed : [], matrix: s.d });
            break;
          case 'points': {
            const m = n || 1;
            out.set(q.id, { kind: 'points', n, rows: place(keys, (k) => s.totals.get(k)!, (k) => ({ total: s.totals.get(k)!, mean: s.totals.get(k)! / m })) });
            break;
          }
          case 'one':
          case 'many':
            out.set(q.id, { kind: q.kind, n, rows: place(keys, (k) => s.totals.get(k)!, (k) => ({ count: s.totals.get(k)!, share: n ? s.totals.get(k)! / n : 0 })) });
            break;
          case 'scale':
            out.set(q.id, { kind: 'scale', n, counts: s.counts, median: medianOf(s.values) });
            break;
          default:
            out.set(q.id, { kind: q.kind, n, texts: s.texts });
        }
      }
      return out;
    },
  };
}

/** count.ts `scale`'s median (the mean of the two middle values when the count is even) from how many times each value was given. */
function medianOf(values: Map<number, number>): number | null {
  const sorted = [...values.entries()].sort((a, b) => a[0] - b[0]);
  const total = sorted.reduce((t, [, c]) => t + c, 0);
  if (!total) return null;
  const at = (i: number) => {
    for (const [v, c] of sorted) if ((i -= c) < 0) return v;
    return sorted[sorted.length - 1]![0];
  };
  const mid = Math.floor(total / 2);
  return total % 2 ? at(mid) : (at(mid - 1) + at(mid)) / 2;
}

/** The top-ranked items of a ranking question (Borda order), for carrying a result into an event's agenda. */
export function topItems(r: QuestionResult, count: number): string[] {
  if (r.kind === 'rank') return r.borda.slice(0, count).map((p) => p.key);
  if (r.kind === 'points' || r.kind === 'one' || r.kind === 'many') return r.rows.slice(0, count).map((p) => p.key);
  return [];
}
