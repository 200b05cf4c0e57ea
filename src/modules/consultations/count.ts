/**
 * @module Consultations: counting (pure). See docs/decisions/0501-consultations.md for why each method.
 *
 * - Rankings: the modified Borda count (a ballot that ranks m items gives m points to its first, m − 1 to
 *   its second, …, 1 to its m-th, nothing to unranked items) and the Schulze method over the pairwise
 *   matrix (a ranked item beats every unranked one; two unranked items are not compared). Both give ranks
 *   with ties shown as ties (equal places).
 * - Points: totals and the mean per answer.
 * - One / several choices: how many answers chose each option, and its share of the answers to the question.
 * - Scales: the distribution 1–5 and the median.
 * Every function depends only on the multiset of answers, never on the order they arrived.
 */

export interface Placed<T> {
  key: string;
  /** 1 = first; equal values share a place (1, 2, 2, 4). */
  place: number;
  value: T;
}

/** Places by a score (higher first), ties sharing a place; equal scores then sorted by `order` (item order). */
export function place<T>(keys: readonly string[], score: (k: string) => number, value: (k: string) => T): Placed<T>[] {
  const sorted = [...keys].sort((a, b) => score(b) - score(a) || keys.indexOf(a) - keys.indexOf(b));
  const out: Placed<T>[] = [];
  sorted.forEach((k, i) => {
    const prev = out[i - 1];
    out.push({ key: k, place: prev && score(prev.key) === score(k) ? prev.place : i + 1, value: value(k) });
  });
  return out;
}

export interface BordaRow {
  points: number;
  /** How many rankings put it first, and how many ranked it at all. */
  first: number;
  ranked: number;
}

/**
 * Every count below is a sum over the answers, kept as a tally: `add` a batch, read the result at the end. A whole
 * count is one batch (`borda`, `pairwise`, …); the reports count a large consultation batch by batch without holding
 * its answers (results.ts `resultCounter`). Sums are made answer by answer in the order given, so any split into
 * batches gives the same result.
 */
export function bordaTally(items: readonly string[]) {
  const rows = new Map(items.map((k) => [k, { points: 0, first: 0, ranked: 0 }]));
  return {
    add(rankings: readonly string[][]) {
      for (const r of rankings) {
        const m = r.length;
        r.forEach((k, i) => {
          const row = rows.get(k);
          if (!row) return;
          row.points += m - i;
          row.ranked += 1;
          if (i === 0) row.first += 1;
        });
      }
    },
    placed: (): Placed<BordaRow>[] => place(items, (k) => rows.get(k)!.points, (k) => rows.get(k)!),
  };
}

/** Modified Borda count over rankings (each an ordered list of item keys, best first, possibly partial). */
export function borda(items: readonly string[], rankings: readonly string[][]): Placed<BordaRow>[] {
  const t = bordaTally(items);
  t.add(rankings);
  return t.placed();
}

/** d[a][b]: how many rankings prefer a to b (a ranked above b, or a ranked and b not), as a tally. */
export function pairwiseTally(items: readonly string[]) {
  const idx = new Map(items.map((k, i) => [k, i]));
  const n = items.length;
  // A flat counter and a per-ranking mark (which items this ranking ranked), reused: no allocation per ranking.
  const d = new Int32Array(n * n);
  const mark = new Int32Array(n);
  const pos = new Int32Array(n);
  let stamp = 0;
  return {
    add(rankings: readonly string[][]) {
      for (const r of rankings) {
        stamp += 1;
        let m = 0;
        for (const k of r) {
          const i = idx.get(k);
          if (i === undefined || mark[i] === stamp) continue;
          mark[i] = stamp;
          pos[m++] = i;
        }
        for (let x = 0; x < m; x++) {
          const row = pos[x]! * n;
          // Above every item ranked after it…
          for (let y = x + 1; y < m; y++) d[row + pos[y]!]! += 1;
          // …and above every item not ranked.
          for (let b = 0; b < n; b++) if (mark[b] !== stamp) d[row + b]! += 1;
        }
      }
    },
    matrix: (): number[][] => Array.from({ length: n }, (_, a) => Array.from(d.subarray(a * n, a * n + n))),
  };
}

export function pairwise(items: readonly string[], rankings: readonly string[][]): number[][] {
  const t = pairwiseTally(items);
  t.add(rankings);
  return t.matrix();
}

