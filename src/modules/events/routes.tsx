/**
 * @module Events: pages and form posts. GET: load (404, also for an event the reader may not see) → the
 * policy's named rule (401/403) → render a view. POST: `action()` (sign-in → load → rule → zod input →
 * command in one transaction → redirect with a flash).
 */
import { Hono, type Context } from 'hono';
import type { AppEnv, CurrentUser } from '../../platform/http/env.js';
import type { Db } from '../../db/schema.js';
import { action } from '../../platform/http/action.js';
import { authorize, requireUser, isAdmin, AuthzError } from '../../platform/authz/authz.js';
import { ok, fail } from '../../platform/outcome.js';
import { emptyForm, paginationHtml, type FormState, type Option } from '../../platform/views/components.js';
import { pickTranslated } from '../../platform/i18n/translated.js';
import { listObjectives, listCountries, countryNames } from '../../platform/reference/queries.js';
import { listBodies } from '../bodies/index.js';
import { agendaFromConsultation } from '../consultations/index.js';
import { getEvent, listEvents, pageEvents, listFacts, pageOfFacts, eventsByIds, agendaOf, registrationOf, registrationByToken, registrationsOf, registrationCounts, attendanceOf, eventsOfPerson, feedTokenOf, userOfFeedToken, minutesOf, type Event } from './queries.js';
import { organizationsOfUser, getOrganizations } from '../membership/index.js';
import { eventsPolicy, visibleTo, type ReaderFacts } from './policy.js';
import { readerBodies, keptReaderBodies } from '../bodies/index.js';
import { createEvent, editEvent, cancelEvent } from './commands/save.js';
import { register, registrationReads, confirmGuest, cancelRegistration, decide, invite, registrationClosed, markAttendance, renewFeedToken } from './commands/registration.js';
import { eventsTx } from './commands/context.js';
import { EventForm, eventInput, agendaProblem, AGENDA_ROWS, RegisterInput, GuestInput, DecideInput, InviteInput, CheckInInput, MinutesForm, minutesInput, ACTION_ROWS, type EventFormData } from './schemas.js';
import { zonesForForm } from './core/time.js';
import { eventsCalendar } from './ics.js';
import { eventsAtomFeed } from './feed.js';
import { paths } from './paths.js';
import { nowIso } from '../../db/ids.js';
import { EVENT_KINDS, EVENT_FORMATS } from './tables.js';
import { EventsListPage, EventRow, LIST_SLOTS } from './views/list.js';
import { keptSelect } from '../../platform/views/kept-select.js';
import { keptWithForms, keptRows, keptTemplate, escapeHtml } from '../../platform/views/fragment.js';
import { EventPage } from './views/event.js';
import { EventFormPage, formValuesOf } from './views/form.js';
import { RegistrationsPage, GuestRegistrationPage } from './views/registrations.js';
import { MyEventsPage } from './views/mine.js';
import { MinutesFormPage } from './views/minutes.js';
import { saveMinutes } from './commands/minutes.js';
import { LOCALES, isLocale, DEFAULT_LOCALE } from '../../platform/i18n/locales.js';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { toCsv } from '../../platform/http/csv.js';
import { pageParam } from '../../platform/http/page.js';
import { questionsOf, answersOf, materialsOf, representationOf, type Material } from './queries.js';
import { saveRepresentation } from './commands/representation.js';
import { RepresentationForm, representationInput } from './schemas.js';
import { RepresentationFormPage } from './views/representation.js';
import { bodyPositions } from '../bodies/index.js';
import { saveQuestions } from './commands/questions.js';
import { addMaterial, removeMaterial, eventUploadsDir, MATERIAL_MAX_BYTES } from './commands/materials.js';
import { QuestionsForm, questionsInput, QUESTION_ROWS, MaterialForm } from './schemas.js';
import { QuestionsFormPage, questionLabel, answerText } from './views/questions.js';
import { MaterialsPage } from './views/materials.js';

/**
 * The reader's zone for the "your time" line: the platform's (account, else browser) for someone signed in; none
 * for a visitor, who is shown the event's own zone only (the platform gives visitors the Mechanism's zone, which
 * is not theirs).
 */
const readerZone = (c: Context<AppEnv>): string | null => (c.get('user') ? c.get('timeZone') : null);

export const eventsRoutes = new Hono<AppEnv>({ strict: false });

// ------------------------------------------------------------------------------------------------
// Loading and rendering
// ------------------------------------------------------------------------------------------------

/**
 * The event and the facts about the reader; null (404) when there is none or the reader may not see it. `kept`: for a
 * page that only reads (the event's own page and calendar file), both through page-cache fragments (emptied by every
 * write); form posts and organizers' pages read them afresh.
 */
async function loadEvent(c: Context<AppEnv>, user: CurrentUser | null, kept = false) {
  const { db, cache } = c.get('deps');
  const id = c.req.param('id') ?? '';
  const e = kept ? await cache.fragment(`events.event:${id}`, async () => (await getEvent(db, id)) ?? null) : await getEvent(db, id);
  if (!e) return null;
  const f = kept ? await keptReaderBodies(cache, db, user?.id) : await readerBodies(db, user?.id);
  return eventsPolicy.can(user, 'view', { e, f }) ? { e, f } : null;
}
type Loaded = NonNullable<Awaited<ReturnType<typeof loadEvent>>>;

/** A person's registration from the link mailed to them; null (404) when the token is unknown. */
async function loadByToken(c: Context<AppEnv>) {
  const { db } = c.get('deps');
  const e = await getEvent(db, c.req.param('id') ?? '');
  const r = e && (await registrationByToken(db, e.id, c.req.param('token') ?? ''));
  return e && r ? { e, r } : null;
}

const back = ({ subject, locale }: { subject: { e: Event }; locale: 'es' | 'en' | 'pt' | 'fr' }) => paths.event.href(locale, { id: subject.e.id });

async function bodyOptions(c: Context<AppEnv>, only?: string[]): Promise<Option[]> {
  const l = c.get('locale');
  return (await listBodies(c.get('deps').db)).filter((b) => !only || only.includes(b.id)).map((b) => ({ value: b.id, label: pickTranslated(b.name, l)?.text ?? b.slug }));
}

async function objectiveOptions(c: Context<AppEnv>): Promise<Option[]> {
  return (await listObjectives(c.get('deps').db, c.get('locale'))).map((o) => ({ value: String(o.n), label: `${o.n}. ${o.short}` }));
}

