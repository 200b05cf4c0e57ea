/** @module Bodies: JSON endpoints. */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../platform/http/env.js';
import { LangQuery, problemResponses } from '../../platform/api/api.js';
import { problem } from '../../platform/http/errors.js';
import { pickTranslated } from '../../platform/i18n/translated.js';
import type { Locale } from '../../platform/i18n/locales.js';
import { listBodies, getBodyBySlug, type BodyRow } from './queries.js';
import { paths } from './paths.js';

const BodySchema = z
  .object({
    slug: z.string(),
    kind: z.enum(['working_group', 'sub_group', 'liaison', 'technical']),
    parent: z.string().nullable().openapi({ description: 'Slug of the parent body (sub-groups)' }),
    name: z.string(),
    shortName: z.string(),
    mandate: z.string(),
    objectives: z.array(z.number().int()),
    url: z.string(),
  })
  .openapi('Body');

/** Presenter: what of a body leaves the server. */
export function presentBody(b: BodyRow, all: BodyRow[], lang: Locale) {
  return {
    slug: b.slug,
    kind: b.kind,
    parent: all.find((p) => p.id === b.parentId)?.slug ?? null,
    name: pickTranslated(b.name, lang)?.text ?? '',
    shortName: pickTranslated(b.shortName, lang)?.text ?? '',
    mandate: pickTranslated(b.mandate, lang)?.text ?? '',
    objectives: b.objectives,
    url: paths.body.href(lang, { slug: b.slug }),
  };
}

export function bodiesApi(api: OpenAPIHono<AppEnv>) {
  api.openapi(
    createRoute({
      method: 'get',
      path: '/bodies',
      tags: ['Bodies'],
      summary: "The Mechanism's bodies",
      description: 'Working groups (Mesas de Trabajo) and their sub-groups, the liaison body and the technical body.',
      request: { query: LangQuery },
      responses: { 200: { description: 'The bodies', content: { 'application/json': { schema: z.object({ data: z.array(BodySchema) }) } } }, ...problemResponses },
    }),
    async (c) => {
      const { lang } = c.req.valid('query');
      const all = await listBodies(c.get('deps').db);
      c.set('cacheable', true);
      return c.json({ data: all.map((b) => presentBody(b, all, lang)) }, 200);
    },
  );
  api.openapi(
    createRoute({
      method: 'get',
      path: '/bodies/{slug}',
      tags: ['Bodies'],
      summary: 'One body',
      request: { params: z.object({ slug: z.string().regex(/^[a-z0-9-]{1,80}$/).openapi({ example: 'mt2' }) }), query: LangQuery },
      responses: { 200: { description: 'The body', content: { 'application/json': { schema: z.object({ data: BodySchema }) } } }, ...problemResponses },
    }),
    async (c) => {
      const { lang } = c.req.valid('query');
      const { db } = c.get('deps');
      const b = await getBodyBySlug(db, c.req.valid('param').slug);
      if (!b) return problem(c, 404, 'not_found', 'No body with that slug') as any;
      c.set('cacheable', true);
      return c.json({ data: presentBody(b, await listBodies(db), lang) }, 200);
    },
  );
}
