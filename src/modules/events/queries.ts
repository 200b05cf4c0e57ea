/** @module Events: reads. Rows become `Event` objects here; nothing else reads the tables. */
import { sql } from 'kysely';
import type { Db } from '../../db/schema.js';
import { LOCALES, type Locale } from '../../platform/i18n/locales.js';
import { parseTranslated, type Translated } from '../../platform/i18n/translated.js';
import { EVENT_KINDS, EVENT_FORMATS, VISIBILITIES, type EventsTable, type EventKind, type EventRegistrationsTable, type Visibility, type QuestionKind, type ExternalBy } from './tables.js';

export interface Event {
  id: string;
  kind: EventKind;
  title: Translated;
  description: Translated;
  originalLang: Locale;
  format: EventsTable['format'];
  venue: { address: string | null; city: string | null; country: string | null };
  onlineUrl: string | null;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  visibility: Visibility;
  visibilityBodyId: string | null;
  registrationMode: EventsTable['registration_mode'];
  capacity: number | null;
  registrationClosesAt: string | null;
  registeredCount: number;
  status: EventsTable['status'];
  sequence: number;
  bodyIds: string[];
  objectives: number[];
  createdAt: string;
  updatedAt: string;
  /** An event organized outside the Mechanism (where it is represented), or null: the Mechanism's own. */
  external: { by: ExternalBy; organizer: string } | null;
}

export interface AgendaItem {
  id: string;
  startsAt: string;
  title: string;
  speakers: string | null;
}

export type Registration = EventRegistrationsTable;

function toEvent(r: EventsTable, bodyIds: string[], objectives: number[]): Event {
  return {
    id: r.id,
    kind: r.kind,
    title: parseTranslated(r.title),
    description: parseTranslated(r.description),
    originalLang: (LOCALES as readonly string[]).includes(r.original_lang) ? (r.original_lang as Locale) : 'es',
    format: r.format,
    venue: { address: r.venue_address, city: r.venue_city, country: r.venue_country },
    onlineUrl: r.online_url,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    timeZone: r.time_zone,
    visibility: r.visibility,
    visibilityBodyId: r.visibility_body_id,
    registrationMode: r.registration_mode,
    capacity: r.capacity === null ? null : Number(r.capacity),
    registrationClosesAt: r.registration_closes_at,
    registeredCount: Number(r.registered_count),
    status: r.status,
    sequence: Number(r.sequence),
    bodyIds,
    objectives,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    external: r.external_by ? { by: r.external_by, organizer: r.external_organizer ?? '' } : null,
  };
}

/**
 * Translation status per language: 'original', 'complete' (title and description written), 'partial', or
 * absent — as practices measure it.
 */
export function translationStatus(e: Pick<Event, 'title' | 'description' | 'originalLang'>): Partial<Record<Locale, 'original' | 'complete' | 'partial'>> {
  const out: Partial<Record<Locale, 'original' | 'complete' | 'partial'>> = {};
  for (const l of LOCALES) {
    if (l === e.originalLang) out[l] = 'original';
    else if (e.title[l] && e.description[l]) out[l] = 'complete';
    else if (e.title[l] || e.description[l]) out[l] = 'partial';
  }
  return out;
}

async function withLinks(db: Db, rows: EventsTable[], objectives = true): Promise<Event[]> {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const bodies = await db.selectFrom('event_bodies').select(['event_id', 'body_id']).where('event_id', 'in', ids).execute();
  const objs = objectives ? await db.selectFrom('event_objectives').select(['event_id', 'objective_n']).where('event_id', 'in', ids).orderBy('objective_n').execute() : [];
  return rows.map((r) =>
    toEvent(
      r,
      bodies.filter((b) => b.event_id === r.id).map((b) => b.body_id),
      objs.filter((o) => o.event_id === r.id).map((o) => Number(o.objective_n)),
    ),
  );
}

export async function getEvent(db: Db, id: string): Promise<Event | undefined> {
  const r = await db.selectFrom('events').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? (await withLinks(db, [r]))[0] : undefined;
}

export interface EventFilter {
  when?: 'upcoming' | 'past';
  kind?: EventKind;
  bodyId?: string;
  objective?: number;
  format?: EventsTable['format'];
  /** ISO 3166 alpha-2 of the venue. */
  country?: string;
  /** Which visibilities the reader may see; and the bodies whose 'body' events they may see. */
  visibilities: Visibility[];
  bodyIds?: string[];
  limit?: number;
  now?: string;
  /** false: leave `bodyIds` and `objectives` empty (short lists that show neither: two statements fewer). */
  links?: boolean;
}

