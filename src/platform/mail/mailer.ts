/**
 * @module Mail
 * Every message is written to the outbox table first (nothing is lost), then sent through SMTP with
 * nodemailer when SMTP_URL is set. Without SMTP the outbox is the delivery: administrators read it in the
 * site (/admin/outbox), so the embedded default needs no mail server.
 */
import nodemailer, { type Transporter } from 'nodemailer';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Database } from '../../db/schema.js';
import { newId, nowIso } from '../../db/ids.js';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** What kind of message (verify-email, password-reset, membership-…), for the outbox list. */
  kind: string;
}

export interface Mailer {
  send(msg: MailMessage): Promise<string>;
  readonly mode: 'smtp' | 'outbox';
}

export function createMailer(opts: { db: Kysely<Database>; smtpUrl?: string; from: string; log: Logger }): Mailer {
  const transport: Transporter | null = opts.smtpUrl ? nodemailer.createTransport(opts.smtpUrl) : null;
  return {
    mode: transport ? 'smtp' : 'outbox',
    async send(msg) {
      const id = newId();
      await opts.db
        .insertInto('outbox')
        .values({
          id,
          to_address: msg.to,
          subject: msg.subject,
          text_body: msg.text,
          html_body: msg.html ?? null,
          kind: msg.kind,
          created_at: nowIso(),
          sent_at: null,
          error: null,
        })
        .execute();
      if (!transport) return id;
      try {
        await transport.sendMail({ from: opts.from, to: msg.to, subject: msg.subject, text: msg.text, html: msg.html });
        await opts.db.updateTable('outbox').set({ sent_at: nowIso() }).where('id', '=', id).execute();
      } catch (err) {
        opts.log.error({ err, to: msg.to, kind: msg.kind }, 'mail delivery failed; kept in the outbox');
        await opts.db
          .updateTable('outbox')
          .set({ error: String((err as Error).message).slice(0, 500) })
          .where('id', '=', id)
          .execute();
      }
      return id;
    },
  };
}
