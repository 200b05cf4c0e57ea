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

const Y25 = { from: '2025-01-01', to: '2026-01-01' };

describe.each(DIALECTS)('consultations report section (%s)', (dialect) => {
  let ctx: TestContext;
  let mt1 = '';
  let mt2 = '';
  beforeAll(async () => {
    ctx = await createTestContext(dialect);
    mt1 = (await getBodyBySlug(ctx.db, 'mt1'))!.id;
    mt2 = (await getBodyBySlug(ctx.db, 'mt2'))!.id;
    const consultation = async (bodyId: string, status: 'closed' | 'open', closedAt: string, questions: { kind: string; source: string; items?: unknown[] }[], answers: unknown[][]) => {
      const id = newId();
      await ctx.db
        .insertInto('consultations')
        .values({
          id, body_id: bodyId, title: JSON.stringify({ es: 'Prioridades 2025', pt: 'Prioridades 2025 (pt)' }), purpose: '{}', instructions: '{}', audience: 'members', publish_answers: 0, status,
          opens_at: null, closes_at: closedAt, opened_at: null, closed_at: status === 'closed' ? closedAt : null, reminded_at: null, answer_count: answers.length, created_by: null, created_at: closedAt, updated_at: closedAt,
        })
        .execute();
      const qids: string[] = [];
      for (const [i, q] of questions.entries()) {
        const qid = newId();
        qids.push(qid);
        await ctx.db
          .insertInto('consultation_questions')
          .values({ id: qid, consultation_id: id, position: i + 1, kind: q.kind as any, required: 1, prompt: JSON.stringify({ es: `Pregunta ${i + 1}`, en: `Question ${i + 1}` }), help: '{}', source: q.source as any, items: JSON.stringify(q.items ?? []), min_n: null, max_n: null, low_label: null, high_label: null, show_if_question: null, show_if_value: null })
          .execute();
      }
      for (const [i, a] of answers.entries()) {
        await ctx.db
          .insertInto('consultation_answers')
          .values({ consultation_id: id, respondent: `org${i}`, answers: JSON.stringify(Object.fromEntries(a.map((v, k) => [qids[k], v]))), submitted_by: 'u', version: 1, created_at: closedAt, submitted_at: closedAt })
          .execute();
      }
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
