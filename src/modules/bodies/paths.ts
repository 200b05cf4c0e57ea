/**
 * @module Bodies: every URL of the module, declared once. Routes use `.pattern`; views, mails and tests use
 * `.href(locale, params, query)` or `.url(baseUrl, locale, params)`. Other modules link through the
 * `paths` exported from index.ts.
 */
import { route } from '../../platform/http/paths.js';

export const paths = {
  /** The list of bodies, grouped by kind. */
  list: route('/bodies'),
  /** A body's public page. */
  body: route('/bodies/:slug{[a-z0-9-]{1,80}}'),
  /** The members' area: join, leave, requests, positions, appointments. */
  area: route('/bodies/:slug{[a-z0-9-]{1,80}}/area'),
  /** POST: an organization asks to join. */
  join: route('/bodies/:slug{[a-z0-9-]{1,80}}/join'),
  /** POST: an organization leaves, withdraws its request, or is removed by a manager. */
  leave: route('/bodies/:slug{[a-z0-9-]{1,80}}/leave'),
  /** POST: the secretary or an administrator approves or declines a request. */
  requests: route('/bodies/:slug{[a-z0-9-]{1,80}}/requests'),
  /** POST: an administrator appoints a position holder. */
  appoint: route('/bodies/:slug{[a-z0-9-]{1,80}}/appoint'),
  /** POST: an administrator ends a holding early. */
  endPosition: route('/bodies/:slug{[a-z0-9-]{1,80}}/positions/:id{[0-9a-z]{16}}/end'),
  /** GET and POST: an administrator edits the name, mandate and objectives. */
  edit: route('/bodies/:slug{[a-z0-9-]{1,80}}/edit'),
};

/** The membership module's pages the bodies' pages link to (declared there once). */
export { paths as membershipPaths } from '../membership/paths.js';