async function renderForm(c: Context<AppEnv>, f: ReaderFacts, form: FormState, edit?: Event) {
  const t = c.get('t');
  const l = c.get('locale');
  const { db } = c.get('deps');
  const user = c.get('user');
  const title = t(edit ? 'events.form.editTitle' : 'events.form.createTitle');
  const countries = (await listCountries(db, l)).map((x) => ({ value: x.alpha2, label: x.name }));
  return c.render(
    <EventFormPage
      title={title}
      action={edit ? paths.edit.href(l, { id: edit.id }) : paths.create.href(l)}
      form={form}
      bodies={await bodyOptions(c, isAdmin(user) ? undefined : [...new Set([...f.secretaryOf, ...(edit?.bodyIds ?? [])])])}
      objectives={await objectiveOptions(c)}
      countries={countries}
      zones={zonesForForm()}
    />,
    { title, noindex: true, crumbs: [[t('events.list.title'), paths.list.pattern]] },
  );
}

async function renderEvent(c: Context<AppEnv>, x: Loaded, form = emptyForm({ sector: 'civil_society' }), guestForm = emptyForm({ sector: 'civil_society' })) {
  return c.render(await eventPage(c, x, form, guestForm), eventMeta(c, x));
}

/** An event's page's title, crumbs and robots rule (the layout's). */
const eventMeta = (c: Context<AppEnv>, x: Loaded) => ({
  title: pickTranslated(x.e.title, c.get('locale'))?.text ?? x.e.id,
  crumbs: [[c.get('t')('events.list.title'), paths.list.pattern]] as [string, string][],
  noindex: x.e.visibility !== 'public',
});

/** An event's page below the layout, for this request's reader (a visitor's, when rendered by `keptWithForms`). */
async function eventPage(c: Context<AppEnv>, x: Loaded, form = emptyForm({ sector: 'civil_society' }), guestForm = emptyForm({ sector: 'civil_society' })) {
  const { db } = c.get('deps');
  const user = c.get('user');
  const l = c.get('locale');
  const { e, f } = x;
  const mine = user ? await registrationOf(db, e.id, { userId: user.id }) : undefined;
  const allBodies = await listBodies(db);
  const bodies = allBodies.filter((b) => e.bodyIds.includes(b.id)).map((b) => ({ id: b.id, slug: b.slug, name: pickTranslated(b.name, l)?.text ?? b.slug }));
  const objs = (await listObjectives(db, l)).filter((o) => e.objectives.includes(o.n)).map((o) => ({ n: o.n, title: `${o.n}. ${o.short}` }));
  const counts = await registrationCounts(db, e.id);
  const code = c.req.query('code');
  if (code && !form.values.code) form = emptyForm({ ...form.values, code: code.slice(0, 40) });
  if (code && !guestForm.values.code) guestForm = emptyForm({ ...guestForm.values, code: code.slice(0, 40) });
  const organize = eventsPolicy.can(user, 'organize', x);
  const myOrgs = user ? (await organizationsOfUser(db, user.id)).filter((o) => o.status === 'member').map((o) => ({ value: o.id, label: o.name })) : [];
  const attendance = await attendanceOf(db, e.id);
  const minutes = await minutesOf(db, e.id);
  const participant = eventsPolicy.can(user, 'seeParticipantMaterials', { ...x, registered: mine?.status === 'registered' });
  const materials = (await materialsOf(db, e.id)).filter((m) => m.audience === 'public' || participant);
  return (
    <EventPage
      representation={e.external ? await representationOf(db, e.id) : undefined}
      questions={await questionsOf(db, e.id)}
      materials={materials}
      e={e}
      agenda={await agendaOf(db, e.id)}
      bodies={bodies}
      objectives={objs}
      country={e.venue.country ? (await countryNames(db, l)).get(e.venue.country) ?? e.venue.country : null}
      mine={mine}
      can={{ organize, register: eventsPolicy.can(user, 'register', x), guest: eventsPolicy.can(user, 'registerAsGuest', x), seeLink: eventsPolicy.can(user, 'seeLink', { ...x, registered: mine?.status === 'registered' }) }}
      closed={registrationClosed(e, nowIso())}
      waitlisted={counts.waitlisted ?? 0}
      reader={readerZone(c)}
      form={form}
      guestForm={guestForm}
      myOrgs={myOrgs}
      attendance={attendance}
      minutes={minutes?.publishedAt ? minutes : undefined}
      bodyName={new Map(allBodies.map((b) => [b.id, pickTranslated(b.name, l)?.text ?? b.slug]))}
    />
  );
}

/** Checks the form's organizing bodies against what the person may organize; the refusal's field. */
async function checkBodies(db: Db, actor: CurrentUser, f: ReaderFacts, d: EventFormData, keep: string[] = []) {
  const known = new Set((await listBodies(db)).map((b) => b.id));
  if (d.bodies.some((b) => !known.has(b))) return fail('form.error.choice', { field: 'bodies' });
  if (d.visibility === 'body' && !known.has(d.visibility_body ?? '')) return fail('form.error.choice', { field: 'visibility_body' });
  if (!isAdmin(actor)) {
    if (!d.bodies.length) return fail('events.errors.bodyRequired', { field: 'bodies' });
    if (d.bodies.some((b) => !f.secretaryOf.includes(b) && !keep.includes(b))) return fail('events.errors.notYourBody', { field: 'bodies' });
  }
  const bad = agendaProblem(d);
  if (bad) return fail('events.errors.agendaRow', { field: bad });
  return ok({});
}

// ------------------------------------------------------------------------------------------------
// List, feed, create
// ------------------------------------------------------------------------------------------------

