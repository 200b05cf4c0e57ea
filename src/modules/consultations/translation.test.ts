/**
 * Translation status (as practices show it): per language original, translated, partly translated or not
 * translated, over the consultation's texts and its questions'; shown on the consultation page, the answer page
 * and in the organizers' forms, with a notice to a reader whose language is missing. And the counts kept per
 * answers-version of a closed consultation (memo.ts).
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createTestContext, DIALECTS, signUpAndIn, type TestContext, type TestClient } from '../../../tests/support/context.js';
import { makeOrganization, addPerson } from '../membership/factories.js';
import { addBodyMember, assignPositions, getBodyBySlug } from '../bodies/index.js';
import { translationStatus, consultationParts } from './translation.js';
import { keptCount, keptAnswers, clearKeptCounts, TTL_MS, MAX_ANSWER_SETS, MAX_KEPT_ANSWERS } from './memo.js';

describe('translationStatus', () => {
  it('says original, translated, partly translated or not translated over the parts written in the original', () => {
    const parts = consultationParts(
      { title: { es: 'Prioridades', en: 'Priorities', pt: 'Prioridades' }, purpose: { es: 'Preparar', en: 'Prepare' }, instructions: {} },
      [{ prompt: { es: 'Ordene', en: 'Rank' }, help: {}, lowLabel: {}, highLabel: {}, customItems: [{ key: '1', label: { es: 'Sí', en: 'Yes', fr: 'Oui' } }] }],
    );
    expect(translationStatus('es', parts)).toEqual({ es: 'original', en: 'complete', pt: 'partial', fr: 'partial' });
    expect(translationStatus('es', consultationParts({ title: { es: 'A' }, purpose: {}, instructions: {} }))).toEqual({ es: 'original', en: 'missing', pt: 'missing', fr: 'missing' });
    // A text only in a translation does not make the original's missing part count.
    expect(translationStatus('en', consultationParts({ title: { en: 'A', fr: 'A' }, purpose: { fr: 'B' }, instructions: {} })).fr).toBe('complete');
  });
});

describe('keptCount', () => {
  it('counts a closed consultation once per answers-version, an open one every time', async () => {
    clearKeptCounts();
    let n = 0;
    const count = async () => ++n;
    const closed = { id: 'k1', status: 'closed' as const, closedAt: '2026-01-01T00:00:00.000Z', answerCount: 3 };
    expect(await keptCount(closed, 'by:', count, 0)).toBe(1);
    expect(await keptCount(closed, 'by:', count, 1000)).toBe(1);
    expect(await keptCount(closed, 'by:country:PE', count, 1000)).toBe(2);
    expect(await keptCount({ ...closed, answerCount: 2 }, 'by:', count, 1000)).toBe(3);
    expect(await keptCount(closed, 'by:', count, TTL_MS + 1)).toBe(4);
    expect(await keptCount({ ...closed, status: 'open' as const }, 'by:', count, 0)).toBe(5);
    expect(await keptCount({ ...closed, status: 'open' as const }, 'by:', count, 0)).toBe(6);
    // Concurrent first requests share one count.
    const slow = () => new Promise<number>((r) => setTimeout(() => r(++n), 10));
    const [a, b] = await Promise.all([keptCount(closed, 'x', slow, 0), keptCount(closed, 'x', slow, 0)]);
    expect(a).toBe(b);
    // A failed count is not kept.
    await expect(keptCount(closed, 'y', () => Promise.reject(new Error('no')), 0)).rejects.toThrow('no');
    expect(await keptCount(closed, 'y', count, 0)).toBe(n);
  });

  it('keeps the parsed answers of a few closed consultations only, and none of a very large one', async () => {
    clearKeptCounts();
    let reads = 0;
    const read = async () => ++reads;
    const closed = (id: string, answerCount = 10) => ({ id, status: 'closed' as const, closedAt: '2026-01-01T00:00:00.000Z', answerCount });
    expect(await keptAnswers(closed('a'), read, 0)).toBe(1);
    expect(await keptAnswers(closed('a'), read, 0)).toBe(1);
    // An open consultation's answers can change: read every time.
    expect(await keptAnswers({ ...closed('a'), status: 'open' as const }, read, 0)).toBe(2);
    // Too many answers to keep in memory: read every time.
    expect(await keptAnswers(closed('big', MAX_KEPT_ANSWERS + 1), read, 0)).toBe(3);
    expect(await keptAnswers(closed('big', MAX_KEPT_ANSWERS + 1), read, 0)).toBe(4);
    // Beyond MAX_ANSWER_SETS consultations, the oldest is dropped and read again when asked for.
    for (let i = 0; i < MAX_ANSWER_SETS; i++) await keptAnswers(closed(`k${i}`), read, 0);
    const before = reads;
    expect(await keptAnswers(closed('a'), read, 0)).toBe(before + 1);
  });
});

describe.each(DIALECTS)('consultation translations over HTTP (%s)', (dialect) => {
  let ctx: TestContext;
  let secretary: TestClient;
  let id = '';

  beforeAll(async () => {
    ctx = await createTestContext(dialect);
    const body = (await getBodyBySlug(ctx.db, 'mt2'))!;
    const s = await signUpAndIn(ctx, 'secretaria@co.test', 'Persona secretaria');
    secretary = s.client;
    const org = (await makeOrganization(ctx.db, { name: 'Org T', status: 'member' })).id;
    await addBodyMember(ctx.db, body.id, org);
    await addPerson(ctx.db, org, s.userId, { representative: true });
    const r = await assignPositions(ctx.db, null, { bodyId: body.id, assignments: [{ position: 'secretary', userId: s.userId, orgId: org, holderName: 'Persona secretaria' }], startsOn: '2020-01-01', endsOn: null, source: 'appointment' });
    expect(r.ok).toBe(true);
  }, 120_000);
  afterAll(() => ctx?.close());

  it('offers the original language and one section per other language in the form, and wants the title in the original', async () => {
    const form = await (await secretary.get('/fr/consultations/new')).text();
    expect(form).toContain('Langue de rédaction');
    expect(form).toMatch(/<option value="fr" selected/);
    for (const l of ['Español', 'English', 'Português']) expect(form).toContain(`Texte en ${l}`);
    expect(form).not.toContain('Texte en Français');
    const bad = await secretary.post('/es/consultations/new', { body: 'mt2', audience: 'body', original_lang: 'es', title_en: 'Only English' });
    expect(bad.status).toBe(422);
    const html = await bad.text();
    expect(html).toContain('Escriba el título en el idioma en que está escrita la consulta.');
    // What was typed stays visible: the English section is open (with no Spanish title, nothing of it is a translation yet).
    expect(html).toMatch(/<details class="translation" open[^>]*><summary>Texto en English<span class="hint"> — sin traducir<\/span>/);
  });

  it('shows each language as original, translated, partly translated or not translated, with a notice to the reader', async () => {
    const ok = await secretary.post('/es/consultations/new', {
      body: 'mt2',
      audience: 'body',
      original_lang: 'es',
      title_es: 'Prioridades 2027',
      title_en: 'Priorities 2027',
      title_pt: 'Prioridades 2027 (pt)',
      purpose_es: 'Preparar el conversatorio.',
      purpose_en: 'Prepare the dialogue.',
      instructions_es: 'Ordene cinco objetivos.',
      instructions_en: 'Rank five objectives.',
    });
    expect(ok.status).toBe(303);
    id = ok.headers.get('location')!.split('/').pop()!;
    expect((await ctx.db.selectFrom('consultations').select('original_lang').where('id', '=', id).executeTakeFirstOrThrow()).original_lang).toBe('es');
    const add = await secretary.post(`/es/consultations/${id}/questions/new`, { kind: 'rank', required: 'on', prompt_es: 'Sus objetivos', prompt_en: 'Your objectives', source: 'objectives', max_n: '5' });
    expect(add.status).toBe(303);

    const es = await (await secretary.get(`/es/consultations/${id}`)).text();
    expect(es).toContain('español (original), inglés (traducido), portugués (traducido en parte), francés (sin traducir)');
    expect(es).toContain('Ordene cinco objetivos.');
    expect(es).not.toContain('aún no está traducida');
    const en = await (await secretary.get(`/en/consultations/${id}`)).text();
    expect(en).toContain('Rank five objectives.');
    expect(en).not.toContain('not yet translated');
    const pt = await (await secretary.get(`/pt/consultations/${id}`)).text();
    expect(pt).toContain('Esta consulta está traduzida para português só em parte: o que falta aparece em espanhol.');
    expect(pt).toContain('Prioridades 2027 (pt)');
    const fr = await (await secretary.get(`/fr/consultations/${id}`)).text();
    expect(fr).toContain('Cette consultation n’est pas encore traduite en français : elle s’affiche en espagnol.');
    // Each text not translated says so where it is shown, in the language it is shown in.
    expect(fr).toMatch(/<span class="untranslated">[^<]+<\/span><span lang="es">Prioridades 2027<\/span>/);
    expect(fr).toContain('Sus objetivos');

    // The question form: written in the consultation's language, the others below with their state.
    const qf = await secretary.post(`/en/consultations/${id}/questions/new`, { kind: 'rank', prompt_es: 'Acciones', prompt_fr: 'Actions', source: '' });
    expect(qf.status).toBe(422);
    const qhtml = await qf.text();
    expect(qhtml).toContain('The consultation is written in Español: write the question in that language.');
    expect(qhtml).toMatch(/<details class="translation" open[^>]*><summary>Text in Français<span class="hint"> — translated<\/span>/);
    expect(qhtml).toMatch(/<details class="translation"><summary>Text in English<span class="hint"> — not translated<\/span>/);
  });

  it('lets the organizers add a translation later, with a history entry', async () => {
    const form = await (await secretary.get(`/es/consultations/${id}/texts`)).text();
    expect(form).toContain('value="Priorities 2027"');
    expect(form).toMatch(/Texto en Français<span class="hint"> — sin traducir<\/span>/);
    const bad = await secretary.post(`/es/consultations/${id}/texts`, { original_lang: 'es', title_es: '', title_fr: 'Priorités 2027' });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('Escriba el título en el idioma en que está escrita la consulta.');
    const texts = {
      original_lang: 'es',
      title_es: 'Prioridades 2027',
      title_en: 'Priorities 2027',
      title_pt: 'Prioridades 2027 (pt)',
      title_fr: 'Priorités 2027',
      purpose_es: 'Preparar el conversatorio.',
      purpose_en: 'Prepare the dialogue.',
      purpose_fr: 'Préparer le dialogue.',
      instructions_es: 'Ordene cinco objetivos.',
      instructions_en: 'Rank five objectives.',
      instructions_fr: 'Classez cinq objectifs.',
    };
    const ok = await secretary.post(`/es/consultations/${id}/texts`, texts);
    expect(ok.status).toBe(303);
    const fr = await (await secretary.get(`/fr/consultations/${id}`)).text();
    expect(fr).toContain('Priorités 2027');
    expect(fr).toContain('Classez cinq objectifs.');
    // The question is not in French yet: the consultation is partly translated.
    expect(fr).toContain('français (traduit en partie)');
    expect(fr).toContain('Cette consultation n’est traduite en français qu’en partie : ce qui manque s’affiche en espagnol.');
    const es = await (await secretary.get(`/es/consultations/${id}`)).text();
    expect(es).toContain('cambió los textos de');
    expect(es).toContain(`/es/consultations/${id}/texts`);
  });
});
