/**
 * @module News: every URL of the module, declared once. Routes use `.pattern`; views, mails, feeds and tests use
 * `.href(locale, params, query)` or `.url(baseUrl, locale, params)`.
 */
import { route } from '../../platform/http/paths.js';

const P = '/news/:id{[0-9a-z]{16}}' as const;
const B = '/news/body/:slug{[a-z0-9-]{1,80}}' as const;

export const paths = {
  list: route('/news'),
  feed: route('/news/feed.atom'),
  drafts: route('/news/drafts'),
  create: route('/news/new'),
  body: route(B),
  bodyFeed: route(`${B}/feed.atom`),
  post: route(P),
  edit: route(`${P}/edit`),
  withdraw: route(`${P}/withdraw`),
  attachments: route(`${P}/attachments`),
  detach: route(`${P}/attachments/:aid{[0-9a-z]{16}}/delete`),
  file: route(`${P}/files/:aid{[0-9a-z]{16}}`),
  image: route('/news/images/:file{[0-9a-z]{16}(-s)?\\.webp}'),
};

/** The JSON API's paths, in OpenAPI form, relative to /api/v1; `mounted` gives Hono's form under /api/v1. */
export const apiPaths = {
  list: '/news',
  post: '/news/{id}',
  mounted: (p: string) => `/api/v1${p.replace(/\{(\w+)\}/g, ':$1')}`,
} as const;