eventsRoutes.get(paths.list.pattern, async (c) => {
  const { db, cache } = c.get('deps');
  const user = c.get('user');
  const l = c.get('locale');
  const t = c.get('t');
  // The reader's place among the bodies, kept under their id (a page's, as the body page's; form posts read it afresh).
  const f = await keptReaderBodies(cache, db, user?.id);
  const q = c.req.query();
  const kind = (EVENT_KINDS as readonly string[]).includes(q.kind ?? '') ? (q.kind as Event['kind']) : undefined;
  // The filter's choices and its selects as HTML are the same for every reader of a language: page-cache fragments
  // (emptied by every write), the chosen options marked per request (platform/views/kept-select.tsx).
  const { bodies, countries, objectives } = await cache.fragment(`events.list.choices:${l}`, async () => ({
    bodies: await bodyOptions(c),
    countries: (await listCountries(db, l)).map((x) => ({ value: x.alpha2, label: x.name })),
    objectives: await objectiveOptions(c),
  }));
  const bodyId = bodies.some((b) => b.value === q.body) ? q.body : undefined;
  const n = Number(q.objective);
  const objective = Number.isInteger(n) && n >= 1 && n <= 23 ? n : undefined;
  const format = (EVENT_FORMATS as readonly string[]).includes(q.format ?? '') ? (q.format as Event['format']) : undefined;
  const country = countries.some((x) => x.value === q.country) ? q.country : undefined;
  const when = q.when === 'past' ? 'past' : 'upcoming';
  // One list at a time (upcoming or past), one page of it. Every event's facts (what the list filters, orders and
  // pages on) are the same for every reader: kept as one page-cache fragment (emptied by every write), and the page
  // is found in them per request, with the reader's visibilities and this request's now. Too many events to keep
  // (null): a count and a LIMIT/OFFSET page in SQL.
  const filter = { kind, bodyId, objective, format, country, ...visibleTo(user, f), when, page: pageParam(c) } as const;
  const facts = await cache.fragment('events.list.facts', () => listFacts(db));
  const paged = facts ? pageOfFacts(facts, filter, nowIso()) : await pageEvents(db, { ...filter, links: 'bodies' });
  // Each row as HTML, kept per event, language and reader's zone (all a row depends on; whether the reader may see
  // the event was decided above): rows not kept read their events, the page's at once.
  const reader = readerZone(c);
  const bodyName = bodyNamesOf(bodies);
  // The page's events in hand (paged in SQL), or read at once for the rows not kept (paged in the kept facts).
  const given = new Map(paged.items.flatMap((x) => (typeof x === 'string' ? [] : [[x.id, x] as const])));
  const rows = await keptRows(
    c,
    paged.items.map((x) => (typeof x === 'string' ? x : x.id)),
    (id) => `events.list.row:${id}:${l}:${reader ?? ''}`,
    async (need) => {
      const rest = need.filter((id) => !given.has(id));
      return new Map<string, Event>([...given, ...(rest.length ? (await eventsByIds(db, rest)).map((e) => [e.id, e] as const) : [])]);
    },
    (e) => <EventRow e={e} bodyName={bodyName} reader={reader} />,
  );
  const filters = { kind: kind ?? '', body: bodyId ?? '', objective: objective ? String(objective) : '', format: format ?? '', country: country ?? '' };
  const any = t('events.list.any');
  const fields = [
    { name: 'kind', label: t('events.fields.kind'), options: EVENT_KINDS.map((k) => ({ value: k, label: t(`events.kinds.${k}`) })), empty: any },
    { name: 'body', label: t('events.fields.body'), options: bodies, empty: any },
    { name: 'objective', label: t('events.fields.objective'), options: objectives, empty: any },
    { name: 'format', label: t('events.fields.format'), options: EVENT_FORMATS.map((k) => ({ value: k, label: t(`events.formats.${k}`) })), empty: any },
    { name: 'country', label: t('events.fields.country'), options: countries, empty: any },
  ] as const;
  const selects = (await Promise.all(fields.map((x) => keptSelect(c, `events.select:list:${l}:${x.name}`, x, filters[x.name])))).join('');
  // A visitor's list is every visitor's (their own zone is not shown, no form posts): the public page cache keeps
  // it, at the addresses the page's own links write (filters, list, page in this order).
  if (!user) c.set('cacheable', true);
  c.set('cacheParams', LIST_PARAMS);
  const canCreate = eventsPolicy.can(user, 'create', f);
  const filtered = !!(kind || bodyId || objective || format || country);
  const found = paged.total > 0;
  // The page is kept per language, list and what it offers the reader (a template: platform/views/fragment.tsx).
  const template = await keptTemplate(c, `events.list:${l}:${when}:${canCreate ? 'create' : ''}:${filtered ? 'filtered' : ''}:${found ? 'rows' : 'none'}`, LIST_SLOTS, (slot) => (
    <EventsListPage slot={slot} when={when} found={found} canCreate={canCreate} filtered={filtered} />
  ), { absent: { total: !found, rows: !found, pagination: !found } });
  // The links to the other list and to the pages keep the filters (and the list, for the pages).
  const params = new URLSearchParams(Object.entries(filters).filter(([, v]) => v));
  const other = new URLSearchParams(params);
  if (when === 'upcoming') other.set('when', 'past');
  const pageParams = new URLSearchParams(params);
  if (when === 'past') pageParams.set('when', 'past');
  return c.render(
    template({
      selects,
      other: escapeHtml(other.size ? `${paths.list.href(l)}?${other}` : paths.list.href(l)),
      total: escapeHtml(t('events.list.total', { count: paged.total })),
      rows: rows.join(''),
      pagination: paginationHtml(c, { page: paged.page, pages: paged.pages, baseUrl: paths.list.href(l), params: pageParams }),
    }),
    { title: t('events.list.title'), description: t('events.list.lead'), feeds: [{ title: `${t('events.list.title')} (Atom)`, href: paths.atom.href(l) }] },
  );
});

/** The list's parameters in the order its links and filter form write them (a page-cache address, page-cache.ts). */
const LIST_PARAMS = ['kind', 'body', 'objective', 'format', 'country', 'when', 'page'] as const;

/** The bodies' names by id, once per list of choices (the kept one is shared by the requests of a language). */
const namesOf = new WeakMap<Option[], Map<string, string>>();
function bodyNamesOf(bodies: Option[]): Map<string, string> {
  let m = namesOf.get(bodies);
  if (!m) namesOf.set(bodies, (m = new Map(bodies.map((b) => [b.value, b.label]))));
  return m;
}

eventsRoutes.get(paths.atom.pattern, eventsAtomFeed);

const FEED_PARAMS = ['body', 'objective'] as const;

