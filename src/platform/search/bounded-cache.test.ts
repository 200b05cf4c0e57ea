/**
 * The search engine's bounded caches (engine.ts `BoundedCache`): the per-word rows, the texts' matches and the typed
 * words' expansions are held under a ceiling of weight and of entries, the least recently used going first, so that
 * what anyone types cannot grow the process's memory without end.
 */
import { describe, it, expect } from 'vitest';
import { BoundedCache, MAX_EXPANSIONS } from './engine.js';

describe('BoundedCache', () => {
  it('keeps at most its entries, the least recently used going first, and keeps a null answer as an answer', () => {
    const c = new BoundedCache<string[] | null>(Infinity, () => 1, 3);
    c.set('a', ['a']);
    c.set('b', null);
    c.set('c', ['c']);
    expect(c.get('a')).toEqual(['a']); // used: now the most recent
    c.set('d', ['d']); // 'b' goes
    expect(c.has('b')).toBe(false);
    expect(c.get('a')).toEqual(['a']);
    c.set('e', null); // 'c' goes
    expect(c.has('c')).toBe(false);
    expect(c.get('e')).toBeNull();
    expect(c.weight).toBe(3);
  });

  it('holds at most its weight, and never an entry heavier than the whole', () => {
    const c = new BoundedCache<number[]>(10, (v) => v.length);
    c.set('x', [1, 2, 3, 4, 5, 6]);
    c.set('y', [1, 2, 3, 4, 5]); // 11 > 10: 'x' goes
    expect(c.has('x')).toBe(false);
    expect(c.weight).toBe(5);
    c.set('z', new Array(11).fill(0));
    expect(c.has('z')).toBe(false);
    expect(c.weight).toBe(5);
  });

  it('bounds typed words’ expansions at MAX_EXPANSIONS entries, a new word pushing out the oldest', () => {
    const c = new BoundedCache<string[] | null>(MAX_EXPANSIONS, () => 1);
    for (let i = 0; i < MAX_EXPANSIONS + 500; i++) c.set(`all:w${i}`, i % 2 ? null : [`w${i}`]);
    expect(c.weight).toBe(MAX_EXPANSIONS);
    expect(c.has('all:w0')).toBe(false);
    expect(c.get(`all:w${MAX_EXPANSIONS + 499}`)).toBeNull();
  });
});
