/**
 * @module Library: every URL of the module, declared once. Routes use `.pattern`; views, mails and tests use
 * `.href(locale, params, query)` or `.url(baseUrl, locale, params)`.
 */
import { route } from '../../platform/http/paths.js';

const D = '/library/:id{[0-9a-z]{16}}' as const;

export const paths = {
  list: route('/library'),
  create: route('/library/new'),
  feed: route('/library/feed.atom'),
  document: route(D),
  edit: route(`${D}/edit`),
  remove: route(`${D}/delete`),
  /** Add or replace the file of one language (multipart: lang, file). */
  files: route(`${D}/files`),
  file: route(`${D}/files/:version{es|en|pt|fr}`),
  removeFile: route(`${D}/files/:version{es|en|pt|fr}/delete`),
};

/** The JSON API's paths, in OpenAPI form, relative to /api/v1. */
export const apiPaths = {
  list: '/documents',
  one: '/documents/{id}',
};
/** The same, as mounted (hono patterns, for the route matrix). */
export const apiMounted = {
  list: '/api/v1/documents',
  one: '/api/v1/documents/:id',
};