eventsRoutes.get(paths.feed.pattern, async (c) => {
  const { db, config, cache } = c.get('deps');
  const l = c.get('locale');
  // Per body (?body=<id>) and per objective (?objective=<n>), like the list's filters.
  const q = c.req.query();
  const n = Number(q.objective);
  const objective = Number.isInteger(n) && n >= 1 && n <= 23 ? n : undefined;
  const bodyId = q.body && /^[0-9a-z]{16}$/.test(q.body) ? q.body : undefined;
  // The same for every reader of a language and filter: kept as UTF-8 bytes (a page-cache fragment, emptied by every
  // write), so a feed reader's poll with any query string sends them (500 events: some 230 KB, 45 ms to write).
  const body = await cache.fragment(`events.feed:${l}:${bodyId ?? ''}:${objective ?? ''}`, async () => {
    const events = await listEvents(db, { when: 'upcoming', bodyId, objective, visibilities: ['public'], limit: 1000, links: false });
    const names = await countryNames(db, l);
    return Buffer.from(eventsCalendar(c.get('t')('events.list.title'), events, config.baseUrl, l, (code) => names.get(code) ?? code));
  });
  // Calendar programs poll without cookies: the public page cache answers them at the feed's own addresses.
  if (!c.get('user')) c.set('cacheable', true);
  c.set('cacheParams', FEED_PARAMS);
  return c.body(body, 200, { 'Content-Type': 'text/calendar; charset=utf-8', 'Content-Disposition': 'inline; filename="events.ics"' });
});

eventsRoutes.get(paths.create.pattern, async (c) => {
  const actor = requireUser(c);
  const f = await readerBodies(c.get('deps').db, actor.id);
  authorize(c, eventsPolicy.can(actor, 'create', f));
  const l = c.get('locale');
  const values: Record<string, string | string[]> = { kind: 'workshop', original_lang: l, format: 'in_person', time_zone: 'America/Santiago', visibility: 'public', registration_mode: 'open', bodies: f.secretaryOf.slice(0, 1) };
  // From a consultation's result (its organizers only): a conversatorio whose draft agenda is the top items,
  // each row's time left for the organizers to set, and a description that links back to the result.
  const [consultation, question] = [c.req.query('consultation'), c.req.query('question')];
  const draft = consultation && question ? await agendaFromConsultation(c.get('deps').db, actor, consultation, question, AGENDA_ROWS, l) : undefined;
  if (draft) {
    const t = c.get('t');
    const title = pickTranslated(draft.title, l)?.text ?? '';
    Object.assign(values, {
      kind: 'conversatorio',
      [`title_${l}`]: t('events.fromConsultation.title', { title }).slice(0, 200),
      [`description_${l}`]: t('events.fromConsultation.description', { title, url: `${c.get('deps').config.baseUrl.replace(/\/$/, '')}${draft.resultsHref}` }),
      bodies: [draft.bodyId],
      objectives: draft.objectives.map(String),
      ...Object.fromEntries(draft.items.map((item, i) => [`agenda_${i}_title`, item.label.slice(0, 300)])),
    });
  }
  return renderForm(c, f, emptyForm(values));
});

eventsRoutes.post(
  paths.create.pattern,
  action({
    load: async (c, actor) => ({ f: await readerBodies(c.get('deps').db, actor.id) }),
    allow: (actor, x) => eventsPolicy.can(actor, 'create', x.f),
    input: EventForm,
    run: async (trx, { actor, subject, input }) => {
      const checked = await checkBodies(trx, actor, subject.f, input);
      if (!checked.ok) return checked;
      return createEvent(trx, actor.id, eventInput(input));
    },
    form: (c, { subject, form }) => renderForm(c, subject.f, form),
    done: ({ locale, value }) => ({ to: paths.event.href(locale, { id: value.id }), flash: 'events.form.created' }),
  }),
);

// ------------------------------------------------------------------------------------------------
// One event, its calendar entry, and the organizers' actions
// ------------------------------------------------------------------------------------------------

eventsRoutes.get(paths.event.pattern, async (c) => {
  const user = c.get('user');
  const x = await loadEvent(c, user, true);
  if (!x) return c.notFound();
  // A visitor's page is every visitor's, unless it offers them the registration form for people without an account
  // (it posts with the visitor's own CSRF token): past, closed and cancelled events — and their minutes — are kept by
  // the public page cache.
  if (!user && (registrationClosed(x.e, nowIso()) || !eventsPolicy.can(user, 'registerAsGuest', x))) c.set('cacheable', true);
  else if (!user && !c.req.query('code')) {
    // Open for registration, it is every visitor's page but for the form's CSRF secret: kept with the form's field
    // left for each visitor's own (keptWithForms), so the page a mailing sends many people to costs no statement.
    // An invitation code in the address fills the form: that page is made for its visitor.
    return c.render(await keptWithForms(c, `events.page:${x.e.id}:${c.get('locale')}:${readerZone(c) ?? ''}`, () => eventPage(c, x)), eventMeta(c, x));
  }
  return renderEvent(c, x);
});

eventsRoutes.get(paths.ics.pattern, async (c) => {
  const x = await loadEvent(c, c.get('user'), true);
  if (!x) return c.notFound();
  const { db, config } = c.get('deps');
  const l = c.get('locale');
  const names = await countryNames(db, l);
  const body = eventsCalendar(pickTranslated(x.e.title, l)?.text ?? x.e.id, [x.e], config.baseUrl, l, (code) => names.get(code) ?? code);
  // A visitor gets a public event's calendar file, the same for every visitor (no online link: registered people's).
  if (!c.get('user')) c.set('cacheable', true);
  return c.body(body, 200, { 'Content-Type': 'text/calendar; charset=utf-8', 'Content-Disposition': `attachment; filename="event-${x.e.id}.ics"` });
});

eventsRoutes.get(paths.edit.pattern, async (c) => {
  const actor = requireUser(c);
  const x = await loadEvent(c, actor);
  if (!x) return c.notFound();
  authorize(c, eventsPolicy.can(actor, 'organize', x));
  return renderForm(c, x.f, emptyForm(formValuesOf(x.e, await agendaOf(c.get('deps').db, x.e.id))), x.e);
});

eventsRoutes.post(
  paths.edit.pattern,
  action({
    load: loadEvent,
    allow: (actor, x) => eventsPolicy.can(actor, 'organize', x),
    input: EventForm,
    run: async (trx, { actor, subject, input, deps }) => {
      const checked = await checkBodies(trx, actor, subject.f, input, subject.e.bodyIds);
      if (!checked.ok) return checked;
      return editEvent(eventsTx(trx, deps), actor.id, subject.e.id, eventInput(input));
    },
    form: (c, { subject, form }) => renderForm(c, subject.f, form, subject.e),
    done: (x) => ({ to: back(x), flash: 'events.form.saved' }),
  }),
);

