/**
 * The application form kept for visitors (platform keptWithForms, page cache on), on both engines: each visitor's
 * form carries the secret of their own cookie and works; the rest of the page is every visitor's; a signed-in
 * person's form is their own.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createTestContext, DIALECTS, signUpAndIn, type TestContext, type TestClient } from '../../../tests/support/context.js';

const FIELD = /name="_csrf" value="([0-9a-f]{64})"/;

describe.each(DIALECTS)('the application form kept for visitors (%s)', (dialect) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext(dialect, { PAGE_CACHE_TTL: '60' });
  });
  afterAll(async () => {
    await ctx?.close();
  });

  const page = async (c: TestClient, path = '/es/join') => {
    const res = await c.get(path);
    expect(res.status).toBe(200);
    return { html: await res.text(), cookie: res.headers.get('set-cookie') ?? '' };
  };

  it('gives each visitor their own secret in a form that works, the rest the same for all', async () => {
    const a = ctx.client();
    const b = ctx.client();
    const [pa, pb] = [await page(a), await page(b)];
    const ta = FIELD.exec(pa.html)![1]!;
    const tb = FIELD.exec(pb.html)![1]!;
    expect(ta).not.toBe(tb);
    expect(pa.cookie).toContain(`dialogo.csrf=${ta}`);
    expect(pb.cookie).toContain(`dialogo.csrf=${tb}`);
    expect(pb.html.replace(FIELD, '')).toBe(pa.html.replace(FIELD, ''));
    // Each language is its own.
    expect((await page(a, '/pt/join')).html).toContain('lang="pt"');
    // The secret works: an application posted with it is taken (refused at its fields, not as a forged form).
    const r = await a.post('/es/join', { name: 'Colectivo Guardado', country: 'MX' });
    expect(r.status).toBe(422);
    expect(await r.text()).toContain('value="Colectivo Guardado"');
    expect((await a.post('/es/join', { name: 'X' }, { csrf: tb })).status).toBe(403);
  });

  it('makes a signed-in person’s form for them', async () => {
    const { client } = await signUpAndIn(ctx, 'kept-join@example.org', 'Persona Kept');
    await page(ctx.client()); // a visitor's, kept
    const mine = (await page(client)).html;
    expect(mine).toContain('kept-join@example.org');
    expect((await page(ctx.client())).html).not.toContain('kept-join@example.org');
  });
});
