/**
 * @module Platform paths
 * Every URL of the platform's own pages, declared once: accounts (sign-up, sign-in, verification, password
 * reset, account and sessions), the GCM reference pages, and the administration. The routes use `.pattern`;
 * the layout, the error pages, mails and tests use `.href(locale, …)` / `.url(baseUrl, locale, …)`.
 * `home`, `about` and the trust pages (`privacy`, `terms`, `contact`) belong to the pages module, which re-exports them: they are declared here because the
 * layout (which cannot import a module) links to them on every page.
 */
import { route } from './http/paths.js';

export const paths = {
  home: route('/'),
  about: route('/about'),
  privacy: route('/privacy'),
  terms: route('/terms'),
  contact: route('/contact'),

  signUp: route('/sign-up'),
  checkEmail: route('/check-email'),
  verifyEmail: route('/verify-email'),
  signIn: route('/sign-in'),
  signInLink: route('/sign-in/link'),
  signInLinkUse: route('/sign-in/link/use'),
  signOut: route('/sign-out'),
  forgotPassword: route('/forgot-password'),
  resetPassword: route('/reset-password'),
  account: route('/account'),
  accountProfile: route('/account/profile'),
  accountPassword: route('/account/password'),
  accountSessionsRevoke: route('/account/sessions/revoke'),
  accountNotifications: route('/account/notifications'),
  /** Stops update mail with a signed token from a digest, without signing in (platform/digest). */
  unsubscribe: route('/unsubscribe/:token{[A-Za-z0-9_-]{8,400}\\.[A-Za-z0-9_-]{43}}'),
  accountData: route('/account/data.json'),
  accountDelete: route('/account/delete'),

  objectives: route('/objectives'),
  objective: route('/objectives/:n{[0-9]{1,2}}'),
  principles: route('/principles'),

  admin: route('/admin'),
  adminOutbox: route('/admin/outbox'),
  adminOutboxMessage: route('/admin/outbox/:id'),
  adminOutboxRetry: route('/admin/outbox/:id/retry'),
  adminJobs: route('/admin/jobs'),
  adminJobRetry: route('/admin/jobs/:id/retry'),
  adminUsers: route('/admin/users'),
  adminUserRole: route('/admin/users/:id/role'),
  adminAudit: route('/admin/audit'),
};

/** The JSON API's own endpoints (outside the language prefix). */
export const apiPaths = {
  base: '/api/v1',
  docs: '/api/v1/docs',
  openapi: '/api/v1/openapi.json',
} as const;
