/**
 * @module Events: registering, confirming (people without an account), cancelling, the organizers'
 * decisions, invitations and the waitlist. Race-safe: one registration per person and event (a unique
 * constraint; a parallel second attempt inserts nothing), and a seat is taken by one conditional update of
 * the event's counter (`registered_count < capacity`), so the last seat goes to exactly one person and the
 * others are waitlisted. Freeing a seat promotes the next in line in the same transaction and mails them.
 */
import { randomBytes } from 'node:crypto';
import { newId, nowIso } from '../../../db/ids.js';
import { audit } from '../../../platform/audit/audit.js';
import { pickTranslated } from '../../../platform/i18n/translated.js';
import { formatters } from '../../../platform/i18n/i18n.js';
import { notify } from '../../../platform/notify/notify.js';
import { ok, fail, type Outcome } from '../../../platform/outcome.js';
import type { Sector, ParticipantRole, RegistrationStatus } from '../tables.js';
import { getEvent, questionsOf, registrationByToken, type Event, type Registration, type Question } from '../queries.js';
import type { Db } from '../../../db/schema.js';
import { checkAnswers, saveAnswers } from './questions.js';
import { paths } from '../paths.js';
import { eventsCalendar } from '../ics.js';
import { countryNames } from '../../../platform/reference/queries.js';
import { isLocale, DEFAULT_LOCALE } from '../../../platform/i18n/locales.js';
import type { EventsTx } from './context.js';

const TOKEN_ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
/** A secret of 32 characters (160 bits): a guest's link. */
export function newToken(): string {
  const b = randomBytes(32);
  let s = '';
  for (let i = 0; i < 32; i++) s += TOKEN_ALPHABET[b[i]! & 31];
  return s;
}
/** A short check-in code, read aloud at the door (no look-alike characters). */
const checkInCode = () => newToken().slice(0, 6).toUpperCase();

/** The mails of a registration's life, written out so every key is findable. */
const MAILS = {
  registered: { subject: 'events.mail.registered.subject', body: 'events.mail.registered.body' },
  waitlisted: { subject: 'events.mail.waitlisted.subject', body: 'events.mail.waitlisted.body' },
  promoted: { subject: 'events.mail.promoted.subject', body: 'events.mail.promoted.body' },
  pending: { subject: 'events.mail.pending.subject', body: 'events.mail.pending.body' },
  declined: { subject: 'events.mail.declined.subject', body: 'events.mail.declined.body' },
  confirm: { subject: 'events.mail.confirm.subject', body: 'events.mail.confirm.body' },
} as const;
type Mail = keyof typeof MAILS;

/**
 * Tells the person about their registration, in their language, with the event's time in its own zone. A
 * confirmed seat (registered, promoted) carries the event's .ics, in the person's language.
 */
export async function tell(tx: EventsTx, e: Event, r: Pick<Registration, 'user_id' | 'email' | 'locale' | 'token' | 'check_in_code' | 'name'>, mail: Mail, countries?: Map<string, string>): Promise<void> {
  const seated = mail === 'registered' || mail === 'promoted';
  const lang = isLocale(r.locale) ? r.locale : DEFAULT_LOCALE;
  const names = seated ? countries ?? (await countryNames(tx.db, lang)) : new Map<string, string>();
  await notify({ db: tx.db, i18n: tx.i18n }, [{ userId: r.user_id, email: r.email, locale: r.locale }], mail === 'confirm' ? 'events.confirm' : 'events.registration', {
    subject: MAILS[mail].subject,
    body: MAILS[mail].body,
    secret: mail === 'confirm' || !r.user_id,
    params: (l) => ({
      name: r.name,
      title: pickTranslated(e.title, l)?.text ?? '',
      when: formatters(l).dateTimeIn(e.startsAt, e.timeZone),
      code: r.check_in_code,
      url: r.user_id ? paths.event.url(tx.baseUrl, l, { id: e.id }) : paths.registration.url(tx.baseUrl, l, { id: e.id, token: r.token }),
      ics: paths.ics.url(tx.baseUrl, l, { id: e.id }),
    }),
    attachments: seated
      ? (l) => [{ filename: `event-${e.id}.ics`, contentType: 'text/calendar; charset=utf-8; method=PUBLISH', content: eventsCalendar(pickTranslated(e.title, l)?.text ?? e.id, [e], tx.baseUrl, l, (c) => names.get(c) ?? c) }]
      : undefined,
  });
}