eventsRoutes.post(
  paths.cancelEvent.pattern,
  action({
    load: loadEvent,
    allow: (actor, x) => eventsPolicy.can(actor, 'organize', x),
    run: (trx, { actor, subject, deps }) => cancelEvent(eventsTx(trx, deps), actor.id, subject.e.id),
    back,
    done: (x) => ({ to: back(x), flash: 'events.page.cancelledEvent' }),
  }),
);

// ------------------------------------------------------------------------------------------------
// Registration
// ------------------------------------------------------------------------------------------------

const registeredFlash = (status: string) => `events.registrationDone.${status}`;

eventsRoutes.post(
  paths.register.pattern,
  action({
    // The reads come before the transaction (the event, its questions, the person's organizations), so the write
    // transaction holds only the writes (decision 0401, "A short write").
    load: async (c, actor) => {
      const x = await loadEvent(c, actor);
      if (!x) return null;
      const { db } = c.get('deps');
      return { ...x, reads: await registrationReads(db, x.e, actor.locale ?? c.get('locale')), orgs: await organizationsOfUser(db, actor.id) };
    },
    allow: (actor, x) => eventsPolicy.can(actor, 'register', x),
    input: RegisterInput,
    run: async (trx, { actor, subject, input, deps, locale, values }) => {
      if (input.org && !subject.orgs.some((o) => o.id === input.org && o.status === 'member')) return fail('form.error.choice', { field: 'org' });
      return register(eventsTx(trx, deps), { eventId: subject.e.id, userId: actor.id, email: actor.email, name: actor.name, organization: input.org ? null : input.organization ?? null, orgId: input.org ?? null, locale: actor.locale ?? locale, sector: input.sector, code: input.code, answers: values }, undefined, subject.reads);
    },
    form: (c, { subject, form }) => renderEvent(c, subject, form),
    done: (x) => ({ to: back(x), flash: registeredFlash(x.value.status) }),
  }),
);

eventsRoutes.post(
  paths.unregister.pattern,
  action({
    load: loadEvent,
    // Anyone signed in who sees the event may ask; the command refuses when they hold no registration.
    allow: (actor, x) => eventsPolicy.can(actor, 'view', x),
    run: (trx, { actor, subject, deps }) => cancelRegistration(eventsTx(trx, deps), subject.e.id, { userId: actor.id }),
    back,
    done: (x) => ({ to: back(x), flash: 'events.page.cancelledMine' }),
  }),
);

eventsRoutes.post(
  paths.guest.pattern,
  action({
    public: true,
    load: async (c, actor) => {
      const x = await loadEvent(c, actor);
      return x && { ...x, reads: await registrationReads(c.get('deps').db, x.e, c.get('locale')) };
    },
    allow: (actor, x) => eventsPolicy.can(actor, 'registerAsGuest', x),
    input: GuestInput,
    run: (trx, { subject, input, deps, locale, values }) =>
      register(eventsTx(trx, deps), { eventId: subject.e.id, userId: null, email: input.email, name: input.name, organization: input.organization ?? null, locale, sector: input.sector, code: input.code, answers: values }, undefined, subject.reads),
    form: (c, { subject, form }) => renderEvent(c, subject, undefined, form),
    // The same answer whether or not the address was already registered would need the refusal hidden too;
    // an address's registration is not secret from the person typing it, so the plain answer is given.
    done: (x) => ({ to: back(x), flash: 'events.guest.checkMail' }),
  }),
);

eventsRoutes.get(paths.registration.pattern, async (c) => {
  const x = await loadByToken(c);
  if (!x) return c.notFound();
  c.header('Cache-Control', 'no-store');
  c.header('Referrer-Policy', 'no-referrer');
  const byLink = eventsPolicy.can(c.get('user'), 'seeParticipantMaterialsByLink', { r: x.r });
  const materials = (await materialsOf(c.get('deps').db, x.e.id)).filter((m) => m.audience === 'public' || byLink);
  return c.render(<GuestRegistrationPage e={x.e} r={x.r} materials={materials} />, { title: c.get('t')('events.guest.title'), noindex: true });
});

const toRegistration = ({ subject, locale }: { subject: { e: Event; r: { token: string } }; locale: 'es' | 'en' | 'pt' | 'fr' }) => paths.registration.href(locale, { id: subject.e.id, token: subject.r.token });

eventsRoutes.post(
  paths.confirm.pattern,
  action({
    public: true,
    load: async (c) => {
      const x = await loadByToken(c);
      return x && { ...x, countries: await countryNames(c.get('deps').db, isLocale(x.r.locale) ? x.r.locale : DEFAULT_LOCALE) };
    },
    // The secret link is the permission.
    allow: () => true,
    run: (trx, { subject, deps }) => confirmGuest(eventsTx(trx, deps), subject.e.id, subject.r.token, undefined, subject),
    back: toRegistration,
    done: (x) => ({ to: toRegistration(x), flash: registeredFlash(x.value.status) }),
  }),
);

eventsRoutes.post(
  paths.guestCancel.pattern,
  action({
    public: true,
    load: loadByToken,
    allow: () => true,
    run: (trx, { subject, deps }) => cancelRegistration(eventsTx(trx, deps), subject.e.id, { token: subject.r.token }),
    back: toRegistration,
    done: (x) => ({ to: toRegistration(x), flash: 'events.page.cancelledMine' }),
  }),
);

// ------------------------------------------------------------------------------------------------
// The organizers: registrations, decisions, invitations
// ------------------------------------------------------------------------------------------------

async function renderRegistrations(c: Context<AppEnv>, x: Loaded, inviteForm = emptyForm(), checkInForm = emptyForm()) {
  const { db } = c.get('deps');
  const regs = await registrationsOf(db, x.e.id);
  const attendance = await attendanceOf(db, x.e.id);
  const orgs = await getOrganizations(db, [...new Set(regs.map((r) => r.org_id).filter((v): v is string => !!v))]);
  const countries = await countryNames(db, c.get('locale'));
  c.header('Cache-Control', 'no-store');
  return c.render(<RegistrationsPage questions={await questionsOf(db, x.e.id)} answers={await answersOf(db, x.e.id)} e={x.e} regs={regs} inviteForm={inviteForm} checkInForm={checkInForm} attendance={attendance} orgs={orgs.map((o) => ({ id: o.id, slug: o.slug, name: o.name, country: countries.get(o.country) ?? o.country }))} />, { title: c.get('t')('events.registrations.title'), noindex: true, crumbs: [[c.get('t')('events.list.title'), paths.list.pattern]] });
}

