/**
 * Mail through the queue, on both engines, against a local SMTP sink: a request only writes a pending
 * row; the delivery job sends it; secrets are scrubbed once SMTP took them (kept in outbox mode, where
 * the row is the delivery); failures are retried with backoff, then failed and retryable by an
 * administrator; two workers never send the same row.
 */
import { describe, it, expect, beforeAll, afterAll, beforeEach } from 'vitest';
import { createTestContext, DIALECTS, ADMIN, lastMail, type TestContext } from '../../../tests/support/context.js';
import { SmtpSink } from '../../../tests/support/smtp-sink.js';
import { queueMail, SCRUBBED_BODY, MAX_ATTEMPTS, RETRY_BASE_SECONDS } from './mailer.js';

const PORTS = { sqlite: 3401, postgres: 3402 } as const;

describe.each(DIALECTS)('mail through the queue (%s)', (dialect) => {
  let sink: SmtpSink;
  let smtp: TestContext;
  let outbox: TestContext;
  beforeAll(async () => {
    sink = new SmtpSink(PORTS[dialect]);
    await sink.listen();
    smtp = await createTestContext(dialect, { SMTP_URL: sink.url });
    outbox = await createTestContext(dialect);
  });
  afterAll(async () => {
    await smtp?.close();
    await outbox?.close();
    await sink?.close();
  });
  beforeEach(() => {
    sink.accepted.length = 0;
    sink.received.length = 0;
    sink.mode = 'accept';
  });

  it('a request only queues the message; the delivery job sends it once and scrubs the secret link', async () => {
    const c = smtp.client();
    expect((await c.post('/es/forgot-password', { email: ADMIN.email })).status).toBe(303);
    let row = await lastMail(smtp, ADMIN.email);
    expect(row?.kind).toBe('password-reset');
    expect(row?.status).toBe('pending');
    expect(row?.secret).toBe(1);
    expect(sink.received).toHaveLength(0);
    const token = /token=([^\s&]+)/.exec(row!.text_body)![1]!;

    await smtp.runJobs();
    expect(sink.accepted).toHaveLength(1);
    expect(sink.accepted[0]!.to).toEqual([ADMIN.email]);
    expect(sink.accepted[0]!.data).toContain(token.slice(0, 12));
    row = await lastMail(smtp, ADMIN.email);
    expect(row?.status).toBe('sent');
    expect(row?.attempts).toBe(1);
    expect(row?.sent_at).toBeTruthy();
    expect(row?.text_body).toBe(SCRUBBED_BODY);
    expect(row?.text_body).not.toContain(token);

    // Not readable in the administration area either.
    const admin = await smtp.admin();
    const page = await (await admin.get(`/en/admin/outbox/${row!.id}`)).text();
    expect(page).not.toContain(token);
    expect(page).toContain('private link');

    // Run again: nothing is sent twice.
    await smtp.runJobs({ now: new Date(Date.now() + 3_600_000) });
    expect(sink.accepted).toHaveLength(1);
  });

  it('without SMTP the outbox is the delivery: the row is marked sent and keeps its link', async () => {
    const c = outbox.client();
    expect((await c.post('/es/forgot-password', { email: ADMIN.email })).status).toBe(303);
    expect((await lastMail(outbox, ADMIN.email))?.status).toBe('pending');
    await outbox.runJobs();
    const row = await lastMail(outbox, ADMIN.email);
    expect(row?.status).toBe('sent');
    expect(row?.text_body).toMatch(/token=/);
  });

  it('queueMail writes in the caller’s transaction: a rollback leaves nothing to send', async () => {
    await smtp.db
      .transaction()
      .execute(async (trx) => {
        await queueMail(trx, { to: 'rolled@back.test', subject: 's', text: 't', kind: 'test' });
        throw new Error('rollback');
      })
      .catch(() => {});
    expect(await lastMail(smtp, 'rolled@back.test')).toBeUndefined();
  });

  it('retries a refused message with exponential backoff, then fails it; an administrator sends it again', async () => {
    sink.mode = 'reject';
    const id = await smtp.deps.mailer.send({ to: 'refused@mail.test', subject: 'Hello', text: 'Body', kind: 'test' });
    const t0 = Date.now();
    await smtp.runJobs({ now: new Date(t0) });
    let row = await smtp.db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.status).toBe('pending');
    expect(row.attempts).toBe(1);
    expect(row.error).toMatch(/550/);
    expect(new Date(row.next_attempt_at!).getTime() - t0).toBe(RETRY_BASE_SECONDS * 1000);
    // Before its time nothing is tried, even when the sweep runs.
    await smtp.runJobs({ now: new Date(t0 + 59_000) });
    expect((await smtp.db.selectFrom('outbox').select('attempts').where('id', '=', id).executeTakeFirstOrThrow()).attempts).toBe(1);
    // The every-minute sweep picks it up at each retry time; each wait doubles.
    let now = t0;
    for (let attempt = 2; attempt <= MAX_ATTEMPTS; attempt++) {
      now = new Date(row.next_attempt_at!).getTime();
      await smtp.runJobs({ now: new Date(now) });
      row = await smtp.db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      expect(row.attempts).toBe(attempt);
      if (attempt < MAX_ATTEMPTS) expect(new Date(row.next_attempt_at!).getTime() - now).toBe(RETRY_BASE_SECONDS * 1000 * 2 ** (attempt - 1));
    }
    expect(row.status).toBe('failed');
    expect(sink.received.filter((m) => m.to.includes('refused@mail.test'))).toHaveLength(MAX_ATTEMPTS);
    await smtp.runJobs({ now: new Date(now + 86_400_000) });
    expect(sink.received.filter((m) => m.to.includes('refused@mail.test'))).toHaveLength(MAX_ATTEMPTS);

    // Visible and retryable in the outbox.
    const admin = await smtp.admin();
    const list = await (await admin.get('/pt/admin/outbox?to=refused@mail.test')).text();
    expect(list).toContain('badge err');
    const failedList = await (await admin.get('/pt/admin/outbox?status=failed')).text();
    expect(failedList).toContain('refused@mail.test');
    expect(failedList).not.toContain(ADMIN.email);
    expect(await (await admin.get('/pt/admin')).text()).toContain('/pt/admin/outbox?status=failed');
    const detail = await (await admin.get(`/fr/admin/outbox/${id}`)).text();
    expect(detail).toContain(`/fr/admin/outbox/${id}/retry`);
    expect((await smtp.client().post(`/fr/admin/outbox/${id}/retry`)).status).not.toBe(303);
    sink.mode = 'accept';
    expect((await admin.post(`/fr/admin/outbox/${id}/retry`)).status).toBe(303);
    await smtp.runJobs();
    row = await smtp.db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.status).toBe('sent');
    expect(sink.accepted.filter((m) => m.to.includes('refused@mail.test'))).toHaveLength(1);
    // Retrying what was sent changes nothing.
    expect((await admin.post(`/fr/admin/outbox/${id}/retry`)).status).toBe(303);
    expect((await smtp.db.selectFrom('outbox').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status).toBe('sent');
  });

  it('carries a message’s attachments to SMTP (kept with the row until delivered); none by default', async () => {
    const ics = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n';
    const id = await queueMail(smtp.db, { to: 'attach@mail.test', subject: 'with a file', text: 'see attached', kind: 'test', attachments: [{ filename: 'event.ics', contentType: 'text/calendar; charset=utf-8', content: ics }] });
    const plain = await queueMail(smtp.db, { to: 'plain@mail.test', subject: 'no file', text: 'x', kind: 'test' });
    const rows = await smtp.db.selectFrom('outbox').select(['id', 'attachments']).where('id', 'in', [id, plain]).execute();
    expect(JSON.parse(rows.find((r) => r.id === id)!.attachments!)[0].filename).toBe('event.ics');
    expect(rows.find((r) => r.id === plain)!.attachments).toBeNull();
    await smtp.deps.mailer.deliverDue();
    const sent = sink.accepted.find((m) => m.to.includes('attach@mail.test'))!;
    expect(sent.data).toMatch(/Content-Type: text\/calendar/i);
    expect(sent.data).toContain('filename=event.ics');
    expect(sink.accepted.find((m) => m.to.includes('plain@mail.test'))!.data).not.toContain('filename=');
  });

  it('two workers delivering at once send each message once', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) ids.push(await queueMail(smtp.db, { to: `many${i}@mail.test`, subject: `n${i}`, text: 'x', kind: 'test' }));
    // A second instance on the same database (PostgreSQL: another pool; SQLite: the same file's handle).
    const other = dialect === 'postgres' ? await createTestContext('postgres', { SMTP_URL: sink.url }, { schema: smtp.schema }) : smtp;
    try {
      await Promise.all([smtp.deps.mailer.deliverDue(), other.deps.mailer.deliverDue(), smtp.deps.mailer.deliverDue(), other.deps.mailer.deliverDue()]);
    } finally {
      if (other !== smtp) await other.close();
    }
    const to = sink.accepted.flatMap((m) => m.to).filter((a) => a.startsWith('many'));
    expect(to).toHaveLength(12);
    expect(new Set(to).size).toBe(12);
    const rows = await smtp.db.selectFrom('outbox').select(['status', 'attempts']).where('id', 'in', ids).execute();
    expect(rows.every((r) => r.status === 'sent' && r.attempts === 1)).toBe(true);
  });
});
