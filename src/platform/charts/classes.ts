/**
 * @module Colour classes for choropleths
 *
 * Splits positive values into at most five equal-width classes (integers stay integers: 1–3, 4–6…)
 * and gives each a colour from a sequential scale. Zero is not a class: it is drawn apart.
 */

/** ColorBrewer YlGnBu, darker five of six: light enough to tell from the hatched zero, dark at the top. */
const PALETTE = ['#c7e9b4', '#7fcdbb', '#41b6c4', '#2c7fb8', '#253494'] as const;
/** Which palette entries to use for k classes, spread so neighbours differ as much as possible. */
const PICK: Record<number, readonly number[]> = { 1: [2], 2: [1, 3], 3: [0, 2, 4], 4: [0, 1, 3, 4], 5: [0, 1, 2, 3, 4] };

/** One colour class. */
export interface ColourClass {
  readonly min: number;
  readonly max: number;
  readonly colour: string;
  /** "1–3", or "4" when the class holds a single integer. */
  readonly label: string;
}

/** The classes for a set of values, and a function that finds a value's class. */
export interface Classification {
  readonly classes: readonly ColourClass[];
  /** The class of a value, or undefined for zero, negative and non-finite values. */
  classOf(value: number): ColourClass | undefined;
}

/** Equal-width classes over the positive values (at most `maxClasses`, never more than five). */
export function classify(
  values: Iterable<number>,
  formatNumber: (n: number) => string,
  maxClasses = 5,
): Classification {
  let min = Infinity;
  let max = -Infinity;
  let integers = true;
  for (const v of values) {
    if (!(v > 0) || !Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
    if (!Number.isInteger(v)) integers = false;
  }
  if (min === Infinity) return { classes: [], classOf: () => undefined };

  const limit = Math.max(1, Math.min(5, Math.floor(maxClasses)));
  let k: number;
  let width: number;
  if (integers) {
    const distinct = max - min + 1;
    width = Math.ceil(distinct / Math.min(limit, distinct));
    k = Math.ceil(distinct / width);
  } else {
    k = min === max ? 1 : limit;
    width = (max - min) / k;
  }
  const colours = PICK[k]!.map((i) => PALETTE[i]!);
  const classes: ColourClass[] = [];
  for (let i = 0; i < k; i++) {
    const lo = min + i * width;
    const hi = i === k - 1 ? max : integers ? lo + width - 1 : min + (i + 1) * width;
    const label = lo === hi ? formatNumber(lo) : `${formatNumber(lo)}–${formatNumber(hi)}`;
    classes.push({ min: lo, max: hi, colour: colours[i]!, label });
  }
  return {
    classes,
    classOf(value: number) {
      if (!(value > 0) || !Number.isFinite(value)) return undefined;
      const i = width === 0 ? 0 : Math.floor((value - min) / width);
      return classes[Math.max(0, Math.min(k - 1, i))];
    },
  };
}