eventsRoutes.get(paths.registrations.pattern, async (c) => {
  const actor = requireUser(c);
  const x = await loadEvent(c, actor);
  if (!x) return c.notFound();
  authorize(c, eventsPolicy.can(actor, 'organize', x));
  return renderRegistrations(c, x);
});

const toRegistrations = ({ subject, locale }: { subject: { e: Event }; locale: 'es' | 'en' | 'pt' | 'fr' }) => paths.registrations.href(locale, { id: subject.e.id });

eventsRoutes.post(
  paths.decide.pattern,
  action({
    load: loadEvent,
    allow: (actor, x) => eventsPolicy.can(actor, 'organize', x),
    input: DecideInput,
    run: (trx, { actor, subject, input, deps, c }) =>
      input.attendance
        ? markAttendance(eventsTx(trx, deps), actor.id, subject.e.id, { regId: c.req.param('rid') ?? '' }, input.attendance === 'present')
        : decide(eventsTx(trx, deps), actor.id, subject.e.id, c.req.param('rid') ?? '', input.role ? { role: input.role } : { decision: input.decision! }),
    back: toRegistrations,
    done: (x) => ({ to: toRegistrations(x), flash: 'events.registrations.saved' }),
  }),
);

eventsRoutes.post(
  paths.invite.pattern,
  action({
    load: loadEvent,
    allow: (actor, x) => eventsPolicy.can(actor, 'organize', x),
    input: InviteInput,
    run: (trx, { actor, subject, input, deps, locale }) => invite(eventsTx(trx, deps), actor.id, subject.e.id, input.email, locale),
    form: (c, { subject, form }) => renderRegistrations(c, subject, form),
    done: (x) => ({ to: toRegistrations(x), flash: 'events.registrations.invited' }),
  }),
);

eventsRoutes.post(
  paths.checkIn.pattern,
  action({
    load: loadEvent,
    allow: (actor, x) => eventsPolicy.can(actor, 'organize', x),
    input: CheckInInput,
    run: (trx, { actor, subject, input, deps }) => markAttendance(eventsTx(trx, deps), actor.id, subject.e.id, { code: input.code }, true),
    form: (c, { subject, form }) => renderRegistrations(c, subject, undefined, form),
    done: (x) => ({ to: toRegistrations(x), flash: { type: 'success', key: 'events.registrations.checkedIn', params: { name: x.value.name } } }),
  }),
);

// ------------------------------------------------------------------------------------------------
// My events and my secret calendar address
// ------------------------------------------------------------------------------------------------

eventsRoutes.get(paths.mine.pattern, async (c) => {
  const user = requireUser(c);
  const { db, config } = c.get('deps');
  const token = await feedTokenOf(db, user.id);
  c.header('Cache-Control', 'no-store');
  return c.render(<MyEventsPage items={await eventsOfPerson(db, user.id)} feedUrl={token ? paths.personalFeed.url(config.baseUrl, c.get('locale'), { token }) : null} reader={readerZone(c)} />, {
    title: c.get('t')('events.mine.title'),
    noindex: true,
  });
});

eventsRoutes.post(
  paths.mineFeed.pattern,
  action({
    allow: () => true,
    run: (trx, { actor, deps }) => renewFeedToken(eventsTx(trx, deps), actor.id),
    done: ({ locale }) => ({ to: paths.mine.href(locale), flash: 'events.mine.renewed' }),
  }),
);

/** The personal feed: the secret address is the permission; it lists what the person holds a place (or waits) for. */
eventsRoutes.get(paths.personalFeed.pattern, async (c) => {
  const { db, config } = c.get('deps');
  const userId = await userOfFeedToken(db, c.req.param('token') ?? '');
  if (!userId) return c.notFound();
  const l = c.get('locale');
  const names = await countryNames(db, l);
  const events = (await eventsOfPerson(db, userId)).map((x) => x.event);
  c.header('Cache-Control', 'no-store');
  c.header('Referrer-Policy', 'no-referrer');
  return c.body(eventsCalendar(c.get('t')('events.mine.title'), events, config.baseUrl, l, (code) => names.get(code) ?? code), 200, { 'Content-Type': 'text/calendar; charset=utf-8' });
});

// ------------------------------------------------------------------------------------------------
// Minutes / closing report
// ------------------------------------------------------------------------------------------------

async function renderMinutes(c: Context<AppEnv>, x: Loaded, form: FormState) {
  return c.render(<MinutesFormPage e={x.e} form={form} bodies={await bodyOptions(c)} />, { title: c.get('t')('events.minutes.title'), noindex: true, crumbs: [[c.get('t')('events.list.title'), paths.list.pattern]] });
}

eventsRoutes.get(paths.minutes.pattern, async (c) => {
  const actor = requireUser(c);
  const x = await loadEvent(c, actor);
  if (!x) return c.notFound();
  authorize(c, eventsPolicy.can(actor, 'organize', x));
  const m = await minutesOf(c.get('deps').db, x.e.id);
  const values: Record<string, string | undefined> = {};
  for (const l of LOCALES) {
    values[`summary_${l}`] = m?.summary[l] ?? '';
    values[`agreements_${l}`] = m?.agreements[l] ?? '';
  }
  m?.actions.slice(0, ACTION_ROWS).forEach((a, i) => {
    values[`action_${i}_text`] = a.text;
    values[`action_${i}_body`] = a.bodyId ?? '';
    values[`action_${i}_due`] = a.dueOn ?? '';
  });
  if (m?.publishedAt) values.publish = 'on';
  return renderMinutes(c, x, emptyForm(values));
});

