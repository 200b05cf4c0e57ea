/**
 * @module Platform notification kinds
 * The platform has no manifest, so the kinds of mail it sends through `notify()` are declared here, the way a
 * module declares its own in `notifications`. All of them are about the account's security and cannot be
 * switched off (`mandatory`). The kind strings are the ones the outbox has always shown.
 */

/** The kinds, by name, for the code that sends them. */
export const PLATFORM_KINDS = {
  /** The link that confirms an address after sign-up (holds a secret). */
  verifyEmail: 'verify-email',
  /** The link to choose a new password (holds a secret). */
  passwordReset: 'password-reset',
  /** "Someone tried to sign up with your address": sign-up does not reveal who has an account. */
  accountExists: 'account-exists',
  /** A one-time link that signs the owner in without a password (offered when sign-in is locked; holds a secret). */
  signInLink: 'sign-in-link',
} as const;

/** What the preferences page and the outbox list: each kind with its label (an i18n key). */
export const PLATFORM_NOTIFICATIONS: { kind: string; label: string; mandatory?: boolean }[] = [
  { kind: PLATFORM_KINDS.verifyEmail, label: 'mail.kinds.verifyEmail', mandatory: true },
  { kind: PLATFORM_KINDS.passwordReset, label: 'mail.kinds.passwordReset', mandatory: true },
  { kind: PLATFORM_KINDS.accountExists, label: 'mail.kinds.accountExists', mandatory: true },
  { kind: PLATFORM_KINDS.signInLink, label: 'mail.kinds.signInLink', mandatory: true },
];
