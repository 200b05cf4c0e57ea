/** @module Pledges: JSON endpoints — published pledges with the list's filters, and one pledge in the UN form's shape. */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../platform/http/env.js';
import { LangQuery, problemResponses } from '../../platform/api/api.js';
import { problem } from '../../platform/http/errors.js';
import { pickTranslated } from '../../platform/i18n/translated.js';
import { getOrganizations } from '../membership/index.js';
import { filterPublished, pledgesByIds, getPledgeByRef } from './queries.js';
import { parseFilter } from './filters.js';
import { pledgeJson } from './export.js';
import { pledgeKinds, pledgeForms, pledgeStatuses, pledgeScopes } from './tables.js';
import { paths, apiPaths } from './paths.js';

const PledgeSummary = z
  .object({
    ref: z.string().openapi({ example: 'PL-0001' }),
    title: z.string(),
    kind: z.enum(pledgeKinds),
    forms: z.array(z.enum(pledgeForms)),
    objectives: z.array(z.number().int()),
    principles: z.array(z.number().int()).openapi({ description: 'Guiding principles by position (1–10, as /api/v1/principles lists them)' }),
    countries: z.array(z.string()),
    scope: z.enum(pledgeScopes),
    status: z.enum(pledgeStatuses).nullable(),
    organizations: z.array(z.object({ name: z.string(), lead: z.boolean(), formerMember: z.boolean() })),
    unId: z.string().nullable(),
    publishedAt: z.string().nullable(),
    url: z.string(),
  })
  .openapi('PledgeSummary');

const ListQuery = LangQuery.extend({
  objective: z.string().optional().openapi({ description: 'GCM objective 1–23' }),
  principle: z.string().optional().openapi({ description: 'Guiding principle by position, 1–10' }),
  kind: z.string().optional().openapi({ description: pledgeKinds.join(' | ') }),
  form: z.string().optional().openapi({ description: pledgeForms.join(' | ') }),
  status: z.string().optional().openapi({ description: pledgeStatuses.join(' | ') }),
  country: z.string().optional().openapi({ description: 'ISO 3166-1 alpha-2' }),
  body: z.string().optional().openapi({ description: "A body's slug" }),
  org: z.string().optional().openapi({ description: "A pledging organization's slug" }),
  year: z.string().optional().openapi({ description: 'Year published' }),
  page: z.coerce.number().int().min(1).max(10000).default(1),
});

export function pledgesApi(api: OpenAPIHono<AppEnv>) {
  api.openapi(
    createRoute({
      method: 'get',
      path: apiPaths.list,
      tags: ['Pledges'],
      summary: 'Published GCM pledges, filtered',
      description: 'The same filters as the pledges page (a value that is not valid is ignored); 50 a page, newest first.',
      request: { query: ListQuery },
      responses: { 200: { description: 'A page of pledges and the total', content: { 'application/json': { schema: z.object({ data: z.array(PledgeSummary), total: z.number().int(), page: z.number().int() }) } } }, ...problemResponses },
    }),
    async (c) => {
      const query = c.req.valid('query');
      const { db } = c.get('deps');
      const { filter } = await parseFilter(db, (n) => (query as unknown as Record<string, string | undefined>)[n]);
      const { ids, total } = await filterPublished(db, filter, query.page, 50);
      const items = await pledgesByIds(db, ids);
      const orgs = new Map((await getOrganizations(db, [...new Set(items.flatMap((p) => p.orgs.map((o) => o.orgId)))])).map((o) => [o.id, o]));
      const data = items.map((p) => ({
        ref: p.ref,
        title: pickTranslated(p.title, query.lang)?.text ?? '',
        kind: p.kind,
        forms: p.forms,
        objectives: p.objectives,
        principles: p.principles,
        countries: p.countries,
        scope: p.scope,
        status: p.status,
        organizations: p.orgs.map((o) => ({ name: orgs.get(o.orgId)?.name ?? '', lead: o.lead, formerMember: orgs.get(o.orgId)?.status === 'withdrawn' })),
        unId: p.unId,
        publishedAt: p.publishedAt,
        url: paths.pledge.href(query.lang, { id: p.id }),
      }));
      return c.json({ data, total, page: query.page }, 200);
    },
  );
  api.openapi(
    createRoute({
      method: 'get',
      path: apiPaths.one,
      tags: ['Pledges'],
      summary: 'One published pledge, in the UN pledge form’s order',
      request: { params: z.object({ ref: z.string().regex(/^PL-\d{4,6}$/).openapi({ example: 'PL-0001' }) }), query: LangQuery },
      responses: { 200: { description: 'The pledge (as its JSON download)', content: { 'application/json': { schema: z.object({ data: z.any() }) } } }, ...problemResponses },
    }),
    async (c) => {
      const { lang } = c.req.valid('query');
      const { db, config } = c.get('deps');
      const p = await getPledgeByRef(db, c.req.valid('param').ref);
      if (!p || p.state !== 'published') return problem(c, 404, 'not_found', 'No published pledge with that number') as any;
      return c.json({ data: await pledgeJson(db, lang, p, config.baseUrl) }, 200);
    },
  );
}
