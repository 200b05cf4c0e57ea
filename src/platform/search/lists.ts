/**
 * @module Sorted lists
 * Ascending lists of integers (catalog positions, full-text rowids) as typed arrays, merged the way a full-text
 * expression combines its words: OR within a group (union), AND across groups (intersection), and `seek` to find a
 * value in a long list from a short one in a few steps.
 */

/** The union of ascending position lists, ascending. */
export function union(lists: Int32Array[]): Int32Array {
  let acc = lists[0] ?? new Int32Array(0);
  for (let l = 1; l < lists.length; l++) {
    const a = acc;
    const b = lists[l]!;
    const out = new Int32Array(a.length + b.length);
    let i = 0;
    let j = 0;
    let k = 0;
    while (i < a.length && j < b.length) {
      const x = a[i]!;
      const y = b[j]!;
      if (x < y) (out[k++] = x), i++;
      else if (y < x) (out[k++] = y), j++;
      else (out[k++] = x), i++, j++;
    }
    while (i < a.length) out[k++] = a[i++]!;
    while (j < b.length) out[k++] = b[j++]!;
    acc = out.subarray(0, k);
  }
  return acc;
}

/**
 * The first index at or after `from` whose value is `x` or more in an ascending list (its length when none): steps
 * that double, then halve, so a short list walks a long one in a few steps a value.
 */
export function seek(list: Int32Array, from: number, x: number): number {
  if (from >= list.length || list[from]! >= x) return from;
  let lo = from;
  let step = 1;
  while (lo + step < list.length && list[lo + step]! < x) (lo += step), (step *= 2);
  let hi = Math.min(lo + step, list.length);
  // list[lo] < x, and list[hi] >= x or hi is the end.
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! < x) lo = mid;
    else hi = mid;
  }
  return hi;
}

/** The intersection of ascending position lists, smallest first, ascending. */
export function intersect(lists: Int32Array[]): Int32Array {
  const sorted = [...lists].sort((a, b) => a.length - b.length);
  let acc = sorted[0]!;
  for (let l = 1; l < sorted.length && acc.length; l++) {
    const b = sorted[l]!;
    const out = new Int32Array(acc.length);
    let k = 0;
    for (let i = 0, j = 0; i < acc.length; i++) {
      j = seek(b, j, acc[i]!);
      if (j === b.length) break;
      if (b[j] === acc[i]) out[k++] = acc[i]!;
    }
    acc = out.subarray(0, k);
  }
  return acc;
}