/** Takes a seat for the registration if one is free, else puts it on the waitlist. */
async function seat(tx: EventsTx, e: Event, regId: string, now: string): Promise<'registered' | 'waitlisted'> {
  const got = await takeSeat(tx, e.id);
  await tx.db
    .updateTable('event_registrations')
    .set({ status: got ? 'registered' : 'waitlisted', waitlisted_at: got ? null : now, updated_at: now })
    .where('id', '=', regId)
    .execute();
  return got ? 'registered' : 'waitlisted';
}

/** Takes a seat on the event's counter if one is free (one conditional update); false: full (or not scheduled). */
async function takeSeat(tx: EventsTx, eventId: string): Promise<boolean> {
  const r = await tx.db
    .updateTable('events')
    .set((eb) => ({ registered_count: eb('registered_count', '+', 1) }))
    .where('id', '=', eventId)
    .where('status', '=', 'scheduled')
    .where((eb) => eb.or([eb('capacity', 'is', null), eb('registered_count', '<', eb.ref('capacity'))]))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Gives a seat back (the registration already left 'registered'). */
async function freeSeat(tx: EventsTx, eventId: string): Promise<void> {
  await tx.db
    .updateTable('events')
    .set((eb) => ({ registered_count: eb('registered_count', '-', 1) }))
    .where('id', '=', eventId)
    .where('registered_count', '>', 0)
    .execute();
}

/**
 * Moves the waitlist up while seats are free: the longest-waiting first, each mailed. Taking the seat
 * first (conditional update of the event row) holds the row's lock until the commit on PostgreSQL, so
 * two transactions freeing seats at once promote different people.
 */
export async function promoteWaitlist(tx: EventsTx, eventId: string, now = nowIso()): Promise<string[]> {
  const promoted: string[] = [];
  for (;;) {
    const e = await getEvent(tx.db, eventId);
    if (!e || e.status !== 'scheduled') return promoted;
    const next = await tx.db
      .selectFrom('event_registrations')
      .selectAll()
      .where('event_id', '=', eventId)
      .where('status', '=', 'waitlisted')
      .orderBy('waitlisted_at')
      .orderBy('id')
      .limit(1)
      .executeTakeFirst();
    if (!next) return promoted;
    const took = await tx.db
      .updateTable('events')
      .set((eb) => ({ registered_count: eb('registered_count', '+', 1) }))
      .where('id', '=', eventId)
      .where((eb) => eb.or([eb('capacity', 'is', null), eb('registered_count', '<', eb.ref('capacity'))]))
      .executeTakeFirst();
    if (Number(took.numUpdatedRows) !== 1) return promoted;
    const moved = await tx.db
      .updateTable('event_registrations')
      .set({ status: 'registered', waitlisted_at: null, updated_at: now })
      .where('id', '=', next.id)
      .where('status', '=', 'waitlisted')
      .executeTakeFirst();
    if (Number(moved.numUpdatedRows) !== 1) {
      await freeSeat(tx, eventId);
      continue;
    }
    await audit(tx.db, { actorId: null, action: 'event.promoted', subjectType: 'event', subjectId: eventId, data: { registrationId: next.id } });
    await tell(tx, e, next, 'promoted');
    promoted.push(next.id);
  }
}

/** Why registration is not possible now (a message key), or null. */
export function registrationClosed(e: Event, now: string): string | null {
  if (e.status !== 'scheduled') return 'events.errors.cancelled';
  if ((e.registrationClosesAt && e.registrationClosesAt <= now) || e.endsAt <= now) return 'events.errors.closed';
  return null;
}

export interface RegisterInput {
  eventId: string;
  /** The account registering, or null for a person without one (who confirms by mail first). */
  userId: string | null;
  email: string;
  name: string;
  organization: string | null;
  /** A member organization of the directory the person acts for (checked by the caller). */
  orgId?: string | null;
  locale: string | null;
  sector: Sector;
  /** The invitation code, for events by invitation. */
  code?: string | null;
  /** The posted form (its `answer_<question id>` fields answer the event's questions). */
  answers?: Record<string, unknown>;
}

/**
 * What a registration reads before its transaction: the event, its questions, and the country names of the mail in
 * the person's language. Reading them first keeps the write transaction short (on SQLite every transaction waits for
 * the one before); nothing in it decides a seat — the counter's conditional update inside the transaction does.
 */
export interface RegistrationReads {
  e: Event;
  questions: Question[];
  countries: Map<string, string>;
}

export async function registrationReads(db: Db, e: Event, locale: string | null): Promise<RegistrationReads> {
  return { e, questions: await questionsOf(db, e.id), countries: await countryNames(db, isLocale(locale) ? locale : DEFAULT_LOCALE) };
}

/**
 * Registers a person: a seat, the waitlist, the organizers' approval, or (without an account) a confirmation mail
 * first. `reads` (from `registrationReads`, made before the transaction) saves the reads inside it; without them
 * they are made here. Inside: the seat (one conditional update of the counter) first, then the registration written
 * once with its final status (a unique (event, address): a parallel second registration of the same person inserts
 * nothing, gives its seat back and is refused), the mail and the audit line.
 */
export async function register(tx: EventsTx, input: RegisterInput, now = nowIso(), reads?: RegistrationReads): Promise<Outcome<{ id: string; status: RegistrationStatus }>> {
  const { db } = tx;
  let pre = reads;
  if (!pre) {
    const found = await getEvent(db, input.eventId);
    if (!found) return fail('events.errors.notFound');
    pre = await registrationReads(db, found, input.locale);
  }
  const { e, questions, countries } = pre;
  const closed = registrationClosed(e, now);
  if (closed) return fail(closed);
  const email = input.email.toLowerCase();
  const code = (input.code ?? '').trim();
  if (e.registrationMode === 'invitation') {
    const inv = code ? await db.selectFrom('event_invitations').select(['code', 'used_by']).where('event_id', '=', e.id).where('code', '=', code).executeTakeFirst() : undefined;
    if (!inv || inv.used_by) return fail('events.errors.badInvitation', { field: 'code' });
  }
  const answers = checkAnswers(questions, input.answers ?? {});
  if (!answers.ok) return answers;
  const guest = !input.userId;
  // People without an account confirm first; by approval, the organizers decide; otherwise a seat or the waitlist now.
  const seats = !guest && e.registrationMode !== 'approval';
  const got = seats ? await takeSeat(tx, e.id) : false;
  const status: RegistrationStatus = guest ? 'pending_email' : !seats ? 'pending_approval' : got ? 'registered' : 'waitlisted';
  const fields = {
    user_id: input.userId,
    name: input.name,
    organization: input.organization,
    org_id: input.orgId ?? null,
    locale: input.locale,
    sector: input.sector,
    status,
    waitlisted_at: status === 'waitlisted' ? now : null,
    updated_at: now,
  };
  const row: Registration = {
    id: newId(),
    event_id: e.id,
    email,
    ...fields,
    role: 'participant' as ParticipantRole,
    token: newToken(),
    check_in_code: checkInCode(),
    reminded_at: null,
    attended_at: null,
    created_at: now,
  };
  let reg: Registration = row;
  const ins = await db.insertInto('event_registrations').values(row).onConflict((oc) => oc.columns(['event_id', 'email']).doNothing()).executeTakeFirst();
  if (Number(ins.numInsertedOrUpdatedRows ?? 0) !== 1) {
    // Registered before: a cancelled (or declined) registration may start again; anything else is a duplicate.
    const again = await db.updateTable('event_registrations').set(fields).where('event_id', '=', e.id).where('email', '=', email).where('status', '=', 'cancelled').returningAll().executeTakeFirst();
    if (!again) {
      if (got) await freeSeat(tx, e.id);
      return fail('events.errors.already');
    }
    reg = again as Registration;
  }
  if (e.registrationMode === 'invitation') {
    const used = await db.updateTable('event_invitations').set({ used_by: reg.id }).where('event_id', '=', e.id).where('code', '=', code).where('used_by', 'is', null).executeTakeFirst();
    if (Number(used.numUpdatedRows) !== 1) {
      if (got) await freeSeat(tx, e.id);
      return fail('events.errors.badInvitation', { field: 'code' });
    }
  }
  // A new registration has no answers to replace; one started again drops its old answers.
  if (reg !== row || answers.answers.length) await saveAnswers(db, reg.id, answers.answers);
  await tell(tx, e, reg, guest ? 'confirm' : status === 'pending_approval' ? 'pending' : (status as 'registered' | 'waitlisted'), countries);
  await audit(db, { actorId: input.userId, action: 'event.registered', subjectType: 'event', subjectId: e.id, data: { registrationId: reg.id, status } });
  return ok({ id: reg.id, status });
}

/**
 * A person without an account confirms their address (from the link mailed to them). `reads`: the event and the
 * registration as loaded before the transaction (the route's), with the mail's country names.
 */
export async function confirmGuest(tx: EventsTx, eventId: string, token: string, now = nowIso(), reads?: { e: Event; r: Registration; countries: Map<string, string> }): Promise<Outcome<{ status: RegistrationStatus }>> {
  const e = reads?.e ?? (await getEvent(tx.db, eventId));
  if (!e) return fail('events.errors.notFound');
  const closed = registrationClosed(e, now);
  if (closed) return fail(closed);
  const r = reads?.r ?? (await registrationByToken(tx.db, eventId, token));
  if (!r || r.status !== 'pending_email') return fail('events.errors.alreadyConfirmed');
  // By approval: the organizers decide; otherwise the seat first, then the registration, only if still unconfirmed.
  const got = e.registrationMode === 'approval' ? false : await takeSeat(tx, eventId);
  const status: RegistrationStatus = e.registrationMode === 'approval' ? 'pending_approval' : got ? 'registered' : 'waitlisted';
  const u = await tx.db
    .updateTable('event_registrations')
    .set({ status, waitlisted_at: status === 'waitlisted' ? now : null, updated_at: now })
    .where('event_id', '=', eventId)
    .where('token', '=', token)
    .where('status', '=', 'pending_email')
    .executeTakeFirst();
  if (Number(u.numUpdatedRows) !== 1) {
    if (got) await freeSeat(tx, eventId);
    return fail('events.errors.alreadyConfirmed');
  }
  await tell(tx, e, r, status === 'pending_approval' ? 'pending' : (status as 'registered' | 'waitlisted'), reads?.countries);
  await audit(tx.db, { actorId: null, action: 'event.confirmed', subjectType: 'event', subjectId: eventId, data: { registrationId: r.id, status } });
  return ok({ status });
}

/** The person cancels (by account or by their link); a freed seat goes to the next in line. */
export async function cancelRegistration(tx: EventsTx, eventId: string, who: { userId?: string; token?: string }, now = nowIso()): Promise<Outcome<{ promoted: string[] }>> {
  const reg = await tx.db
    .selectFrom('event_registrations')
    .select(['id', 'status'])
    .where('event_id', '=', eventId)
    .$call((q) => (who.userId ? q.where('user_id', '=', who.userId) : q.where('token', '=', who.token ?? '')))
    .executeTakeFirst();
  if (!reg || reg.status === 'cancelled' || reg.status === 'declined') return fail('events.errors.notRegistered');
  const r = await tx.db.updateTable('event_registrations').set({ status: 'cancelled', waitlisted_at: null, updated_at: now }).where('id', '=', reg.id).where('status', '=', reg.status).executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) return fail('events.errors.notRegistered');
  await audit(tx.db, { actorId: who.userId ?? null, action: 'event.cancelledRegistration', subjectType: 'event', subjectId: eventId, data: { registrationId: reg.id, from: reg.status } });
  if (reg.status !== 'registered') return ok({ promoted: [] });
  await freeSeat(tx, eventId);
  return ok({ promoted: await promoteWaitlist(tx, eventId, now) });
}

