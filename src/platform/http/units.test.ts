/** Unit tests of the platform's small pieces: configuration, ids, rate limits, the page cache. */
import { describe, it, expect } from 'vitest';
import { Hono } from 'hono';
import { getRequestListener } from '@hono/node-server';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadConfig, ConfigError } from '../../config.js';
import { newId, slugify } from '../../db/ids.js';
import { connect } from '../../db/connect.js';
import { migrateToLatest } from '../../db/migrator.js';
import { platformMigrations } from '../migrations/index.js';
import { hit } from './rate-limit.js';
import { createPageCache } from '../cache/page-cache.js';
import { compression, compressionStats, negotiateEncoding } from './compression.js';
import { resolveClientAddress } from './client-address.js';
import { brotliDecompressSync } from 'node:zlib';

describe('configuration', () => {
  it('reports every problem on its own line', () => {
    try {
      loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', SMTP_URL: 'http://x', DATA_DIR: '/tmp/dialogo-cfg-test' });
      throw new Error('should have failed');
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      const problems = (e as ConfigError).problems.join('\n');
      expect(problems).toMatch(/PORT/);
      expect(problems).toMatch(/DATABASE_URL: must start with postgres/);
      expect(problems).toMatch(/SMTP_URL/);
    }
  });
  it('has working defaults and reads --demo', () => {
    const c = loadConfig({ DATA_DIR: '/tmp/dialogo-cfg-test' }, ['--demo']);
    expect(c.port).toBe(3000);
    expect(c.demo).toBe(true);
    expect(c.authSecret.length).toBeGreaterThanOrEqual(32);
    expect(loadConfig({ DATA_DIR: '/tmp/dialogo-cfg-test' }).authSecret).toBe(c.authSecret);
  });
});

describe('ids', () => {
  it('makes unguessable ids and readable slugs', () => {
    expect(newId()).toMatch(/^[0-9a-z]{16}$/);
    expect(new Set(Array.from({ length: 1000 }, newId)).size).toBe(1000);
    expect(slugify('Asociación de Migrantes Venezolanos — Perú!')).toBe('asociacion-de-migrantes-venezolanos-peru');
  });
});

describe('rate limits', () => {
  it('counts attempts in a window and starts again in the next', async () => {
    const h = await connect({ file: ':memory:' });
    await migrateToLatest(h.db, [platformMigrations]);
    const limit = { max: 3, windowSeconds: 60 };
    const t0 = 1_800_000_000_000;
    const results = [];
    for (let i = 0; i < 4; i++) results.push((await hit(h.db, 'k', limit, t0)).allowed);
    expect(results).toEqual([true, true, true, false]);
    expect((await hit(h.db, 'k', limit, t0 + 61_000)).allowed).toBe(true);
    await h.close();
  });
});

/** An app with the page cache (storing a page at its first ask: these tests count renders) and cacheable pages that count their renders. */
function cachedApp(minUses: 1 | 2 = 1) {
  const cache = createPageCache({ ttlSeconds: 60, minUses });
  const state = { renders: 0 };
  const app = new Hono<any>();
  app.use('*', async (c, next) => {
    c.set('cacheable', false);
    await next();
  });
  app.use('*', compression);
  app.use('*', cache.middleware);
  app.get('/page', (c) => {
    state.renders++;
    c.header('X-Frame-Options', 'DENY');
    c.set('cacheable', true);
    return c.html(`<p>${state.renders}</p>`);
  });
  app.get('/big', (c) => {
    state.renders++;
    c.set('cacheable', true);
    c.set('cacheParams', ['i']);
    return c.html(`<ul>${'<li>Organización de la sociedad civil</li>'.repeat(100)}</ul><p>${state.renders}</p>`);
  });
  app.post('/write', (c) => c.text('ok'));
  return { app, cache, state };
}

describe('page cache', () => {
  it('serves anonymous repeat visits from memory, answers 304, and forgets after a write', async () => {
    const { app, state } = cachedApp();
    const first = await app.request('/page');
    const etag = first.headers.get('etag')!;
    expect(await first.text()).toBe('<p>1</p>');
    expect(await (await app.request('/page')).text()).toBe('<p>1</p>');
    expect((await app.request('/page', { headers: { 'if-none-match': etag } })).status).toBe(304);
    expect(await (await app.request('/page', { headers: { cookie: 'dialogo.session_token=x' } })).text()).toBe('<p>2</p>');
    await app.request('/write', { method: 'POST' });
    expect(await (await app.request('/page')).text()).toBe('<p>3</p>');
    expect(state.renders).toBe(3);
  });
});

describe('page cache admission', () => {
  it('stores a page the second time its address is asked for, not the first', async () => {
    const { app, cache, state } = cachedApp(2);
    const first = await app.request('/page');
    expect(first.headers.get('etag')).toBeNull();
    expect(cache.size).toBe(0);
    // Addresses asked once (new search texts, filter combinations nobody repeats) store nothing.
    for (let i = 0; i < 50; i++) await app.request(`/big?i=${i}`);
    expect(cache.size).toBe(0);
    const second = await app.request('/page');
    expect(second.headers.get('etag')).toBeTruthy();
    expect(cache.size).toBe(1);
    const third = await app.request('/page');
    expect(third.headers.get('x-cache')).toBe('hit');
    expect(await third.text()).toBe(await second.text());
    expect(state.renders).toBe(52);
  });
});

