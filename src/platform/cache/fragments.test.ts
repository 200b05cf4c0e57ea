import { describe, expect, it } from 'vitest';
import { createPageCache, keptEach, weigh, MAX_FRAGMENTS } from './page-cache.js';

describe('page cache fragments', () => {
  it('keeps a fragment until the next clear, from here or from another instance', async () => {
    const cache = createPageCache({ ttlSeconds: 60 });
    let made = 0;
    const make = async () => ++made;
    expect(await cache.fragment('k', make)).toBe(1);
    expect(await cache.fragment('k', make)).toBe(1);
    cache.clear();
    expect(await cache.fragment('k', make)).toBe(2);
    cache.forget();
    expect(await cache.fragment('k', make)).toBe(3);
  });

  it('makes it every time with a TTL of 0 (tests)', async () => {
    const cache = createPageCache({ ttlSeconds: 0 });
    let made = 0;
    await cache.fragment('k', async () => ++made);
    expect(await cache.fragment('k', async () => ++made)).toBe(2);
  });

  it('shares one making between concurrent callers, and keeps no value made across a clear or a failure', async () => {
    const cache = createPageCache({ ttlSeconds: 60 });
    let made = 0;
    let release!: () => void;
    const slow = () =>
      new Promise<number>((resolve) => {
        made++;
        release = () => resolve(made);
      });
    const a = cache.fragment('k', slow);
    const b = cache.fragment('k', slow);
    expect(made).toBe(1);
    cache.clear(); // a write while the value was being made: it may predate the write
    release();
    expect(await a).toBe(1);
    expect(await b).toBe(1);
    expect(await cache.fragment('k', async () => 42)).toBe(42);
    await expect(cache.fragment('f', async () => Promise.reject(new Error('no')))).rejects.toThrow('no');
    expect(await cache.fragment('f', async () => 7)).toBe(7);
  });

  it('holds at most a quarter of the cache bytes in fragments, the oldest dropped first, and keeps none too large', async () => {
    // 400 KB of pages: 100 KB of fragments, none over 25 KB.
    const cache = createPageCache({ ttlSeconds: 60, maxBytes: 400_000 });
    let made = 0;
    const piece = (n: number) => async () => (made++, 'x'.repeat(n));
    for (let i = 0; i < 10; i++) await cache.fragment(`k${i}`, piece(20_000)); // 200 KB asked for
    const before = made;
    // The newest are kept…
    await cache.fragment('k9', piece(20_000));
    await cache.fragment('k8', piece(20_000));
    expect(made).toBe(before);
    // …the oldest were dropped to stay within 100 KB.
    await cache.fragment('k0', piece(20_000));
    expect(made).toBe(before + 1);
    // Too large for the fragments' share: handed to its callers, not kept.
    await cache.fragment('big', piece(30_000));
    await cache.fragment('big', piece(30_000));
    expect(made).toBe(before + 3);
  });

  it('drops the least recently used first: a fragment read often outlives the thousands kept after it', async () => {
    const cache = createPageCache({ ttlSeconds: 60 });
    let facts = 0;
    const readFacts = () => cache.fragment('facts', async () => (facts++, 'all the facts'));
    await readFacts();
    // More rows kept after it than the cap on keys, the facts read between every thousand.
    for (let i = 0; i < MAX_FRAGMENTS + 2_000; i++) {
      await cache.fragment(`row:${i}`, async () => `row ${i}`);
      if (i % 1000 === 999) await readFacts();
    }
    expect(facts).toBe(1);
    // A row not read since is gone.
    let made = 0;
    await cache.fragment('row:0', async () => (made++, 'row 0'));
    expect(made).toBe(1);
  });

  it('gives a kept value without a promise once made, and keptEach makes only the entries not kept, together', async () => {
    const cache = createPageCache({ ttlSeconds: 60 });
    let release!: () => void;
    const a = cache.fragment('a', () => new Promise<string>((resolve) => (release = () => resolve('A'))));
    expect(cache.kept('a')).toBeUndefined(); // being made
    release();
    await a;
    expect(cache.kept('a')).toBe('A');
    const asked: string[][] = [];
    const make = async (need: string[]) => (asked.push([...need]), new Map(need.filter((id) => id !== 'gone').map((id) => [id, id.toUpperCase()])));
    expect(await keptEach(cache, ['b', 'a', 'c', 'gone'], (id) => id, make)).toEqual(['B', 'A', 'C', '']);
    expect(asked).toEqual([['b', 'c', 'gone']]);
    expect(await keptEach(cache, ['c', 'b', 'a'], (id) => id, make)).toEqual(['C', 'B', 'A']);
    expect(asked).toHaveLength(1); // all kept: nothing made
    cache.clear();
    expect(cache.kept('a')).toBeUndefined();
    expect(await keptEach(cache, ['a'], (id) => id, make)).toEqual(['A']);
    expect(asked).toEqual([['b', 'c', 'gone'], ['a']]);
    const none = createPageCache({ ttlSeconds: 0 });
    await none.fragment('a', async () => 'A');
    expect(none.kept('a')).toBeUndefined();
  });

  it('weighs strings, arrays, maps and objects by their text', () => {
    expect(weigh('abc')).toBe(3);
    expect(weigh(['ab', 'cd'])).toBe(16 + 4);
    expect(weigh({ before: 'x'.repeat(100), after: 'y' })).toBeGreaterThan(101);
    expect(weigh(new Map([['k', 'v'.repeat(50)]]))).toBeGreaterThan(50);
  });

  it('weighs byte arrays by their size', () => {
    expect(weigh(Buffer.alloc(100_000))).toBe(100_000);
    expect(weigh({ head: Buffer.alloc(10), body: new Uint8Array(1000) })).toBe(16 + 4 + 10 + 4 + 1000);
  });
});