/** The organizers' decision on a registration: approve (a seat or the waitlist), decline, or set the person's role. */
export async function decide(tx: EventsTx, actorId: string, eventId: string, regId: string, d: { decision: 'approve' | 'decline' } | { role: ParticipantRole }, now = nowIso()): Promise<Outcome<object>> {
  const reg = await tx.db.selectFrom('event_registrations').selectAll().where('event_id', '=', eventId).where('id', '=', regId).executeTakeFirst();
  const e = await getEvent(tx.db, eventId);
  if (!reg || !e) return fail('events.errors.notRegistered');
  if ('role' in d) {
    await tx.db.updateTable('event_registrations').set({ role: d.role, updated_at: now }).where('id', '=', regId).execute();
    await audit(tx.db, { actorId, action: 'event.role', subjectType: 'event', subjectId: eventId, data: { registrationId: regId, role: d.role } });
    return ok({});
  }
  if (d.decision === 'approve') {
    const r = await tx.db.updateTable('event_registrations').set({ status: 'waitlisted', updated_at: now }).where('id', '=', regId).where('status', '=', 'pending_approval').executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) return fail('events.errors.notPending');
    const status = await seat(tx, e, regId, now);
    await tell(tx, e, reg, status === 'registered' ? 'registered' : 'waitlisted');
    await audit(tx.db, { actorId, action: 'event.approved', subjectType: 'event', subjectId: eventId, data: { registrationId: regId, status } });
    return ok({});
  }
  const r = await tx.db
    .updateTable('event_registrations')
    .set({ status: 'declined', waitlisted_at: null, updated_at: now })
    .where('id', '=', regId)
    .where('status', 'in', ['pending_approval', 'waitlisted', 'registered'])
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) return fail('events.errors.notPending');
  await tell(tx, e, reg, 'declined');
  await audit(tx.db, { actorId, action: 'event.declined', subjectType: 'event', subjectId: eventId, data: { registrationId: regId } });
  if (reg.status === 'registered') {
    await freeSeat(tx, eventId);
    await promoteWaitlist(tx, eventId, now);
  }
  return ok({});
}

