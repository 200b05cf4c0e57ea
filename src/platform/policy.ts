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
  /**
   * Stop update mail with a digest's link, signed in or not: whoever holds a genuine, unexpired token for that
   * person (checked when the route loads it — a forged one is a 404 before this rule).
   */
  unsubscribeByLink: (_a: Actor, claim: { userId: string; expires: number }) => !!claim.userId && claim.expires * 1000 > Date.now(),
});
