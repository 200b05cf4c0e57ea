/**
 * @module Pages: the home page and the about page. Both are declared in the platform's paths (the layout,
 * which cannot import a module, links to them on every page) and re-exported here, so each URL is written
 * once.
 */
import { paths as platformPaths } from '../../platform/paths.js';
import { route } from '../../platform/http/paths.js';

export const paths = {
  home: platformPaths.home,
  about: platformPaths.about,
  privacy: platformPaths.privacy,
  terms: platformPaths.terms,
  contact: platformPaths.contact,
  /** Administrators: the trust pages, and one page's four texts. */
  adminSitePages: route('/admin/pages'),
  adminSitePage: route('/admin/pages/:slug{privacy|terms|contact}'),
};

/** The membership module's pages the home page links to (declared there once). */
export { paths as membershipPaths } from '../membership/paths.js';
