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

/** Two rows of the edit-distance table, reused by every call (grown when a word is longer). */
let rowA = new Int32Array(64);
let rowB = new Int32Array(64);

/** Levenshtein distance (UTF-16 units), giving up (returning max+1) once it exceeds `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const m = b.length;
  if (rowA.length <= m) (rowA = new Int32Array(2 * m + 2)), (rowB = new Int32Array(2 * m + 2));
  let prev = rowA;
  let cur = rowB;
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const ca = a.charCodeAt(i - 1);
    cur[0] = i;
    let best = i;
    for (let j = 1; j <= m; j++) {
      const sub = prev[j - 1]! + (ca === b.charCodeAt(j - 1) ? 0 : 1);
      const del = prev[j]! + 1;
      const ins = cur[j - 1]! + 1;
      const v = sub < del ? (sub < ins ? sub : ins) : del < ins ? del : ins;
      cur[j] = v;
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
    const t = prev;
    prev = cur;
    cur = t;
  }
  return prev[m]!;
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
