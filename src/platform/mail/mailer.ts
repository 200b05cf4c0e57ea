/**
 * @module Mail
 * A transactional outbox. `queueMail(db, msg)` only writes a pending row, in the caller's transaction;
 * the `mail.deliver` job claims due rows with a conditional update (pending → sending, so two instances
 * never send the same row), sends them through SMTP with nodemailer when SMTP_URL is set, and marks them
 * sent — or, on an error, pending again with an exponential backoff, and `failed` after MAX_ATTEMPTS
 * (listed and retryable at /admin/outbox). Without SMTP the outbox is the delivery: administrators read it
 * in the site, so the embedded default needs no mail server, and the delivery job only marks rows sent.
 *
 * Rows flagged `secret` (password reset, email verification, invitations) lose their body once SMTP
 * delivered them, so the links are not readable in /admin/outbox afterwards.
 *
 * `deps.mailer.wake()` asks for delivery soon (a deduplicated job); a failed attempt enqueues delivery at
 * its retry time; the `mail.sweep` schedule looks every minute (what a crash left behind).
 */
import nodemailer, { type Transporter } from 'nodemailer';
import type { Logger } from 'pino';
import type { Db } from '../../db/schema.js';
import { newId, nowIso } from '../../db/ids.js';
import type { Jobs, JobDefinition, ScheduleDefinition } from '../jobs/jobs.js';

/** A file carried by a mail (text content, e.g. an event's .ics), stored with the outbox row. */
export interface MailAttachment {
  filename: string;
  contentType: string;
  content: string;
}

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** What kind of message (verify-email, password-reset, membership-…), for the outbox list. */
  kind: string;
  /** The body holds a secret (a sign-in, reset or invitation link): removed once delivered by SMTP. */
  secret?: boolean;
  /** The recipient's account, when they have one. */
  userId?: string | null;
  /** Extra headers (the digest's List-Unsubscribe and List-Unsubscribe-Post, RFC 8058). */
  headers?: Record<string, string>;
  /** Files sent with the message (kept with the row until delivered, retries included). */
  attachments?: MailAttachment[];
}

export interface DeliveryReport {
  sent: number;
  retrying: number;
  failed: number;
}

export interface Mailer {
  /** Queues a message and asks for delivery soon: a thin wrapper over `queueMail` + `wake`. */
  send(msg: MailMessage): Promise<string>;
  /** Asks for delivery soon (one waiting delivery job at most); called after each committed action. Never rejects. */
  wake(): Promise<void>;
  /** Delivers what is due; run by the `mail.deliver` job. */
  deliverDue(now?: Date): Promise<DeliveryReport>;
  /** Sets a failed row to be tried again now; false when it is not failed. */
  retry(id: string): Promise<boolean>;
  readonly mode: 'smtp' | 'outbox';
}

/** Tries before a row is `failed`. */
export const MAX_ATTEMPTS = 6;
/** First retry after a minute, then 2, 4, 8, 16. */
export const RETRY_BASE_SECONDS = 60;
/** What a secret row's body becomes once SMTP delivered it. */
export const SCRUBBED_BODY = '[removed after delivery: this message held a private link]';
export const DELIVER_JOB = 'mail.deliver';

/** Writes a pending outbox row with the caller's handle (an open transaction, usually); returns its id. */
export async function queueMail(db: Db, msg: MailMessage): Promise<string> {
  const id = newId();
  const now = nowIso();
  await db
    .insertInto('outbox')
    .values({
      id,
      to_address: msg.to,
      subject: msg.subject,
      text_body: msg.text,
      html_body: msg.html ?? null,
      kind: msg.kind,
      created_at: now,
      sent_at: null,
      error: null,
      status: 'pending',
      attempts: 0,
      next_attempt_at: now,
      locked_until: null,
      secret: msg.secret ? 1 : 0,
      user_id: msg.userId ?? null,
      headers: msg.headers && Object.keys(msg.headers).length ? JSON.stringify(msg.headers) : null,
      attachments: msg.attachments?.length ? JSON.stringify(msg.attachments) : null,
    })
    .execute();
  return id;
}