describe('page cache on node:http', () => {
  it('answers hits before Hono, with the stored headers, and never for signed-in visitors', async () => {
    const { app, cache, state } = cachedApp();
    const listener = getRequestListener(app.fetch);
    const server = createServer((req, res) => {
      if (!cache.serveNode(req, res)) void listener(req, res);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/page`;
    try {
      const first = await fetch(url);
      expect(await first.text()).toBe('<p>1</p>');
      const hit = await fetch(url);
      expect(hit.headers.get('x-cache')).toBe('hit');
      expect(hit.headers.get('x-frame-options')).toBe('DENY');
      expect(hit.headers.get('content-type')).toContain('text/html');
      expect(await hit.text()).toBe('<p>1</p>');
      expect((await fetch(url, { headers: { 'if-none-match': first.headers.get('etag')! } })).status).toBe(304);
      expect(await (await fetch(url, { headers: { cookie: 'a=1; dialogo.session_token=x' } })).text()).toBe('<p>2</p>');
      expect(state.renders).toBe(2);
    } finally {
      server.close();
    }
  });
});

describe('compression', () => {
  it('prefers brotli, honours q-values and refuses what is not accepted', () => {
    expect(negotiateEncoding('gzip, deflate, br')).toBe('br');
    expect(negotiateEncoding('gzip')).toBe('gzip');
    expect(negotiateEncoding('br;q=0, gzip;q=0.5')).toBe('gzip');
    expect(negotiateEncoding('gzip;q=1, br;q=0.8')).toBe('gzip');
    expect(negotiateEncoding('*')).toBe('br');
    expect(negotiateEncoding('identity')).toBeNull();
    expect(negotiateEncoding('*;q=0')).toBeNull();
    expect(negotiateEncoding(undefined)).toBeNull();
  });

  it('compresses a cached page once per encoding, when first asked for, and sends the stored bytes from node:http after', async () => {
    const { app, cache, state } = cachedApp();
    const listener = getRequestListener(app.fetch);
    const server = createServer((req, res) => {
      if (!cache.serveNode(req, res)) void listener(req, res);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/big`;
    try {
      const start = compressionStats.encoded;
      const plain = await (await fetch(url, { headers: { 'accept-encoding': 'identity' } })).text();
      // Stored uncompressed: a page nobody asks for compressed costs no compression.
      expect(compressionStats.encoded).toBe(start);
      // Each compressed copy is made the first time a browser asks for it, then kept with the page.
      await (await fetch(url, { headers: { 'accept-encoding': 'br' } })).arrayBuffer();
      await (await fetch(url, { headers: { 'accept-encoding': 'gzip' } })).arrayBuffer();
      expect(compressionStats.encoded).toBe(start + 2);
      const before = compressionStats.encoded;
      const hit = await fetch(url, { headers: { 'accept-encoding': 'br' } });
      expect(hit.headers.get('x-cache')).toBe('hit');
      expect(hit.headers.get('content-encoding')).toBe('br');
      expect(hit.headers.get('vary')).toBe('Cookie, Accept-Encoding');
      expect(await hit.text()).toBe(plain);
      const gz = await fetch(url, { headers: { 'accept-encoding': 'gzip' } });
      expect(gz.headers.get('content-encoding')).toBe('gzip');
      expect(await gz.text()).toBe(plain);
      expect(compressionStats.encoded).toBe(before);
      expect(state.renders).toBe(1);
    } finally {
      server.close();
    }
  });

  it('compresses a page the cache does not keep, once per request', async () => {
    const { app } = cachedApp();
    const r = await app.request('/big', { headers: { 'accept-encoding': 'br', cookie: 'dialogo.session_token=x' } });
    expect(r.headers.get('content-encoding')).toBe('br');
    expect(r.headers.get('x-cache')).toBeNull();
    expect(brotliDecompressSync(Buffer.from(await r.arrayBuffer())).toString()).toContain('<p>1</p>');
  });
});

describe('client address', () => {
  it('walks X-Forwarded-For back through the trusted proxies only', () => {
    expect(resolveClientAddress('10.0.0.1', '1.1.1.1, 2.2.2.2', { hops: 1 })).toBe('2.2.2.2');
    expect(resolveClientAddress('10.0.0.1', '1.1.1.1, 2.2.2.2', { hops: 2 })).toBe('1.1.1.1');
    expect(resolveClientAddress('10.0.0.1', '1.1.1.1', { hops: 5 })).toBe('1.1.1.1');
    expect(resolveClientAddress('10.0.0.1', undefined, { hops: 1 })).toBe('10.0.0.1');
    expect(resolveClientAddress('10.0.0.1', 'not-an-ip', { hops: 1 })).toBe('10.0.0.1');
    const list = { addresses: ['10.0.0.0/8', '2001:db8::/32'] };
    expect(resolveClientAddress('10.9.9.9', '1.1.1.1, 10.2.2.2', list)).toBe('1.1.1.1');
    expect(resolveClientAddress('2001:db8::1', '3.3.3.3', list)).toBe('3.3.3.3');
    expect(resolveClientAddress('192.0.2.1', '1.1.1.1', list)).toBe('192.0.2.1');
  });

  it('reads TRUST_PROXY as hops or a list, and refuses nonsense', () => {
    const base = { DATA_DIR: '/tmp/dialogo-cfg-test' };
    expect(loadConfig(base).trustProxy).toBe(false);
    expect(loadConfig({ ...base, TRUST_PROXY: '1' }).trustProxy).toEqual({ hops: 1 });
    expect(loadConfig({ ...base, TRUST_PROXY: '10.0.0.1, fd00::/8' }).trustProxy).toEqual({ addresses: ['10.0.0.1', 'fd00::/8'] });
    expect(() => loadConfig({ ...base, TRUST_PROXY: 'proxy.local' })).toThrow(/TRUST_PROXY/);
    expect(() => loadConfig({ ...base, TRUST_PROXY: '10.0.0.0/99' })).toThrow(/TRUST_PROXY/);
  });
});
