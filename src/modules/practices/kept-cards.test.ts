/**
 * The search page's result cards kept per practice and language (page cache on), on both engines: a card read for one
 * text is the card of every later text that finds the practice, in its own language, until a write through the app
 * empties what was kept.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createTestContext, DIALECTS, type TestContext, type TestClient } from '../../../tests/support/context.js';
import { makePractice, practiceInput, userStub } from './factories.js';

const author = userStub('author0000000001');
const admin = userStub('admin00000000001', 'admin');

describe.each(DIALECTS)('search result cards kept (%s)', (dialect) => {
  let ctx: TestContext;
  let anon: TestClient;
  let adminClient: TestClient;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    ctx = await createTestContext(dialect, { PAGE_CACHE_TTL: '60' });
    anon = ctx.client();
    adminClient = await ctx.admin();
    const mk = async (key: string, title: Record<string, string>, summary: Record<string, string>) => {
      ids[key] = await ctx.db.transaction().execute((trx) => makePractice(trx, author, practiceInput({ texts: { title, summary }, objectives: [16], countries: ['CL'] }), 'published', admin));
    };
    await mk('A', { es: 'Albergue Guardado', en: 'Kept Shelter' }, { es: 'Acogida de familias migrantes.', en: 'Welcoming migrant families.' });
    await mk('B', { es: 'Otra Práctica' }, { es: 'Nada en común.' });
    await mk('C', { es: 'Tercera Práctica' }, { es: 'Tampoco.' });
  });
  afterAll(() => ctx?.close());

  const results = async (path: string) => {
    const res = await anon.get(path);
    expect(res.status).toBe(200);
    const html = await res.text();
    return html.slice(html.indexOf('id="results"'));
  };

  it('shows a kept card for every text that finds the practice until a write through the app', async () => {
    expect(await results('/es/practices?text=albergue')).toContain('Albergue Guardado');
    // Changed behind the app's back (as SQL by hand would): the card kept for the first text is the second text's.
    await ctx.db.updateTable('practices').set({ title: JSON.stringify({ es: 'Albergue Cambiado', en: 'Kept Shelter' }) }).where('id', '=', ids.A!).execute();
    const second = await results('/es/practices?text=familias');
    expect(second).toContain('Albergue Guardado');
    expect(second).not.toContain('Albergue Cambiado');
    // Each language has its own card, made when first asked.
    expect(await results('/en/practices?text=shelter')).toContain('Kept Shelter');
    // A write through the app (unpublishing another practice) empties what was kept.
    expect((await adminClient.post(`/es/practices/${ids.B}/workflow`, { action: 'unpublish', comment: 'Duplicada' })).status).toBe(303);
    const after = await results('/es/practices?text=acogida');
    expect(after).toContain('Albergue Cambiado');
    expect(after).not.toContain('Otra Práctica');
  });

  it('keeps each practice\'s API document per language, the same as one read anew, until a write through the app', async () => {
    const api = async (path: string) => {
      const res = await anon.get(path);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/json');
      return (await res.json()) as { data: { id: string; text: { title: Record<string, string> }; url: string }[]; meta: { total: number } };
    };
    const first = await api('/api/v1/practices?lang=en&text=shelter');
    expect(first.meta.total).toBe(1);
    expect(first.data[0]!.url).toMatch(/\/en\/practices\//);
    // The kept document is what the single practice's endpoint writes.
    const one = (await (await anon.get(`/api/v1/practices/${ids.A}?lang=en`)).json()) as { data: unknown };
    expect(first.data[0]).toEqual(one.data);
    await ctx.db.updateTable('practices').set({ title: JSON.stringify({ es: 'Albergue Otra Vez', en: 'Shelter Again' }) }).where('id', '=', ids.A!).execute();
    expect((await api('/api/v1/practices?lang=en&text=welcoming')).data[0]!.text.title.en).not.toBe('Shelter Again');
    // Another language is read anew; nothing found is an empty list.
    expect((await api('/api/v1/practices?lang=es&text=welcoming')).data[0]!.url).toMatch(/\/es\/practices\//);
    expect((await api('/api/v1/practices?lang=en&text=zzzqqq')).data).toEqual([]);
    expect((await adminClient.post(`/es/practices/${ids.C}/workflow`, { action: 'unpublish', comment: 'Duplicada' })).status).toBe(303);
    expect((await api('/api/v1/practices?lang=en&text=welcoming')).data[0]!.text.title.en).toBe('Shelter Again');
  });

  it('fills the kept search page per request: the text escaped, each choice with its count, what was chosen, in each language', async () => {
    const page = async (path: string) => {
      const res = await anon.get(path);
      expect(res.status).toBe(200);
      return res.text();
    };
    // A text never searched, with quotes and markup: escaped in the field, as the page's only value.
    const odd = await page('/es/practices?text=albergue%20%22%3Cb%3E');
    expect(odd).toContain('value="albergue &quot;&lt;b&gt;"');
    expect(odd).not.toContain('<b>');
    // Counts per request: Chile counted once for this text, left out when nothing matches (unless chosen).
    const one = await page('/es/practices?text=acogida');
    expect(one).toMatch(/<option value="CL">Chile \(1\)<\/option>/);
    const none = await page('/es/practices?text=zzzqqq');
    expect(none).not.toContain('<option value="CL">');
    expect(none).toContain('<div class="empty">');
    const chosen = await page('/es/practices?text=zzzqqq&country=CL&sort=newest');
    expect(chosen).toContain('<option value="CL" selected="">Chile (0)</option>');
    expect(chosen).toContain('<option value="newest" selected="">');
    // An objective chosen opens the more filters and is checked; the filters in force name it.
    const objective = (await ctx.db.selectFrom('objectives').select(['hub_id']).where('n', '=', 16).executeTakeFirstOrThrow()).hub_id;
    expect(await page('/en/practices?text=shelter')).toContain('<details>'); // closed: kept apart from the open one
    const withObjective = await page(`/en/practices?gcm_objectives=${objective}`);
    expect(withObjective).toContain('<details open="">');
    expect(withObjective).toMatch(new RegExp(`value="${objective}" checked=""/><label for="[^"]+">[^<]*\\(1\\)</label>`));
    expect(withObjective).toContain('<p class="active-filters">');
    expect(withObjective).toContain('<h2 id="results">1 ');
    // A corrected word is said, in the page's language.
    expect(await page('/fr/practices?text=albergee')).toMatch(/<p class="muted">[^<]*albergue<\/p>/);
  });
});
