/**
 * @module Pledges: every URL of the module, declared once. Routes use `.pattern`; views, mails and tests use
 * `.href(locale, params, query)`.
 */
import { route } from '../../platform/http/paths.js';

export const paths = {
  list: route('/pledges'),
  /** The public dashboard: the list's filters, every count a link to the list (dashboard-routes.tsx). */
  dashboard: route('/pledges/dashboard'),
};
