/**
 * @module Plans: every URL of the module, declared once. Routes use `.pattern`; views and tests use
 * `.href(locale, params, query)`.
 */
import { route } from '../../platform/http/paths.js';

const P = '/plans/:id{[0-9a-z]{16}}' as const;
const A = `${P}/activities/:aid{[0-9a-z]{16}}` as const;
const I = `${P}/indicators/:iid{[0-9a-z]{16}}` as const;
/** One item of any kind, by the spreadsheet's name for its kind. */
const K = ':kind{axis|result|activity|indicator}' as const;

export const paths = {
  list: route('/plans'),
  create: route('/plans/new'),
  plan: route(P),
  approve: route(`${P}/approve`),
  close: route(`${P}/close`),
  exportCsv: route(`${P}/plan.csv`),
  /** GET: the form; POST: the preview (nothing is saved). */
  import: route(`${P}/import`),
  /** POST: applies the previewed file, all or nothing. */
  importConfirm: route(`${P}/import/confirm`),
  activity: route(A),
  activityStatus: route(`${A}/status`),
  link: route(`${A}/links`),
  unlink: route(`${A}/links/delete`),
  /** GET: the values reported; POST: reports one. */
  indicator: route(I),
  /** GET: the form to add an item of a kind; POST: adds it. */
  itemNew: route(`${P}/${K}/new`),
  /** GET: the form to change an item; POST: saves it. */
  itemEdit: route(`${P}/${K}/:xid{[0-9a-z]{16}}/edit`),
  /** POST: removes an item with what hangs from it. */
  itemDelete: route(`${P}/${K}/:xid{[0-9a-z]{16}}/delete`),
};

/** The JSON API's paths, in OpenAPI form, relative to /api/v1. */
export const apiPaths = {
  list: '/plans',
  plan: '/plans/{id}',
  activities: '/plans/{id}/activities',
  indicators: '/plans/{id}/indicators',
  /** An API path as Hono mounts it: `/plans/{id}` → `/api/v1/plans/:id`. */
  mounted: (p: string) => `/api/v1${p.replace(/\{(\w+)\}/g, ':$1')}`,
} as const;
