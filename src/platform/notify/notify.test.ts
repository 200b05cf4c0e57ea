/**
 * notify() and each person's notification settings, on both engines: messages in the recipient's
 * language, in the caller's transaction; a kind switched off on /account/notifications is not sent to
 * that person (others still get it); mandatory kinds cannot be switched off; bad input changes nothing.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createTestContext, DIALECTS, signUpAndIn, type TestContext } from '../../../tests/support/context.js';
import { defineModule } from '../module.js';
import { modules as allModules } from '../../modules/index.js';
import { notify } from './notify.js';

const msgs = (label: string, subject: string) => ({ label, subject, body: `${subject}: {{what}}` });
const testModule = defineModule({
  name: 'notetest',
  notifications: [{ kind: 'notetest.news', label: 'notetest.label' }],
  messages: {
    es: msgs('Novedades de prueba', 'Novedad'),
    en: msgs('Test news', 'News'),
    pt: msgs('Novidades de teste', 'Novidade'),
    fr: msgs('Nouvelles de test', 'Nouvelle'),
  },
});

describe.each(DIALECTS)('notifications and preferences (%s)', (dialect) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext(dialect, {}, { modules: [...allModules, testModule] });
  });
  afterAll(async () => ctx?.close());

  const news = (recipients: Parameters<typeof notify>[1]) =>
    ctx.db.transaction().execute((trx) => notify({ db: trx, i18n: ctx.deps.i18n }, recipients, 'notetest.news', { subject: 'notetest.subject', body: 'notetest.body', params: () => ({ what: 'x' }) }));
  const newsFor = (to: string) => ctx.db.selectFrom('outbox').selectAll().where('kind', '=', 'notetest.news').where('to_address', '=', to).execute();

  it('lets a person switch a kind off; notify() then skips them, not the others', async () => {
    const { client, userId } = await signUpAndIn(ctx, 'pref@example.org');
    const other = await signUpAndIn(ctx, 'other@example.org');

    const account = await (await client.get('/en/account')).text();
    expect(account).toContain('/en/account/notifications');
    const page = await client.get('/en/account/notifications');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Test news');
    expect(html).toContain('Right away');
    expect(html).toContain('Link to choose a new password'); // listed as always sent
    expect(html).not.toContain('name="kind_password_reset"');

    await news([
      { userId, email: 'pref@example.org', locale: 'en' },
      { userId: other.userId, email: 'other@example.org', locale: 'fr' },
    ]);
    expect((await newsFor('pref@example.org')).map((m) => [m.subject, m.status, m.user_id])).toEqual([['News', 'pending', userId]]);
    expect((await newsFor('other@example.org')).map((m) => m.subject)).toEqual(['Nouvelle']);

    // Bad input: 422, nothing saved.
    const bad = await client.post('/en/account/notifications', { kind_notetest_news: 'sometimes' });
    expect(bad.status).toBe(422);
    expect(await ctx.db.selectFrom('notification_preferences').selectAll().where('user_id', '=', userId).execute()).toEqual([]);

    // Switched off (and an attempt to switch off a mandatory kind, which is not stored).
    const saved = await client.post('/en/account/notifications', { kind_notetest_news: 'off', kind_password_reset: 'off' });
    expect(saved.status).toBe(303);
    expect(await ctx.db.selectFrom('notification_preferences').select(['kind', 'mode']).where('user_id', '=', userId).execute()).toEqual([{ kind: 'notetest.news', mode: 'off' }]);
    expect(await (await client.get('/en/account/notifications')).text()).toMatch(/value="off"\s+checked/);

    await news([
      { userId, email: 'pref@example.org', locale: 'en' },
      { userId: other.userId, email: 'other@example.org', locale: 'fr' },
    ]);
    expect(await newsFor('pref@example.org')).toHaveLength(1);
    expect(await newsFor('other@example.org')).toHaveLength(2);

    // Account security still arrives.
    await client.post('/en/sign-out');
    expect((await ctx.client().post('/en/forgot-password', { email: 'pref@example.org' })).status).toBe(303);
    expect(await ctx.db.selectFrom('outbox').select('kind').where('to_address', '=', 'pref@example.org').where('kind', '=', 'password-reset').execute()).toHaveLength(1);

    // Back on: sent again.
    const c2 = (await signUpAndIn(ctx, 'third@example.org')).client;
    expect((await c2.post('/es/account/notifications', { kind_notetest_news: 'immediate' })).status).toBe(303);
    await ctx.db.updateTable('notification_preferences').set({ mode: 'immediate' }).where('user_id', '=', userId).execute();
    await news([{ userId, email: 'pref@example.org', locale: 'es' }]);
    expect((await newsFor('pref@example.org')).map((m) => m.subject).sort()).toEqual(['News', 'Novedad']);
  });

  it('asks a signed-out visitor to sign in', async () => {
    const r = await ctx.client().get('/es/account/notifications');
    expect(r.status).toBe(303);
    expect(r.headers.get('location')).toMatch(/sign-in/);
    expect((await ctx.client().post('/es/account/notifications', { kind_notetest_news: 'off' })).status).toBe(401);
  });
});