/** The filter's WHERE clauses (no order, no limit): shared by the list, its page and its count. */
function filtered(db: Db, f: Omit<EventFilter, 'links'>, now: string, paged = false) {
  let q = db.selectFrom('events');
  if (f.when === 'upcoming') q = q.where('ends_at', '>=', now);
  else if (f.when === 'past') q = q.where('ends_at', '<', now);
  if (f.kind) q = q.where('kind', '=', f.kind);
  if (f.format) q = q.where('format', '=', f.format);
  if (f.country) q = q.where('venue_country', '=', f.country);
  // A page: EXISTS (a probe of the link table's primary key per event read), so the events' indexes still give the
  // range and the order. The short lists of other pages (a body's, the home page's) keep their IN (…) lookup.
  if (f.bodyId && !paged) q = q.where('id', 'in', db.selectFrom('event_bodies').select('event_id').where('body_id', '=', f.bodyId));
  else if (f.bodyId) q = q.where((eb) => eb.exists(eb.selectFrom('event_bodies').select('event_bodies.event_id').whereRef('event_bodies.event_id', '=', 'events.id').where('event_bodies.body_id', '=', f.bodyId!)));
  if (f.objective && !paged) q = q.where('id', 'in', db.selectFrom('event_objectives').select('event_id').where('objective_n', '=', f.objective));
  else if (f.objective) q = q.where((eb) => eb.exists(eb.selectFrom('event_objectives').select('event_objectives.event_id').whereRef('event_objectives.event_id', '=', 'events.id').where('event_objectives.objective_n', '=', f.objective!)));
  const plain = f.visibilities.filter((v) => v !== 'body');
  const bodyIds = f.bodyIds ?? [];
  return q.where((eb) => {
    const ors = [];
    if (plain.length) ors.push(eb('visibility', 'in', plain));
    // 'body' among the visibilities (administrators): every body's events; else only the listed bodies'.
    if (f.visibilities.includes('body')) ors.push(eb('visibility', '=', 'body'));
    else if (bodyIds.length) ors.push(eb.and([eb('visibility', '=', 'body'), eb('visibility_body_id', 'in', bodyIds)]));
    return ors.length ? eb.or(ors) : eb.val(false);
  });
}

/** Upcoming: soonest first; past (and both): latest first. */
const ordered = <Q extends { orderBy: (...a: any[]) => Q }>(q: Q, when: EventFilter['when']): Q => q.orderBy('starts_at', when === 'upcoming' ? 'asc' : 'desc');

/**
 * A page's order: as `ordered`, the id breaking ties so pages never overlap. Upcoming events are ordered by
 * `starts_at || ''` (the same order: ISO text): an expression no index provides, so the planner reads the short
 * range of events not over yet (events_ends_idx) and sorts it, rather than walking events_order_idx from the first
 * event ever (SQLite, without statistics, prefers an index that gives the order). Past events are read in
 * events_order_idx's order and the reading stops after the page.
 */
const pageOrdered = <Q extends { orderBy: (...a: any[]) => Q }>(q: Q, when: EventFilter['when']): Q =>
  when === 'upcoming' ? q.orderBy(sql`${sql.ref('starts_at')} || ''`, 'asc').orderBy('id', 'asc') : q.orderBy('starts_at', 'desc').orderBy('id', 'desc');

/** Events the reader may see, upcoming (soonest first) or past (latest first). */
export async function listEvents(db: Db, f: EventFilter): Promise<Event[]> {
  const now = f.now ?? new Date().toISOString();
  const rows = await ordered(filtered(db, f, now).selectAll('events'), f.when).limit(f.limit ?? 200).execute();
  return f.links === false ? rows.map((r) => toEvent(r, [], [])) : withLinks(db, rows);
}

/** A page of a list, with where it stands. */
export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pages: number;
}

/** How many events a page of the list (and of the API) holds. */
export const EVENTS_PAGE_SIZE = 20;

/**
 * One page of the events the reader may see: the count, then the page's rows (LIMIT/OFFSET). A page past the
 * last is the last page (a clean page, never an error); an empty list is page 1 of 1.
 */
