/**
 * @module Platform policy
 * Who may use the platform's own pages, as named rules: the routes refuse with them, the layout hides
 * links with them. (Sign-up, sign-in, password reset and the reference pages are for everyone.)
 */
import { definePolicy, isAdmin, isSignedIn, type Actor } from './authz/authz.js';

export const platformPolicy = definePolicy({
  /** The administration area: the dashboard, the outbox, people and their roles, the audit log. */
  administer: (a: Actor) => isAdmin(a),
  /** One's own account: profile, password, sessions. */
  manageOwnAccount: (a: Actor) => isSignedIn(a),
});
