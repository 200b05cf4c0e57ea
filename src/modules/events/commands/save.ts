/**
 * @module Events: creating, editing and cancelling an event. Each change bumps the iCalendar SEQUENCE and
 * writes its audit entry in the same transaction; cancelling tells everyone registered, each in their language.
 */
import type { Db } from '../../../db/schema.js';
import { newId, nowIso } from '../../../db/ids.js';
import { audit } from '../../../platform/audit/audit.js';
import { stringifyTranslated, pickTranslated, type Translated } from '../../../platform/i18n/translated.js';
import type { Locale } from '../../../platform/i18n/locales.js';
import { notify } from '../../../platform/notify/notify.js';
import { ok, fail, type Outcome } from '../../../platform/outcome.js';
import type { EventsTable } from '../tables.js';
import { getEvent, type Event } from '../queries.js';
import { paths } from '../paths.js';
import { promoteWaitlist } from './registration.js';
import type { EventsTx } from './context.js';

/** What the organizers set on an event: the event less what the platform keeps (id, counts, status, times), plus its agenda. */
export type EventInput = Omit<Event, 'id' | 'registeredCount' | 'status' | 'sequence' | 'createdAt' | 'updatedAt' | 'external'> & {
  agenda: { startsAt: string; title: string; speakers: string | null }[];
  /** Organized outside the Mechanism (absent or null: the Mechanism's own event). */
  external?: Event['external'];
};

function columns(i: EventInput) {
  return {
    kind: i.kind,
    title: stringifyTranslated(i.title),
    description: stringifyTranslated(i.description),
    original_lang: i.originalLang,
    format: i.format,
    venue_address: i.venue.address,
    venue_city: i.venue.city,
    venue_country: i.venue.country,
    online_url: i.onlineUrl,
    starts_at: i.startsAt,
    ends_at: i.endsAt,
    time_zone: i.timeZone,
    visibility: i.visibility,
    visibility_body_id: i.visibility === 'body' ? i.visibilityBodyId : null,
    registration_mode: i.registrationMode,
    capacity: i.capacity,
    registration_closes_at: i.registrationClosesAt,
    external_by: i.external?.by ?? null,
    external_organizer: i.external?.organizer ?? null,
  };
}

async function writeLinks(db: Db, id: string, i: EventInput) {
  await db.deleteFrom('event_bodies').where('event_id', '=', id).execute();
  await db.deleteFrom('event_objectives').where('event_id', '=', id).execute();
  await db.deleteFrom('event_agenda').where('event_id', '=', id).execute();
  if (i.bodyIds.length) await db.insertInto('event_bodies').values(i.bodyIds.map((b) => ({ event_id: id, body_id: b }))).execute();
  if (i.objectives.length) await db.insertInto('event_objectives').values(i.objectives.map((n) => ({ event_id: id, objective_n: n }))).execute();
  if (i.agenda.length) await db.insertInto('event_agenda').values(i.agenda.map((a, k) => ({ id: newId(), event_id: id, position: k, starts_at: a.startsAt, title: a.title, speakers: a.speakers }))).execute();
}

export async function createEvent(db: Db, actorId: string | null, input: EventInput): Promise<Outcome<{ id: string }>> {
  const id = newId();
  const now = nowIso();
  await db
    .insertInto('events')
    .values({ id, ...columns(input), registered_count: 0, status: 'scheduled', sequence: 0, created_by: actorId, created_at: now, updated_at: now })
    .execute();
  await writeLinks(db, id, input);
  await audit(db, { actorId, action: 'event.created', subjectType: 'event', subjectId: id, data: { kind: input.kind, bodyIds: input.bodyIds } });
  return ok({ id });
}

export async function editEvent(tx: EventsTx, actorId: string, id: string, input: EventInput): Promise<Outcome<{ id: string }>> {
  const { db } = tx;
  // Lowering the capacity below the seats already given is refused (nobody loses a seat by an edit).
  const r = await db
    .updateTable('events')
    .set((eb) => ({ ...columns(input), sequence: eb('sequence', '+', 1), updated_at: nowIso() }))
    .where('id', '=', id)
    .where('status', '=', 'scheduled')
    .where((eb) => (input.capacity === null ? eb.val(true) : eb('registered_count', '<=', input.capacity)))
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) {
    const e = await getEvent(db, id);
    return e?.status === 'cancelled' ? fail('events.errors.cancelled') : fail('events.errors.capacityBelowRegistered', { field: 'capacity' });
  }
  await writeLinks(db, id, input);
  await audit(db, { actorId, action: 'event.updated', subjectType: 'event', subjectId: id });
  // More seats (or none limited any more): the waitlist moves up.
  await promoteWaitlist(tx, id);
  return ok({ id });
}

export async function cancelEvent(tx: EventsTx, actorId: string, id: string): Promise<Outcome<{ id: string }>> {
  const { db } = tx;
  const r = await db
    .updateTable('events')
    .set((eb) => ({ status: 'cancelled', sequence: eb('sequence', '+', 1), updated_at: nowIso() }))
    .where('id', '=', id)
    .where('status', '=', 'scheduled')
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) return fail('events.errors.cancelled');
  await audit(db, { actorId, action: 'event.cancelled', subjectType: 'event', subjectId: id, from: 'scheduled', to: 'cancelled' });
  const e = (await getEvent(db, id))!;
  const people = await db.selectFrom('event_registrations').select(['user_id', 'email', 'locale']).where('event_id', '=', id).where('status', 'in', ['registered', 'waitlisted', 'pending_approval']).execute();
  await notify({ db, i18n: tx.i18n }, people.map((p) => ({ userId: p.user_id, email: p.email, locale: p.locale })), 'events.changed', {
    subject: 'events.mail.cancelled.subject',
    body: 'events.mail.cancelled.body',
    params: (l) => ({ title: pickTranslated(e.title, l)?.text ?? '', url: paths.event.url(tx.baseUrl, l, { id }) }),
  });
  return ok({ id });
}