eventsRoutes.post(
  paths.minutes.pattern,
  action({
    load: loadEvent,
    allow: (actor, x) => eventsPolicy.can(actor, 'organize', x),
    input: MinutesForm,
    run: async (trx, { actor, subject, input, deps }) => {
      const m = minutesInput(input);
      const known = new Set((await listBodies(trx)).map((b) => b.id));
      const bad = m.actions.findIndex((a) => a.bodyId && !known.has(a.bodyId));
      if (bad >= 0) return fail('form.error.choice', { field: `action_${bad}_body` });
      return saveMinutes(eventsTx(trx, deps), actor.id, subject.e.id, m);
    },
    form: (c, { subject, form }) => renderMinutes(c, subject, form),
    done: (x) => ({ to: back(x), flash: x.value.published ? 'events.minutes.published' : 'events.minutes.saved' }),
  }),
);

// ------------------------------------------------------------------------------------------------
// Registration questions, the registrations as CSV
// ------------------------------------------------------------------------------------------------

async function renderQuestions(c: Context<AppEnv>, x: Loaded, form: FormState) {
  c.header('Cache-Control', 'no-store');
  return c.render(<QuestionsFormPage e={x.e} form={form} />, { title: c.get('t')('events.questions.title'), noindex: true, crumbs: [[c.get('t')('events.list.title'), paths.list.pattern]] });
}

eventsRoutes.get(paths.questions.pattern, async (c) => {
  const actor = requireUser(c);
  const x = await loadEvent(c, actor);
  if (!x) return c.notFound();
  authorize(c, eventsPolicy.can(actor, 'organize', x));
  const values: Record<string, string | undefined> = {};
  (await questionsOf(c.get('deps').db, x.e.id)).slice(0, QUESTION_ROWS).forEach((q, i) => {
    values[`question_${i}_id`] = q.id;
    values[`question_${i}_kind`] = q.kind;
    values[`question_${i}_label`] = q.label;
    values[`question_${i}_choices`] = q.choices.join('\n');
    if (q.required) values[`question_${i}_required`] = 'on';
  });
  return renderQuestions(c, x, emptyForm(values));
});

eventsRoutes.post(
  paths.questions.pattern,
  action({
    load: loadEvent,
    allow: (actor, x) => eventsPolicy.can(actor, 'organize', x),
    input: QuestionsForm,
    run: (trx, { actor, subject, input }) => saveQuestions(trx, actor.id, subject.e.id, questionsInput(input)),
    form: (c, { subject, form }) => renderQuestions(c, subject, form),
    done: (x) => ({ to: toRegistrations(x), flash: 'events.questions.saved' }),
  }),
);

/** The registrations with their answers, one column per question (formula-safe CSV). */
eventsRoutes.get(paths.registrationsCsv.pattern, async (c) => {
  const actor = requireUser(c);
  const x = await loadEvent(c, actor);
  if (!x) return c.notFound();
  authorize(c, eventsPolicy.can(actor, 'organize', x));
  const { db } = c.get('deps');
  const t = c.get('t');
  const [regs, questions, answers] = await Promise.all([registrationsOf(db, x.e.id), questionsOf(db, x.e.id), answersOf(db, x.e.id)]);
  const orgs = new Map((await getOrganizations(db, [...new Set(regs.map((r) => r.org_id).filter((v): v is string => !!v))])).map((o) => [o.id, o.name]));
  const head = [t('events.fields.name'), t('events.fields.email'), t('events.fields.organization'), t('events.fields.sector'), t('events.registrations.role'), t('events.registrations.status'), t('events.registrations.code'), t('events.registrations.attendance'), ...questions.map((q) => questionLabel(q, t))];
  const rows = regs.map((r) => [
    r.name,
    r.email,
    r.org_id ? orgs.get(r.org_id) ?? '' : r.organization ?? '',
    t(`events.sectors.${r.sector}`),
    t(`events.roles.${r.role}`),
    t(`events.registrationStatus.${r.status}`),
    r.status === 'registered' ? r.check_in_code : '',
    r.attended_at ? t('events.registrations.present') : '',
    ...questions.map((q) => answerText(q, answers.get(r.id)?.get(q.id))),
  ]);
  return c.body(toCsv([head, ...rows], { bom: true }), 200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="registrations-${x.e.id}.csv"`, 'Cache-Control': 'private, no-store' });
});

// ------------------------------------------------------------------------------------------------
// Materials: files and links, before and after
// ------------------------------------------------------------------------------------------------

async function renderMaterials(c: Context<AppEnv>, x: Loaded, form: FormState) {
  c.header('Cache-Control', 'no-store');
  return c.render(<MaterialsPage e={x.e} materials={await materialsOf(c.get('deps').db, x.e.id)} form={form} />, { title: c.get('t')('events.materials.manage'), noindex: true, crumbs: [[c.get('t')('events.list.title'), paths.list.pattern]] });
}

const newMaterial = () => emptyForm({ kind: 'file', phase: 'before', audience: 'public' });

eventsRoutes.get(paths.materials.pattern, async (c) => {
  const actor = requireUser(c);
  const x = await loadEvent(c, actor);
  if (!x) return c.notFound();
  authorize(c, eventsPolicy.can(actor, 'organize', x));
  return renderMaterials(c, x, newMaterial());
});

/** An upload larger than any allowed file (and its form) is refused with 413. */
export const MATERIAL_UPLOAD_LIMIT = MATERIAL_MAX_BYTES + 64 * 1024;

eventsRoutes.post(
  paths.materials.pattern,
  async (c, next) => {
    if (Number(c.req.header('content-length') ?? '0') <= MATERIAL_UPLOAD_LIMIT) return next();
    const actor = requireUser(c);
    const x = await loadEvent(c, actor);
    if (!x) return c.notFound();
    authorize(c, eventsPolicy.can(actor, 'organize', x));
    c.status(413);
    return renderMaterials(c, x, { values: newMaterial().values, errors: { file: c.get('t')('practices.errors.fileTooLarge') } });
  },
  action({
    load: loadEvent,
    allow: (actor, x) => eventsPolicy.can(actor, 'organize', x),
    input: MaterialForm,
    run: async (trx, { c, actor, subject, input, deps }) => {
      const f = input.kind === 'file' ? (await c.req.parseBody()).file : null;
      const file = f instanceof File && f.size ? { name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) } : null;
      return addMaterial(trx, actor.id, deps.config.dataDir, subject.e.id, { ...input, url: input.url ?? undefined, file });
    },
    form: (c, { subject, form }) => renderMaterials(c, subject, form),
    done: ({ subject, locale }) => ({ to: paths.materials.href(locale, { id: subject.e.id }), flash: 'events.materials.added' }),
  }),
);

async function loadMaterial(c: Context<AppEnv>, user: CurrentUser | null): Promise<(Loaded & { m: Material }) | null> {
  const x = await loadEvent(c, user);
  const m = x && (await materialsOf(c.get('deps').db, x.e.id)).find((m) => m.id === c.req.param('mid'));
  return x && m ? { ...x, m } : null;
}

eventsRoutes.post(
  paths.removeMaterial.pattern,
  action({
    load: loadMaterial,
    allow: (actor, x) => eventsPolicy.can(actor, 'organize', x),
    run: (trx, { actor, subject, deps }) => removeMaterial(trx, actor.id, deps.config.dataDir, subject.e.id, subject.m.id),
    back: ({ subject, locale }) => paths.materials.href(locale, { id: subject.e.id }),
    done: ({ subject, locale }) => ({ to: paths.materials.href(locale, { id: subject.e.id }), flash: 'events.materials.removed' }),
  }),
);

/** Sends a material's file (a download, never shown inline). */
async function sendMaterial(c: Context<AppEnv>, m: Material) {
  const bytes = await readFile(join(eventUploadsDir(c.get('deps').config.dataDir), m.storedName!)).catch(() => null);
  if (!bytes) return c.notFound();
  const name = m.fileName ?? 'file';
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/[\\"]/g, '_');
  return c.body(new Uint8Array(bytes), 200, {
    'Content-Type': m.contentType ?? 'application/octet-stream',
    'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`,
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "default-src 'none'; sandbox",
    'Cache-Control': 'private, no-store',
  });
}