export async function pageEvents(db: Db, f: Omit<EventFilter, 'links'> & { page: number; perPage?: number; links?: boolean | 'bodies' }): Promise<Paged<Event>> {
  const now = f.now ?? new Date().toISOString();
  const perPage = f.perPage ?? EVENTS_PAGE_SIZE;
  const base = filtered(db, f, now, true);
  const total = Number((await base.select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const pages = Math.max(1, Math.ceil(total / perPage));
  const page = Math.min(Math.max(1, Math.floor(f.page) || 1), pages);
  if (!total) return { items: [], total, page, pages };
  const rows = await pageOrdered(base.selectAll('events'), f.when)
    .limit(perPage)
    .offset((page - 1) * perPage)
    .execute();
  // links 'bodies': the bodies only (the list page shows no objectives: one statement fewer).
  return { items: f.links === false ? rows.map((r) => toEvent(r, [], [])) : await withLinks(db, rows, f.links !== 'bodies'), total, page, pages };
}

/**
 * What the events list filters, counts, orders and pages on, for every event (no title, nothing shown): column by
 * column (a short value per event: an index reads the same position of each column), in the list's order —
 * `starts_at`, then `id`, as the SQL of a page orders them; the past list reads it backwards. The same for every
 * reader: who may see what is decided per request (`pageOfFacts`, with the reader's `visibleTo`).
 */
export interface ListFacts {
  ids: string[];
  /** Each event's end, in milliseconds since the epoch (a number compares in one step, an ISO text char by char). */
  ends: Float64Array;
  /**
   * The latest `ends` up to each position (never decreasing): every event before the first position whose value is
   * still to come is over — a binary search skips them for the upcoming list, and the past list takes them unread.
   */
  endsSoFar: Float64Array;
  /** Kind, format and visibility as their position in EVENT_KINDS, EVENT_FORMATS and VISIBILITIES. */
  kinds: Uint8Array;
  formats: Uint8Array;
  visibilities: Uint8Array;
  /** The venue's country as its position in `countryCodes` plus one (0: none). */
  countries: Uint16Array;
  countryCodes: string[];
  visibilityBodies: (string | null)[];
  bodies: string[][];
  objectives: number[][];
}

/**
 * Past this many events the list's facts are not read (null: the list pages with SQL, `pageEvents`): about 160
 * bytes an event as the page cache weighs them, so 20,000 events stay under what it keeps of one fragment (4 MB of
 * its default 64 MB), and reading them (once after each write) stays short.
 */
export const LIST_FACTS_MAX = 20_000;

/** Every event's `ListFacts` (four statements), or null when there are more than `LIST_FACTS_MAX` events. */
export async function listFacts(db: Db): Promise<ListFacts | null> {
  const { n } = await db.selectFrom('events').select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  if (Number(n) > LIST_FACTS_MAX) return null;
  const rows = await db
    .selectFrom('events')
    .select(['id', 'ends_at', 'kind', 'format', 'venue_country', 'visibility', 'visibility_body_id'])
    .orderBy('starts_at', 'asc')
    .orderBy('id', 'asc')
    .execute();
  const at = new Map(rows.map((r, i) => [r.id, i]));
  const size = rows.length;
  const k: ListFacts = {
    ids: [],
    ends: new Float64Array(size),
    endsSoFar: new Float64Array(size),
    kinds: new Uint8Array(size),
    formats: new Uint8Array(size),
    visibilities: new Uint8Array(size),
    countries: new Uint16Array(size),
    countryCodes: [],
    visibilityBodies: [],
    bodies: [],
    objectives: [],
  };
  const countryCode = new Map<string, number>();
  rows.forEach((r, i) => {
    const end = Date.parse(r.ends_at);
    k.ids.push(r.id);
    k.ends[i] = end;
    k.endsSoFar[i] = i && k.endsSoFar[i - 1]! > end ? k.endsSoFar[i - 1]! : end;
    k.kinds[i] = EVENT_KINDS.indexOf(r.kind);
    k.formats[i] = EVENT_FORMATS.indexOf(r.format);
    k.visibilities[i] = VISIBILITIES.indexOf(r.visibility);
    if (r.venue_country) {
      let c = countryCode.get(r.venue_country);
      if (c === undefined) countryCode.set(r.venue_country, (c = k.countryCodes.push(r.venue_country)));
      k.countries[i] = c;
    }
    k.visibilityBodies.push(r.visibility_body_id);
    k.bodies.push([]);
    k.objectives.push([]);
  });
  for (const b of await db.selectFrom('event_bodies').select(['event_id', 'body_id']).execute()) {
    const i = at.get(b.event_id);
    if (i !== undefined) k.bodies[i]!.push(b.body_id);
  }
  for (const o of await db.selectFrom('event_objectives').select(['event_id', 'objective_n']).execute()) {
    const i = at.get(o.event_id);
    if (i !== undefined) k.objectives[i]!.push(Number(o.objective_n));
  }
  return k;
}

/**
 * One page of the list as `pageEvents` gives it — the same filter, count, order and page — from the kept facts:
 * the page's event ids. `now` is the request's (what is upcoming is decided per request, never kept).
 */
export function pageOfFacts(k: ListFacts, f: Omit<EventFilter, 'links' | 'limit' | 'now'> & { page: number; perPage?: number }, now: string): Paged<string> {
  const perPage = f.perPage ?? EVENTS_PAGE_SIZE;
  const at = Date.parse(now);
  // The filters as the facts' codes (-1: no filter; NO_SUCH, a value no event has, matches none).
  const code = (at: number) => (at < 0 ? NO_SUCH : at);
  const kind = f.kind ? code(EVENT_KINDS.indexOf(f.kind)) : -1;
  const format = f.format ? code(EVENT_FORMATS.indexOf(f.format)) : -1;
  // Countries are coded from 1 (0: an event with no country, which a country filter never matches).
  const country = f.country ? code(k.countryCodes.indexOf(f.country) + 1 || -1) : -1;
  // Which visibilities the reader may see at all; 'body' among them (administrators): every body's events, else
  // only the reader's bodies'.
  const may = VISIBILITIES.map((v) => f.visibilities.includes(v));
  const everyBody = may[BODY]!;
  const readerBodies = f.bodyIds ?? [];
  // Before `over`, every event is over (ended before now); from it on, each is checked.
  let lo = 0;
  let hi = k.ids.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (k.endsSoFar[mid]! < at) lo = mid + 1;
    else hi = mid;
  }
  const over = lo;
  const upcoming = f.when === 'upcoming';
  const past = f.when === 'past';
  const found: number[] = [];
  for (let i = upcoming ? over : 0; i < k.ids.length; i++) {
    if (i >= over && (upcoming ? k.ends[i]! < at : past && k.ends[i]! >= at)) continue;
    if (kind >= 0 && k.kinds[i] !== kind) continue;
    if (format >= 0 && k.formats[i] !== format) continue;
    if (country >= 0 && k.countries[i] !== country) continue;
    const v = k.visibilities[i]!;
    if (v === BODY ? !everyBody && !readerBodies.includes(k.visibilityBodies[i] ?? '') : !may[v]) continue;
    if (f.bodyId && !k.bodies[i]!.includes(f.bodyId)) continue;
    if (f.objective && !k.objectives[i]!.includes(f.objective)) continue;
    found.push(i);
  }
  const total = found.length;
  const pages = Math.max(1, Math.ceil(total / perPage));
  const page = Math.min(Math.max(1, Math.floor(f.page) || 1), pages);
  const from = (page - 1) * perPage;
  const items: string[] = [];
  // Upcoming: soonest first (the facts' order); past: latest first (backwards).
  for (let j = from; j < Math.min(total, from + perPage); j++) items.push(k.ids[found[upcoming ? j : total - 1 - j]!]!);
  return { items, total, page, pages };
}

const BODY = VISIBILITIES.indexOf('body');
/** A code no event has (the facts' codes are 8 and 16 bits). */
const NO_SUCH = 1 << 16;

/** These events (any order; an id not found is left out), with their bodies (no objectives). */
export async function eventsByIds(db: Db, ids: string[]): Promise<Event[]> {
  if (!ids.length) return [];
  return withLinks(db, await db.selectFrom('events').selectAll().where('id', 'in', ids).execute(), false);
}

export async function agendaOf(db: Db, eventId: string): Promise<AgendaItem[]> {
  const rows = await db.selectFrom('event_agenda').select(['id', 'starts_at', 'title', 'speakers']).where('event_id', '=', eventId).orderBy('position').execute();
  return rows.map((r) => ({ id: r.id, startsAt: r.starts_at, title: r.title, speakers: r.speakers }));
}

/** The person's registration (by account or address), whatever its status. */
export async function registrationOf(db: Db, eventId: string, who: { userId?: string | null; email?: string | null }): Promise<Registration | undefined> {
  if (!who.userId && !who.email) return undefined;
  return db
    .selectFrom('event_registrations')
    .selectAll()
    .where('event_id', '=', eventId)
    .where((eb) => eb.or([...(who.userId ? [eb('user_id', '=', who.userId)] : []), ...(who.email ? [eb('email', '=', who.email.toLowerCase())] : [])]))
    .executeTakeFirst();
}

export async function registrationByToken(db: Db, eventId: string, token: string): Promise<Registration | undefined> {
  return db.selectFrom('event_registrations').selectAll().where('event_id', '=', eventId).where('token', '=', token).executeTakeFirst();
}

/** Every registration of an event, in order of arrival (waitlist: in line order). */
export async function registrationsOf(db: Db, eventId: string): Promise<Registration[]> {
  return db.selectFrom('event_registrations').selectAll().where('event_id', '=', eventId).orderBy('created_at').orderBy('id').execute();
}

/** Counts per status. */
export async function registrationCounts(db: Db, eventId: string): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('event_registrations')
    .select(['status', (e) => e.fn.countAll<number>().as('n')])
    .where('event_id', '=', eventId)
    .groupBy('status')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}

