/**
 * @module Reports: JSON endpoints — published editions only, each with its frozen data (the JSON each section
 * gathered the day it was published) and the same report written in the requested language.
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../platform/http/env.js';
import { LangQuery, problemResponses } from '../../platform/api/api.js';
import { problem } from '../../platform/http/errors.js';
import { formatters } from '../../platform/i18n/i18n.js';
import { LOCALES, type Locale } from '../../platform/i18n/locales.js';
import type { ModuleManifest } from '../../platform/module.js';
import { listBodies } from '../bodies/index.js';
import { renderReport } from './generate.js';
import { getEdition, listEditions, type Edition } from './queries.js';
import { paths, apiPaths } from './paths.js';

const EditionSchema = z
  .object({
    id: z.string(),
    scope: z.object({
      kind: z.enum(['mechanism', 'body', 'objective']),
      body: z.string().nullable().openapi({ description: 'Slug of the body (body reports)' }),
      objective: z.number().int().nullable().openapi({ description: 'GCM objective (objective reports)' }),
      from: z.string().openapi({ description: 'First day of the period (ISO date)' }),
      to: z.string().openapi({ description: 'Day after the period (ISO date, exclusive)' }),
    }),
    title: z.string(),
    period: z.string(),
    editionDate: z.string().openapi({ description: 'The day it was published: its numbers are those of that day' }),
    publishedAt: z.string(),
    url: z.string(),
    pdf: z.record(z.string(), z.string()).openapi({ description: 'The PDF in each language' }),
  })
  .openapi('ReportEdition');

const BlockSchema = z.record(z.string(), z.unknown()).openapi({ description: 'A block: paragraph, figures, bars, table, list or empty' });
const SectionSchema = z.object({
  key: z.string().openapi({ example: 'membership.growth' }),
  title: z.string(),
  data: z.unknown().openapi({ description: 'What the section gathered, as published (null: the module had no data for the scope)' }),
  blocks: z.array(BlockSchema),
});

function present(modules: ModuleManifest[], e: Edition, slugs: Map<string, string>, lang: Locale, t: (k: string, o?: Record<string, unknown>) => string) {
  const r = renderReport(modules, e, lang, t, formatters(lang));
  return {
    summary: {
      id: e.id,
      scope: { kind: e.scope.kind, body: e.scope.bodyId ? slugs.get(e.scope.bodyId) ?? null : null, objective: e.scope.objective ?? null, from: e.scope.from, to: e.scope.to },
      title: r.title,
      period: r.period,
      editionDate: e.editionDate,
      publishedAt: e.publishedAt,
      url: paths.edition.href(lang, { id: e.id }),
      pdf: Object.fromEntries(LOCALES.map((l) => [l, paths.pdf.href(l, { id: e.id })])),
    },
    sections: r.sections.map((s, i) => ({ key: s.key, title: s.title, data: e.sections[i]?.data ?? null, blocks: s.blocks as Record<string, unknown>[] })),
  };
}

const IdParam = z.object({ id: z.string().regex(/^[0-9a-z]{16}$/).openapi({ example: '0123456789abcdef' }) });

export function reportsApi(api: OpenAPIHono<AppEnv>) {
  api.openapi(
    createRoute({
      method: 'get',
      path: apiPaths.list,
      tags: ['Reports'],
      summary: 'Published reports ("Hojas informativas"), newest first',
      request: { query: LangQuery.extend({ kind: z.enum(['mechanism', 'body', 'objective']).optional() }) },
      responses: { 200: { description: 'Editions', content: { 'application/json': { schema: z.object({ data: z.array(EditionSchema) }) } } }, ...problemResponses },
    }),
    async (c) => {
      const { lang, kind } = c.req.valid('query');
      const { db, modules, i18n } = c.get('deps');
      const slugs = new Map((await listBodies(db)).map((b) => [b.id, b.slug]));
      const t = i18n.t(lang);
      return c.json({ data: (await listEditions(db, { kind })).map((e) => present(modules, e, slugs, lang, t).summary) }, 200);
    },
  );
  api.openapi(
    createRoute({
      method: 'get',
      path: apiPaths.edition,
      tags: ['Reports'],
      summary: 'One published report with every section: its frozen data and the blocks written in the language',
      request: { params: IdParam, query: LangQuery },
      responses: { 200: { description: 'The edition', content: { 'application/json': { schema: z.object({ data: EditionSchema.extend({ sections: z.array(SectionSchema) }) }) } } }, ...problemResponses },
    }),
    async (c) => {
      const { lang } = c.req.valid('query');
      const { db, modules, i18n } = c.get('deps');
      const e = await getEdition(db, c.req.valid('param').id);
      if (!e) return problem(c, 404, 'not_found', 'No published report with that id') as any;
      const slugs = new Map((await listBodies(db)).map((b) => [b.id, b.slug]));
      const p = present(modules, e, slugs, lang, i18n.t(lang));
      return c.json({ data: { ...p.summary, sections: p.sections } }, 200);
    },
  );
}
