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
