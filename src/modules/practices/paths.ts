/**
 * @module Practices: every URL of the module, declared once. Routes use `.pattern`; views, mails and tests
 * use `.href(locale, params, query)` and `.url(baseUrl, locale, params)`.
 */
import { route } from '../../platform/http/paths.js';

export const paths = {
  /** The public search (Hub-compatible query parameters). */
  search: route('/practices'),
  /** The Atom feed of published practices (one per language). */
  feed: route('/practices/feed.atom'),
  /** The signed-in person's own practices. */
  mine: route('/practices/mine'),
  /** The reviewers' queue. */
  review: route('/practices/review'),
  /** Every practice as CSV (administrators). */
  exportCsv: route('/practices/export.csv'),
  /** Document a new practice (GET the form, POST it). */
  create: route('/practices/new'),
  practice: route('/practices/:id{[0-9a-z]{16}}'),
  edit: route('/practices/:id{[0-9a-z]{16}}/edit'),
  /** Submit, review steps, comments, unpublish: one form field `action`. */
  workflow: route('/practices/:id{[0-9a-z]{16}}/workflow'),
  /** Upload an attachment (multipart). */
  attachments: route('/practices/:id{[0-9a-z]{16}}/attachments'),
  detach: route('/practices/:id{[0-9a-z]{16}}/attachments/:aid{[0-9a-z]{16}}/delete'),
  file: route('/practices/:id{[0-9a-z]{16}}/files/:aid{[0-9a-z]{16}}'),
  hubJson: route('/practices/:id{[0-9a-z]{16}}/hub.json'),
  hubPdf: route('/practices/:id{[0-9a-z]{16}}/hub.pdf'),
};
