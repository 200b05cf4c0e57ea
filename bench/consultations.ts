/**
 * @module Consultations benchmark (counting)
 * Generates 2,000 organizations' rankings of the 23 GCM objectives (full and partial — top 5, top 10 — with a
 * preference drift so the count has a structure) and times the modified Borda count and the Schulze method
 * (pairwise matrix + strongest paths) together. Target on the 2-core reference machine: under 50 ms.
 * Run alone: `node --import tsx bench/consultations.ts [--answers N]`.
 */
import { pathToFileURL } from 'node:url';
import { borda, pairwise, schulze } from '../src/modules/consultations/count.js';
import { prng } from './prng.js';

const ITEMS = Array.from({ length: 23 }, (_, i) => String(i + 1));

/** N rankings: each a noisy ordering of the 23 objectives, cut to 5, 10 or all 23. */
export function generateRankings(n: number, seed = 13): string[][] {
  const rnd = prng(seed);
  return Array.from({ length: n }, () => {
    const scored = ITEMS.map((k, i) => [k, i / 23 + rnd() * 1.5] as const).sort((a, b) => a[1] - b[1]);
    const cut = [5, 10, 23][Math.floor(rnd() * 3)]!;
    return scored.slice(0, cut).map((s) => s[0]);
  });
}

export function benchCount(n = 2000, runs = 15) {
  const rankings = generateRankings(n);
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    borda(ITEMS, rankings);
    schulze(ITEMS, pairwise(ITEMS, rankings));
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { answers: n, items: ITEMS.length, medianMs: times[Math.floor(times.length / 2)]!, maxMs: times[times.length - 1]! };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const i = process.argv.indexOf('--answers');
  const n = i > 0 ? Number(process.argv[i + 1]) : 2000;
  const r = benchCount(n);
  console.log(`consultations: Borda + Schulze over ${r.answers} rankings of ${r.items} items: median ${r.medianMs.toFixed(1)} ms, max ${r.maxMs.toFixed(1)} ms (target < 50 ms)`);
}