/** The events a person is registered for or waitlisted on, soonest first. */
export async function eventsOfPerson(db: Db, userId: string): Promise<{ event: Event; status: string }[]> {
  const regs = await db.selectFrom('event_registrations').select(['event_id', 'status']).where('user_id', '=', userId).where('status', 'in', ['registered', 'waitlisted', 'pending_approval']).execute();
  if (!regs.length) return [];
  const rows = await db.selectFrom('events').selectAll().where('id', 'in', regs.map((r) => r.event_id)).orderBy('starts_at').execute();
  const evs = await withLinks(db, rows);
  return evs.map((event) => ({ event, status: regs.find((r) => r.event_id === event.id)!.status }));
}

/** Who was there: people marked present, by sector and by member organization (directory ids), and how many came for none. */
export async function attendanceOf(db: Db, eventId: string): Promise<{ total: number; bySector: Record<string, number>; byOrg: Record<string, number>; outsideDirectory: number }> {
  const rows = await db.selectFrom('event_registrations').select(['sector', 'org_id']).where('event_id', '=', eventId).where('status', '=', 'registered').where('attended_at', 'is not', null).execute();
  const bySector: Record<string, number> = {};
  const byOrg: Record<string, number> = {};
  let outsideDirectory = 0;
  for (const r of rows) {
    bySector[r.sector] = (bySector[r.sector] ?? 0) + 1;
    if (r.org_id) byOrg[r.org_id] = (byOrg[r.org_id] ?? 0) + 1;
    else outsideDirectory++;
  }
  return { total: rows.length, bySector, byOrg, outsideDirectory };
}

