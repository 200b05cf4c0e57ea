/** @module Plans: JSON endpoints — approved and closed plans, one plan's axes and results with progress, its activities and its indicators. */
import { createRoute, z, type OpenAPIHono, type RouteConfig } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../../platform/http/env.js';
import { LangQuery, problemResponses } from '../../platform/api/api.js';
import { problem } from '../../platform/http/errors.js';
import { pickTranslated } from '../../platform/i18n/translated.js';
import { resolveLinks } from '../../platform/links.js';
import { listBodies } from '../bodies/index.js';
import { getPlan, listPlans, planTree, type Plan } from './queries.js';
import { plansPolicy } from './policy.js';
import { planFacts } from './facts.js';
import { paths, apiPaths } from './paths.js';
import { ACTIVITY_STATUSES, UNITS, DIRECTIONS } from './tables.js';

const Progress = z.number().min(0).max(1).nullable().openapi({ description: 'Share of the way done (0–1), or null when there is nothing to measure' });

const PlanSchema = z
  .object({
    id: z.string(),
    body: z.string().nullable().openapi({ description: "Slug of the body whose plan it is; null: the Mechanism's" }),
    title: z.string(),
    startsOn: z.string(),
    endsOn: z.string(),
    status: z.enum(['approved', 'closed']),
    approvedAt: z.string().nullable(),
    activityShare: z.number().int().openapi({ description: "Percent of a result's progress that comes from its activities (the rest from its indicators)" }),
    progress: Progress,
    url: z.string(),
  })
  .openapi('Plan');

const AxisSchema = z
  .object({
    code: z.string(),
    title: z.string(),
    weight: z.number().int(),
    progress: Progress,
    results: z.array(z.object({ code: z.string(), title: z.string(), weight: z.number().int(), progress: Progress, activitiesProgress: Progress, indicatorsProgress: Progress })),
  })
  .openapi('PlanAxis');

const ActivitySchema = z
  .object({
    id: z.string(),
    code: z.string(),
    result: z.string().openapi({ description: 'Code of its expected result' }),
    title: z.string(),
    body: z.string().nullable(),
    people: z.string().nullable(),
    startsOn: z.string().nullable(),
    endsOn: z.string().nullable(),
    status: z.enum(ACTIVITY_STATUSES),
    objectives: z.array(z.number().int()),
    weight: z.number().int(),
    links: z.array(z.object({ type: z.string(), id: z.string(), title: z.string(), url: z.string() })).openapi({ description: 'What shows it happened (only what the reader may see)' }),
  })
  .openapi('PlanActivity');

const IndicatorSchema = z
  .object({
    id: z.string(),
    code: z.string(),
    result: z.string(),
    name: z.string(),
    unit: z.enum(UNITS),
    baseline: z.string().nullable(),
    target: z.string().nullable(),
    direction: z.enum(DIRECTIONS),
    weight: z.number().int(),
    values: z.array(z.object({ period: z.string(), value: z.string(), measuredOn: z.string(), source: z.string().nullable(), note: z.string().nullable() })),
  })
  .openapi('PlanIndicator');

const IdParam = z.object({ id: z.string().regex(/^[0-9a-z]{16}$/).openapi({ example: '0123456789abcdef' }) });

/** The plan when the reader may see it (drafts: their editors only). */
async function visible(c: Context<AppEnv>, id: string): Promise<Plan | null> {
  const { db } = c.get('deps');
  const p = await getPlan(db, id);
  if (!p) return null;
  return plansPolicy.can(c.get('user') ?? null, 'view', { p, f: await planFacts(db, c.get('user')?.id) }) ? p : null;
}

