/** Plans: the progress roll-up — weights, empty results, cancelled activities, indicators rising and falling. */
import { describe, it, expect } from 'vitest';
import { resultProgress, axisProgress, planProgress, indicatorProgress, parseNumber, type IndicatorIn } from './progress.js';

const ind = (o: Partial<IndicatorIn>): IndicatorIn => ({ unit: 'number', baseline: '0', target: '10', direction: 'rise', weight: 1, latest: null, ...o });

describe('plan progress', () => {
  it('counts activities done 1, in progress ½, planned and postponed 0, with their weights', () => {
    const r = resultProgress({ weight: 1, activities: [{ status: 'done', weight: 3 }, { status: 'in_progress', weight: 1 }, { status: 'postponed', weight: 1 }, { status: 'planned', weight: 1 }], indicators: [] }, 50);
    expect(r.progress).toBeCloseTo((3 + 0.5) / 6);
    expect(r.indicators).toBeNull();
  });

  it('leaves cancelled activities out instead of counting them as not done', () => {
    const r = resultProgress({ weight: 1, activities: [{ status: 'done', weight: 1 }, { status: 'cancelled', weight: 5 }], indicators: [] }, 50);
    expect(r.progress).toBe(1);
    expect(r.counted).toMatchObject({ activities: 1, cancelled: 1 });
    const all = resultProgress({ weight: 1, activities: [{ status: 'cancelled', weight: 1 }], indicators: [] }, 50);
    expect(all.progress).toBeNull();
  });

  it('gives an empty result no progress, and its axis skips it rather than counting it as zero', () => {
    expect(resultProgress({ weight: 1, activities: [], indicators: [] }, 50).progress).toBeNull();
    const a = axisProgress({ weight: 1, results: [{ weight: 1, activities: [], indicators: [] }, { weight: 1, activities: [{ status: 'done', weight: 1 }], indicators: [] }] }, 50);
    expect(a.progress).toBe(1);
    expect(axisProgress({ weight: 1, results: [] }, 50).progress).toBeNull();
  });

  it('measures indicators from baseline to target, rising or falling, capped, unreported as 0, text not counted', () => {
    expect(indicatorProgress(ind({ latest: '5' }))).toBe(0.5);
    expect(indicatorProgress(ind({ latest: '15' }))).toBe(1);
    expect(indicatorProgress(ind({ latest: '-3' }))).toBe(0);
    expect(indicatorProgress(ind({ baseline: '40', target: '10', direction: 'fall', latest: '25' }))).toBe(0.5);
    expect(indicatorProgress(ind({ latest: null }))).toBe(0);
    expect(indicatorProgress(ind({ unit: 'text', latest: 'algo' }))).toBeNull();
    expect(indicatorProgress(ind({ baseline: '5', target: '5', latest: '5' }))).toBeNull();
    expect(indicatorProgress(ind({ unit: 'percent', baseline: '10,5', target: '20,5', latest: '15,5' }))).toBe(0.5);
  });

  it('combines activities and indicators by the plan’s share, and the other side alone when one is empty', () => {
    const r = { weight: 1, activities: [{ status: 'done' as const, weight: 1 }], indicators: [ind({ latest: '0' })] };
    expect(resultProgress(r, 50).progress).toBe(0.5);
    expect(resultProgress(r, 80).progress).toBeCloseTo(0.8);
    expect(resultProgress(r, 0).progress).toBe(0);
    expect(resultProgress({ ...r, activities: [] }, 80).progress).toBe(0);
    expect(resultProgress({ ...r, indicators: [ind({ unit: 'text' })] }, 20).progress).toBe(1);
  });

  it('weights results in an axis and axes in the plan; weight 0 leaves an item out', () => {
    const done = { weight: 1, activities: [{ status: 'done' as const, weight: 1 }], indicators: [] };
    const none = { weight: 1, activities: [{ status: 'planned' as const, weight: 1 }], indicators: [] };
    expect(axisProgress({ weight: 1, results: [{ ...done, weight: 3 }, none] }, 50).progress).toBe(0.75);
    expect(axisProgress({ weight: 1, results: [{ ...done, weight: 0 }, none] }, 50).progress).toBe(0);
    const p = planProgress([{ weight: 1, results: [done] }, { weight: 3, results: [none] }], 50);
    expect(p.progress).toBe(0.25);
    expect(planProgress([], 50).progress).toBeNull();
  });

  it('reads numbers as people type them and nothing else', () => {
    expect(parseNumber(' 1,5 ')).toBe(1.5);
    expect(parseNumber('12')).toBe(12);
    expect(parseNumber('doce')).toBeNull();
    expect(parseNumber('1e3')).toBeNull();
    expect(parseNumber('')).toBeNull();
  });
});