/** Invites a person by address to an event by invitation: a one-use code, mailed. */
export async function invite(tx: EventsTx, actorId: string, eventId: string, email: string, locale: string | null): Promise<Outcome<{ code: string }>> {
  const e = await getEvent(tx.db, eventId);
  if (!e || e.status !== 'scheduled') return fail('events.errors.cancelled');
  const code = newToken().slice(0, 12);
  await tx.db.insertInto('event_invitations').values({ code, event_id: eventId, email: email.toLowerCase(), used_by: null, created_at: nowIso() }).execute();
  await notify({ db: tx.db, i18n: tx.i18n }, [{ email, locale }], 'events.invitation', {
    subject: 'events.mail.invitation.subject',
    body: 'events.mail.invitation.body',
    secret: true,
    params: (l) => ({
      title: pickTranslated(e.title, l)?.text ?? '',
      when: formatters(l).dateTimeIn(e.startsAt, e.timeZone),
      code,
      url: paths.event.url(tx.baseUrl, l, { id: eventId }, { code }),
    }),
  });
  await audit(tx.db, { actorId, action: 'event.invited', subjectType: 'event', subjectId: eventId });
  return ok({ code });
}

/**
 * Reminders the day before: every seat holder of an event starting within `hours` who has not been reminded
 * yet is marked (conditional update, so a reminder is written once however often the job runs) and mailed.
 */
