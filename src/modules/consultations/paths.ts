/**
 * @module Consultations: every URL of the module, declared once. Routes use `.pattern`; views, mails and
 * tests use `.href(locale, params, query)` or `.url(baseUrl, locale, params)`.
 */
import { route } from '../../platform/http/paths.js';

const C = '/consultations/:id{[0-9a-z]{16}}' as const;

export const paths = {
  list: route('/consultations'),
  create: route('/consultations/new'),
  consultation: route(C),
  /** Its texts and their translations (GET the form, POST it): the organizers, at any status. */
  texts: route(`${C}/texts`),
  /** Add a question (GET the form, POST it). */
  addQuestion: route(`${C}/questions/new`),
  removeQuestion: route(`${C}/questions/:qid{[0-9a-z]{16}}/delete`),
  open: route(`${C}/open`),
  close: route(`${C}/close`),
  answer: route(`${C}/answer`),
  /** Keep what was typed on the server without submitting it. */
  saveDraft: route(`${C}/answer/draft`),
  /** Confirm an answer given through the link (the secret from the mail). */
  confirm: route(`${C}/confirm/:token{[A-Za-z0-9_-]{32}}`),
  results: route(`${C}/results`),
  /** Make a closed consultation's results public. */
  publishResults: route(`${C}/results/publish`),
  /** Record a ranking's top objectives as the running body's prioritized objectives. */
  prioritize: route(`${C}/questions/:qid{[0-9a-z]{16}}/prioritize`),
  exportCsv: route(`${C}/answers.csv`),
  exportJson: route(`${C}/answers.json`),
};

/** The JSON API's paths, in OpenAPI form, relative to /api/v1 (api.ts declares its routes with them). */
export const apiPaths = {
  list: '/consultations',
  results: '/consultations/{id}/results',
  /** An API path as Hono mounts it: `/consultations/{id}` → `/api/v1/consultations/:id`. */
  mounted: (p: string) => `/api/v1${p.replace(/\{(\w+)\}/g, ':$1')}`,
} as const;
