/**
 * @module Axis ticks for the charts
 */

/**
 * Round tick values from 0 to at least `max`: about `count` steps of 1, 2 or 5 × 10ⁿ. Counts get
 * whole-number steps only (`integers`), so an axis of 0–3 reads 0, 1, 2, 3 rather than 0, 0.5, ….
 */
export function niceTicks(max: number, count = 5, integers = true): number[] {
  const top = Number.isFinite(max) && max > 0 ? max : 1;
  const raw = top / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  let step = (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * power;
  if (integers) step = Math.max(1, Math.round(step));
  const ticks: number[] = [];
  // Multiply rather than add, so 0.1 steps do not drift (0.30000000000000004).
  for (let i = 0; ; i++) {
    const value = Number((i * step).toPrecision(12));
    ticks.push(value);
    if (value >= top) break;
  }
  return ticks;
}
