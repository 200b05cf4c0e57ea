/**
 * The request pipeline on SQLite and PostgreSQL: body limits before anything reads a body, compression of
 * every text response (cached pages send their stored bytes), and the client address behind a proxy.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { randomBytes } from 'node:crypto';
import sharp from 'sharp';
import { sql } from 'kysely';
import { DIALECTS, createTestContext, signUpAndIn, TestClient, type TestContext } from '../support/context.js';
import { createApp } from '../../src/app.js';
import { createPageCache } from '../../src/platform/cache/page-cache.js';
import { compressionStats } from '../../src/platform/http/compression.js';
import { makeOrganization, addPerson } from '../../src/modules/membership/factories.js';

const MB = 1024 * 1024;

/** A request body of `total` bytes that records how many bytes the server pulled from it. */
function countingBody(total: number, chunk = 64 * 1024) {
  const seen = { pulled: 0 };
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (seen.pulled >= total) return controller.close();
        const n = Math.min(chunk, total - seen.pulled);
        seen.pulled += n;
        controller.enqueue(new Uint8Array(n).fill(0x61));
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, seen };
}

/** Pages everyone sees, cached for anonymous visitors or not. */
const PUBLIC_PAGES = ['/es/', '/en/about', '/es/bodies', '/es/bodies/mt2', '/es/objectives', '/pt/objectives/23', '/fr/principles', '/es/members', '/es/coverage', '/es/practices', '/es/elections', '/es/sign-in'];

