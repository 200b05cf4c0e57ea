/**
 * The bounded edit distance typo correction measures vocabulary words with (text.ts `editDistance`): the Levenshtein
 * distance when it is `max` or less, else `max + 1`, as the whole table would give it.
 */
import { describe, it, expect } from 'vitest';
import { editDistance, letterBits, lettersApart } from './text.js';

/** The whole Levenshtein table. */
function levenshtein(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1), prev[j]! + 1, cur[j - 1]! + 1);
    prev = cur;
  }
  return prev[b.length]!;
}

describe('editDistance', () => {
  it('is the Levenshtein distance up to max, and max + 1 beyond, for words of every length', () => {
    let x = 11; // xorshift32: the same cases on every run
    const rand = (n: number) => ((x ^= x << 13), (x ^= x >>> 17), (x ^= x << 5), (x >>> 0) % n);
    const word = () => Array.from({ length: rand(13) }, () => 'abcé'[rand(4)]).join('');
    for (let t = 0; t < 20_000; t++) {
      const a = word();
      // Near words (a few edits of a) as often as unrelated ones.
      let b = t % 2 ? word() : a;
      if (t % 2 === 0) for (let e = rand(4); e > 0; e--) {
        const at = rand(b.length + 1);
        const op = rand(3);
        b = op === 0 ? b.slice(0, at) + 'abcé'[rand(4)] + b.slice(at) : op === 1 ? b.slice(0, at) + b.slice(at + 1) : b.slice(0, at) + 'abcé'[rand(4)] + b.slice(at + 1);
      }
      const max = rand(4);
      // The two rows are reused by every call: leave small numbers in them first, as a near pair measured before does.
      if (t % 3 === 0) editDistance('abcabcabcabcabcabc', 'abcabcabcabcabcabc', 20);
      expect(editDistance(a, b, max), `${a} ${b} ${max}`).toBe(Math.min(levenshtein(a, b), max + 1));
    }
    expect(editDistance('migrasion', 'migracion', 2)).toBe(1);
    expect(editDistance('', 'ab', 2)).toBe(2);
    expect(editDistance('abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz0123456789', 'x', 2)).toBe(3);
  });
});

describe('letterBits and lettersApart', () => {
  it('never put two words further apart than twice their edit distance (typo correction skips by it)', () => {
    let x = 29;
    const rand = (n: number) => ((x ^= x << 13), (x ^= x >>> 17), (x ^= x << 5), (x >>> 0) % n);
    const letters = 'abcdefghijklmnopqrstuvwxyz0123456789ñé';
    const word = () => Array.from({ length: 1 + rand(12) }, () => letters[rand(letters.length)]).join('');
    let skipped = 0;
    for (let t = 0; t < 20_000; t++) {
      const a = word();
      let b = a;
      for (let e = rand(4); e > 0; e--) {
        const at = rand(b.length + 1);
        const op = rand(3);
        const c = letters[rand(letters.length)];
        b = op === 0 ? b.slice(0, at) + c + b.slice(at) : op === 1 ? b.slice(0, at) + b.slice(at + 1) : b.slice(0, at) + c + b.slice(at + 1);
      }
      const d = levenshtein(a, b);
      const apart = lettersApart(letterBits(a), letterBits(b));
      expect(apart, `${a} ${b}`).toBeLessThanOrEqual(2 * d);
      const other = word();
      if (lettersApart(letterBits(a), letterBits(other)) > 2) skipped++;
    }
    // What it is for: most unrelated words are skipped at one edit's budget.
    expect(skipped).toBeGreaterThan(15_000);
    expect(lettersApart(letterBits('migracion'), letterBits('migrasion'))).toBe(2);
    expect(lettersApart(letterBits('derechos'), letterBits('derechos'))).toBe(0);
    expect(lettersApart(0, -1)).toBe(32);
  });
});
