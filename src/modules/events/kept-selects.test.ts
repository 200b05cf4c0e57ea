/**
 * The events list's filter selects, kept as HTML per language with the page cache on (and made afresh with it
 * off), on both engines: each request marks its own choices and only them, whatever was asked before.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createTestContext, DIALECTS, type TestContext, type TestClient } from '../../../tests/support/context.js';
import { getBodyBySlug } from '../bodies/index.js';

describe.each(DIALECTS.flatMap((d) => [[d, '0'], [d, '60']] as const))('events filter selects (%s, page cache TTL %s s)', (dialect, ttl) => {
  let ctx: TestContext;
  let reader: TestClient;
  let mt1 = '';
  let mt2 = '';

  beforeAll(async () => {
    ctx = await createTestContext(dialect, { PAGE_CACHE_TTL: ttl });
    mt1 = (await getBodyBySlug(ctx.db, 'mt1'))!.id;
    mt2 = (await getBodyBySlug(ctx.db, 'mt2'))!.id;
    // Signed in: the pages themselves are never served from the page cache, only the kept selects.
    reader = await ctx.admin();
  }, 120_000);
  afterAll(() => ctx?.close());

  const chosen = async (path: string) => {
    const res = await reader.get(path);
    expect(res.status).toBe(200);
    return [...(await res.text()).matchAll(/<option value="([^"]*)" selected="">/g)].map((m) => m[1]);
  };

  it('marks each request’s own choices', async () => {
    for (let round = 0; round < 2; round++) {
      expect(await chosen(`/es/events?body=${mt1}&country=AR`)).toEqual([mt1, 'AR']);
      expect(await chosen(`/es/events?body=${mt2}&objective=5&when=past`)).toEqual([mt2, '5']);
      expect(await chosen('/es/events?kind=seminar&format=online')).toEqual(['seminar', 'online']);
      expect(await chosen('/es/events?country=ZZ&body=nada')).toEqual([]);
      expect(await chosen('/en/events?country=CL')).toEqual(['CL']);
    }
  });
});
