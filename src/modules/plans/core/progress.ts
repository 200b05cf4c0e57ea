/**
 * @module Plans core: how far a plan has come — database-free, so it is tested on its own.
 *
 * - An activity counts 1 when done, ½ in progress, 0 planned or postponed; a cancelled activity is left out
 *   (it no longer belongs to what the result needs).
 * - A numeric indicator counts how far its latest value went from the baseline towards the target (0–1, capped;
 *   for a falling indicator, the distance down); an indicator without a value yet counts 0; a text indicator
 *   (or one without a numeric baseline and target) is shown but not counted.
 * - A result is the weighted mean of its activities and, apart, of its indicators, combined with the plan's
 *   share for activities (the rest for indicators); when one side has nothing to count, the other side alone.
 *   A result with nothing to count has no progress (null) and is left out of its axis.
 * - An axis is the weighted mean of its results; the plan, of its axes. A weight of 0 leaves an item out.
 */

export type ActivityStatus = 'planned' | 'in_progress' | 'done' | 'postponed' | 'cancelled';

export interface ActivityIn {
  status: ActivityStatus;
  weight: number;
}
export interface IndicatorIn {
  unit: 'number' | 'percent' | 'text';
  baseline: string | null;
  target: string | null;
  direction: 'rise' | 'fall';
  weight: number;
  /** The latest reported value (as typed), if any. */
  latest: string | null;
}
export interface ResultIn {
  weight: number;
  activities: ActivityIn[];
  indicators: IndicatorIn[];
}
export interface AxisIn {
  weight: number;
  results: ResultIn[];
}

/** A progress in [0, 1], or null when there is nothing to count. */
export type Progress = number | null;

export interface ResultProgress {
  progress: Progress;
  /** The activities' side and the indicators' side, each null when empty. */
  activities: Progress;
  indicators: Progress;
  counted: { activities: number; cancelled: number; indicators: number; textIndicators: number; unreported: number };
}

export const ACTIVITY_CREDIT: Record<ActivityStatus, number | null> = { done: 1, in_progress: 0.5, planned: 0, postponed: 0, cancelled: null };

/** A number as people type it ("1.5", "1,5", " 40 ") or null. */
export function parseNumber(s: string | null | undefined): number | null {
  if (s === null || s === undefined) return null;
  const t = s.trim().replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(t)) return null;
  return Number(t);
}

const clamp = (x: number) => Math.max(0, Math.min(1, x));

/** One indicator's progress: null when it is not counted (text, no numeric baseline/target, target = baseline). */
export function indicatorProgress(i: IndicatorIn): Progress {
  if (i.unit === 'text') return null;
  const base = parseNumber(i.baseline);
  const target = parseNumber(i.target);
  if (base === null || target === null || base === target) return null;
  const v = parseNumber(i.latest);
  if (v === null) return 0;
  return clamp(i.direction === 'rise' ? (v - base) / (target - base) : (base - v) / (base - target));
}

/** Weighted mean of the items that count (progress not null, weight > 0); null when none does. */
export function weightedMean(items: { progress: Progress; weight: number }[]): Progress {
  let sum = 0;
  let w = 0;
  for (const x of items) {
    if (x.progress === null || !(x.weight > 0)) continue;
    sum += x.progress * x.weight;
    w += x.weight;
  }
  return w > 0 ? sum / w : null;
}

export function resultProgress(r: ResultIn, activityShare: number): ResultProgress {
  const acts = r.activities.map((a) => ({ progress: ACTIVITY_CREDIT[a.status], weight: a.weight }));
  const inds = r.indicators.map((i) => ({ progress: indicatorProgress(i), weight: i.weight }));
  const activities = weightedMean(acts);
  const indicators = weightedMean(inds);
  const share = clamp(activityShare / 100);
  const progress = activities === null ? indicators : indicators === null ? activities : activities * share + indicators * (1 - share);
  return {
    progress,
    activities,
    indicators,
    counted: {
      activities: r.activities.filter((a) => a.status !== 'cancelled' && a.weight > 0).length,
      cancelled: r.activities.filter((a) => a.status === 'cancelled').length,
      indicators: inds.filter((i) => i.progress !== null && i.weight > 0).length,
      textIndicators: r.indicators.filter((i) => i.unit === 'text').length,
      unreported: r.indicators.filter((i) => i.unit !== 'text' && i.latest === null).length,
    },
  };
}

export function axisProgress(a: AxisIn, activityShare: number): { progress: Progress; results: ResultProgress[] } {
  const results = a.results.map((r) => resultProgress(r, activityShare));
  return { progress: weightedMean(results.map((r, i) => ({ progress: r.progress, weight: a.results[i]!.weight }))), results };
}

export function planProgress(axes: AxisIn[], activityShare: number): { progress: Progress; axes: { progress: Progress; results: ResultProgress[] }[] } {
  const out = axes.map((a) => axisProgress(a, activityShare));
  return { progress: weightedMean(out.map((x, i) => ({ progress: x.progress, weight: axes[i]!.weight }))), axes: out };
}