export function plansApi(api: OpenAPIHono<AppEnv>) {
  const one = (path: string, summary: string, schema: z.ZodType, handler: (c: Context<AppEnv>, p: Plan, lang: 'es' | 'en' | 'pt' | 'fr') => Promise<unknown>) =>
    api.openapi(
      createRoute({
        method: 'get',
        path,
        tags: ['Plans'],
        summary,
        request: { params: IdParam, query: LangQuery },
        responses: { 200: { description: summary, content: { 'application/json': { schema } } }, ...problemResponses },
      } as RouteConfig),
      (async (c: Context<AppEnv>) => {
        const { lang } = (c.req as unknown as { valid: (k: 'query') => { lang: 'es' | 'en' | 'pt' | 'fr' } }).valid('query');
        const p = await visible(c, c.req.param('id') ?? '');
        if (!p || p.status === 'draft') return problem(c, 404, 'not_found', 'No approved or closed plan with that id');
        return c.json(await handler(c, p, lang), 200);
      }) as never,
    );

  const present = (p: Plan, slugs: Map<string, string>, lang: 'es' | 'en' | 'pt' | 'fr', progress: number | null) => ({
    id: p.id,
    body: p.bodyId ? (slugs.get(p.bodyId) ?? null) : null,
    title: pickTranslated(p.title, lang)?.text ?? '',
    startsOn: p.startsOn,
    endsOn: p.endsOn,
    status: p.status as 'approved' | 'closed',
    approvedAt: p.approvedAt,
    activityShare: p.activityShare,
    progress,
    url: paths.plan.href(lang, { id: p.id }),
  });

  api.openapi(
    createRoute({
      method: 'get',
      path: apiPaths.list,
      tags: ['Plans'],
      summary: 'Approved and closed plans',
      request: { query: LangQuery },
      responses: { 200: { description: "Plans, latest period first (drafts are not listed); body null: the Mechanism's", content: { 'application/json': { schema: z.object({ data: z.array(PlanSchema) }) } } }, ...problemResponses },
    }),
    async (c) => {
      const { lang } = c.req.valid('query');
      const { db } = c.get('deps');
      const slugs = new Map((await listBodies(db)).map((x) => [x.id, x.slug]));
      const plans = await listPlans(db, { statuses: ['approved', 'closed'] });
      const data = [];
      for (const p of plans) data.push(present(p, slugs, lang, (await planTree(db, p)).progress));
      return c.json({ data }, 200);
    },
  );

  one(apiPaths.plan, 'A plan with its axes and expected results, and their progress', z.object({ data: PlanSchema, axes: z.array(AxisSchema) }), async (c, p, lang) => {
    const { db } = c.get('deps');
    const slugs = new Map((await listBodies(db)).map((x) => [x.id, x.slug]));
    const tree = await planTree(db, p);
    const tx = (v: Parameters<typeof pickTranslated>[0]) => pickTranslated(v, lang)?.text ?? '';
    return {
      data: present(p, slugs, lang, tree.progress),
      axes: tree.axes.map((a) => ({
        code: a.code,
        title: tx(a.title),
        weight: a.weight,
        progress: a.progress,
        results: a.results.map((r) => ({ code: r.code, title: tx(r.title), weight: r.weight, progress: r.progress.progress, activitiesProgress: r.progress.activities, indicatorsProgress: r.progress.indicators })),
      })),
    };
  });

  one(apiPaths.activities, "A plan's activities", z.object({ data: z.array(ActivitySchema) }), async (c, p, lang) => {
    const { db, dialect, modules } = c.get('deps');
    const slugs = new Map((await listBodies(db)).map((x) => [x.id, x.slug]));
    const tree = await planTree(db, p);
    const ctx = { db, dialect, locale: lang, t: c.get('t'), user: c.get('user') };
    const data = [];
    for (const a of tree.axes)
      for (const r of a.results)
        for (const x of r.activities) {
          const links = await resolveLinks(ctx, modules, x.links);
          data.push({
            id: x.id,
            code: x.code,
            result: r.code,
            title: pickTranslated(x.title, lang)?.text ?? '',
            body: x.bodyId ? (slugs.get(x.bodyId) ?? null) : null,
            people: x.people,
            startsOn: x.startsOn,
            endsOn: x.endsOn,
            status: x.status,
            objectives: x.objectives,
            weight: x.weight,
            links: links.map((l) => ({ type: l.type, id: l.id, title: l.title, url: l.href })),
          });
        }
    return { data };
  });

  one(apiPaths.indicators, "A plan's indicators and the values reported", z.object({ data: z.array(IndicatorSchema) }), async (c, p, lang) => {
    const tree = await planTree(c.get('deps').db, p);
    return {
      data: tree.axes.flatMap((a) =>
        a.results.flatMap((r) =>
          r.indicators.map((i) => ({
            id: i.id,
            code: i.code,
            result: r.code,
            name: pickTranslated(i.name, lang)?.text ?? '',
            unit: i.unit,
            baseline: i.baseline,
            target: i.target,
            direction: i.direction,
            weight: i.weight,
            values: i.values.map((v) => ({ period: v.period, value: v.value, measuredOn: v.measuredOn, source: v.source, note: v.note })),
          })),
        ),
      ),
    };
  });
}