export interface SchulzeRow {
  /** How many other items it beats by strongest paths. */
  wins: number;
}

/**
 * The Schulze method: strongest paths p over the pairwise matrix (link strength = winning votes d[a][b]
 * when d[a][b] > d[b][a]); a is better than b when p[a][b] > p[b][a]. Items are placed by how many others
 * they beat, which reproduces Schulze's order (the relation is transitive) and shows ties as ties.
 */
export function schulze(items: readonly string[], d: number[][]): { placed: Placed<SchulzeRow>[]; paths: number[][] } {
  const n = items.length;
  const p = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i !== j && d[i]![j]! > d[j]![i]! ? d[i]![j]! : 0)));
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      for (let k = 0; k < n; k++) {
        if (i === k || j === k) continue;
        const via = Math.min(p[j]![i]!, p[i]![k]!);
        if (via > p[j]![k]!) p[j]![k] = via;
      }
    }
  const wins = items.map((_, a) => items.reduce((w, _b, b) => w + (a !== b && p[a]![b]! > p[b]![a]! ? 1 : 0), 0));
  const at = new Map(items.map((k, i) => [k, i]));
  return { placed: place(items, (k) => wins[at.get(k)!]!, (k) => ({ wins: wins[at.get(k)!]! })), paths: p };
}

export interface PointsRow {
  total: number;
  /** Mean per answer to the question (items not given points count 0). */
  mean: number;
}

export function pointsTally(items: readonly string[]) {
  const total = new Map(items.map((k) => [k, 0]));
  let n = 0;
  return {
    add(answers: readonly Record<string, number>[]) {
      n += answers.length;
      for (const a of answers) for (const [k, v] of Object.entries(a)) if (total.has(k)) total.set(k, total.get(k)! + v);
    },
    placed: (): Placed<PointsRow>[] => place(items, (k) => total.get(k)!, (k) => ({ total: total.get(k)!, mean: total.get(k)! / (n || 1) })),
  };
}

export function points(items: readonly string[], answers: readonly Record<string, number>[]): Placed<PointsRow>[] {
  const t = pointsTally(items);
  t.add(answers);
  return t.placed();
}

export interface ChoiceRow {
  count: number;
  /** Share of the answers to the question that chose it, 0–1 (several choices: shares add up to more than 1). */
  share: number;
}

/** Each option counted on its own (not combinations); answers are one key or a list of keys each. */
export function choicesTally(items: readonly string[]) {
  const count = new Map(items.map((k) => [k, 0]));
  let n = 0;
  return {
    add(answers: readonly (string | string[])[]) {
      n += answers.length;
      for (const a of answers) for (const k of new Set(Array.isArray(a) ? a : [a])) if (count.has(k)) count.set(k, count.get(k)! + 1);
    },
    placed: (): Placed<ChoiceRow>[] => place(items, (k) => count.get(k)!, (k) => ({ count: count.get(k)!, share: n ? count.get(k)! / n : 0 })),
  };
}

export function choices(items: readonly string[], answers: readonly (string | string[])[]): Placed<ChoiceRow>[] {
  const t = choicesTally(items);
  t.add(answers);
  return t.placed();
}

/** The distribution over 1–5 and the median (the mean of the two middle values when the count is even). */
export function scaleTally() {
  const counts = [0, 0, 0, 0, 0];
  /** How many times each value in 1–5 was given (any such number, whole or not). */
  const given = new Map<number, number>();
  return {
    add(values: readonly number[]) {
      for (const v of values) {
        if (!(v >= 1 && v <= 5)) continue;
        if (Number.isInteger(v)) counts[v - 1]! += 1;
        given.set(v, (given.get(v) ?? 0) + 1);
      }
    },
    result(): { counts: number[]; median: number | null; n: number } {
      const sorted = [...given.entries()].sort((a, b) => a[0] - b[0]);
      const n = sorted.reduce((t, [, c]) => t + c, 0);
      const at = (i: number) => {
        for (const [v, c] of sorted) if ((i -= c) < 0) return v;
        return sorted[sorted.length - 1]![0];
      };
      const mid = Math.floor(n / 2);
      const median = n === 0 ? null : n % 2 ? at(mid) : (at(mid - 1) + at(mid)) / 2;
      return { counts, median, n };
    },
  };
}

export function scale(values: readonly number[]): { counts: number[]; median: number | null; n: number } {
  const t = scaleTally();
  t.add(values);
  return t.result();
}
