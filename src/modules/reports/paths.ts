/**
 * @module Reports: every URL of the module, declared once. The scope of a live report travels in the query
 * (`?kind=body&body=mt1&year=2026`, or `from`/`to`), the language in the path.
 */
import { route } from '../../platform/http/paths.js';

const E = '/reports/:id{[0-9a-z]{16}}' as const;

export const paths = {
  list: route('/reports'),
  preview: route('/reports/preview'),
  previewPdf: route('/reports/preview/report.pdf'),
  publish: route('/reports/publish'),
  edition: route(E),
  pdf: route(`${E}/report.pdf`),
};

/** The JSON API's paths, in OpenAPI form, relative to /api/v1. */
export const apiPaths = {
  list: '/reports',
  edition: '/reports/{id}',
} as const;

/** An API path as Hono mounts it: `/reports/{id}` → `/api/v1/reports/:id`. */
export const apiMounted = (p: string) => `/api/v1${p.replace(/\{(\w+)\}/g, ':$1')}`;
