/**
 * @module Pledges: every URL of the module, declared once. Routes use `.pattern`; views, mails and tests use
 * `.href(locale, params, query)` or `.url(baseUrl, locale, params)`.
 *
 * The public list's filters are query parameters (stable: the dashboard links its counts to them):
 * `objective` (1–23), `principle` (1–10, the guiding principle's position), `kind`, `form`, `status`, `country`
 * (ISO alpha-2), `body` (a body's slug), `org` (an organization's slug), `year` (the year published), `page`.
 */
import { route } from '../../platform/http/paths.js';

const P = '/pledges/:id{[0-9a-z]{16}}' as const;

export const paths = {
  /** Published pledges, with filters in the URL. */
  list: route('/pledges'),
  /** The public dashboard: the list's filters, every count a link to the list filtered the same way (dashboard-routes.tsx). */
  dashboard: route('/pledges/dashboard'),
  /** The signed-in person's organizations' pledges, and for reviewers those awaiting review. */
  mine: route('/pledges/mine'),
  create: route('/pledges/new'),
  /** Every published pledge as CSV. */
  exportCsv: route('/pledges.csv'),
  pledge: route(P),
  edit: route(`${P}/edit`),
  /** Lead organization: submit for review (waits for every co-pledging organization's confirmation). */
  submit: route(`${P}/submit`),
  /** A co-pledging organization confirms it takes part. */
  confirm: route(`${P}/confirm`),
  /** The Mesa Técnica publishes it or returns it with a comment. */
  review: route(`${P}/review`),
  /** A dated progress note with the status. */
  update: route(`${P}/updates`),
  /** The UN initiative's id once submitted there. */
  unId: route(`${P}/un-id`),
  withdraw: route(`${P}/withdraw`),
  attachment: route(`${P}/attachment`),
  pdf: route(`${P}/pledge.pdf`),
  json: route(`${P}/pledge.json`),
  /** Links to other modules' things (plan activities, consultation results): the picker and adding one. */
  links: route(`${P}/links`),
  unlink: route(`${P}/links/delete`),
};

/** The list's filter parameters, in order (the dashboard uses the same names). */
export const FILTER_PARAMS = ['objective', 'principle', 'kind', 'form', 'status', 'country', 'body', 'org', 'year'] as const;

/** The JSON API's paths, in OpenAPI form, relative to /api/v1. */
export const apiPaths = {
  list: '/pledges',
  one: '/pledges/{ref}',
  mounted: (p: string) => `/api/v1${p.replace(/\{(\w+)\}/g, ':$1')}`,
} as const;
