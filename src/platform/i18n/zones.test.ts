/** Time zones: deadlines typed in a zone, the reader's zone (account → browser → the Mechanism's) on both engines. */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { Hono } from 'hono';
import { createTestContext, DIALECTS, signUpAndIn, TestClient, type TestContext } from '../../../tests/support/context.js';
import { createApp } from '../../app.js';
import type { AppEnv } from '../http/env.js';
import { isTimeZone, zonedToUtc, utcToZoned, TIME_ZONES } from './zones.js';
import { formatters } from './i18n.js';

describe('zones', () => {
  it('accept real IANA names only', () => {
    expect(isTimeZone('America/Lima')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    for (const bad of ['Mars/Olympus', '../etc/passwd', '', 'America/Lima; path=/', 42, null, 'x'.repeat(80)]) expect(isTimeZone(bad), String(bad)).toBe(false);
    expect(TIME_ZONES[0]).toMatch(/^America\//);
    expect(TIME_ZONES).toContain('UTC');
  });

  it('turn a date, a time and a zone into the instant, across daylight saving', () => {
    expect(zonedToUtc('2026-12-15', '18:00', 'America/Mexico_City').toISOString()).toBe('2026-12-16T00:00:00.000Z');
    expect(zonedToUtc('2026-12-15', '23:59', 'America/Lima').toISOString()).toBe('2026-12-16T04:59:00.000Z');
    // Santiago keeps summer time in December (UTC-3) and standard time in July (UTC-4).
    expect(zonedToUtc('2026-12-15', '12:00', 'America/Santiago').toISOString()).toBe('2026-12-15T15:00:00.000Z');
    expect(zonedToUtc('2026-07-15', '12:00', 'America/Santiago').toISOString()).toBe('2026-07-15T16:00:00.000Z');
    expect(zonedToUtc('2026-03-01', '00:00', 'UTC').toISOString()).toBe('2026-03-01T00:00:00.000Z');
    expect(utcToZoned('2026-12-16T04:59:00.000Z', 'America/Lima')).toEqual({ date: '2026-12-15', time: '23:59' });
    expect(utcToZoned(new Date('2026-07-15T16:00:00Z'), 'America/Santiago')).toEqual({ date: '2026-07-15', time: '12:00' });
  });

  it('are written in the reader’s language', () => {
    const at = '2026-12-16T04:59:00.000Z';
    expect(formatters('es').dateTimeIn(at, 'America/Lima')).toMatch(/15 dic 2026.*23:59/);
    expect(formatters('pt').date('2026-12-01')).toBe('1 de dezembro de 2026');
    expect(formatters('en').date('2026-12-01')).toBe('December 1, 2026');
  });
});

describe.each(DIALECTS)('the reader’s zone on %s', (dialect) => {
  let ctx: TestContext;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    ctx = await createTestContext(dialect, { TIME_ZONE: 'America/Bogota' });
    const routes = new Hono<AppEnv>({ strict: false });
    routes.get('/test-zone', (c) => c.text(c.get('timeZone')));
    app = createApp({ ...ctx.deps, modules: [...ctx.deps.modules, { name: 'testzone', routes }] });
  });
  afterAll(async () => ctx?.close());

  const zoneOf = async (client: TestClient, tz?: string) => {
    if (tz === undefined) client.cookies.delete('tz');
    else client.cookies.set('tz', encodeURIComponent(tz));
    return (await client.get('/es/test-zone')).text();
  };

  it('is the Mechanism’s for signed-out readers, whatever their cookie says (their pages are cached)', async () => {
    const anon = new TestClient(app);
    expect(await zoneOf(anon)).toBe('America/Bogota');
    expect(await zoneOf(anon, 'America/Lima')).toBe('America/Bogota');
  });

  it('is the browser’s, then the account’s, for a signed-in reader; a bad zone is refused', async () => {
    const { client } = await signUpAndIn(ctx, 'zones@example.org');
    const me = new TestClient(app);
    me.cookies = client.cookies;
    expect(await zoneOf(me)).toBe('America/Bogota');
    expect(await zoneOf(me, 'America/Lima')).toBe('America/Lima');
    expect(await zoneOf(me, 'Mars/Olympus')).toBe('America/Bogota');

    const bad = await me.post('/es/account/profile', { name: 'Zonas', locale: 'es', time_zone: 'Mars/Olympus' });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('Zona horaria: Elige una de las opciones');
    const ok = await me.post('/es/account/profile', { name: 'Zonas', locale: 'es', time_zone: 'America/Santiago' });
    expect(ok.status).toBe(303);
    expect(await zoneOf(me, 'America/Lima')).toBe('America/Santiago');
    const page = await (await me.get('/es/account')).text();
    expect(page).toContain('<option value="America/Santiago" selected="">');
    // Back to automatic: the browser's zone again.
    await me.post('/es/account/profile', { name: 'Zonas', locale: 'es', time_zone: '' });
    expect(await zoneOf(me, 'America/Lima')).toBe('America/Lima');
  });
});
