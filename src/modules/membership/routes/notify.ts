/** @module Membership: emails to an organization's people (in each person's language). */
import type { AppDeps } from '../../../platform/http/env.js';
import { isLocale, DEFAULT_LOCALE } from '../../../platform/i18n/locales.js';

/** Sends a message to every person of the organization; `text` receives the person's translator. */
export async function notifyPeople(
  deps: AppDeps,
  orgId: string,
  kind: string,
  make: (t: ReturnType<AppDeps['i18n']['t']>, locale: string) => { subject: string; text: string },
): Promise<number> {
  const people = await deps.db
    .selectFrom('organization_people')
    .innerJoin('users', 'users.id', 'organization_people.user_id')
    .select(['users.email', 'users.locale'])
    .where('organization_people.org_id', '=', orgId)
    .execute();
  for (const p of people) {
    const locale = isLocale(p.locale) ? p.locale : DEFAULT_LOCALE;
    const m = make(deps.i18n.t(locale), locale);
    await deps.mailer.send({ to: p.email, kind, subject: m.subject, text: m.text });
  }
  return people.length;
}
