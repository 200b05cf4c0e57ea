/**
 * Two app instances on one PostgreSQL schema (as behind a reverse proxy): a write on one empties the other's
 * page cache and session cache within a second (LISTEN/NOTIFY), and rate limits count across both.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import pg from 'pg';
import { createTestContext, signUpAndIn, PG_URL, type TestContext, type TestClient } from '../support/context.js';

/** Caches on, as in production (tests turn them off by default). */
const ENV = { PAGE_CACHE_TTL: '30', SESSION_CACHE_TTL: '30', TRUST_PROXY: '1' };

async function within(ms: number, check: () => Promise<boolean>): Promise<number> {
  const t0 = Date.now();
  for (;;) {
    if (await check()) return Date.now() - t0;
    if (Date.now() - t0 > ms) throw new Error(`not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Posts a form as `c` would, from the client address `ip` (both contexts trust one proxy hop). */
async function postFrom(c: TestClient, ip: string, path: string, fields: Record<string, string>) {
  const body = new URLSearchParams({ _csrf: await c.csrf(), ...fields });
  return c.request(path, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': ip } });
}

describe('two instances on one PostgreSQL', () => {
  let a: TestContext;
  let b: TestContext;
  beforeAll(async () => {
    a = await createTestContext('postgres', ENV);
    b = await createTestContext('postgres', ENV, { schema: a.schema });
    // B listening before the first write: a clear on A empties B's cache.
    await within(5000, async () => {
      await b.client().get('/es/about');
      if (b.deps.cache.size === 0) return false;
      a.deps.cache.clear();
      await new Promise((r) => setTimeout(r, 50));
      return b.deps.cache.size === 0;
    });
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('a write on one empties the other’s cached public page within a second', async () => {
    const anon = b.client();
    const before = await anon.get('/es/bodies/mt2');
    expect(before.status).toBe(200);
    expect(await before.text()).not.toContain('Mandato compartido');
    await anon.get('/es/bodies/mt2'); // stored at the second ask (the page cache's admission)
    expect((await anon.get('/es/bodies/mt2')).headers.get('x-cache')).toBe('hit');
    const admin = await a.admin();
    const values = { name_es: 'Mesa 2', name_en: 'Group 2', name_pt: 'Grupo 2', name_fr: 'Groupe 2', short_name_es: 'Mesa 2', mandate_es: 'Mandato compartido', objectives: ['3'] };
    expect((await admin.post('/es/bodies/mt2/edit', values)).status).toBe(303);
    const took = await within(1000, async () => (await (await anon.get('/es/bodies/mt2')).text()).includes('Mandato compartido'));
    expect(took).toBeLessThan(1000);
  });

  it('signing out on one ends the session on the other at once', async () => {
    const { client } = await signUpAndIn(a, 'two-instances@example.org', 'Persona Dos Instancias');
    const onB = b.client();
    onB.cookies = new Map(client.cookies);
    const signedIn = async () => (await (await onB.get('/es/about')).text()).includes('action="/es/sign-out"');
    expect(await signedIn()).toBe(true); // and the session is in B's cache now
    expect(await signedIn()).toBe(true);
    expect((await client.post('/es/sign-out')).status).toBe(303);
    await within(1000, async () => !(await signedIn()));
  });

  it('listens again after its connection is cut, and empties its caches then', async () => {
    const anon = b.client();
    await anon.get('/es/about');
    await anon.get('/es/about'); // stored at the second ask (the page cache's admission)
    expect(b.deps.cache.size).toBeGreaterThan(0);
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    const cut = await admin.query(`select pg_terminate_backend(pid) from pg_stat_activity where query = $1`, [`listen "dialogo:${a.schema}"`]);
    await admin.end();
    expect(cut.rowCount).toBe(2); // A's and B's listeners
    await within(2000, async () => b.deps.cache.size === 0); // reconnected (messages may have been missed): emptied
    await anon.get('/es/about');
    await anon.get('/es/about');
    await within(2000, async () => {
      a.deps.cache.clear();
      await new Promise((r) => setTimeout(r, 50));
      return b.deps.cache.size === 0;
    });
  });

  it('counts sign-in attempts across both instances', async () => {
    const email = 'rate-limit-two@example.org';
    const onA = a.client();
    const onB = b.client();
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await postFrom(i % 2 ? onB : onA, '203.0.113.9', '/es/sign-in', { email, password: 'wrong-password-1' })).status);
    // 8 attempts per address and client in 15 minutes, whichever instance answered them.
    expect(statuses.slice(0, 8)).toEqual(Array(8).fill(401));
    expect(statuses.slice(8)).toEqual([429, 429]);
  });
});
