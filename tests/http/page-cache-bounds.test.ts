/** The page cache cannot be filled from outside: made-up query strings store nothing, and bytes are capped. */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createTestContext, type TestContext } from '../support/context.js';
import { createApp } from '../../src/app.js';
import { createPageCache, isNormalized } from '../../src/platform/cache/page-cache.js';

describe('normalized URLs', () => {
  it('accepts only declared parameters, non-empty, in their order', () => {
    const q = (s: string) => new URLSearchParams(s);
    expect(isNormalized(q(''), [])).toBe(true);
    expect(isNormalized(q('zz=1'), [])).toBe(false);
    expect(isNormalized(q('q=agua&page=2'), ['q', 'page'])).toBe(true);
    expect(isNormalized(q('page=2&q=agua'), ['q', 'page'])).toBe(false);
    expect(isNormalized(q('q='), ['q'])).toBe(false);
    expect(isNormalized(q('o=1&o=2&page=2'), ['o', 'page'])).toBe(true);
    expect(isNormalized(q('o=1&page=2&o=2'), ['o', 'page'])).toBe(false);
  });
});

describe('a flood of distinct query strings', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext('sqlite');
  });
  afterAll(async () => ctx?.close());

  it('stores nothing for made-up parameters and keeps bytes under the ceiling', async () => {
    const cache = createPageCache({ ttlSeconds: 60, maxBytes: 150_000 });
    const app = createApp({ ...ctx.deps, cache });
    const ok = await app.request('/es/about');
    expect(ok.status).toBe(200);
    // Stored at the second ask (the page cache's admission).
    expect(cache.size).toBe(0);
    await app.request('/es/about');
    expect(cache.size).toBe(1);
    for (let i = 0; i < 300; i++) {
      const res = await app.request(`/es/about?zz=${i}`);
      expect(res.status).toBe(200);
    }
    expect(cache.size).toBe(1);
    // Many distinct cacheable pages: the oldest go, the total stays under the ceiling.
    for (const path of ['/es/', '/en/', '/pt/', '/fr/', '/en/about', '/pt/about', '/fr/about', '/es/objectives', '/en/objectives', '/pt/objectives', '/fr/objectives', '/es/principles', '/en/principles']) {
      await app.request(path);
      await app.request(path);
      expect(cache.bytes).toBeLessThanOrEqual(150_000);
    }
    expect(cache.size).toBeGreaterThan(1);
  });
});