describe.each(DIALECTS)('request pipeline on %s', (dialect) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext(dialect);
  });
  afterAll(async () => {
    await ctx?.close();
  });

  describe('body limits', () => {
    it('refuses a 2 MB form with 413 before reading it (Content-Length says too much: nothing is read)', async () => {
      const c = ctx.client();
      await c.csrf();
      const { stream, seen } = countingBody(2 * MB);
      const r = await c.request('/es/sign-in', {
        method: 'POST',
        body: stream,
        headers: { 'content-type': 'multipart/form-data; boundary=x', 'content-length': String(2 * MB) },
        duplex: 'half',
      } as RequestInit);
      expect(r.status).toBe(413);
      expect(await r.text()).toContain('El archivo es demasiado grande');
      expect(seen.pulled).toBeLessThanOrEqual(64 * 1024);
    });

    it('stops reading a 2 MB body without Content-Length once it passes 1 MB, with the wrong CSRF token too', async () => {
      const c = ctx.client();
      await c.csrf();
      const { stream, seen } = countingBody(2 * MB);
      const r = await c.request('/en/sign-in', {
        method: 'POST',
        body: stream,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        duplex: 'half',
      } as RequestInit);
      expect(r.status).toBe(413);
      expect(await r.text()).toContain('The file is too large');
      expect(seen.pulled).toBeGreaterThan(MB);
      expect(seen.pulled).toBeLessThan(MB + 3 * 64 * 1024);
    });

    it('answers problem+json under /api', async () => {
      const { stream } = countingBody(2 * MB);
      const r = await ctx.client().request('/api/v1/practices', { method: 'POST', body: stream, headers: { 'content-type': 'application/json' }, duplex: 'half' } as RequestInit);
      expect(r.status).toBe(413);
      expect(r.headers.get('content-type')).toContain('application/problem+json');
      expect(((await r.json()) as { code: string }).code).toBe('too_large');
    });

    it('takes a file over 1 MB on an upload route (a logo) and still limits that route', async () => {
      const { client, userId } = await signUpAndIn(ctx, `logo-${dialect}@example.org`);
      const org = await makeOrganization(ctx.db);
      await addPerson(ctx.db, org.id, userId, { representative: true });
      const side = 700;
      const png = await sharp(randomBytes(side * side * 3), { raw: { width: side, height: side, channels: 3 } }).png({ compressionLevel: 0 }).toBuffer();
      expect(png.length).toBeGreaterThan(MB);
      const fd = new FormData();
      fd.append('logo', new File([new Uint8Array(png)], 'logo.png', { type: 'image/png' }));
      expect((await client.postMultipart(`/es/organizations/${org.id}/logo`, fd)).status).toBe(303);
      const stored = await ctx.db.selectFrom('organizations').select('logo_file').where('id', '=', org.id).executeTakeFirstOrThrow();
      expect(stored.logo_file).toBeTruthy();
      // Over the logo route's own limit (2 MB + the form): refused before reading.
      const { stream, seen } = countingBody(3 * MB);
      const r = await client.request(`/es/organizations/${org.id}/logo`, {
        method: 'POST',
        body: stream,
        headers: { 'content-type': 'multipart/form-data; boundary=x', 'content-length': String(3 * MB) },
        duplex: 'half',
      } as RequestInit);
      expect(r.status).toBe(413);
      expect(seen.pulled).toBeLessThanOrEqual(64 * 1024);
    });
  });

  describe('compression', () => {
    it('answers every public page compressed when asked, and cached hits send the stored bytes', async () => {
      // The test context runs without the page cache; this app has one, as in production.
      const app = createApp({ ...ctx.deps, cache: createPageCache({ ttlSeconds: 60 }) });
      let hits = 0;
      for (const path of PUBLIC_PAGES) {
        const anon = new TestClient(app);
        // A page is stored the second time it is asked for (the page cache's admission): this is the first.
        expect((await anon.get(path)).headers.get('etag'), path).toBeNull();
        const plain = await anon.get(path);
        expect(plain.status, path).toBe(200);
        expect(plain.headers.get('content-encoding'), path).toBeNull();
        const html = await plain.text();
        const br = await anon.get(path, { 'accept-encoding': 'gzip, deflate, br' });
        expect(br.headers.get('content-encoding'), path).toBe('br');
        expect(br.headers.get('vary'), path).toMatch(/accept-encoding/i);
        const brBytes = Buffer.from(await br.arrayBuffer());
        expect(brBytes.length, path).toBeLessThan(Buffer.byteLength(html));
        expect(brotliDecompressSync(brBytes).toString(), path).toBe(html);
        const gz = await anon.get(path, { 'accept-encoding': 'br;q=0, gzip' });
        expect(gz.headers.get('content-encoding'), path).toBe('gzip');
        expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString(), path).toBe(html);
        if (plain.headers.get('etag')) {
          // A cached page: the hit sends the bytes stored with the page, compressing nothing.
          const before = compressionStats.encoded;
          const again = await anon.get(path, { 'accept-encoding': 'br' });
          expect(again.headers.get('x-cache'), path).toBe('hit');
          expect(Buffer.from(await again.arrayBuffer()).equals(brBytes), path).toBe(true);
          expect(compressionStats.encoded, path).toBe(before);
          expect(again.headers.get('etag')).toBe(plain.headers.get('etag'));
          expect((await anon.get(path, { 'accept-encoding': 'br', 'if-none-match': plain.headers.get('etag')! })).status).toBe(304);
          hits++;
        }
      }
      expect(hits).toBeGreaterThanOrEqual(8);
    });

    it('compresses signed-in pages, JSON, CSS and SVG, but not tiny bodies or images', async () => {
      const admin = await ctx.admin();
      for (const path of ['/es/account', '/es/admin/audit', '/api/v1/bodies?lang=es', '/assets/app.css', '/es/coverage/map.svg']) {
        await admin.get(path); // the flash "you signed in" shows once
        const plain = await admin.get(path);
        expect(plain.status, path).toBe(200);
        const body = Buffer.from(await plain.arrayBuffer());
        const br = await admin.get(path, { 'accept-encoding': 'br' });
        expect(br.headers.get('content-encoding'), path).toBe('br');
        expect(br.headers.get('vary'), path).toMatch(/accept-encoding/i);
        expect(brotliDecompressSync(Buffer.from(await br.arrayBuffer())).equals(body), path).toBe(true);
      }
      const tiny = await ctx.client().get('/robots.txt', { 'accept-encoding': 'br' });
      expect(tiny.headers.get('content-encoding')).toBeNull();
      const icon = await ctx.client().get('/assets/favicon.svg', { 'accept-encoding': 'br' });
      expect(icon.headers.get('content-encoding')).toBeNull(); // 225 bytes
    });
  });

  describe('CSRF cookie', () => {
    const csrfCookie = (r: Response) => (r.headers.get('set-cookie') ?? '').match(/dialogo\.csrf=([^;]+)/)?.[1];

    it('is set only by a page with a form that posts, and that page’s token works', async () => {
      const c = ctx.client();
      // Pages a visitor reads without posting anything (filters are GET forms): no secret issued, no cookie.
      for (const path of ['/es/nothing-here', '/es/members?q=nobody-at-all', '/es/events?kind=workshop&v=1', '/es/practices?text=salud&v=2']) {
        const r = await c.get(path);
        expect(csrfCookie(r), path).toBeUndefined();
      }
      expect(c.cookies.get('dialogo.csrf')).toBeUndefined();
      // A form that posts issues one: the cookie and the form's hidden field carry the same secret.
      const page = await c.get('/es/sign-up');
      const token = csrfCookie(page);
      expect(token).toMatch(/^[0-9a-f]{64}$/);
      expect(await page.text()).toContain(`name="_csrf" value="${token}"`);
      // The browser keeps it: the next form reuses it, and no second cookie is set.
      const again = await c.get('/es/sign-in');
      expect(csrfCookie(again)).toBeUndefined();
      expect(await again.text()).toContain(`name="_csrf" value="${token}"`);
      // And it is the one a post must carry.
      const r = await c.post('/es/sign-in', { email: 'nobody@example.org', password: 'wrong-password-1' });
      expect([401, 422]).toContain(r.status);
      expect((await c.post('/es/sign-in', { email: 'nobody@example.org', password: 'x' }, { csrf: 'f'.repeat(64) })).status).toBe(403);
    });

    it('is set for a signed-in reader without one by the layout’s sign-out form', async () => {
      const { client: c } = await signUpAndIn(ctx, 'csrf-layout@example.org');
      const session = [...c.cookies].filter(([k]) => k !== 'dialogo.csrf').map(([k, v]) => `${k}=${v}`).join('; ');
      const r = await ctx.app.request('/es/nothing-here', { headers: { cookie: session } });
      const token = csrfCookie(r);
      expect(token).toMatch(/^[0-9a-f]{64}$/);
      expect(await r.text()).toMatch(new RegExp(`<form class="inline-form" method="post"[^>]*><input type="hidden" name="_csrf" value="${token}"/>`));
    });
  });

  it('sorts the administration log by an index on audit_log(at)', async () => {
    if (dialect === 'sqlite') {
      const plan = await sql<{ detail: string }>`explain query plan select at from audit_log order by at desc limit 50`.execute(ctx.db);
      expect(plan.rows.map((r) => r.detail).join(' ')).toMatch(/USING (COVERING )?INDEX audit_at_idx/);
    } else {
      const idx = await sql<{ indexdef: string }>`select indexdef from pg_indexes where schemaname = current_schema() and indexname = 'audit_at_idx'`.execute(ctx.db);
      expect(idx.rows[0]?.indexdef).toMatch(/ON \S*audit_log USING btree \(at\)/);
    }
  });

  describe('client address', () => {
    /** Signs in with a wrong password from a socket address, behind a proxy that says X-Forwarded-For. */
    async function signInFrom(socket: string, forwardedFor: string) {
      const c = ctx.client();
      const token = await c.csrf();
      const body = new URLSearchParams({ _csrf: token, email: 'nobody@example.org', password: 'wrong-password-1' });
      const env = { incoming: { socket: { remoteAddress: socket, remotePort: 40000, remoteFamily: socket.includes(':') ? 'IPv6' : 'IPv4' } } };
      const headers = { cookie: `dialogo.csrf=${token}`, 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': forwardedFor };
      const r = await ctx.app.request('/es/sign-in', { method: 'POST', body, headers }, env);
      expect([401, 422]).toContain(r.status);
    }
    const keys = async () => (await ctx.db.selectFrom('rate_limits').select('key').where('key', 'like', 'signin:ip:%').execute()).map((r) => r.key);

    it('keys rate limits on the socket address and ignores X-Forwarded-For by default', async () => {
      expect(ctx.deps.config.trustProxy).toBe(false);
      await signInFrom('203.0.113.9', '198.51.100.1');
      expect(await keys()).toContain('signin:ip:203.0.113.9');
      expect(await keys()).not.toContain('signin:ip:198.51.100.1');
    });

    it('with TRUST_PROXY, keys them on the address the trusted proxy saw', async () => {
      const config = ctx.deps.config;
      try {
        config.trustProxy = { hops: 1 };
        // The visitor wrote 6.6.6.6 themselves; the proxy appended the address it saw.
        await signInFrom('10.0.0.2', '6.6.6.6, 198.51.100.2');
        config.trustProxy = { addresses: ['10.0.0.0/8', '::1'] };
        await signInFrom('::ffff:10.0.0.3', '6.6.6.7, 198.51.100.3, 10.1.1.1');
        await signInFrom('192.0.2.50', '198.51.100.4'); // not a trusted proxy: its own address counts
      } finally {
        config.trustProxy = false;
      }
      const k = await keys();
      expect(k).toEqual(expect.arrayContaining(['signin:ip:198.51.100.2', 'signin:ip:198.51.100.3', 'signin:ip:192.0.2.50']));
      expect(k.filter((x) => /6\.6\.6|10\.|198\.51\.100\.4/.test(x))).toEqual([]);
    });
  });
});