/** Sets a failed message to be tried again now (with the caller's handle); false when it is not failed. */
export async function retryMail(db: Db, id: string): Promise<boolean> {
  const res = await db
    .updateTable('outbox')
    .set({ status: 'pending', attempts: 0, next_attempt_at: nowIso(), error: null })
    .where('id', '=', id)
    .where('status', '=', 'failed')
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export function createMailer(opts: { db: Db; smtpUrl?: string; from: string; log: Logger; jobs: Jobs; leaseSeconds?: number }): Mailer {
  const { db, log, jobs } = opts;
  const leaseMs = (opts.leaseSeconds ?? 120) * 1000;
  // A send must give up well before its claim runs out, or another worker could send the row again.
  const timeout = Math.floor(leaseMs / 2);
  const transport: Transporter | null = opts.smtpUrl
    ? nodemailer.createTransport({ url: opts.smtpUrl, connectionTimeout: Math.min(30_000, timeout), greetingTimeout: Math.min(30_000, timeout), socketTimeout: timeout } as any)
    : null;

  /** Never rejects, so callers may fire and forget it after their commit (the sweep is the safety net). */
  async function wake() {
    await jobs.enqueue(DELIVER_JOB, {}, { uniqueKey: DELIVER_JOB }).catch((err) => log.error({ err }, 'could not ask for mail delivery; the sweep will'));
  }

  async function deliverDue(now = new Date()): Promise<DeliveryReport> {
    const at = now.toISOString();
    const report: DeliveryReport = { sent: 0, retrying: 0, failed: 0 };
    if (!transport) {
      // The row is the delivery: one statement marks every due row sent.
      const res = await db.updateTable('outbox').set({ status: 'sent', sent_at: at, locked_until: null }).where('status', '=', 'pending').execute();
      report.sent = Number(res[0]?.numUpdatedRows ?? 0);
      return report;
    }
    const dueOrLapsed = (eb: any) =>
      eb.or([
        eb.and([eb('status', '=', 'pending'), eb.or([eb('next_attempt_at', 'is', null), eb('next_attempt_at', '<=', at)])]),
        eb.and([eb('status', '=', 'sending'), eb('locked_until', '<', at)]),
      ]);
    for (let round = 0; round < 50; round++) {
      const due = await db.selectFrom('outbox').select('id').where(dueOrLapsed).orderBy('created_at').limit(20).execute();
      if (!due.length) break;
      for (const { id } of due) {
        const claimed = await db
          .updateTable('outbox')
          .set((eb) => ({ status: 'sending', locked_until: new Date(Date.now() + leaseMs).toISOString(), attempts: eb('attempts', '+', 1) }))
          .where('id', '=', id)
          .where(dueOrLapsed)
          .executeTakeFirst();
        if (Number(claimed.numUpdatedRows) !== 1) continue; // another worker has it
        const row = await db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
        try {
          await transport.sendMail({
            from: opts.from,
            to: row.to_address,
            subject: row.subject,
            text: row.text_body,
            html: row.html_body ?? undefined,
            headers: row.headers ? (JSON.parse(row.headers) as Record<string, string>) : undefined,
            attachments: row.attachments ? (JSON.parse(row.attachments) as MailAttachment[]) : undefined,
          });
          await db
            .updateTable('outbox')
            .set({
              status: 'sent',
              sent_at: nowIso(),
              error: null,
              locked_until: null,
              ...(row.secret ? { text_body: SCRUBBED_BODY, html_body: null } : {}),
            })
            .where('id', '=', id)
            .where('status', '=', 'sending')
            .execute();
          report.sent++;
        } catch (err) {
          const error = String((err as Error).message).slice(0, 500);
          const last = row.attempts >= MAX_ATTEMPTS;
          const next = last ? null : new Date(now.getTime() + RETRY_BASE_SECONDS * 1000 * 2 ** (row.attempts - 1));
          log[last ? 'error' : 'warn']({ err, to: row.to_address, kind: row.kind, attempt: row.attempts }, last ? 'mail delivery failed for good' : 'mail delivery failed; will retry');
          await db
            .updateTable('outbox')
            .set({
              status: last ? 'failed' : 'pending',
              error,
              locked_until: null,
              next_attempt_at: next?.toISOString() ?? null,
            })
            .where('id', '=', id)
            .where('status', '=', 'sending')
            .execute();
          // Delivery again at the retry time (the every-minute sweep would find it too, a little later).
          if (next) await jobs.enqueue(DELIVER_JOB, {}, { runAt: next, uniqueKey: `${DELIVER_JOB}@${next.toISOString()}` });
          if (last) report.failed++;
          else report.retrying++;
        }
      }
    }
    // A row still claimed by a worker that may have died (a crash mid-send): look again when its claim lapses,
    // rather than at the next sweep.
    const held = await db.selectFrom('outbox').select((eb) => eb.fn.min('locked_until').as('until')).where('status', '=', 'sending').where('locked_until', '>=', at).executeTakeFirst();
    if (held?.until) {
      const when = new Date(new Date(held.until).getTime() + 500);
      await jobs.enqueue(DELIVER_JOB, {}, { runAt: when, uniqueKey: `${DELIVER_JOB}@${when.toISOString()}` });
    }
    return report;
  }

  return {
    mode: transport ? 'smtp' : 'outbox',
    async send(msg) {
      const id = await queueMail(db, msg);
      await wake();
      return id;
    },
    wake,
    deliverDue,
    async retry(id) {
      if (!(await retryMail(db, id))) return false;
      await wake();
      return true;
    },
  };
}

/** The platform's mail job and its every-minute sweep. */
export const mailJobs: JobDefinition[] = [
  {
    name: DELIVER_JOB,
    maxAttempts: 3,
    backoffSeconds: 10,
    handler: async (_payload, { deps, now, log }) => {
      const r = await deps.mailer.deliverDue(now);
      if (r.sent || r.retrying || r.failed) log.info(r, 'mail delivery');
    },
  },
];
export const mailSchedules: ScheduleDefinition[] = [{ name: 'mail.sweep', cron: '* * * * *', job: DELIVER_JOB }];