export async function feedTokenOf(db: Db, userId: string): Promise<string | undefined> {
  return (await db.selectFrom('event_feed_tokens').select('token').where('user_id', '=', userId).executeTakeFirst())?.token;
}

export async function userOfFeedToken(db: Db, token: string): Promise<string | undefined> {
  return (await db.selectFrom('event_feed_tokens').select('user_id').where('token', '=', token).executeTakeFirst())?.user_id;
}

export interface Minutes {
  summary: Translated;
  agreements: Translated;
  publishedAt: string | null;
  actions: { text: string; bodyId: string | null; dueOn: string | null }[];
}

export async function minutesOf(db: Db, eventId: string): Promise<Minutes | undefined> {
  const m = await db.selectFrom('event_minutes').selectAll().where('event_id', '=', eventId).executeTakeFirst();
  if (!m) return undefined;
  const actions = await db.selectFrom('event_actions').select(['text', 'body_id', 'due_on']).where('event_id', '=', eventId).orderBy('position').execute();
  return { summary: parseTranslated(m.summary), agreements: parseTranslated(m.agreements), publishedAt: m.published_at, actions: actions.map((a) => ({ text: a.text, bodyId: a.body_id, dueOn: a.due_on })) };
}

export interface Question {
  id: string;
  kind: QuestionKind;
  /** Empty: the platform's wording for the kind (accessibility, interpretation). */
  label: string;
  choices: string[];
  required: boolean;
}

