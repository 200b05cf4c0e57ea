import { describe, expect, it } from 'vitest';
import { createPageCache } from './page-cache.js';

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
});
