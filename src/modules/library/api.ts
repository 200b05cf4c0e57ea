/**
 * @module Library: JSON endpoints — public documents only (members-only documents are never listed here),
 * with the same search as the pages (text over titles, summaries and the files' text; facets).
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../platform/http/env.js';
import { LangQuery, problemResponses } from '../../platform/api/api.js';
import { problem } from '../../platform/http/errors.js';
import { pickTranslated } from '../../platform/i18n/translated.js';
import { LOCALES, type Locale } from '../../platform/i18n/locales.js';
import { listBodies } from '../bodies/index.js';
import { readerScope } from './policy.js';
import { NO_READER_BODIES } from '../bodies/index.js';
import { documentsByIds, getDocument, type Document } from './queries.js';
import { searchLibrary, FACETS } from './search.js';
import { DOC_KINDS, LICENCES } from './tables.js';
import { paths, apiPaths } from './paths.js';

const FileSchema = z.object({
  lang: z.string().openapi({ example: 'es' }),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  textRead: z.enum(['pending', 'done', 'failed', 'none']).openapi({ description: 'Whether the text was read for search: failed = a protected or damaged PDF' }),
  url: z.string(),
});

const DocumentSchema = z
  .object({
    id: z.string(),
    kind: z.enum(DOC_KINDS),
    title: z.string(),
    summary: z.string(),
    languages: z.array(z.string()).openapi({ description: 'Languages of the title' }),
    date: z.string().openapi({ description: 'The document’s own date (YYYY-MM-DD)' }),
    body: z.string().nullable().openapi({ description: 'Slug of the authoring body' }),
    authors: z.string().nullable(),
    objectives: z.array(z.number().int()),
    countries: z.array(z.string()),
    licence: z.enum(LICENCES),
    files: z.array(FileSchema),
    url: z.string(),
    addedAt: z.string(),
  })
  .openapi('Document');

function present(d: Document, slugs: Map<string, string>, lang: Locale) {
  return {
    id: d.id,
    kind: d.kind,
    title: pickTranslated(d.title, lang)?.text ?? '',
    summary: pickTranslated(d.summary, lang)?.text ?? '',
    languages: Object.keys(d.title),
    date: d.publishedOn,
    body: d.bodyId ? slugs.get(d.bodyId) ?? null : null,
    authors: d.authors,
    objectives: d.objectives,
    countries: d.countries,
    licence: d.licence,
    files: d.files.map((f) => ({ lang: f.lang, fileName: f.fileName, contentType: f.contentType, size: f.size, textRead: f.textStatus, url: paths.file.href(lang, { id: d.id, version: f.lang }) })),
    url: paths.document.href(lang, { id: d.id }),
    addedAt: d.createdAt,
  };
}

const IdParam = z.object({ id: z.string().regex(/^[0-9a-z]{16}$/).openapi({ example: '0123456789abcdef' }) });
const PUBLIC = readerScope(null, NO_READER_BODIES);

export function libraryApi(api: OpenAPIHono<AppEnv>) {
  api.openapi(
    createRoute({
      method: 'get',
      path: apiPaths.list,
      tags: ['Library'],
      summary: 'Public documents of the library, searched and filtered',
      request: {
        query: LangQuery.extend({
          q: z.string().max(200).optional().openapi({ description: 'Words of the title, summary or text (accents and one typo forgiven)' }),
          kind: z.enum(DOC_KINDS).optional(),
          body: z.string().regex(/^[a-z0-9-]{1,80}$/).optional().openapi({ description: 'Only this authoring body (slug)' }),
          objective: z.coerce.number().int().min(1).max(23).optional(),
          country: z.string().regex(/^[A-Z]{2}$/).optional(),
          language: z.enum(LOCALES as unknown as [Locale, ...Locale[]]).optional().openapi({ description: 'Only documents with a file in this language' }),
          year: z.string().regex(/^\d{4}$/).optional(),
          page: z.coerce.number().int().min(1).max(10000).default(1),
        }),
      },
      responses: {
        200: {
          description: 'Documents (50 per page), with counts per facet value over the whole result',
          content: {
            'application/json': {
              schema: z.object({
                data: z.array(DocumentSchema),
                total: z.number().int(),
                page: z.number().int(),
                pages: z.number().int(),
                facets: z.record(z.enum(FACETS), z.record(z.string(), z.number().int())),
              }),
            },
          },
        },
        ...problemResponses,
      },
    }),
    async (c) => {
      const { lang, q, kind, body, objective, country, language, year, page } = c.req.valid('query');
      const { db } = c.get('deps');
      const bodies = await listBodies(db);
      const b = body ? bodies.find((x) => x.slug === body) : undefined;
      if (body && !b) return problem(c, 404, 'not_found', 'No body with that slug') as any;
      const r = await searchLibrary(db, PUBLIC, {
        text: q,
        kind: kind ? [kind] : [],
        body: b ? [b.id] : [],
        objective: objective ? [String(objective)] : [],
        country: country ? [country] : [],
        lang: language ? [language] : [],
        year: year ? [year] : [],
        page,
        perPage: 50,
      });
      const slugs = new Map(bodies.map((x) => [x.id, x.slug]));
      const facets = { ...r.facets, body: Object.fromEntries(Object.entries(r.facets.body).map(([id, n]) => [slugs.get(id) ?? id, n])) };
      return c.json({ data: (await documentsByIds(db, r.ids)).map((d) => present(d, slugs, lang)), total: r.total, page: r.page, pages: r.pages, facets }, 200);
    },
  );
  api.openapi(
    createRoute({
      method: 'get',
      path: apiPaths.one,
      tags: ['Library'],
      summary: 'One public document, with its files per language',
      request: { params: IdParam, query: LangQuery },
      responses: { 200: { description: 'The document', content: { 'application/json': { schema: z.object({ data: DocumentSchema }) } } }, ...problemResponses },
    }),
    async (c) => {
      const { lang } = c.req.valid('query');
      const { db } = c.get('deps');
      const d = await getDocument(db, c.req.valid('param').id);
      if (!d || d.visibility !== 'public') return problem(c, 404, 'not_found', 'No public document with that id') as any;
      const slugs = new Map((await listBodies(db)).map((x) => [x.id, x.slug]));
      return c.json({ data: present(d, slugs, lang) }, 200);
    },
  );
}
