/**
 * @module Notifications
 * The one way to mail people: `notify(tx, recipients, kind, message)` renders each recipient's message in
 * *their* language (their account's language, else Spanish) and writes it to the outbox inside the
 * command's transaction — so a notification exists exactly when the change that caused it committed.
 * Delivery is the mail pipeline's job (src/platform/mail): woken after each action, retried on failure.
 *
 * ```ts
 * await notify({ db: trx, i18n: deps.i18n }, people, 'bodies.joinRequested', {
 *   subject: 'bodies.mail.requestSubject',
 *   body: 'bodies.mail.requestBody',
 *   params: (l) => ({ body: pickTranslated(body.name, l)?.text, url: paths.area.url(baseUrl, l, { slug }) }),
 * });
 * ```
 */
import type { Db } from '../../db/schema.js';
import type { I18n } from '../i18n/i18n.js';
import { isLocale, DEFAULT_LOCALE, type Locale } from '../i18n/locales.js';
import { queueMail } from '../mail/mailer.js';

/** Someone to tell: an account (userId) or just an address (e.g. an applicant without an account yet). */
export interface Recipient {
  userId?: string | null;
  email: string;
  locale?: Locale | string | null;
}

/** A message as i18n keys; `params(locale)` gives each language its own values (names, links). */
export interface NotificationMessage {
  /** i18n key of the subject line. */
  subject: string;
  /** i18n key of the plain-text body. */
  body: string;
  params?: (locale: Locale) => Record<string, unknown>;
  /** The body holds a secret (a reset or invitation link): not kept readable once delivered. */
  secret?: boolean;
}

/** What notify needs: the command's transaction and the translator. */
export interface NotifyContext {
  db: Db;
  i18n: I18n;
}

/** Writes one message per distinct address, each in its recipient's language. */
export async function notify(tx: NotifyContext, recipients: Recipient[], kind: string, message: NotificationMessage): Promise<void> {
  const seen = new Set<string>();
  for (const r of recipients) {
    const to = r.email.trim().toLowerCase();
    if (!to || seen.has(to)) continue;
    seen.add(to);
    const locale: Locale = isLocale(r.locale) ? r.locale : DEFAULT_LOCALE;
    const t = tx.i18n.t(locale);
    const params = message.params?.(locale) ?? {};
    await queueMail(tx.db, { to, kind, subject: t(message.subject, params), text: t(message.body, params), secret: message.secret ?? false });
  }
}