export async function sendReminders(tx: EventsTx, now: Date, hours = 24): Promise<number> {
  const from = now.toISOString();
  const to = new Date(now.getTime() + hours * 3600_000).toISOString();
  const due = await tx.db
    .selectFrom('event_registrations')
    .innerJoin('events', 'events.id', 'event_registrations.event_id')
    .select(['event_registrations.id', 'event_registrations.event_id'])
    .where('events.status', '=', 'scheduled')
    .where('events.starts_at', '>', from)
    .where('events.starts_at', '<=', to)
    .where('event_registrations.status', '=', 'registered')
    .where('event_registrations.reminded_at', 'is', null)
    .limit(500)
    .execute();
  let n = 0;
  for (const d of due) {
    const r = await tx.db.updateTable('event_registrations').set({ reminded_at: from }).where('id', '=', d.id).where('reminded_at', 'is', null).executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) continue;
    const e = (await getEvent(tx.db, d.event_id))!;
    const reg = (await tx.db.selectFrom('event_registrations').selectAll().where('id', '=', d.id).executeTakeFirstOrThrow()) as Registration;
    await notify({ db: tx.db, i18n: tx.i18n }, [{ userId: reg.user_id, email: reg.email, locale: reg.locale }], 'events.reminder', {
      subject: 'events.mail.reminder.subject',
      body: 'events.mail.reminder.body',
      params: (l) => ({
        title: pickTranslated(e.title, l)?.text ?? '',
        when: formatters(l).dateTimeIn(e.startsAt, e.timeZone),
        code: reg.check_in_code,
        url: reg.user_id ? paths.event.url(tx.baseUrl, l, { id: e.id }) : paths.registration.url(tx.baseUrl, l, { id: e.id, token: reg.token }),
      }),
    });
    n++;
  }
  return n;
}


