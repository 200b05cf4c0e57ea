/**
 * The session cache over HTTP, on SQLite and PostgreSQL (platform/auth/session-cache.ts): a signed-in
 * person is recognised without asking better-auth again, and signing out or a role change made through
 * this instance takes effect on the very next request — even for a cookie that was just cached.
 */
import { describe, it, expect, beforeAll, afterAll, vi } from 'vitest';
import { DIALECTS, createTestContext, signUpAndIn, type TestContext } from '../support/context.js';
import { sessionCacheOf } from '../../src/platform/auth/session-cache.js';

describe.each(DIALECTS)('session cache on %s', (dialect) => {
  let ctx: TestContext;
  beforeAll(async () => {
    // Long enough that nothing in these tests expires by itself: only invalidation can explain a change.
    ctx = await createTestContext(dialect, { SESSION_CACHE_TTL: '300' });
  });
  afterAll(async () => {
    await ctx?.close();
  });

  /** The session cookie as the client holds it now, to replay after the client has dropped it. */
  const sessionCookie = (c: { cookies: Map<string, string> }) =>
    [...c.cookies].filter(([k]) => k.includes('session_token') || k === 'dialogo.csrf').map(([k, v]) => `${k}=${v}`).join('; ');

  it('recognises a signed-in person from the cache: better-auth is asked once for two pages', async () => {
    const { client } = await signUpAndIn(ctx, `cache-hit-${dialect}@example.org`, 'Persona Caché');
    const spy = vi.spyOn(ctx.deps.auth.api, 'getSession');
    try {
      const a = await client.get('/es/account');
      const b = await client.get('/es/account');
      expect(a.status).toBe(200);
      expect(b.status).toBe(200);
      expect(await b.text()).toContain('Persona Caché');
      expect(spy).toHaveBeenCalledTimes(1);
    } finally {
      spy.mockRestore();
    }
  });

  it('signing out takes effect at once, even for the cookie that was cached', async () => {
    const { client } = await signUpAndIn(ctx, `cache-out-${dialect}@example.org`);
    expect((await client.get('/es/account')).status).toBe(200); // now cached
    const old = sessionCookie(client);
    expect(sessionCacheOf(ctx.deps).size).toBeGreaterThan(0);
    const out = await client.post('/es/sign-out');
    expect(out.status).toBeLessThan(400);
    const replay = await ctx.app.request('/es/account', { headers: { cookie: old } });
    expect(replay.status).toBe(303); // anonymous: sent to sign in (a stale entry would have shown the account, 200)
    expect(replay.headers.get('location')).toContain('/sign-in');
  });

  it('a role change takes effect at once, both ways', async () => {
    const { client, userId } = await signUpAndIn(ctx, `cache-role-${dialect}@example.org`);
    expect((await client.get('/es/admin')).status).toBe(403); // cached as a member
    const admin = await ctx.admin();
    expect((await admin.post(`/es/admin/users/${userId}/role`, { role: 'admin' })).status).toBe(303);
    expect((await client.get('/es/admin')).status).toBe(200);
    expect((await admin.post(`/es/admin/users/${userId}/role`, { role: 'member' })).status).toBe(303);
    expect((await client.get('/es/admin')).status).toBe(403);
  });

  it('a session deleted by another process is seen after the cache empties (here: after any write)', async () => {
    const { client, userId } = await signUpAndIn(ctx, `cache-other-${dialect}@example.org`);
    expect((await client.get('/es/admin')).status).toBe(403); // a member: cached
    // Another instance (or the CLI) ends the session: this instance keeps recognising it until its entry goes
    // (at most SESSION_CACHE_TTL seconds)…
    await ctx.db.deleteFrom('sessions').where('user_id', '=', userId).execute();
    expect((await client.get('/es/admin')).status).toBe(403);
    // …or until any write request through this instance, whoever makes it.
    await ctx.client().post('/es/sign-in', { email: 'nobody@example.org', password: 'wrong-password-1' });
    const after = await client.get('/es/admin');
    expect(after.status).toBe(303);
    expect(after.headers.get('location')).toContain('/sign-in');
  });
});
