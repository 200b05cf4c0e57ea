/** The demo: a closed 2023 consultation per thematic Mesa whose count gives the objectives each Mesa prioritized. */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import pino from 'pino';
import { createTestContext, DIALECTS, type TestContext } from '../../../tests/support/context.js';
import { modules } from '../index.js';
import { demoConsultations } from './seed.js';
import { consultationTopItems } from './index.js';
import { listQuestions, resolveQuestions, allAnswers, answerBatches } from './queries.js';
import { countResults } from './results.js';

describe.each(DIALECTS)('consultations demo on %s', (dialect) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext(dialect);
  }, 60_000);
  afterAll(() => ctx.close());

  it('counts to MT2: 4, 8, 13 and MT3: 16, 19, 22 (Borda and Schulze), added once, results public', async () => {
    const admin = (await ctx.db.selectFrom('users').select('id').where('role', '=', 'admin').executeTakeFirstOrThrow()).id;
    const seed = { dialect, log: pino({ level: 'silent' }), adminId: admin };
    await ctx.db.transaction().execute(async (trx) => {
      // Every module's demo, in the app's order (membership's organizations, bodies' memberships, … this one).
      for (const m of modules) await m.demo?.({ db: trx, ...seed });
      await demoConsultations({ db: trx, ...seed });
    });
    const all = await ctx.db.selectFrom('consultations').innerJoin('bodies', 'bodies.id', 'consultations.body_id').select(['consultations.id', 'bodies.slug', 'consultations.status']).execute();
    expect(all.map((k) => [k.slug, k.status]).sort()).toEqual([
      ['mt2', 'closed'],
      ['mt3', 'closed'],
    ]);
    const mt2 = all.find((k) => k.slug === 'mt2')!.id;
    for (const [slug, expected] of [
      ['mt2', ['4', '8', '13']],
      ['mt3', ['16', '19', '22']],
    ] as const) {
      const id = all.find((k) => k.slug === slug)!.id;
      const q = await ctx.db.selectFrom('consultation_questions').select('id').where('consultation_id', '=', id).where('kind', '=', 'rank').executeTakeFirstOrThrow();
      expect((await consultationTopItems(ctx.db, id, q.id, 3, 'es')).map((t) => t.key).sort()).toEqual([...expected].sort());
      const questions = await resolveQuestions(ctx.db, await listQuestions(ctx.db, id), 'es');
      const r = countResults(questions, await allAnswers(ctx.db, id)).get(q.id)!;
      expect(r.kind === 'rank' && r.schulze.slice(0, 3).map((p) => p.key).sort()).toEqual([...expected].sort());
      const html = await (await ctx.client().get(`/es/consultations/${id}/results`)).text();
      expect(html).toContain('Método de Schulze');
      expect(html).toContain('<optgroup label="Subregión">');
    }
    // The Mesa's organizers record its top objectives as the Mesa's priorities (a tie at the cut is refused).
    const { prioritizeObjectives } = await import('./commands/prioritize.js');
    const { getBodyBySlug } = await import('../bodies/index.js');
    const rankQ = (await ctx.db.selectFrom('consultation_questions').select('id').where('consultation_id', '=', mt2).where('kind', '=', 'rank').executeTakeFirstOrThrow()).id;
    const done = await ctx.db.transaction().execute((trx) => prioritizeObjectives(trx, admin, { consultationId: mt2, questionId: rankQ, count: 3, locale: 'es' }));
    expect(done).toEqual({ ok: true, objectives: [4, 8, 13] });
    expect((await getBodyBySlug(ctx.db, 'mt2'))!.objectives).toEqual([4, 8, 13]);
    // Exports read the answers in batches (keyset pagination): all of them, once, in order.
    const batches: string[][] = [];
    for await (const b of answerBatches(ctx.db, mt2, 2)) batches.push(b.map((a) => a.respondent));
    expect(batches.flat()).toEqual((await allAnswers(ctx.db, mt2)).map((a) => a.respondent));
    expect(batches.length).toBeGreaterThan(1);
    // Breakdowns: a group is counted on its own; a group too small to hide an organization's answer is not shown.
    const total = Number((await ctx.db.selectFrom('consultations').select('answer_count').where('id', '=', mt2).executeTakeFirstOrThrow()).answer_count);
    const body = await (await ctx.client().get(`/es/consultations/${mt2}/results?by=body:mt2`)).text();
    expect(body).toContain(`${total} respuestas en este grupo.`);
    const country = (await ctx.db.selectFrom('consultation_answers').innerJoin('organizations', 'organizations.id', 'consultation_answers.respondent').select('organizations.country').where('consultation_id', '=', mt2).executeTakeFirstOrThrow()).country;
    const one = await (await ctx.client().get(`/es/consultations/${mt2}/results?by=country:${country}`)).text();
    expect(one).toContain('no se muestra para no revelar');
    expect(one).toContain('Nadie respondió esta pregunta.');
  });
});