export async function questionsOf(db: Db, eventId: string): Promise<Question[]> {
  const rows = await db.selectFrom('event_questions').selectAll().where('event_id', '=', eventId).orderBy('position').execute();
  return rows.map((r) => ({ id: r.id, kind: r.kind, label: r.label, choices: r.choices ? (JSON.parse(r.choices) as string[]) : [], required: Number(r.required) === 1 }));
}

/** Every answer given for an event: registration id → question id → value. */
export async function answersOf(db: Db, eventId: string): Promise<Map<string, Map<string, string>>> {
  const rows = await db
    .selectFrom('event_answers')
    .innerJoin('event_registrations', 'event_registrations.id', 'event_answers.registration_id')
    .select(['event_answers.registration_id', 'event_answers.question_id', 'event_answers.value'])
    .where('event_registrations.event_id', '=', eventId)
    .execute();
  const out = new Map<string, Map<string, string>>();
  for (const r of rows) {
    if (!out.has(r.registration_id)) out.set(r.registration_id, new Map());
    out.get(r.registration_id)!.set(r.question_id, r.value);
  }
  return out;
}

export interface Material {
  id: string;
  kind: 'file' | 'link';
  phase: 'before' | 'after';
  audience: 'public' | 'participants';
  title: string;
  url: string | null;
  fileName: string | null;
  storedName: string | null;
  contentType: string | null;
  size: number | null;
  createdAt: string;
}

export async function materialsOf(db: Db, eventId: string): Promise<Material[]> {
  const rows = await db.selectFrom('event_materials').selectAll().where('event_id', '=', eventId).orderBy('created_at').orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, kind: r.kind, phase: r.phase, audience: r.audience, title: r.title, url: r.url, fileName: r.file_name, storedName: r.stored_name, contentType: r.content_type, size: r.size === null ? null : Number(r.size), createdAt: r.created_at }));
}

export interface Representation {
  mandate: Translated;
  report: Translated;
  reportedAt: string | null;
  representatives: { userId: string; bodyId: string; name: string }[];
}

/** Who represents the Mechanism at an external event, with what mandate, and the report they brought back. */
export async function representationOf(db: Db, eventId: string): Promise<Representation | undefined> {
  const r = await db.selectFrom('event_representation').selectAll().where('event_id', '=', eventId).executeTakeFirst();
  const people = await db.selectFrom('event_representatives').select(['user_id', 'body_id', 'name']).where('event_id', '=', eventId).orderBy('name').execute();
  if (!r && !people.length) return undefined;
  return {
    mandate: r ? parseTranslated(r.mandate) : {},
    report: r ? parseTranslated(r.report) : {},
    reportedAt: r?.reported_at ?? null,
    representatives: people.map((p) => ({ userId: p.user_id, bodyId: p.body_id, name: p.name })),
  };
}

/**
 * A body's representation at others' events: external events it organizes the representation of, or where one of
 * its position holders represents it — latest first, those the reader may see.
 */
export async function representationsOfBody(db: Db, bodyId: string, f: Pick<EventFilter, 'visibilities' | 'bodyIds'> & { limit?: number }): Promise<{ event: Event; reported: boolean }[]> {
  const ids = db
    .selectFrom('event_bodies')
    .select('event_id')
    .where('body_id', '=', bodyId)
    .union(db.selectFrom('event_representatives').select('event_id').where('body_id', '=', bodyId));
  const plain = f.visibilities.filter((v) => v !== 'body');
  const bodyIds = f.bodyIds ?? [];
  // One statement: the events and whether their report came back (their bodies and objectives are not shown).
  const rows = await db
    .selectFrom('events')
    .leftJoin('event_representation', 'event_representation.event_id', 'events.id')
    .selectAll('events')
    .select('event_representation.reported_at')
    .where('events.external_by', 'is not', null)
    .where('events.id', 'in', ids)
    .where((eb) => {
      const ors = [];
      if (plain.length) ors.push(eb('events.visibility', 'in', plain));
      if (f.visibilities.includes('body')) ors.push(eb('events.visibility', '=', 'body'));
      else if (bodyIds.length) ors.push(eb.and([eb('events.visibility', '=', 'body'), eb('events.visibility_body_id', 'in', bodyIds)]));
      return ors.length ? eb.or(ors) : eb.val(false);
    })
    .orderBy('events.starts_at', 'desc')
    .limit(f.limit ?? 100)
    .execute();
  return rows.map(({ reported_at, ...r }) => ({ event: toEvent(r as EventsTable, [], []), reported: !!reported_at }));
}
