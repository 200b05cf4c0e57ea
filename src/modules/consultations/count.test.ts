/** Counting: Borda and Schulze on known examples (cycles, ties, partial rankings), shares, medians, and properties. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { borda, pairwise, schulze, points, choices, scale, bordaTally, pairwiseTally, pointsTally, choicesTally, scaleTally } from './count.js';

const expand = (groups: [number, string][]) => groups.flatMap(([n, order]) => Array.from({ length: n }, () => order.split('')));
const order = <T>(placed: { key: string; place: number; value: T }[]) => placed.map((p) => `${p.place}${p.key}`).join(' ');

describe('Schulze', () => {
  it('gives the known order of the 45-voter example (E > A > C > B > D)', () => {
    const items = ['A', 'B', 'C', 'D', 'E'];
    const rankings = expand([
      [5, 'ACBED'],
      [5, 'ADECB'],
      [8, 'BEDAC'],
      [3, 'CABED'],
      [7, 'CAEBD'],
      [2, 'CBADE'],
      [7, 'DCEBA'],
      [8, 'EBADC'],
    ]);
    const d = pairwise(items, rankings);
    expect(d[0]![1]).toBe(20); // A over B
    expect(d[1]![0]).toBe(25);
    expect(order(schulze(items, d).placed)).toBe('1E 2A 3C 4B 5D');
  });

  it('shows a Condorcet cycle as a tie, in both methods', () => {
    const items = ['A', 'B', 'C'];
    const rankings = expand([
      [1, 'ABC'],
      [1, 'BCA'],
      [1, 'CAB'],
    ]);
    expect(order(schulze(items, pairwise(items, rankings)).placed)).toBe('1A 1B 1C');
    expect(order(borda(items, rankings))).toBe('1A 1B 1C');
  });

  it('counts partial rankings: ranked beats unranked, two unranked are not compared', () => {
    const items = ['A', 'B', 'C', 'D'];
    const rankings = [['A'], ['B', 'C']];
    const d = pairwise(items, rankings);
    expect(d[0]![1]).toBe(1);
    expect(d[1]![0]).toBe(1);
    expect(d[2]![3]).toBe(1);
    expect(d[3]![2]).toBe(0);
    expect(order(borda(items, rankings))).toBe('1B 2A 2C 4D');
    expect(borda(items, rankings).find((p) => p.key === 'A')!.value).toEqual({ points: 1, first: 1, ranked: 1 });
  });
});

describe('other counts', () => {
  it('totals and means points', () => {
    const r = points(['x', 'y', 'z'], [{ x: 7, y: 3 }, { y: 10 }]);
    expect(r.map((p) => [p.key, p.place, p.value.total, p.value.mean])).toEqual([
      ['y', 1, 13, 6.5],
      ['x', 2, 7, 3.5],
      ['z', 3, 0, 0],
    ]);
  });
  it('counts each option of several choices on its own', () => {
    const r = choices(['a', 'b', 'c'], [['a', 'b'], ['a'], 'c', ['a', 'a']]);
    expect(r.map((p) => [p.key, p.value.count, p.value.share])).toEqual([
      ['a', 3, 0.75],
      ['b', 1, 0.25],
      ['c', 1, 0.25],
    ]);
    expect(r.map((p) => p.place)).toEqual([1, 2, 2]);
  });
  it('gives the distribution and median of a scale', () => {
    expect(scale([1, 5, 3, 4])).toEqual({ counts: [1, 0, 1, 1, 1], median: 3.5, n: 4 });
    expect(scale([2, 2, 5])).toEqual({ counts: [0, 2, 0, 0, 1], median: 2, n: 3 });
    expect(scale([]).median).toBeNull();
  });
});

const ITEMS = ['a', 'b', 'c', 'd', 'e'];
const arbRanking = fc.shuffledSubarray(ITEMS, { minLength: 1 });

describe('properties', () => {
  it('Schulze puts the Condorcet winner first, alone, whenever there is one', () => {
    fc.assert(
      fc.property(fc.array(arbRanking, { minLength: 1, maxLength: 30 }), (rankings) => {
        const d = pairwise(ITEMS, rankings);
        const winner = ITEMS.findIndex((_, a) => ITEMS.every((_, b) => a === b || d[a]![b]! > d[b]![a]!));
        if (winner < 0) return;
        const placed = schulze(ITEMS, d).placed;
        expect(placed[0]!.key).toBe(ITEMS[winner]);
        expect(placed.filter((p) => p.place === 1)).toHaveLength(1);
      }),
    );
  });

  it('results do not depend on the order the answers arrive', () => {
    fc.assert(
      fc.property(fc.array(arbRanking, { minLength: 1, maxLength: 30 }), fc.infiniteStream(fc.nat()), (rankings, seeds) => {
        const shuffled = [...rankings];
        for (let i = shuffled.length - 1; i > 0; i--) {
          const j = seeds.next().value % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
        }
        expect(borda(ITEMS, shuffled)).toEqual(borda(ITEMS, rankings));
        expect(schulze(ITEMS, pairwise(ITEMS, shuffled))).toEqual(schulze(ITEMS, pairwise(ITEMS, rankings)));
      }),
    );
  });

  it('a tally fed in batches gives what one count of every answer gives, wherever the batches split', () => {
    const split = <T,>(xs: T[], cuts: number[]) => {
      const at = [...new Set(cuts.map((c) => c % (xs.length + 1)))].sort((a, b) => a - b);
      return [...at, xs.length].map((end, i) => xs.slice(i ? at[i - 1] : 0, end));
    };
    const arbPoints = fc.array(fc.dictionary(fc.constantFrom(...ITEMS, 'zz'), fc.integer({ min: 0, max: 10 })), { maxLength: 20 });
    const arbChoices = fc.array(fc.oneof(fc.constantFrom(...ITEMS), fc.subarray([...ITEMS, 'zz'])), { maxLength: 20 });
    const arbScale = fc.array(fc.oneof(fc.integer({ min: 0, max: 6 }), fc.constant(2.5)), { maxLength: 20 });
    fc.assert(
      fc.property(fc.array(arbRanking, { maxLength: 20 }), arbPoints, arbChoices, arbScale, fc.array(fc.nat(), { maxLength: 4 }), (rankings, pts, chs, vals, cuts) => {
        const b = bordaTally(ITEMS);
        const d = pairwiseTally(ITEMS);
        for (const part of split(rankings, cuts)) b.add(part), d.add(part);
        expect(b.placed()).toEqual(borda(ITEMS, rankings));
        expect(d.matrix()).toEqual(pairwise(ITEMS, rankings));
        const p = pointsTally(ITEMS);
        for (const part of split(pts, cuts)) p.add(part);
        expect(p.placed()).toEqual(points(ITEMS, pts));
        const c = choicesTally(ITEMS);
        for (const part of split(chs, cuts)) c.add(part);
        expect(c.placed()).toEqual(choices(ITEMS, chs));
        const sc = scaleTally();
        for (const part of split(vals, cuts)) sc.add(part);
        expect(sc.result()).toEqual(scale(vals));
        // The median by hand: the middle of the sorted values in 1–5 (the mean of the two middle ones when even).
        const s = vals.filter((v) => v >= 1 && v <= 5).sort((x, y) => x - y);
        const m = Math.floor(s.length / 2);
        expect(sc.result().median).toBe(s.length === 0 ? null : s.length % 2 ? s[m] : (s[m - 1]! + s[m]!) / 2);
      }),
    );
  });
});
