/** The action helper's fixed order (401 → 404 → 403 → 422 → command → redirect), rollback on refusal, and typed paths. */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { Hono } from 'hono';
import { z } from 'zod';
import { createTestContext, DIALECTS, ADMIN, TestClient, type TestContext } from '../../../tests/support/context.js';
import { createApp } from '../../app.js';
import { action } from './action.js';
import { route, queryString } from './paths.js';
import { ok, fail } from '../outcome.js';
import { isAdmin } from '../authz/authz.js';
import { notify } from '../notify/notify.js';
import type { AppEnv } from './env.js';

const thing = route('/test-things/:key{[a-z]{1,10}}');
const thingSave = route('/test-things/:key{[a-z]{1,10}}/save');

function testRoutes() {
  const app = new Hono<AppEnv>({ strict: false });
  app.post(
    thingSave.pattern,
    action({
      load: async (c) => (c.req.param('key') === 'missing' ? null : { key: c.req.param('key')! }),
      allow: (actor) => isAdmin(actor),
      input: z.object({ value: z.string().trim().min(1).max(20) }),
      run: async (trx, { subject, input, actor, deps }) => {
        await trx.insertInto('settings').values({ key: `test.${subject.key}`, value: input.value }).execute();
        await notify({ db: trx, i18n: deps.i18n }, [{ email: actor.email, locale: 'pt' }, { email: 'ana@example.org', locale: 'fr' }], 'test.saved', {
          subject: 'form.error.invalid',
          body: 'form.error.tooLong',
          params: () => ({ max: 20 }),
        });
        if (input.value === 'refuse') return fail('form.error.choice', { field: 'value' });
        return ok({ saved: input.value });
      },
      form: (c, { form }) => c.text(`form ${JSON.stringify(form.values)} ${form.errors.value ?? ''}`),
      done: ({ locale, subject, value }) => ({ to: thing.href(locale, { key: subject.key }, { saved: value.saved }), flash: 'form.error.invalid' }),
    }),
  );
  return app;
}

describe('paths', () => {
  it('build URLs from one declaration', () => {
    expect(thing.pattern).toBe('/test-things/:key{[a-z]{1,10}}');
    expect(thing.href('pt', { key: 'abc' })).toBe('/pt/test-things/abc');
    expect(thing.href('es', { key: 'a b' }, { q: 'x y', page: 2, empty: '', list: ['1', '2'] })).toBe('/es/test-things/a%20b?q=x+y&page=2&list=1&list=2');
    expect(thing.url('https://d.example/', 'fr', { key: 'z' })).toBe('https://d.example/fr/test-things/z');
    expect(route('/').href('en')).toBe('/en/');
    expect(queryString({})).toBe('');
    expect(() => thing.href('es', { key: '' })).toThrow(/missing parameter key/);
  });
});

describe.each(DIALECTS)('action on %s', (dialect) => {
  let ctx: TestContext;
  let admin: TestClient;
  let member: TestClient;
  let anonymous: TestClient;
  beforeAll(async () => {
    ctx = await createTestContext(dialect);
    const app = createApp({ ...ctx.deps, modules: [...ctx.deps.modules, { name: 'testthings', routes: testRoutes() }] });
    admin = new TestClient(app);
    await admin.signIn(ADMIN.email, ADMIN.password);
    anonymous = new TestClient(app);
    const { signUpAndIn } = await import('../../../tests/support/context.js');
    member = new TestClient(app);
    const m = await signUpAndIn(ctx, 'action-member@example.org');
    member.cookies = m.client.cookies;
  });
  afterAll(async () => ctx?.close());

  const saved = (key: string) => ctx.db.selectFrom('settings').select('value').where('key', '=', `test.${key}`).executeTakeFirst();

  it('answers 401 before anything else, then 404, then 403', async () => {
    expect((await anonymous.post('/es/test-things/missing/save', { value: 'x' })).status).toBe(401);
    expect((await member.post('/es/test-things/missing/save', { value: 'x' })).status).toBe(404);
    expect((await member.post('/es/test-things/abc/save', { value: 'x' })).status).toBe(403);
    expect(await saved('abc')).toBeUndefined();
  });

  it('answers 422 with what was typed and the problem beside its field', async () => {
    const res = await admin.post('/es/test-things/abc/save', { value: 'x'.repeat(30) });
    expect(res.status).toBe(422);
    const text = await res.text();
    expect(text).toContain('x'.repeat(30));
    expect(text).toContain('Escribe como máximo 20 caracteres');
    expect(await saved('abc')).toBeUndefined();
  });

  it('rolls a refused command back (no row, no mail) and shows the reason beside its field', async () => {
    const before = await ctx.db.selectFrom('outbox').select(ctx.db.fn.countAll().as('n')).executeTakeFirstOrThrow();
    const res = await admin.post('/en/test-things/refused/save', { value: 'refuse' });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('Choose one of the options');
    expect(await saved('refused')).toBeUndefined();
    const after = await ctx.db.selectFrom('outbox').select(ctx.db.fn.countAll().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('commits, notifies each recipient in their language, and redirects with a flash', async () => {
    const res = await admin.post('/fr/test-things/good/save', { value: 'hola' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/fr/test-things/good?saved=hola');
    expect((await saved('good'))?.value).toBe('hola');
    const mails = await ctx.db.selectFrom('outbox').selectAll().where('kind', '=', 'test.saved').execute();
    const byTo = Object.fromEntries(mails.map((m) => [m.to_address, m]));
    expect(byTo[ADMIN.email]!.subject).toBe('Revise o formulário: há dados em falta ou inválidos.');
    expect(byTo['ana@example.org']!.text_body).toBe('Écrivez au maximum 20 caractères');
  });
});
