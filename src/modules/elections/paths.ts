/**
 * @module Elections: every URL of the module, declared once. Routes use `.pattern`; views, mails and tests
 * use `.href(locale, params, query)` or `.url(baseUrl, locale, params)`.
 */
import { route } from '../../platform/http/paths.js';
import { paths as bodiesPaths } from '../bodies/paths.js';

const E = '/elections/:id{[0-9a-z]{16}}' as const;

export const paths = {
  list: route('/elections'),
  call: route('/elections/new'),
  security: route('/elections/how-it-works'),
  mine: route('/elections/mine'),
  /** The standalone verifier as one file: `node verifier.mjs record.json` (bundle.ts). */
  verifier: route('/elections/verifier.mjs'),
  /** The pages' script: the in-browser record check and the receipt's print button (bundle.ts). */
  client: route('/elections/client.js'),
  /** The receipt page's print stylesheet. */
  printCss: route('/elections/print.css'),
  election: route(E),
  open: route(`${E}/open`),
  close: route(`${E}/close`),
  certify: route(`${E}/certify`),
  edit: route(`${E}/edit`),
  nominate: route(`${E}/nominate`),
  candidacy: route(`${E}/candidates/:cid{[0-9a-z]{16}}`),
  vote: route(`${E}/vote`),
  record: route(`${E}/record.json`),
  /** The record checked by the server and, with JavaScript, in the visitor's browser. */
  check: route(`${E}/check`),
  receipt: route(`${E}/receipt`),
  /** Mails a just-cast receipt to the voter themself, at their request. */
  receiptMail: route(`${E}/receipt/mail`),
};

/** The body's page, declared by the bodies module. */
export const bodyPage = bodiesPaths.body;

/** The JSON API's paths, in OpenAPI form, relative to /api/v1 (api.ts declares its routes with them). */
export const apiPaths = {
  list: '/elections',
  election: '/elections/{id}',
  record: '/elections/{id}/record',
} as const;

/** An API path as Hono mounts it: `/elections/{id}` → `/api/v1/elections/:id`. */
export const apiMounted = (p: string) => `/api/v1${p.replace(/\{(\w+)\}/g, ':$1')}`;
