/** The home page on both engines: live figures that match the data, what is new beyond practices, names in sentences. */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createTestContext, DIALECTS, type TestContext } from '../../../tests/support/context.js';
import { makeOrganization } from '../membership/factories.js';

describe.each(DIALECTS)('home page on %s', (dialect) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext(dialect);
  }, 60_000);
  afterAll(async () => ctx?.close());

  const text = async (path: string) => (await ctx.client().get(path)).text();

  it('a fresh install claims no figure the directory contradicts', async () => {
    const es = await text('/es/');
    expect(es).not.toContain('más de 80');
    expect(es).toContain('<strong>0</strong> organizaciones miembro');
    expect(es).toContain('<strong>0</strong> países');
    expect(es).toContain('<strong>0</strong> buenas prácticas publicadas');
    expect(es).toContain('<strong>0</strong> elecciones en curso');
    expect(await text('/pt/')).not.toContain('mais de 80');
  });

  it('counts member organizations and their countries as they join, and lists the newest under what is new', async () => {
    await makeOrganization(ctx.db, { name: 'Red Uno', status: 'member', country: 'CL' });
    await makeOrganization(ctx.db, { name: 'Solicitante', status: 'applicant', country: 'PE' });
    const es = await text('/es/');
    expect(es).toContain('<strong>1</strong> organización miembro');
    expect(es).toContain('<strong>1</strong> país');
    expect(es).toContain('Nuevas organizaciones miembro');
    expect(es).toContain('Red Uno');
    expect(es).not.toContain('Solicitante');
    const en = await text('/en/');
    expect(en).toContain('<strong>1</strong> member organization');
  });
});

describe.each(DIALECTS)('trust pages on %s', (dialect) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext(dialect);
  }, 60_000);
  afterAll(async () => ctx?.close());

  it('privacy, terms and contact are linked from every page, seeded in every language, with the Technical Group’s address', async () => {
    const home = await (await ctx.client().get('/pt/')).text();
    for (const p of ['/pt/privacy', '/pt/terms', '/pt/contact']) expect(home).toContain(`href="${p}"`);
    const privacy = await (await ctx.client().get('/pt/privacy')).text();
    expect(privacy).toContain('<h1>Aviso de privacidade</h1>');
    expect(privacy).toContain('Que dados guardamos');
    expect(privacy).toContain('admin@test.local');
    expect(privacy).not.toContain('{{adminEmail}}');
    expect(await (await ctx.client().get('/fr/terms')).text()).toContain('Qui peut participer');
    expect(await (await ctx.client().get('/en/contact')).text()).toContain('We answer in Spanish, English, Portuguese or French.');
  });

  it('administrators edit a page per language; an emptied language shows the default again; nothing unsafe survives', async () => {
    const admin = await ctx.admin();
    const form = await (await admin.get('/es/admin/pages/terms')).text();
    expect(form).toContain('Texto en portugués');
    const r = await admin.post('/es/admin/pages/terms', { body_es: '## Reglas\n\nNuevas condiciones. <script>alert(1)</script>', body_en: '', body_pt: '', body_fr: '' });
    expect(r.status).toBe(303);
    const es = await (await ctx.client().get('/es/terms')).text();
    expect(es).toContain('<h2>Reglas</h2>');
    expect(es).toContain('Nuevas condiciones.');
    expect(es).not.toContain('<script>alert');
    expect(await (await ctx.client().get('/en/terms')).text()).toContain('Who can take part');
    const log = await (await admin.get('/en/admin/audit')).text();
    expect(log).toContain('edited the page “Terms of use”');
  });

  it('language names read in the reader’s language inside sentences', async () => {
    const admin = await ctx.admin();
    const pt = await (await admin.get('/pt/admin/pages/privacy')).text();
    expect(pt).toContain('Texto em espanhol');
    expect(pt).not.toContain('Texto em Español');
  });
});