/**
 * Attendance, marked by the organizers: by the person's check-in code at the door, or ticked on the list.
 * Only people holding a seat can be present; marking twice changes nothing.
 */
export async function markAttendance(tx: EventsTx, actorId: string, eventId: string, who: { regId: string } | { code: string }, present: boolean, now = nowIso()): Promise<Outcome<{ name: string }>> {
  const reg = await tx.db
    .selectFrom('event_registrations')
    .select(['id', 'name', 'status'])
    .where('event_id', '=', eventId)
    .$call((q) => ('regId' in who ? q.where('id', '=', who.regId) : q.where('check_in_code', '=', who.code.trim().toUpperCase())))
    .executeTakeFirst();
  if (!reg) return fail('events.errors.noSuchCode', { field: 'code' });
  if (reg.status !== 'registered') return fail('events.errors.notSeated', { field: 'code' });
  await tx.db
    .updateTable('event_registrations')
    .set({ attended_at: present ? now : null, updated_at: now })
    .where('id', '=', reg.id)
    .where('attended_at', present ? 'is' : 'is not', null)
    .execute();
  await audit(tx.db, { actorId, action: present ? 'event.attended' : 'event.absent', subjectType: 'event', subjectId: eventId, data: { registrationId: reg.id } });
  return ok({ name: reg.name });
}

/** Creates (or renews, making the old address stop working) the person's secret calendar address. */
export async function renewFeedToken(tx: EventsTx, userId: string): Promise<Outcome<{ token: string }>> {
  const token = newToken();
  await tx.db.deleteFrom('event_feed_tokens').where('user_id', '=', userId).execute();
  await tx.db.insertInto('event_feed_tokens').values({ user_id: userId, token, created_at: nowIso() }).execute();
  await audit(tx.db, { actorId: userId, action: 'event.feedRenewed', subjectType: 'user', subjectId: userId });
  return ok({ token });
}
