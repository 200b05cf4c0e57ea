/** @module News: JSON endpoints — published posts only (drafts and scheduled posts are never listed here). */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../platform/http/env.js';
import { LangQuery, problemResponses } from '../../platform/api/api.js';
import { problem } from '../../platform/http/errors.js';
import { pickTranslated } from '../../platform/i18n/translated.js';
import { LOCALES, type Locale } from '../../platform/i18n/locales.js';
import { renderMarkdown } from '../../platform/views/markdown.js';
import { listBodies } from '../bodies/index.js';
import { getPost, listPublished, countPublished, type Post } from './queries.js';
import { paths, apiPaths } from './paths.js';
import { smallOf } from './image.js';

const PostSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    summary: z.string(),
    lang: z.enum(LOCALES as unknown as [Locale, ...Locale[]]).openapi({ description: 'The language of title, summary and text (the one asked for, or the original when not translated)' }),
    languages: z.array(z.string()).openapi({ description: 'Languages the post is written in' }),
    body: z.string().nullable().openapi({ description: 'The body\'s slug, or null for the Mechanism\'s own news' }),
    publishedAt: z.string().openapi({ description: 'UTC instant (ISO 8601)' }),
    updatedAt: z.string(),
    image: z.object({ url: z.string(), small: z.string(), alt: z.string() }).nullable(),
    demo: z.boolean().openapi({ description: 'Demo data, not real news' }),
    url: z.string(),
  })
  .openapi('NewsPost');

function present(p: Post, slugs: Map<string, string>, lang: Locale) {
  const title = pickTranslated(p.title, lang);
  const shown = title?.lang ?? p.originalLang;
  return {
    id: p.id,
    title: title?.text ?? '',
    summary: p.summary[shown] ?? '',
    lang: shown,
    languages: LOCALES.filter((l) => !!p.title[l]),
    body: p.bodyId ? (slugs.get(p.bodyId) ?? null) : null,
    publishedAt: p.publishedAt ?? '',
    updatedAt: p.updatedAt,
    image: p.imageFile ? { url: paths.image.href(lang, { file: p.imageFile }), small: paths.image.href(lang, { file: smallOf(p.imageFile) }), alt: pickTranslated(p.imageAlt, lang)?.text ?? '' } : null,
    demo: p.demo,
    url: paths.post.href(lang, { id: p.id }),
  };
}

const IdParam = z.object({ id: z.string().regex(/^[0-9a-z]{16}$/).openapi({ example: '0123456789abcdef' }) });
const PER_PAGE = 20;

export function newsApi(api: OpenAPIHono<AppEnv>) {
  api.openapi(
    createRoute({
      method: 'get',
      path: apiPaths.list,
      tags: ['News'],
      summary: 'Published news, newest first',
      request: {
        query: LangQuery.extend({
          body: z.string().regex(/^[a-z0-9-]{1,80}$/).optional().openapi({ description: 'Only this body\'s news (slug)' }),
          page: z.coerce.number().int().min(1).max(10000).default(1).openapi({ description: '20 posts a page' }),
        }),
      },
      responses: {
        200: { description: 'Posts', content: { 'application/json': { schema: z.object({ data: z.array(PostSchema), page: z.number().int(), pages: z.number().int(), total: z.number().int() }) } } },
        ...problemResponses,
      },
    }),
    async (c) => {
      const { lang, body, page } = c.req.valid('query');
      const { db } = c.get('deps');
      const bodies = await listBodies(db);
      const b = body ? bodies.find((x) => x.slug === body) : undefined;
      if (body && !b) return problem(c, 404, 'not_found', 'No body with that slug') as any;
      const slugs = new Map(bodies.map((x) => [x.id, x.slug]));
      const total = await countPublished(db, { bodyId: b?.id });
      const posts = await listPublished(db, { bodyId: b?.id, limit: PER_PAGE, offset: (page - 1) * PER_PAGE });
      return c.json({ data: posts.map((p) => present(p, slugs, lang)), page, pages: Math.max(1, Math.ceil(total / PER_PAGE)), total }, 200);
    },
  );
  api.openapi(
    createRoute({
      method: 'get',
      path: apiPaths.post,
      tags: ['News'],
      summary: 'One published post, with its text as Markdown and as sanitized HTML',
      request: { params: IdParam, query: LangQuery },
      responses: {
        200: { description: 'The post', content: { 'application/json': { schema: z.object({ data: PostSchema.extend({ markdown: z.string(), html: z.string() }) }) } } },
        ...problemResponses,
      },
    }),
    async (c) => {
      const { lang } = c.req.valid('query');
      const { db } = c.get('deps');
      const p = await getPost(db, c.req.valid('param').id);
      if (!p || p.status !== 'published') return problem(c, 404, 'not_found', 'No published post with that id') as any;
      const slugs = new Map((await listBodies(db)).map((x) => [x.id, x.slug]));
      const shown = present(p, slugs, lang);
      const markdown = p.body[shown.lang] ?? '';
      return c.json({ data: { ...shown, markdown, html: renderMarkdown(markdown, { minHeading: 2 }) } }, 200);
    },
  );
}
