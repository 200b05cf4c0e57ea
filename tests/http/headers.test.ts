/** Personal responses are never cached; with an https BASE_URL, HSTS is sent and every cookie is Secure. */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createTestContext, DIALECTS, type TestContext } from '../support/context.js';

describe.each(DIALECTS)('headers on %s', (dialect) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext(dialect, { BASE_URL: 'https://dialogo.example' });
  });
  afterAll(async () => ctx?.close());

  it('every signed-in page says no-store', async () => {
    const admin = await ctx.admin();
    for (const path of ['/es/account', '/es/admin/outbox', '/es/admin/users', '/es/bodies', '/es/']) {
      const res = await admin.get(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('cache-control'), path).toMatch(/no-store/);
    }
  });

  it('sends HSTS and marks every cookie Secure (session, CSRF, flash)', async () => {
    const c = ctx.client();
    const page = await c.get('/es/sign-in');
    expect(page.headers.get('strict-transport-security')).toMatch(/max-age=\d{7,}/);
    const res = await c.post('/es/sign-in', { email: 'admin@test.local', password: 'wrong-password-123' });
    const signedIn = await ctx.client().request('/es/sign-in', { method: 'GET' });
    const cookies = [...page.headers.getSetCookie(), ...res.headers.getSetCookie(), ...signedIn.headers.getSetCookie()];
    const admin = ctx.client();
    const ok = await admin.post('/es/sign-in', { email: 'admin@test.local', password: 'admin-password-123' });
    cookies.push(...ok.headers.getSetCookie());
    expect(cookies.length).toBeGreaterThan(1);
    for (const cookie of cookies) expect(cookie, cookie.split('=')[0]).toMatch(/;\s*Secure/i);
    expect(ok.headers.getSetCookie().some((x) => x.startsWith('dialogo.flash=') || x.includes('session'))).toBe(true);
  });
});
