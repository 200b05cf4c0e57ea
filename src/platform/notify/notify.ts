/**
 * @module Notifications
 * The one way to mail people: `notify(tx, recipients, kind, message)` renders each recipient's message in
 * *their* language (their account's language, else Spanish) and writes it to the outbox inside the
 * command's transaction — so a notification exists exactly when the change that caused it committed.
 * Delivery is the mail pipeline's job (src/platform/mail): woken after each action, retried on failure.
 * People choose per kind (their page /account/notifications): a recipient with an account who switched a
 * kind off gets nothing of that kind; mandatory kinds (account security) cannot be switched off.
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
import type { ModuleManifest, NotificationKind } from '../module.js';
import { isLocale, DEFAULT_LOCALE, type Locale } from '../i18n/locales.js';
import { queueMail, type MailAttachment } from '../mail/mailer.js';
import { PLATFORM_NOTIFICATIONS } from './kinds.js';

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
  /** Files to send with each recipient's message, in their language (e.g. an event's .ics). */
  attachments?: (locale: Locale) => MailAttachment[];
}

/**
 * A message composed whole for each recipient's language (the digest: its items differ per person), with an
 * HTML part and extra headers where needed. `t` is the recipient's language's translator.
 */
export interface ComposedMessage {
  compose: (locale: Locale, t: (key: string, opts?: Record<string, unknown>) => string) => { subject: string; text: string; html?: string; headers?: Record<string, string> };
  secret?: boolean;
  /** Files to send with it, in the recipient's language. */
  attachments?: (locale: Locale) => MailAttachment[];
}

/** What notify needs: the command's transaction and the translator. */
export interface NotifyContext {
  db: Db;
  i18n: I18n;
}

/** Every kind a person can see on their settings page: the platform's, then each module's, in order. */
export function notificationKinds(modules: ModuleManifest[]): NotificationKind[] {
  const seen = new Set<string>();
  const out: NotificationKind[] = [];
  for (const k of [...PLATFORM_NOTIFICATIONS, ...modules.flatMap((m) => m.notifications ?? [])]) {
    if (seen.has(k.kind)) continue;
    seen.add(k.kind);
    out.push(k);
  }
  return out;
}

/** 'daily' and 'weekly' are offered for update kinds only (the digest, platform/digest). */
export type NotificationMode = 'immediate' | 'daily' | 'weekly' | 'off';

/** A person's choices, by kind (kinds without a row are 'immediate'). */
export async function preferencesOf(db: Db, userId: string): Promise<Record<string, NotificationMode>> {
  const rows = await db.selectFrom('notification_preferences').select(['kind', 'mode']).where('user_id', '=', userId).execute();
  return Object.fromEntries(rows.map((r) => [r.kind, r.mode]));
}

/** Saves a person's choices; mandatory kinds and unknown kinds are not stored. */
export async function savePreferences(db: Db, userId: string, kinds: Pick<NotificationKind, 'kind' | 'mandatory'>[], choices: Record<string, NotificationMode>): Promise<void> {
  for (const k of kinds) {
    const mode = choices[k.kind];
    if (k.mandatory || !mode) continue;
    await db
      .insertInto('notification_preferences')
      .values({ user_id: userId, kind: k.kind, mode })
      .onConflict((oc) => oc.columns(['user_id', 'kind']).doUpdateSet({ mode }))
      .execute();
  }
}

/**
 * Writes one message per distinct address, each in its recipient's language, skipping those who said no.
 * Returns the outbox rows written, in the recipients' order.
 */
export async function notify(tx: NotifyContext, recipients: Recipient[], kind: string, message: NotificationMessage | ComposedMessage): Promise<string[]> {
  const userIds = [...new Set(recipients.map((r) => r.userId).filter((id): id is string => !!id))];
  const off = new Set(
    userIds.length
      ? (
          await tx.db
            .selectFrom('notification_preferences')
            .select('user_id')
            .where('kind', '=', kind)
            .where('mode', '=', 'off')
            .where('user_id', 'in', userIds)
            .execute()
        ).map((r) => r.user_id)
      : [],
  );
  const seen = new Set<string>();
  const ids: string[] = [];
  for (const r of recipients) {
    const to = r.email.trim().toLowerCase();
    if (!to || seen.has(to) || (r.userId && off.has(r.userId))) continue;
    seen.add(to);
    const locale: Locale = isLocale(r.locale) ? r.locale : DEFAULT_LOCALE;
    const t = tx.i18n.t(locale);
    const base = { to, kind, secret: message.secret ?? false, userId: r.userId ?? null, attachments: message.attachments?.(locale) };
    if ('compose' in message) {
      ids.push(await queueMail(tx.db, { ...base, ...message.compose(locale, t) }));
    } else {
      const params = message.params?.(locale) ?? {};
      ids.push(await queueMail(tx.db, { ...base, subject: t(message.subject, params), text: t(message.body, params) }));
    }
  }
  return ids;
}
