/**
 * @module Search text helpers
 * How every full-text search of the platform reads words (practices, library): folded to lower case without
 * diacritics — as SQLite FTS5's `unicode61 remove_diacritics 2` and PostgreSQL's `unaccent` compare them —,
 * letters and digits only, and how far a typed word may be from a known one (Levenshtein, bounded).
 */

/** Lower case without diacritics: how both engines compare words. */
export function fold(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

/** The words of a text, folded (letters and digits). */
export function words(s: string): string[] {
  return fold(s).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Levenshtein distance, giving up (returning max+1) once it exceeds `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
    prev = cur;
  }
  return prev[b.length]!;
}

/** One edit allowed for words of 4–7 letters, two from 8 letters; none below 4. */
export function typoBudget(word: string): number {
  return word.length >= 8 ? 2 : word.length >= 4 ? 1 : 0;
}

/**
 * The words a text is searched by: letters and digits only (quotes, operators, `*`, `^`, parentheses and
 * control characters never reach FTS5 or to_tsquery), at most 60 letters each, the first 8.
 */
export function searchTerms(text: string): string[] {
  return [...new Set(words(text))].filter((w) => w.length <= 60).slice(0, 8);
}

/** PostgreSQL text search configuration per language. */
export const PG_TS_CONFIG = { es: 'spanish', en: 'english', pt: 'portuguese', fr: 'french' } as const;