/** A file: for whoever sees the event, or (participants only) for the organizers and people holding a seat. */
eventsRoutes.get(paths.material.pattern, async (c) => {
  const user = c.get('user');
  const x = await loadMaterial(c, user);
  if (!x || x.m.kind !== 'file' || !x.m.storedName) return c.notFound();
  if (x.m.audience === 'participants') {
    const mine = user ? await registrationOf(c.get('deps').db, x.e.id, { userId: user.id }) : undefined;
    authorize(c, eventsPolicy.can(user, 'seeParticipantMaterials', { ...x, registered: mine?.status === 'registered' }));
  }
  return sendMaterial(c, x.m);
});

/**
 * A file through a person's registration link (people without an account have no sign-in): the event's public files,
 * and its participants-only files while that registration holds a seat. A refusal is 403 (signing in would not help).
 */
eventsRoutes.get(paths.guestMaterial.pattern, async (c) => {
  const x = await loadByToken(c);
  const m = x && (await materialsOf(c.get('deps').db, x.e.id)).find((m) => m.id === c.req.param('mid'));
  if (!x || !m || m.kind !== 'file' || !m.storedName) return c.notFound();
  c.header('Referrer-Policy', 'no-referrer');
  if (m.audience === 'participants' && !eventsPolicy.can(c.get('user'), 'seeParticipantMaterialsByLink', { r: x.r })) throw new AuthzError(403);
  return sendMaterial(c, m);
});

// ------------------------------------------------------------------------------------------------
// Representation at others' events
// ------------------------------------------------------------------------------------------------

/** Who may represent: people holding a position today in one of the event's organizing bodies (`<body>:<user>`). */
async function representativeCandidates(c: Context<AppEnv>, e: Event, db: Db = c.get('deps').db) {
  const t = c.get('t');
  const l = c.get('locale');
  const names = new Map((await listBodies(db)).map((b) => [b.id, pickTranslated(b.shortName ?? b.name, l)?.text ?? b.slug]));
  const out: { value: string; label: string; userId: string; bodyId: string; name: string }[] = [];
  for (const bodyId of e.bodyIds) {
    for (const h of (await bodyPositions(db, bodyId)).filter((h) => h.current)) {
      out.push({ value: `${bodyId}:${h.userId}`, label: t('events.representation.of', { name: h.holderName, position: t(`bodies.positions.names.${h.position}`), body: names.get(bodyId) ?? '' }), userId: h.userId, bodyId, name: h.holderName });
    }
  }
  return out;
}

/** The event, for its organizers, when it is external (others' events have a representation; the Mechanism's own do not). */
async function loadExternal(c: Context<AppEnv>, user: CurrentUser | null) {
  const x = await loadEvent(c, user);
  return x && x.e.external ? x : null;
}

async function renderRepresentation(c: Context<AppEnv>, x: Loaded, form: FormState) {
  c.header('Cache-Control', 'no-store');
  return c.render(<RepresentationFormPage e={x.e} form={form} candidates={await representativeCandidates(c, x.e)} />, { title: c.get('t')('events.representation.title'), noindex: true, crumbs: [[c.get('t')('events.list.title'), paths.list.pattern]] });
}

eventsRoutes.get(paths.representation.pattern, async (c) => {
  const actor = requireUser(c);
  const x = await loadExternal(c, actor);
  if (!x) return c.notFound();
  authorize(c, eventsPolicy.can(actor, 'organize', x));
  const r = await representationOf(c.get('deps').db, x.e.id);
  const values: Record<string, string | string[] | undefined> = { representatives: r?.representatives.map((p) => `${p.bodyId}:${p.userId}`) ?? [] };
  for (const l of LOCALES) {
    values[`mandate_${l}`] = r?.mandate[l] ?? '';
    values[`report_${l}`] = r?.report[l] ?? '';
  }
  return renderRepresentation(c, x, emptyForm(values));
});

eventsRoutes.post(
  paths.representation.pattern,
  action({
    load: loadExternal,
    allow: (actor, x) => eventsPolicy.can(actor, 'organize', x),
    input: RepresentationForm,
    run: async (trx, { actor, subject, input, c }) => {
      const d = representationInput(input);
      const candidates = await representativeCandidates(c, subject.e, trx);
      const people = [];
      for (const p of d.picked) {
        const found = candidates.find((k) => k.bodyId === p.bodyId && k.userId === p.userId);
        if (!found) return fail('events.errors.notRepresentative', { field: 'representatives' });
        people.push({ userId: found.userId, bodyId: found.bodyId, name: found.name });
      }
      return saveRepresentation(trx, actor.id, subject.e.id, { representatives: people, mandate: d.mandate, report: d.report });
    },
    form: (c, { subject, form }) => renderRepresentation(c, subject, form),
    done: (x) => ({ to: back(x), flash: 'events.representation.saved' }),
  }),
);
