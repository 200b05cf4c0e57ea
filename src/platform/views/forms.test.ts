/**
 * The shared form components on both engines: errors named by their field and linked, the summary focused and
 * announced, "Error:" in the title, what was typed kept (except a password being checked), long lists grouped,
 * long forms marked for the browser copy.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createTestContext, DIALECTS, type TestContext } from '../../../tests/support/context.js';

describe.each(DIALECTS)('forms on %s', (dialect) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext(dialect);
  }, 60_000);
  afterAll(() => ctx?.close());

  it('name each problem by its field, link and focus the summary, say "Error:" in the title, keep new passwords', async () => {
    const anon = ctx.client();
    const r = await anon.post('/es/sign-up', { name: 'Ana', email: 'ana@example.org', password: 'una-clave-larga-123', confirm: 'otra-clave-larga-456' });
    expect(r.status).toBe(422);
    const html = await r.text();
    expect(html).toMatch(/<title>Error: [^<]+<\/title>/);
    expect(html).toMatch(/<div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1" autofocus="" data-error-summary="">/);
    expect(html).toContain('<a href="#f-confirm">Repite la contraseña: Las contraseñas no coinciden</a>');
    expect(html).toContain('value="una-clave-larga-123"');
    expect(html).toContain('value="otra-clave-larga-456"');
    expect(html).toContain('value="ana@example.org"');
    // In every language, with the language's own "Error".
    const pt = await (await anon.post('/pt/sign-up', { name: '', email: 'ana@example.org', password: 'x', confirm: 'x' })).text();
    expect(pt).toMatch(/<title>Erro: /);
    expect(pt).toContain('<a href="#f-name">Nome completo: ');
    // A page without errors keeps its plain title.
    expect(await (await anon.get('/es/sign-up')).text()).not.toContain('<title>Error:');
  });

  it('never write back a password being checked (sign-in)', async () => {
    const anon = ctx.client();
    const r = await anon.post('/es/sign-in', { email: 'nadie@example.org', password: 'clave-equivocada-1' });
    const html = await r.text();
    expect(html).toContain('value="nadie@example.org"');
    expect(html).not.toContain('clave-equivocada-1');
  });

  it('set out countries by sub-region and objectives by theme, and mark the join form for the browser copy', async () => {
    const html = await (await ctx.client().get('/es/join')).text();
    expect(html).toContain('data-keep="/join"');
    expect(html).toContain('<script src="/assets/forms.js?v=1" defer=""></script>');
    expect(html.match(/<details class="choice-group"/g)).toHaveLength(7);
    for (const g of ['El Caribe', 'Centroamérica y México', 'Sudamérica', 'Protección, fronteras, trata, detención y retorno']) expect(html).toContain(`<summary>${g} `);
    expect(html).toMatch(/<button type="button" class="link-button" hidden="" data-select-all=""[^>]*>Elegir todos en Sudamérica<\/button>/);
    expect(html).toContain('data-chosen-one="{count} elegido" data-chosen-other="{count} elegidos"');
    // After an error, the groups with a choice start open.
    const back = await (await ctx.client().post('/es/join', { countries: ['PE'], objectives: ['7'] })).text();
    expect(back).toMatch(/<details class="choice-group" open=""><summary>Sudamérica <span class="muted" data-count="">\(1 elegido\)<\/span>/);
  });
});
