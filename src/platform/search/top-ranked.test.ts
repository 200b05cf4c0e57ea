/**
 * The search engine's best-k (engine.ts `topRanked`): the k best matches by score, highest first, ties by position
 * (newest first in the catalog's order), the same as sorting them all and taking the first k.
 */
import { describe, it, expect } from 'vitest';
import { topRanked } from './engine.js';

/** The reference: every candidate sorted by score (highest first), then position. */
function sorted(idx: Int32Array | null, pos: Int32Array, score: Float64Array, k: number): number[] {
  const all = idx ? [...idx] : [...pos.keys()];
  return all.sort((a, b) => score[b]! - score[a]! || pos[a]! - pos[b]!).slice(0, Math.max(0, k));
}

describe('topRanked', () => {
  it('gives the k best, best first, ties by position, as sorting all of them would', () => {
    let x = 7; // xorshift32: the same cases on every run
    const rand = () => ((x ^= x << 13), (x ^= x >>> 17), (x ^= x << 5), (x >>> 0) / 4294967296);
    for (const m of [0, 1, 2, 5, 20, 101, 1000, 5000]) {
      // Positions ascending (as matches come), scores with many ties (whole numbers) or few (fractions).
      const pos = Int32Array.from({ length: m }, (_, i) => i * 3 + (i % 2));
      for (const kind of ['ties', 'fractions'] as const) {
        const score = Float64Array.from({ length: m }, () => (kind === 'ties' ? 1 + Math.floor(rand() * 3) : rand()));
        const idx = Int32Array.from([...pos.keys()].filter(() => rand() < 0.6));
        for (const k of [0, 1, 3, 20, 100, m, m + 5]) {
          expect([...topRanked(null, pos, score, k)], `${m} ${kind} ${k}`).toEqual(sorted(null, pos, score, k));
          expect([...topRanked(idx, pos, score, k)], `${m} ${kind} ${k} idx`).toEqual(sorted(idx, pos, score, k));
        }
      }
    }
  });
});
