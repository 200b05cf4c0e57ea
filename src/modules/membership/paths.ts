/**
 * @module Membership paths
 * Every URL of the module, declared once: routes use `.pattern`, views, mails and tests `.href()` / `.url()`.
 * Other modules link here through `paths` exported from index.ts.
 */
import { route } from '../../platform/http/paths.js';

const ORG = '/organizations/:id{[0-9a-z]{16}}';
const ADMIN_ORG = '/admin/organizations/:id{[0-9a-z]{16}}';

/** The review steps an administrator posts, as they appear in URLs. */
export const STEP_SLUGS = ['approve', 'request-info', 'decline', 'suspend', 'withdraw', 'readmit'] as const;

export const paths = {
  // Public pages
  join: route('/join'),
  joinSent: route('/join/sent'),
  members: route('/members'),
  member: route('/members/:slug{[a-z0-9-]{1,80}}'),
  logo: route('/logos/:file{[0-9a-z]{16}\\.webp}'),
  coverage: route('/coverage'),
  coverageMap: route('/coverage/map.svg'),
  // An organization's own pages
  mine: route('/my/organizations'),
  org: route(ORG),
  orgEdit: route(`${ORG}/edit`),
  orgLogo: route(`${ORG}/logo`),
  orgResubmit: route(`${ORG}/resubmit`),
  orgLeave: route(`${ORG}/leave`),
  orgPeople: route(`${ORG}/people`),
  orgInvitations: route(`${ORG}/invitations`),
  invitation: route('/invitations/:token{[A-Za-z0-9_-]{20,64}}'),
  // Administration
  applications: route('/admin/applications'),
  review: route(ADMIN_ORG),
  reviewStep: route(`${ADMIN_ORG}/:step{approve|request-info|decline|suspend|withdraw|readmit}`),
  exportCsv: route('/admin/organizations.csv'),
  import: route('/admin/import'),
  importOne: route('/admin/import/:id{[0-9a-z]{16}}'),
};

/** Pages of the platform this module links to: the platform declares them once. */
export { paths as elsewhere } from '../../platform/paths.js';
