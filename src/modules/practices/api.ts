/** @module Practices: JSON endpoints (published practices only). */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../platform/http/env.js';
import { LangQuery, problemResponses } from '../../platform/api/api.js';
import { problem } from '../../platform/http/errors.js';
import { listObjectives, listPrinciples } from '../../platform/reference/queries.js';
import { getPractice, practicesByIds } from './queries.js';
import { searchPractices } from './search.js';
import { parseHubQuery, HUB_PARAMS } from './hub.js';
import { practiceJson, practicesJson } from './export.js';
import { keptEach } from '../../platform/cache/page-cache.js';

const Translated = z.record(z.string(), z.string()).openapi({ description: 'Text per language: {"es": …, "en": …}' });

const PracticeSchema = z
  .object({
    id: z.string(),
    url: z.string(),
    status: z.string(),
    publishedAt: z.string().nullable(),
    originalLanguage: z.string(),
    languages: z.record(z.string(), z.string()).openapi({ description: 'Translation status per language: original, complete or partial' }),
    text: z.object({ title: Translated, summary: Translated, problem: Translated, actions: Translated, results: Translated, lessons: Translated, replication: Translated }),
    submittingOrganization: z.object({ name: z.string(), acronym: z.string().nullable(), country: z.string() }).nullable(),
    implementingPartners: z.string().nullable(),
    partners: z.string().nullable(),
    geographicScope: z.string().nullable(),
    countries: z.array(z.object({ code: z.string(), name: z.string() })),
    period: z.object({ start: z.string().nullable(), end: z.string().nullable() }),
    typeOfResource: z.string().nullable(),
    gcmObjectives: z.array(z.object({ n: z.number().int(), hubId: z.number().int().nullable(), name: z.string() })),
    crossCuttingThemes: z.array(z.object({ key: z.string(), hubId: z.number().int().nullable(), name: z.string() })),
    links: z.array(z.string()),
    contact: z.object({ name: z.string().nullable(), email: z.string().nullable() }),
  })
  .openapi('Practice');

const multi = (description: string, example?: string) => z.union([z.string(), z.array(z.string())]).optional().openapi({ description, example });

const SearchQuerySchema = LangQuery.extend({
  text: z.string().max(200).optional().openapi({ description: 'Free text; accent-insensitive, forgives one typo (two in long words)', example: 'migracion' }),
  gcm_objectives: multi("GCM objectives by the Hub's term id (279 = objective 1 … 301 = objective 23); repeat or comma-separate", '286'),
  cross_cutting_theme: multi("Guiding principles by the Hub's term id", '259'),
  country: multi('ISO 3166-1 alpha-2 country codes', 'CL'),
  region: multi('americas, africa, asia, europe, oceania or global'),
  type_of_resource: multi('practice, tool, guidance, study, training or other'),
  resource_language: multi('es, en, pt or fr'),
  sort: z.enum(['relevance', 'newest', 'oldest']).optional(),
  page: z.coerce.number().int().min(1).max(100000).optional(),
  per_page: z.coerce.number().int().min(1).max(100).optional(),
});

const NO_BYTES = Buffer.alloc(0);
const DATA_OPEN = Buffer.from('{"data":[');
const COMMA = Buffer.from(',');

export function practicesApi(api: OpenAPIHono<AppEnv>) {
  api.openapi(
    createRoute({
      method: 'get',
      path: '/practices',
      tags: ['Practices'],
      summary: 'Search published good practices',
      description: "Filters use the UN Migration Network Hub's parameter names and ids, so a Hub URL's query maps 1:1. Facet counts are over the whole result.",
      request: { query: SearchQuerySchema },
      responses: {
        200: {
          description: 'A page of practices, with facet counts',
          content: {
            'application/json': {
              schema: z.object({
                data: z.array(PracticeSchema),
                meta: z.object({ total: z.number().int(), page: z.number().int(), pages: z.number().int(), perPage: z.number().int(), facets: z.record(z.string(), z.record(z.string(), z.number().int())) }),
              }),
            },
          },
        },
        ...problemResponses,
      },
    }),
    async (c) => {
      const { lang, per_page } = c.req.valid('query');
      const { db, config, cache } = c.get('deps');
      const [objectives, principles] = await Promise.all([listObjectives(db, lang), listPrinciples(db, lang)]);
      const q = parseHubQuery(new URL(c.req.url).searchParams, objectives, principles);
      const r = await searchPractices(db, { ...q, perPage: per_page ?? 20 });
      // Each practice's document kept as JSON per language (UTF-8 bytes, copied into the answer, not encoded again), as
      // the search page keeps its cards; those not kept read at once.
      const data = await keptEach(
        cache,
        r.ids,
        (id) => `practices.json:${id}:${lang}`,
        async (need) => {
          const list = await practicesByIds(db, need);
          const docs = await practicesJson(db, lang, list, config.baseUrl);
          return new Map(list.map((p, i) => [p.id, Buffer.from(JSON.stringify(docs[i]))]));
        },
        NO_BYTES,
      );
      c.set('cacheable', true);
      c.set('cacheParams', [...HUB_PARAMS, 'per_page', 'lang']);
      const meta = { total: r.total, page: r.page, pages: r.pages, perPage: r.perPage, facets: r.facets };
      const parts: Buffer[] = [DATA_OPEN];
      for (const d of data) {
        if (!d.length) continue;
        if (parts.length > 1) parts.push(COMMA);
        parts.push(d);
      }
      parts.push(Buffer.from(`],"meta":${JSON.stringify(meta)}}`));
      return c.body(Buffer.concat(parts), 200, { 'content-type': 'application/json' }) as any;
    },
  );
  api.openapi(
    createRoute({
      method: 'get',
      path: '/practices/{id}',
      tags: ['Practices'],
      summary: 'One published practice',
      request: { params: z.object({ id: z.string().regex(/^[0-9a-z]{16}$/) }), query: LangQuery },
      responses: { 200: { description: 'The practice', content: { 'application/json': { schema: z.object({ data: PracticeSchema }) } } }, ...problemResponses },
    }),
    async (c) => {
      const { lang } = c.req.valid('query');
      const { db, config } = c.get('deps');
      const p = await getPractice(db, c.req.valid('param').id);
      if (!p || p.status !== 'published') return problem(c, 404, 'not_found', 'No published practice with that id') as any;
      c.set('cacheable', true);
      return c.json({ data: await practiceJson(db, lang, p, config.baseUrl) }, 200);
    },
  );
}
