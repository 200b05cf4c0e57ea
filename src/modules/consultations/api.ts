/** @module Consultations: JSON endpoints — open and closed consultations, and the counted results once closed. */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../platform/http/env.js';
import { LangQuery, problemResponses } from '../../platform/api/api.js';
import { problem } from '../../platform/http/errors.js';
import { pickTranslated } from '../../platform/i18n/translated.js';
import type { Locale } from '../../platform/i18n/locales.js';
import { listBodies } from '../bodies/index.js';
import { getConsultation, listConsultations, listQuestions, resolveQuestions, allAnswers, resultsPublic, type Consultation } from './queries.js';
import { countResults } from './results.js';
import { keptCount } from './memo.js';
import { paths, apiPaths } from './paths.js';

const ConsultationSchema = z
  .object({
    id: z.string(),
    body: z.string().openapi({ description: 'Slug of the body that runs it' }),
    title: z.string(),
    purpose: z.string(),
    status: z.enum(['open', 'closed']),
    audience: z.enum(['members', 'body', 'link']),
    opensAt: z.string().nullable(),
    closesAt: z.string().nullable(),
    closedAt: z.string().nullable(),
    answerCount: z.number().int(),
    url: z.string(),
    results: z.string().nullable().openapi({ description: 'URL of the results (JSON), once published (at the close, when the organizers choose, or live while open)' }),
  })
  .openapi('Consultation');

const QuestionResultSchema = z
  .object({
    id: z.string(),
    position: z.number().int(),
    kind: z.enum(['rank', 'points', 'one', 'many', 'scale', 'short', 'long']),
    prompt: z.string(),
    answers: z.number().int().openapi({ description: 'Answers to this question' }),
    result: z.any().openapi({
      description:
        'rank: borda and schulze ([{key, label, place, value}], ties share a place) and the pairwise matrix; points: rows with total and mean; one/many: rows with count and share; scale: counts of 1–5 and median; text questions: omitted',
    }),
  })
  .openapi('ConsultationQuestionResult');

function present(k: Consultation, slugs: Map<string, string>, lang: Locale) {
  return {
    id: k.id,
    body: slugs.get(k.bodyId) ?? '',
    title: pickTranslated(k.title, lang)?.text ?? '',
    purpose: pickTranslated(k.purpose, lang)?.text ?? '',
    status: k.status as 'open' | 'closed',
    audience: k.audience,
    opensAt: k.opensAt ?? k.openedAt,
    closesAt: k.closesAt,
    closedAt: k.closedAt,
    answerCount: k.answerCount,
    url: paths.consultation.href(lang, { id: k.id }),
    results: resultsPublic(k) ? apiPaths.mounted(apiPaths.results).replace(':id', k.id) : null,
  };
}

const IdParam = z.object({ id: z.string().regex(/^[0-9a-z]{16}$/).openapi({ example: '0123456789abcdef' }) });

export function consultationsApi(api: OpenAPIHono<AppEnv>) {
  api.openapi(
    createRoute({
      method: 'get',
      path: apiPaths.list,
      tags: ['Consultations'],
      summary: 'Open and closed consultations',
      request: { query: LangQuery },
      responses: { 200: { description: 'Consultations, newest first (drafts are not listed)', content: { 'application/json': { schema: z.object({ data: z.array(ConsultationSchema) }) } } }, ...problemResponses },
    }),
    async (c) => {
      const { lang } = c.req.valid('query');
      const { db } = c.get('deps');
      const slugs = new Map((await listBodies(db)).map((x) => [x.id, x.slug]));
      return c.json({ data: (await listConsultations(db)).filter((k) => k.status !== 'draft').map((k) => present(k, slugs, lang)) }, 200);
    },
  );
  api.openapi(
    createRoute({
      method: 'get',
      path: apiPaths.results,
      tags: ['Consultations'],
      summary: "A consultation's counted results, once published",
      description: 'Counted as on the results page (docs/decisions/0501-consultations.md): modified Borda count and Schulze method for rankings, totals and means for points, counts and shares for choices, distribution and median for scales.',
      request: { params: IdParam, query: LangQuery },
      responses: { 200: { description: 'The consultation and its results', content: { 'application/json': { schema: z.object({ data: ConsultationSchema, questions: z.array(QuestionResultSchema) }) } } }, ...problemResponses },
    }),
    async (c) => {
      const { lang } = c.req.valid('query');
      const { db } = c.get('deps');
      const k = await getConsultation(db, c.req.valid('param').id);
      if (!k || !resultsPublic(k)) return problem(c, 404, 'not_found', 'No consultation with published results has that id') as any;
      const slugs = new Map((await listBodies(db)).map((x) => [x.id, x.slug]));
      const questions = await resolveQuestions(db, await listQuestions(db, k.id), lang);
      // Kept per answers-version once closed, as on the results page (memo.ts).
      const results = await keptCount(k, 'all', async () => countResults(questions, await allAnswers(db, k.id)));
      const out = questions.map((q) => {
        const r = results.get(q.id)!;
        const label = new Map(q.items.map((i) => [i.key, i.label]));
        const rows = <T,>(xs: { key: string; place: number; value: T }[]) => xs.map((p) => ({ key: p.key, label: label.get(p.key) ?? p.key, place: p.place, ...p.value }));
        const result =
          r.kind === 'rank'
            ? { borda: rows(r.borda), schulze: rows(r.schulze), items: q.items.map((i) => i.key), pairwise: r.matrix }
            : r.kind === 'points'
              ? { rows: rows(r.rows) }
              : r.kind === 'one' || r.kind === 'many'
                ? { rows: rows(r.rows) }
                : r.kind === 'scale'
                  ? { counts: r.counts, median: r.median }
                  : null;
        return { id: q.id, position: q.position, kind: q.kind, prompt: pickTranslated(q.prompt, lang)?.text ?? '', answers: r.n, result };
      });
      return c.json({ data: present(k, slugs, lang), questions: out }, 200);
    },
  );
}
