/**
 * The results page of a closed consultation on both engines: free-text answers listed 50 per question with a link
 * to every one of them, and the counts kept per answers-version (memo.ts) — an answer that appeared without the
 * answers-version changing is not counted, one that changes it is.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createTestContext, DIALECTS, signUpAndIn, type TestContext } from '../../../tests/support/context.js';
import { getBodyBySlug } from '../bodies/index.js';
import { clearKeptCounts } from './memo.js';

describe.each(DIALECTS.flatMap((d) => [[d, '0'], [d, '60']] as const))('consultation results page (%s, page cache TTL %s s)', (dialect, ttl) => {
  let ctx: TestContext;
  const id = 'resultspage00001';
  const qid = 'resultspageq0001';
  const at = '2026-11-01T00:00:00.000Z';
  const answer = (k: number) => ({ consultation_id: id, respondent: `email:p${String(k).padStart(3, '0')}@co.test`, answers: JSON.stringify({ [qid]: `texto ${k}` }), submitted_by: 'test', version: 1, created_at: at, submitted_at: at });

  beforeAll(async () => {
    ctx = await createTestContext(dialect, { PAGE_CACHE_TTL: ttl });
    clearKeptCounts();
    const body = (await getBodyBySlug(ctx.db, 'mt2'))!;
    await ctx.db
      .insertInto('consultations')
      .values({ id, body_id: body.id, title: '{"es":"Consulta abierta"}', purpose: '{}', instructions: '{}', audience: 'link', publish_answers: 0, results_release: 'close', results_published_at: at, status: 'closed', opens_at: null, closes_at: null, opened_at: at, closed_at: at, reminded_at: null, answer_count: 60, created_by: null, created_at: at, updated_at: at })
      .execute();
    await ctx.db
      .insertInto('consultation_questions')
      .values({ id: qid, consultation_id: id, position: 1, kind: 'short', required: 0, prompt: '{"es":"Una palabra"}', help: '{}', source: null, items: '[]', min_n: null, max_n: null, low_label: null, high_label: null, show_if_question: null, show_if_value: null })
      .execute();
    await ctx.db.insertInto('consultation_answers').values(Array.from({ length: 60 }, (_, k) => answer(k))).execute();
  }, 120_000);
  afterAll(() => ctx?.close());

  it('lists 50 texts per question, with a link to all of them', async () => {
    // Signed out the page cache may serve it; below, signed-in readers get the kept fragments (with a TTL).
    const anon = ctx.client();
    const html = await (await anon.get(`/es/consultations/${id}/results`)).text();
    expect(html).toContain('Se muestran 50 de 60 respuestas.');
    expect(html).toContain('texto 49');
    expect(html).not.toContain('texto 59');
    expect(html).toContain(`/es/consultations/${id}/results?texts=${qid}#q-${qid}`);
    const all = await (await anon.get(`/es/consultations/${id}/results?texts=${qid}`)).text();
    expect(all).toContain('texto 59');
    expect(all).not.toContain('Se muestran 50');
  });

  it('counts a closed consultation once per answers-version', async () => {
    // Signed in: never from the page cache (which a write through the site would empty, not these direct writes).
    const anon = await ctx.admin();
    await ctx.db.insertInto('consultation_answers').values(answer(60)).execute();
    expect(await (await anon.get(`/es/consultations/${id}/results?texts=${qid}`)).text()).not.toContain('texto 60');
    await ctx.db.updateTable('consultations').set({ answer_count: 61 }).where('id', '=', id).execute();
    // The consultation is a page-cache fragment, as every page's facts: a write through the site (an answer, the jobs
    // that open and close) empties them, on every instance; this direct update does not, so empty them as it would.
    ctx.deps.cache.clear();
    expect(await (await anon.get(`/es/consultations/${id}/results?texts=${qid}`)).text()).toContain('texto 60');
  });

  it('shows every reader the same counts, and each reader only their own links', async () => {
    const admin = await ctx.admin();
    const person = (await signUpAndIn(ctx, `reader-${ttl}@co.test`)).client;
    const a = await (await admin.get(`/es/consultations/${id}/results`)).text();
    const p = await (await person.get(`/es/consultations/${id}/results`)).text();
    const a2 = await (await admin.get(`/es/consultations/${id}/results`)).text();
    expect(a).toContain(`/es/consultations/${id}/answers.csv`);
    expect(a2).toContain(`/es/consultations/${id}/answers.csv`);
    expect(p).not.toContain(`/es/consultations/${id}/answers.csv`);
    const texts = (h: string) => h.slice(h.indexOf('<ul class="texts">'), h.indexOf('</ul>', h.indexOf('<ul class="texts">')));
    expect(texts(p)).toContain('texto 1');
    expect(texts(p)).toBe(texts(a));
    // Another language is rendered in that language, not served from the Spanish one.
    const en = await (await person.get(`/en/consultations/${id}/results`)).text();
    expect(en).toMatch(/50 of 6\d answers shown\./);
  });
});
