/**
 * A sign-in link by mail when sign-in is locked (issue 9, item 3), on SQLite and PostgreSQL: the locked page
 * offers it; the link is mailed through notify() as a secret, mandatory kind in the owner's language; it signs
 * the owner in despite the lock, once; the request answers the same, after the same time, for an address
 * without an account (and mails nothing).
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { DIALECTS, createTestContext, signUpAndIn, lastMail, type TestContext, type TestClient } from '../support/context.js';
import { PLATFORM_NOTIFICATIONS, PLATFORM_KINDS } from '../../src/platform/notify/kinds.js';

const PASSWORD = 'a-long-password-1';

/** Milliseconds one request takes, checking its answer. */
async function timed(f: () => Promise<Response>): Promise<{ ms: number; res: Response }> {
  const start = performance.now();
  const res = await f();
  return { ms: performance.now() - start, res };
}

describe.each(DIALECTS)('a sign-in link when locked out on %s', (dialect) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext(dialect);
  }, 60_000);
  afterAll(async () => ctx?.close());

  /** Locks `email` on client `c`: eight wrong passwords, then even the right one is refused. */
  async function lock(c: TestClient, email: string) {
    for (let i = 0; i < 8; i++) expect((await c.post('/es/sign-in', { email, password: `wrong-password-${i}` })).status).toBe(401);
    const locked = await c.post('/es/sign-in', { email, password: PASSWORD });
    expect(locked.status).toBe(429);
    return locked.text();
  }

  it('the locked page offers the link; the mailed link signs the owner in despite the lock, once', async () => {
    const email = 'locked-owner@example.org';
    await signUpAndIn(ctx, email, 'Dueña Bloqueada', PASSWORD);
    await ctx.db.updateTable('users').set({ locale: 'pt' }).where('email', '=', email).execute();
    const c = ctx.client();
    const html = await lock(c, email);
    expect(html).toContain('action="/es/sign-in/link"');
    expect(html).toContain(`name="email" value="${email}"`);

    const asked = await c.post('/es/sign-in/link', { email });
    expect(asked.status).toBe(303);
    expect(asked.headers.get('location')).toBe(`/es/check-email?email=${encodeURIComponent(email)}`);
    await ctx.runJobs();
    const mail = (await lastMail(ctx, email))!;
    expect(mail.kind).toBe(PLATFORM_KINDS.signInLink);
    expect(mail.secret ? 1 : 0).toBe(1);
    expect(mail.subject).toBe('Seu link para entrar no Mecanismo de Diálogo'); // the owner's language
    expect(PLATFORM_NOTIFICATIONS.find((k) => k.kind === PLATFORM_KINDS.signInLink)?.mandatory).toBe(true);
    const link = /(\/pt\/sign-in\/link\/use\?token=[A-Za-z0-9_-]+)/.exec(mail.text_body)![1]!;
    const token = new URL(link, 'http://x').searchParams.get('token')!;

    // Opening the link shows a button (a mail scanner following it uses nothing up); pressing it signs in.
    const open = await c.get(link);
    expect(open.status).toBe(200);
    expect(await open.text()).toContain(`value="${token}"`);
    expect((await c.get('/es/account')).status).toBe(303); // not signed in yet, and still locked for passwords
    const used = await c.post('/pt/sign-in/link/use', { token });
    expect(used.status).toBe(303);
    expect(used.headers.get('location')).toBe('/pt/account');
    expect((await c.get('/pt/account')).status).toBe(200);

    // Once only.
    const again = ctx.client();
    expect((await again.post('/pt/sign-in/link/use', { token })).status).toBe(400);
    expect((await again.get('/pt/account')).status).toBe(303);
    // The token is not stored as it was mailed.
    const stored = await ctx.db.selectFrom('verifications').select('identifier').where('identifier', 'like', 'magic-link:%').execute();
    expect(stored.some((r) => r.identifier.includes(token))).toBe(false);
  });

  it('a made-up or empty token signs nobody in', async () => {
    const c = ctx.client();
    expect((await c.post('/es/sign-in/link/use', { token: 'not-a-real-token-at-all' })).status).toBe(400);
    expect((await c.post('/es/sign-in/link/use', { token: '' })).status).toBe(422);
    expect((await c.get('/es/account')).status).toBe(303);
  });

  it('answers the same, in the same time, for an address without an account, and mails it nothing', async () => {
    const known = 'link-known@example.org';
    await signUpAndIn(ctx, known, 'Persona Conocida', PASSWORD);
    const before = await ctx.db.selectFrom('outbox').select('id').execute();
    const c = ctx.client();
    const times: Record<'known' | 'unknown', number[]> = { known: [], unknown: [] };
    for (let i = 0; i < 3; i++) {
      for (const who of ['known', 'unknown'] as const) {
        const email = who === 'known' ? known : `nobody-${i}@example.org`;
        const { ms, res } = await timed(() => c.post('/es/sign-in/link', { email }));
        expect(res.status).toBe(303);
        expect(res.headers.get('location')).toBe(`/es/check-email?email=${encodeURIComponent(email)}`);
        times[who].push(ms);
      }
    }
    // Both paths answer no sooner than the floor, so their distributions overlap.
    expect(Math.min(...times.known, ...times.unknown)).toBeGreaterThanOrEqual(395);
    // Both answer at the floor: their medians within a few milliseconds (a lookup or a mail written for a known
    // address only would show as tens of ms). Comparing extremes of three samples each flaked at 1 ms apart.
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    expect(Math.abs(median(times.known) - median(times.unknown)), JSON.stringify(times)).toBeLessThan(15);
    await ctx.runJobs();
    const after = await ctx.db.selectFrom('outbox').select(['id', 'to_address']).execute();
    const added = after.filter((r) => !before.some((b) => b.id === r.id));
    expect(added.map((r) => r.to_address)).toEqual([known, known, known]);
  });
});
