/**
 * @module Membership: who hears about a step. Every mail goes through the platform's `notify()` inside the
 * command's transaction, each person in their own language.
 */
import type { Db } from '../../../db/schema.js';
import type { I18n } from '../../../platform/i18n/i18n.js';
import type { AppDeps } from '../../../platform/http/env.js';
import { notify, type NotificationMessage, type Recipient } from '../../../platform/notify/notify.js';
import { administrators, findUserByEmail } from '../../../platform/auth/users.js';

/** What a command needs to tell people: the translator, the site's address and the Technical Group's address. */
export interface MailContext {
  i18n: I18n;
  baseUrl: string;
  adminEmail: string;
}

export const mailContext = (deps: AppDeps): MailContext => ({ i18n: deps.i18n, baseUrl: deps.config.baseUrl, adminEmail: deps.config.adminEmail });

/** The kinds of mail the module sends (declared in the manifest so people can choose per kind). */
export const MEMBERSHIP_KINDS = [
  'membership.applied',
  'membership.resubmitted',
  'membership.approved',
  'membership.infoRequested',
  'membership.declined',
  'membership.suspended',
  'membership.withdrawn',
  'membership.readmitted',
  'membership.invited',
] as const;
export type MembershipKind = (typeof MEMBERSHIP_KINDS)[number];

/** Every person of the organization, with their language. */
export async function peopleRecipients(db: Db, orgId: string): Promise<Recipient[]> {
  return db
    .selectFrom('organization_people')
    .innerJoin('users', 'users.id', 'organization_people.user_id')
    .select(['users.id as userId', 'users.email', 'users.locale'])
    .where('organization_people.org_id', '=', orgId)
    .execute();
}

/**
 * The staff who review: every administrator, each in their own account's language (never the applicant's), and
 * the Technical Group's address (in its account's language when it has one, else Spanish).
 */
export async function adminRecipients(db: Db, mail: MailContext): Promise<Recipient[]> {
  const admins = await administrators(db);
  const account = await findUserByEmail(db, mail.adminEmail);
  return [
    ...admins.map((a) => ({ userId: a.id, email: a.email, locale: a.locale })),
    { userId: account?.id ?? null, email: mail.adminEmail, locale: account?.locale ?? null },
  ];
}

export async function tell(db: Db, mail: MailContext, to: Recipient[], kind: MembershipKind, message: NotificationMessage): Promise<void> {
  await notify({ db, i18n: mail.i18n }, to, kind, message);
}
