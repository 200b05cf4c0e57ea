/** @module Membership: JSON endpoints — the directory of member organizations (only what each made public). */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../platform/http/env.js';
import { LangQuery, problemResponses } from '../../platform/api/api.js';
import { problem } from '../../platform/http/errors.js';
import { pickTranslated } from '../../platform/i18n/translated.js';
import type { Locale } from '../../platform/i18n/locales.js';
import { groupsOf, groupFilter } from './groups.js';
import { paths } from './paths.js';
import { ORG_TYPES, SORTS, DirectoryQuery } from './schemas.js';
import { listDirectory, getOrganizationFull, publicFieldsOf, parseList, type DirectoryRow, type OrganizationFull } from './queries.js';

const OrganizationSchema = z
  .object({
    slug: z.string(),
    name: z.string(),
    acronym: z.string().nullable(),
    country: z.string().openapi({ description: 'ISO 3166-1 alpha-2 country of registration' }),
    city: z.string().nullable(),
    type: z.enum(ORG_TYPES).nullable(),
    admittedAt: z.string().nullable(),
    url: z.string(),
  })
  .openapi('Organization');

const OrganizationDetailSchema = OrganizationSchema.extend({
  countries: z.array(z.string()),
  objectives: z.array(z.number().int()),
  bodies: z.array(z.string()).openapi({ description: 'Slugs of the Mesas it takes part in' }),
  languages: z.array(z.string()),
  website: z.string().nullable(),
  social: z.array(z.string()),
  description: z.string().nullable(),
  descriptionLang: z.string().nullable(),
  logo: z.string().nullable(),
}).openapi('OrganizationDetail');

/** Presenter: only the fields the organization made public leave the server. */
export function presentOrganization(o: DirectoryRow, lang: Locale) {
  const pub = publicFieldsOf(o);
  return {
    slug: o.slug,
    name: o.name,
    acronym: pub.has('acronym') ? o.acronym : null,
    country: o.country,
    city: pub.has('city') ? o.city : null,
    type: pub.has('type') ? (o.type as (typeof ORG_TYPES)[number]) : null,
    admittedAt: o.admitted_at,
    url: paths.member.href(lang, { slug: o.slug }),
  };
}

export function presentOrganizationDetail(o: OrganizationFull, bodySlugs: string[], lang: Locale) {
  const pub = o.publicSet;
  const desc = pub.has('description') ? pickTranslated(o.description, lang) : null;
  return {
    ...presentOrganization(o, lang),
    countries: pub.has('countries') ? o.countries : [],
    objectives: pub.has('objectives') ? o.objectives : [],
    bodies: pub.has('bodies') ? bodySlugs : [],
    languages: pub.has('languages') ? parseList(o.languages) : [],
    website: pub.has('website') ? o.website : null,
    social: pub.has('social') ? o.socialList : [],
    description: desc?.text ?? null,
    descriptionLang: desc?.lang ?? null,
    logo: pub.has('logo') && o.logo_file ? paths.logo.href(lang, { file: o.logo_file }) : null,
  };
}

const ListQuery = LangQuery.extend({
  country: z.string().regex(/^[A-Za-z]{2}$/).optional().openapi({ description: 'ISO alpha-2: registered or working in this country', example: 'CL' }),
  type: z.enum(ORG_TYPES).optional().openapi({ description: 'Kind of organization' }),
  objective: z.coerce.number().int().min(1).max(23).optional().openapi({ description: 'GCM objective (1–23) it works on' }),
  body: z.string().regex(/^[a-z0-9-]{1,80}$/).optional().openapi({ description: 'Slug of a Mesa it takes part in' }),
  q: z.string().max(100).optional().openapi({ description: 'Words in the name, acronym or city' }),
  sort: z.enum(SORTS).optional().openapi({ description: 'name (default), newest, country' }),
  page: z.coerce.number().int().min(1).max(10000).optional().openapi({ description: 'Page number (1-based)' }),
  perPage: z.coerce.number().int().min(1).max(100).optional().openapi({ description: 'Results per page (default 24, at most 100)' }),
});

export function membershipApi(api: OpenAPIHono<AppEnv>) {
  api.openapi(
    createRoute({
      method: 'get',
      path: '/organizations',
      tags: ['Membership'],
      summary: 'Member organizations',
      description: 'The directory of member organizations, filtered, sorted and paged. Each organization shows only the fields it made public.',
      request: { query: ListQuery },
      responses: {
        200: {
          description: 'A page of organizations',
          content: {
            'application/json': {
              schema: z.object({ data: z.array(OrganizationSchema), meta: z.object({ total: z.number().int(), page: z.number().int(), pages: z.number().int() }) }),
            },
          },
        },
        ...problemResponses,
      },
    }),
    async (c) => {
      const qv = c.req.valid('query');
      const { db } = c.get('deps');
      const f = DirectoryQuery.parse(qv);
      const r = await listDirectory(db, { ...f, within: await groupFilter(c) }, qv.perPage ?? 24);
      c.set('cacheable', true);
      return c.json({ data: r.rows.map((o) => presentOrganization(o, qv.lang)), meta: { total: r.total, page: r.page, pages: r.pages } }, 200);
    },
  );
  api.openapi(
    createRoute({
      method: 'get',
      path: '/organizations/{slug}',
      tags: ['Membership'],
      summary: 'One member organization',
      request: { params: z.object({ slug: z.string().regex(/^[a-z0-9-]{1,80}$/) }), query: LangQuery },
      responses: { 200: { description: 'The organization', content: { 'application/json': { schema: z.object({ data: OrganizationDetailSchema }) } } }, ...problemResponses },
    }),
    async (c) => {
      const { lang } = c.req.valid('query');
      const { db } = c.get('deps');
      const o = await getOrganizationFull(db, { slug: c.req.valid('param').slug });
      if (!o || o.status !== 'member') return problem(c, 404, 'not_found', 'No member organization with that slug') as any;
      // The Mesas it takes part in, as bodies (which keeps Mesa membership) lists them.
      const mesas = groupsOf(c).find((g) => g.param === 'body');
      const slugs = mesas ? (await mesas.of(db, lang, o.id)).map((g) => g.value) : [];
      c.set('cacheable', true);
      return c.json({ data: presentOrganizationDetail(o, slugs, lang) }, 200);
    },
  );
}
