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
  const n = a.length;
  const m = b.length;
  const over = max + 1;
  if (Math.abs(n - m) > max) return over;
  if (rowA.length <= m + 1) (rowA = new Int32Array(2 * m + 2)), (rowB = new Int32Array(2 * m + 2));
  let prev = rowA;
  let cur = rowB;
  // Only the cells within `max` of the diagonal can be `max` or less: each row is computed there alone, the cells
  // beside the band read as `over` (a word of the vocabulary is measured against the typed one thousands of times).
  for (let j = 0; j <= m; j++) prev[j] = j <= max ? j : over;
  for (let i = 1; i <= n; i++) {
    const from = i - max > 1 ? i - max : 1;
    const to = i + max < m ? i + max : m;
    const ca = a.charCodeAt(i - 1);
    cur[0] = i <= max ? i : over;
    if (from > 1) cur[from - 1] = over;
    let best = from === 1 ? cur[0]! : over;
    for (let j = from; j <= to; j++) {
      const sub = prev[j - 1]! + (ca === b.charCodeAt(j - 1) ? 0 : 1);
      const del = prev[j]! + 1;
      const ins = cur[j - 1]! + 1;
      let v = sub < del ? (sub < ins ? sub : ins) : del < ins ? del : ins;
      if (v > over) v = over;
      cur[j] = v;
      if (v < best) best = v;
    }
    if (to < m) cur[to + 1] = over;
    if (best > max) return over;
    const t = prev;
    prev = cur;
    cur = t;
  }
  return prev[m]! > max ? over : prev[m]!;
}

/**
 * The letters a word has, as the bits of a number (a–z one bit each, digits and other characters sharing the last
 * six). One edit adds at most one letter to a word's set and takes at most one away, so two words `k` edits apart
 * differ in at most `2k` bits (`lettersApart`): a word whose bits differ in more is further than `k`, and typo
 * correction skips it without measuring (most words of the same first letter and length differ in four or more).
 */
export function letterBits(w: string): number {
  let bits = 0;
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    bits |= 1 << (c >= 97 && c <= 122 ? c - 97 : 26 + (c % 6));
  }
  return bits;
}

/** How many letters one of two `letterBits` has and the other has not. */
export function lettersApart(a: number, b: number): number {
  let x = a ^ b;
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
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
