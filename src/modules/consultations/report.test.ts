/**
 * Consultations' report section on both engines: consultations closed in the period with how many answered and
 * the top priorities of their first priority question (labels in every language), by body; for an objective,
 * the place members gave it in a ranking of the GCM objectives; null where none closed.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createTestContext, DIALECTS, type TestContext } from '../../../tests/support/context.js';
import { formatters } from '../../platform/i18n/i18n.js';
import { newId } from '../../db/ids.js';
import { getBodyBySlug } from '../bodies/index.js';
import { consultationsReport, type ConsultationsReportData } from './report.js';
import { listQuestions, resolveQuestions, allAnswers, answerValueBatches } from './queries.js';
import { countResults, resultCounter, topItems } from './results.js';

const Y25 = { from: '2025-01-01', to: '2026-01-01' };

describe.each(DIALECTS)('consultations report section (%s)', (dialect) => {
  let ctx: TestContext;
  let mt1 = '';
  let mt2 = '';
  /** Consultations of 2023 with every kind of question, conditions and odd answers: counted in batches as when read whole. */
  const kinds: string[] = [];
  beforeAll(async () => {
    ctx = await createTestContext(dialect);
    mt1 = (await getBodyBySlug(ctx.db, 'mt1'))!.id;
    mt2 = (await getBodyBySlug(ctx.db, 'mt2'))!.id;
    const consultation = async (bodyId: string, status: 'closed' | 'open', closedAt: string, questions: { kind: string; source: string; items?: unknown[]; showIf?: [number, string] }[], answers: unknown[][]) => {
      const id = newId();
      await ctx.db
        .insertInto('consultations')
        .values({
          id, body_id: bodyId, title: JSON.stringify({ es: 'Prioridades 2025', pt: 'Prioridades 2025 (pt)' }), purpose: '{}', instructions: '{}', audience: 'members', publish_answers: 0, status,
          opens_at: null, closes_at: closedAt, opened_at: null, closed_at: status === 'closed' ? closedAt : null, results_release: 'close', results_published_at: status === 'closed' ? closedAt : null, reminded_at: null, answer_count: answers.length, created_by: null, created_at: closedAt, updated_at: closedAt,
        })
        .execute();
      const qids: string[] = [];
      for (const [i, q] of questions.entries()) {
        const qid = newId();
        qids.push(qid);
        await ctx.db
          .insertInto('consultation_questions')
          .values({ id: qid, consultation_id: id, position: i + 1, kind: q.kind as any, required: 1, prompt: JSON.stringify({ es: `Pregunta ${i + 1}`, en: `Question ${i + 1}` }), help: '{}', source: q.source as any, items: JSON.stringify(q.items ?? []), min_n: null, max_n: null, low_label: null, high_label: null, show_if_question: q.showIf ? qids[q.showIf[0]]! : null, show_if_value: q.showIf ? q.showIf[1] : null })
          .execute();
      }
      for (const [i, a] of answers.entries()) {
        await ctx.db
          .insertInto('consultation_answers')
          .values({ consultation_id: id, respondent: `org${i}`, answers: JSON.stringify(Object.fromEntries(a.map((v, k) => [qids[k], v]).filter(([, v]) => v !== undefined))), submitted_by: 'u', version: 1, created_at: closedAt, submitted_at: closedAt })
          .execute();
      }
      return id;
    };
    const custom = [
      { key: 'a', label: { es: 'Regularización', en: 'Regularization', pt: 'Regularização', fr: 'Régularisation' } },
      { key: 'b', label: { es: 'Trata', en: 'Trafficking' } },
    ];
    await consultation(mt1, 'closed', '2025-05-01T12:00:00.000Z', [{ kind: 'rank', source: 'custom', items: custom }, { kind: 'rank', source: 'objectives' }], [
      [['a', 'b'], ['7', '3', '1']],
      [['a', 'b'], ['3', '7']],
      [['b', 'a'], ['3', '1']],
    ]);
    await consultation(mt2, 'open', '2025-06-01T12:00:00.000Z', [{ kind: 'one', source: 'custom', items: custom }], []);
    // Deterministic odd answers: partial and repeated rankings, unknown keys, skipped questions, a JSON null.
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const pick = <T,>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
    const abc = [{ key: 'x', label: { es: 'Equis' } }, { key: 'y', label: { es: 'Ye' } }, { key: 'z', label: { es: 'Zeta' } }];
    const ranking = () => Array.from({ length: 1 + Math.floor(rand() * 23) }, () => String(1 + Math.floor(rand() * 24)));
    const answersA = Array.from({ length: 41 }, (_, i) => [
      rand() < 0.9 ? 1 + Math.floor(rand() * 5) : undefined,
      { x: Math.floor(rand() * 6), y: Math.floor(rand() * 6), ...(rand() < 0.2 ? { w: 3 } : {}) },
      rand() < 0.8 ? ranking() : undefined,
      pick(['x', 'y', 'z', 'x']),
      Array.from({ length: Math.floor(rand() * 4) }, () => pick(['x', 'y', 'z', 'w'])),
      i === 5 ? null : rand() < 0.5 ? `texto ${i}` : undefined,
    ]);
    kinds.push(
      await consultation(mt1, 'closed', '2023-03-01T12:00:00.000Z', [
        { kind: 'scale', source: null as any }, { kind: 'points', source: 'custom', items: abc }, { kind: 'rank', source: 'objectives' },
        { kind: 'one', source: 'custom', items: abc }, { kind: 'many', source: 'custom', items: abc, showIf: [3, 'x'] }, { kind: 'short', source: null as any },
      ], answersA),
    );
    kinds.push(
      // The first priority question is asked only to some (show-if on a text answer).
      await consultation(mt2, 'closed', '2023-04-01T12:00:00.000Z', [{ kind: 'short', source: null as any }, { kind: 'many', source: 'custom', items: abc, showIf: [0, 'sí'] }],
        Array.from({ length: 29 }, (_, i) => [pick(['sí', 'no', 'no']), i % 2 ? ['x', 'x', 'z'] : [pick(['x', 'y']), pick(['y', 'z'])]])),
    );
  }, 90_000);
  afterAll(() => ctx?.close());

  const data = (scope: Record<string, unknown>) => consultationsReport.data({ db: ctx.db, dialect }, { kind: 'mechanism', ...Y25, ...scope } as any) as Promise<ConsultationsReportData | null>;

  it('lists consultations closed in the period with their top priorities in every language', async () => {
    const d = (await data({}))!;
    expect(d.run).toHaveLength(1);
    expect(d.run[0]!.answers).toBe(3);
    expect(d.run[0]!.top.map((i) => i.key)).toEqual(['a', 'b']);
    expect(d.run[0]!.top[0]!.label).toEqual({ es: 'Regularización', en: 'Regularization', pt: 'Regularização', fr: 'Régularisation' });
    expect(d.run[0]!.objectivePlace).toBeUndefined();
  });

  it('gives an objective its place in the ranking of the GCM objectives; filters by body; null when none closed', async () => {
    const d = (await data({ kind: 'objective', objective: 3 }))!;
    expect(d.run[0]!.objectivePlace).toMatchObject({ place: 1, of: 23 });
    expect(await data({ kind: 'body', bodyId: mt2 })).toBeNull();
    expect((await data({ kind: 'body', bodyId: mt1 }))!.run).toHaveLength(1);
    expect(await data({ from: '2024-01-01', to: '2025-01-01' })).toBeNull();
  });

  it('counts, a batch at a time and only the needed values, exactly what reading every answer counts', async () => {
    for (const id of kinds) {
      const questions = await listQuestions(ctx.db, id);
      const resolved = await resolveQuestions(ctx.db, questions, 'es');
      const whole = countResults(resolved, await allAnswers(ctx.db, id));
      const counter = resultCounter(resolved);
      const bordaOnly = resultCounter(resolved, { pairwise: false });
      for await (const batch of answerValueBatches(ctx.db, dialect, id, questions.map((q) => q.id), 7)) {
        counter.add(batch);
        bordaOnly.add(batch);
      }
      expect(counter.results()).toEqual(whole);
      // Without the pairwise matrix: the same except a ranking's Schulze places and matrix.
      const light = [...bordaOnly.results()].map(([id, r]) => [id, r.kind === 'rank' ? { ...r, schulze: [], matrix: [] } : r]);
      expect(new Map(light as [string, unknown][])).toEqual(new Map([...whole].map(([id, r]) => [id, r.kind === 'rank' ? { ...r, schulze: [], matrix: [] } : r])));
      expect([...bordaOnly.results().values()].filter((r) => r.kind === 'rank').every((r) => r.kind === 'rank' && !r.matrix.length && !r.schulze.length)).toBe(true);
    }
    // The section's figures: the first priority question's top items, and an objective's place (Borda order), as before.
    const d = (await data({ from: '2023-01-01', to: '2024-01-01' }))!;
    expect(d.run.map((k) => k.id)).toEqual(kinds);
    for (const k of d.run) {
      const questions = await listQuestions(ctx.db, k.id);
      const whole = countResults(await resolveQuestions(ctx.db, questions, 'es'), await allAnswers(ctx.db, k.id));
      const first = questions.find((q) => ['rank', 'points', 'one', 'many'].includes(q.kind))!;
      expect(k.top.length).toBeGreaterThan(0);
      expect(k.top.map((i) => i.key)).toEqual(topItems(whole.get(first.id)!, 5));
    }
    const questions = await listQuestions(ctx.db, kinds[0]!);
    const whole = countResults(await resolveQuestions(ctx.db, questions, 'es'), await allAnswers(ctx.db, kinds[0]!));
    const r = whole.get(questions.find((q) => q.kind === 'rank')!.id)!;
    if (r.kind !== 'rank') throw new Error('a ranking');
    for (const objective of [3, 17]) {
      const o = (await data({ kind: 'objective', objective, from: '2023-01-01', to: '2024-01-01' }))!;
      expect(o.run.find((k) => k.id === kinds[0])!.objectivePlace).toMatchObject({ place: r.borda.findIndex((p) => p.key === String(objective)) + 1, of: 23 });
    }
  });

  it('is written in each language', async () => {
    const d = (await data({ kind: 'objective', objective: 3 }))!;
    const pt = consultationsReport.render(d, { locale: 'pt', t: ctx.deps.i18n.t('pt'), fmt: formatters('pt') });
    const text = JSON.stringify(pt);
    expect(text).toContain('«Prioridades 2025 (pt)»');
    expect(text).toContain('3 organizações responderam');
    expect(text).toContain('na posição 1 de 23');
    expect(pt.find((b) => b.kind === 'list')).toEqual({ kind: 'list', ordered: true, items: ['Regularização', 'Trata'] });
  });
});
