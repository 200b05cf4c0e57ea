/**
 * The platform's own routes × every role (tests/support/matrix.ts): the account and sign-in pages, the GCM
 * reference pages, notification settings, the administration (outbox, background jobs) and the API's own endpoints. Forms are posted empty (422: past
 * authorization, nothing changes) or with a subject that changes nothing; signing out comes last, since it
 * ends each role's session.
 */
import { defineRouteMatrix, everyone, signedIn, only } from '../support/matrix.js';
import { paths, apiPaths } from '../../src/platform/paths.js';
import { unsubscribeToken } from '../../src/platform/digest/token.js';
import type { World, Role } from '../support/matrix.js';

/** A genuine unsubscribe link for the role's own account (anonymous: the member's, as from a forwarded mail). */
const unsubscribeLink = (w: World, role: Role, scope = 'practices.new') =>
  paths.unsubscribe.href('es', { token: unsubscribeToken(w.ctx.deps.config.authSecret, w.users[role] || w.users.member, scope) });

export const matrix = defineRouteMatrix({
  module: 'platform',
  setup: async (w) => {
    const mail = await w.ctx.db.selectFrom('outbox').select('id').orderBy('created_at').executeTakeFirstOrThrow();
    return { outboxId: mail.id };
  },
  cases: (extra) => [
    { method: 'GET', route: paths.signUp.pattern, url: () => paths.signUp.href('es'), expect: everyone() },
    { method: 'POST', route: paths.signUp.pattern, url: () => paths.signUp.href('es'), form: () => ({}), expect: everyone() },
    { method: 'GET', route: paths.checkEmail.pattern, url: () => paths.checkEmail.href('es', {}, { email: 'a@example.org' }), expect: everyone() },
    { method: 'GET', route: paths.verifyEmail.pattern, url: () => paths.verifyEmail.href('es', {}, { token: 'not-a-token' }), expect: everyone() },
    { method: 'GET', route: paths.signIn.pattern, url: () => paths.signIn.href('es'), expect: everyone() },
    { method: 'POST', route: paths.signIn.pattern, url: () => paths.signIn.href('es'), form: () => ({}), expect: everyone() },
    { method: 'GET', route: paths.signInLink.pattern, url: () => paths.signInLink.href('es'), expect: everyone() },
    { method: 'POST', route: paths.signInLink.pattern, url: () => paths.signInLink.href('es'), form: () => ({}), expect: everyone() },
    { method: 'GET', route: paths.signInLinkUse.pattern, url: () => paths.signInLinkUse.href('es', {}, { token: 'x' }), expect: everyone() },
    // A made-up token: refused as used or expired (400), past authorization, nobody signed in.
    { method: 'POST', route: paths.signInLinkUse.pattern, url: () => paths.signInLinkUse.href('es'), form: () => ({ token: 'not-a-token' }), expect: everyone() },
    { method: 'GET', route: paths.forgotPassword.pattern, url: () => paths.forgotPassword.href('es'), expect: everyone() },
    { method: 'POST', route: paths.forgotPassword.pattern, url: () => paths.forgotPassword.href('es'), form: () => ({}), expect: everyone() },
    { method: 'GET', route: paths.resetPassword.pattern, url: () => paths.resetPassword.href('es', {}, { token: 'x' }), expect: everyone() },
    { method: 'POST', route: paths.resetPassword.pattern, url: () => paths.resetPassword.href('es'), form: () => ({}), expect: everyone() },
    { method: 'GET', route: paths.account.pattern, url: () => paths.account.href('es'), expect: signedIn() },
    { method: 'POST', route: paths.accountProfile.pattern, url: () => paths.accountProfile.href('es'), form: () => ({}), expect: signedIn() },
    { method: 'POST', route: paths.accountPassword.pattern, url: () => paths.accountPassword.href('es'), form: () => ({}), expect: signedIn() },
    { method: 'POST', route: paths.accountSessionsRevoke.pattern, url: () => paths.accountSessionsRevoke.href('es'), form: () => ({ id: 'no-such-session' }), expect: signedIn() },
    { method: 'GET', route: paths.accountNotifications.pattern, url: () => paths.accountNotifications.href('es'), expect: signedIn() },
    { method: 'POST', route: paths.accountNotifications.pattern, url: () => paths.accountNotifications.href('es'), form: () => ({}), expect: signedIn() },
    // The digest's unsubscribe link needs no sign-in: a genuine token is the proof, for any role.
    { method: 'GET', route: paths.unsubscribe.pattern, url: (w, role) => unsubscribeLink(w, role), expect: everyone() },
    { method: 'POST', route: paths.unsubscribe.pattern, url: (w, role) => unsubscribeLink(w, role), form: () => ({}), expect: everyone() },
    // A forged token: not found for everyone, signed in or not (nothing changes).
    { method: 'GET', route: paths.unsubscribe.pattern, url: (w, role) => unsubscribeLink(w, role).replace(/.{4}$/, 'AAAA'), expect: { anonymous: 404, otherOrg: 404, member: 404, bodyMember: 404, reviewer: 404, secretary: 404, admin: 404 } },
    { method: 'POST', route: paths.unsubscribe.pattern, url: (w, role) => unsubscribeLink(w, role).replace(/.{4}$/, 'AAAA'), form: () => ({}), expect: { anonymous: 404, otherOrg: 404, member: 404, bodyMember: 404, reviewer: 404, secretary: 404, admin: 404 } },
    { method: 'GET', route: paths.accountData.pattern, url: () => paths.accountData.href('es'), expect: signedIn() },
    // A wrong confirmation is refused with 422 (allowed past authorization) and deletes nothing.
    { method: 'POST', route: paths.accountDelete.pattern, url: () => paths.accountDelete.href('es'), form: () => ({ confirm_email: 'not-my-address@example.org' }), expect: signedIn() },

    { method: 'GET', route: paths.objectives.pattern, url: () => paths.objectives.href('es'), expect: everyone() },
    { method: 'GET', route: paths.objective.pattern, url: () => paths.objective.href('es', { n: 7 }), expect: everyone() },
    { method: 'GET', route: paths.principles.pattern, url: () => paths.principles.href('es'), expect: everyone() },

    { method: 'GET', route: paths.admin.pattern, url: () => paths.admin.href('es'), expect: only('admin') },
    { method: 'GET', route: paths.adminOutbox.pattern, url: () => paths.adminOutbox.href('es'), expect: only('admin') },
    { method: 'GET', route: paths.adminOutboxMessage.pattern, url: () => paths.adminOutboxMessage.href('es', { id: extra().outboxId }), expect: only('admin') },
    { method: 'GET', route: paths.adminUsers.pattern, url: () => paths.adminUsers.href('es'), expect: only('admin') },
    // An empty form: past authorization it is refused as invalid, and nobody's role changes.
    { method: 'POST', route: paths.adminUserRole.pattern, url: (w) => paths.adminUserRole.href('es', { id: w.users.member }), form: () => ({}), expect: only('admin') },
    { method: 'GET', route: paths.adminAudit.pattern, url: () => paths.adminAudit.href('es'), expect: only('admin') },
    // Retrying what is not failed is refused (a flash), and changes nothing.
    { method: 'POST', route: paths.adminOutboxRetry.pattern, url: () => paths.adminOutboxRetry.href('es', { id: extra().outboxId }), form: () => ({}), expect: only('admin') },
    { method: 'GET', route: paths.adminJobs.pattern, url: () => paths.adminJobs.href('es'), expect: only('admin') },
    { method: 'POST', route: paths.adminJobRetry.pattern, url: () => paths.adminJobRetry.href('es', { id: '0000000000000000' }), form: () => ({}), expect: only('admin') },

    { method: 'GET', route: `${apiPaths.base}/objectives`, url: () => `${apiPaths.base}/objectives`, expect: everyone() },
    { method: 'GET', route: `${apiPaths.base}/principles`, url: () => `${apiPaths.base}/principles`, expect: everyone() },
    { method: 'GET', route: `${apiPaths.base}/countries`, url: () => `${apiPaths.base}/countries?lac=true`, expect: everyone() },
    { method: 'GET', route: apiPaths.openapi, url: () => apiPaths.openapi, expect: everyone() },
    { method: 'GET', route: apiPaths.docs, url: () => apiPaths.docs, expect: everyone() },

    // Last: it ends each role's session. Signing out without a session just goes home.
    { method: 'POST', route: paths.signOut.pattern, url: () => paths.signOut.href('es'), form: () => ({}), expect: everyone() },
  ],
});
