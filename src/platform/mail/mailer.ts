/**
 * @module Mail
 * Every message is written to the outbox table first (nothing is lost), inside the transaction of the change
 * that caused it (`queueMail`, called by `notify()`), then delivered through SMTP with nodemailer when
 * SMTP_URL is set. Without SMTP the outbox is the delivery: administrators read it in the site
 * (/admin/outbox), so the embedded default needs no mail server.
 */
import nodemailer, { type Transporter } from 'nodemailer';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Database, Db } from '../../db/schema.js';
import { newId, nowIso } from '../../db/ids.js';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** What kind of message (verify-email, password-reset, membership-…), for the outbox list. */
  kind: string;
  /** The body holds a secret (reset or invitation link). */
  secret?: boolean;
}

export interface Mailer {
  /** Queues one message and asks for its delivery (outside any transaction). Prefer `notify()`. */
  send(msg: MailMessage): Promise<string>;
  /** Asks for the delivery of what is waiting in the outbox (called after each committed action). */
  wake(): void;
  readonly mode: 'smtp' | 'outbox';
}

/** Writes a message to the outbox with the caller's handle (a transaction: it exists if the change commits). */
export async function queueMail(db: Db, msg: MailMessage): Promise<string> {
  const id = newId();
  await db
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
  return id;
}

export function createMailer(opts: { db: Kysely<Database>; smtpUrl?: string; from: string; log: Logger }): Mailer {
  const transport: Transporter | null = opts.smtpUrl ? nodemailer.createTransport(opts.smtpUrl) : null;
  let running: Promise<void> | null = null;
  async function deliver() {
    if (!transport) return;
    const due = await opts.db.selectFrom('outbox').selectAll().where('sent_at', 'is', null).where('error', 'is', null).orderBy('created_at').limit(100).execute();
    for (const m of due) {
      try {
        await transport.sendMail({ from: opts.from, to: m.to_address, subject: m.subject, text: m.text_body, html: m.html_body ?? undefined });
        await opts.db.updateTable('outbox').set({ sent_at: nowIso() }).where('id', '=', m.id).execute();
      } catch (err) {
        opts.log.error({ err, to: m.to_address, kind: m.kind }, 'mail delivery failed; kept in the outbox');
        await opts.db
          .updateTable('outbox')
          .set({ error: String((err as Error).message).slice(0, 500) })
          .where('id', '=', m.id)
          .execute();
      }
    }
  }
  const mailer: Mailer = {
    mode: transport ? 'smtp' : 'outbox',
    async send(msg) {
      const id = await queueMail(opts.db, msg);
      mailer.wake();
      return id;
    },
    wake() {
      if (!transport || running) return;
      running = deliver()
        .catch((err) => opts.log.error({ err }, 'mail delivery failed'))
        .finally(() => {
          running = null;
        });
    },
  };
  return mailer;
}
