/**
 * @module Events: pages and form posts. GET: load (404, also for an event the reader may not see) → the
 * policy's named rule (401/403) → render a view. POST: `action()` (sign-in → load → rule → zod input →
 * command in one transaction → redirect with a flash).
 */
import { Hono, type Context } from 'hono';
import type { AppEnv, CurrentUser } from '../../platform/http/env.js';
import type { Db } from '../../db/schema.js';
import { action } from '../../platform/http/action.js';
import { authorize, requireUser, isAdmin } from '../../platform/authz/authz.js';
import { ok, fail } from '../../platform/outcome.js';
import { emptyForm, type FormState, type Option } from '../../platform/views/components.js';
import { pickTranslated } from '../../platform/i18n/translated.js';
import { listObjectives, listCountries, countryNames } from '../../platform/reference/queries.js';
import { listBodies } from '../bodies/index.js';
import { getEvent, listEvents, agendaOf, registrationOf, registrationByToken, registrationsOf, registrationCounts, attendanceOf, eventsOfPerson, feedTokenOf, userOfFeedToken, minutesOf, type Event } from './queries.js';
import { organizationsOfUser, getOrganizations } from '../membership/index.js';
import { eventsPolicy, visibleTo, type ReaderFacts } from './policy.js';
import { readerFacts } from './facts.js';
import { createEvent, editEvent, cancelEvent } from './commands/save.js';
import { register, confirmGuest, cancelRegistration, decide, invite, registrationClosed, markAttendance, renewFeedToken } from './commands/registration.js';
import { eventsTx } from './commands/context.js';
import { EventForm, eventInput, agendaProblem, RegisterInput, GuestInput, DecideInput, InviteInput, CheckInInput, MinutesForm, minutesInput, ACTION_ROWS, type EventFormData } from './schemas.js';
import { zonesForForm } from './core/time.js';
import { eventsCalendar } from './ics.js';
import { eventsAtomFeed } from './feed.js';
import { paths } from './paths.js';
import { EVENT_KINDS, EVENT_FORMATS } from './tables.js';
import { EventsListPage } from './views/list.js';
import { EventPage } from './views/event.js';
import { EventFormPage, formValuesOf } from './views/form.js';
import { RegistrationsPage, GuestRegistrationPage } from './views/registrations.js';
import { MyEventsPage } from './views/mine.js';
import { MinutesFormPage } from './views/minutes.js';
import { saveMinutes } from './commands/minutes.js';
import { LOCALES } from '../../platform/i18n/locales.js';

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

/** The event and the facts about the reader; null (404) when there is none or the reader may not see it. */
async function loadEvent(c: Context<AppEnv>, user: CurrentUser | null) {
  const { db } = c.get('deps');
  const e = await getEvent(db, c.req.param('id') ?? '');
  if (!e) return null;
  const f = await readerFacts(db, user?.id);
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
  const { db } = c.get('deps');
  const user = c.get('user');
  const l = c.get('locale');
  const { e, f } = x;
  const mine = user ? await registrationOf(db, e.id, { userId: user.id }) : undefined;
  const bodies = (await listBodies(db)).filter((b) => e.bodyIds.includes(b.id)).map((b) => ({ id: b.id, slug: b.slug, name: pickTranslated(b.name, l)?.text ?? b.slug }));
  const objs = (await listObjectives(db, l)).filter((o) => e.objectives.includes(o.n)).map((o) => ({ n: o.n, title: `${o.n}. ${o.short}` }));
  const counts = await registrationCounts(db, e.id);
  const code = c.req.query('code');
  if (code && !form.values.code) form = emptyForm({ ...form.values, code: code.slice(0, 40) });
  if (code && !guestForm.values.code) guestForm = emptyForm({ ...guestForm.values, code: code.slice(0, 40) });
  const organize = eventsPolicy.can(user, 'organize', x);
  const myOrgs = user ? (await organizationsOfUser(db, user.id)).filter((o) => o.status === 'member').map((o) => ({ value: o.id, label: o.name })) : [];
  const attendance = await attendanceOf(db, e.id);
  const minutes = await minutesOf(db, e.id);
  const allBodies = await listBodies(db);
  return c.render(
    <EventPage
      e={e}
      agenda={await agendaOf(db, e.id)}
      bodies={bodies}
      objectives={objs}
      country={e.venue.country ? (await countryNames(db, l)).get(e.venue.country) ?? e.venue.country : null}
      mine={mine}
      can={{ organize, register: eventsPolicy.can(user, 'register', x), guest: eventsPolicy.can(user, 'registerAsGuest', x), seeLink: eventsPolicy.can(user, 'seeLink', { ...x, registered: mine?.status === 'registered' }) }}
      closed={registrationClosed(e, new Date().toISOString())}
      waitlisted={counts.waitlisted ?? 0}
      reader={readerZone(c)}
      form={form}
      guestForm={guestForm}
      myOrgs={myOrgs}
      attendance={attendance}
      minutes={minutes?.publishedAt ? minutes : undefined}
      bodyName={new Map(allBodies.map((b) => [b.id, pickTranslated(b.name, l)?.text ?? b.slug]))}
    />,
    { title: pickTranslated(e.title, l)?.text ?? e.id, crumbs: [[c.get('t')('events.list.title'), paths.list.pattern]], noindex: e.visibility !== 'public' },
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
  const { db } = c.get('deps');
  const user = c.get('user');
  const f = await readerFacts(db, user?.id);
  const q = c.req.query();
  const kind = (EVENT_KINDS as readonly string[]).includes(q.kind ?? '') ? (q.kind as Event['kind']) : undefined;
  const bodies = await bodyOptions(c);
  const bodyId = bodies.some((b) => b.value === q.body) ? q.body : undefined;
  const n = Number(q.objective);
  const objective = Number.isInteger(n) && n >= 1 && n <= 23 ? n : undefined;
  const format = (EVENT_FORMATS as readonly string[]).includes(q.format ?? '') ? (q.format as Event['format']) : undefined;
  const countries = (await listCountries(db, c.get('locale'))).map((x) => ({ value: x.alpha2, label: x.name }));
  const country = countries.some((x) => x.value === q.country) ? q.country : undefined;
  const filter = { kind, bodyId, objective, format, country, ...visibleTo(user, f) };
  const t = c.get('t');
  return c.render(
    <EventsListPage
      upcoming={await listEvents(db, { ...filter, when: 'upcoming' })}
      past={await listEvents(db, { ...filter, when: 'past', limit: 50 })}
      form={emptyForm({ kind: kind ?? '', body: bodyId ?? '', objective: objective ? String(objective) : '', format: format ?? '', country: country ?? '' })}
      countries={countries}
      bodies={bodies}
      objectives={await objectiveOptions(c)}
      bodyName={new Map(bodies.map((b) => [b.value, b.label]))}
      canCreate={eventsPolicy.can(user, 'create', f)}
      filtered={!!(kind || bodyId || objective || format || country)}
      reader={readerZone(c)}
    />,
    { title: t('events.list.title'), description: t('events.list.lead'), feeds: [{ title: `${t('events.list.title')} (Atom)`, href: paths.atom.href(c.get('locale')) }] },
  );
});

eventsRoutes.get(paths.atom.pattern, eventsAtomFeed);

eventsRoutes.get(paths.feed.pattern, async (c) => {
  const { db, config } = c.get('deps');
  const l = c.get('locale');
  // Per body (?body=<id>) and per objective (?objective=<n>), like the list's filters.
  const q = c.req.query();
  const n = Number(q.objective);
  const objective = Number.isInteger(n) && n >= 1 && n <= 23 ? n : undefined;
  const bodyId = q.body && /^[0-9a-z]{16}$/.test(q.body) ? q.body : undefined;
  const events = await listEvents(db, { when: 'upcoming', bodyId, objective, visibilities: ['public'], limit: 1000 });
  const names = await countryNames(db, l);
  const body = eventsCalendar(c.get('t')('events.list.title'), events, config.baseUrl, l, (code) => names.get(code) ?? code);
  return c.body(body, 200, { 'Content-Type': 'text/calendar; charset=utf-8', 'Content-Disposition': 'inline; filename="events.ics"' });
});

eventsRoutes.get(paths.create.pattern, async (c) => {
  const actor = requireUser(c);
  const f = await readerFacts(c.get('deps').db, actor.id);
  authorize(c, eventsPolicy.can(actor, 'create', f));
  return renderForm(c, f, emptyForm({ kind: 'workshop', original_lang: c.get('locale'), format: 'in_person', time_zone: 'America/Santiago', visibility: 'public', registration_mode: 'open', bodies: f.secretaryOf.slice(0, 1) }));
});

eventsRoutes.post(
  paths.create.pattern,
  action({
    load: async (c, actor) => ({ f: await readerFacts(c.get('deps').db, actor.id) }),
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
  const x = await loadEvent(c, c.get('user'));
  if (!x) return c.notFound();
  return renderEvent(c, x);
});

eventsRoutes.get(paths.ics.pattern, async (c) => {
  const x = await loadEvent(c, c.get('user'));
  if (!x) return c.notFound();
  const { db, config } = c.get('deps');
  const l = c.get('locale');
  const names = await countryNames(db, l);
  const body = eventsCalendar(pickTranslated(x.e.title, l)?.text ?? x.e.id, [x.e], config.baseUrl, l, (code) => names.get(code) ?? code);
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
    load: loadEvent,
    allow: (actor, x) => eventsPolicy.can(actor, 'register', x),
    input: RegisterInput,
    run: async (trx, { actor, subject, input, deps, locale }) => {
      if (input.org && !(await organizationsOfUser(trx, actor.id)).some((o) => o.id === input.org && o.status === 'member')) return fail('form.error.choice', { field: 'org' });
      return register(eventsTx(trx, deps), { eventId: subject.e.id, userId: actor.id, email: actor.email, name: actor.name, organization: input.org ? null : input.organization ?? null, orgId: input.org ?? null, locale: actor.locale ?? locale, sector: input.sector, code: input.code });
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
    load: loadEvent,
    allow: (actor, x) => eventsPolicy.can(actor, 'registerAsGuest', x),
    input: GuestInput,
    run: (trx, { subject, input, deps, locale }) =>
      register(eventsTx(trx, deps), { eventId: subject.e.id, userId: null, email: input.email, name: input.name, organization: input.organization ?? null, locale, sector: input.sector, code: input.code }),
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
  return c.render(<GuestRegistrationPage e={x.e} r={x.r} />, { title: c.get('t')('events.guest.title'), noindex: true });
});

const toRegistration = ({ subject, locale }: { subject: { e: Event; r: { token: string } }; locale: 'es' | 'en' | 'pt' | 'fr' }) => paths.registration.href(locale, { id: subject.e.id, token: subject.r.token });

eventsRoutes.post(
  paths.confirm.pattern,
  action({
    public: true,
    load: loadByToken,
    // The secret link is the permission.
    allow: () => true,
    run: (trx, { subject, deps }) => confirmGuest(eventsTx(trx, deps), subject.e.id, subject.r.token),
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
  return c.render(<RegistrationsPage e={x.e} regs={regs} inviteForm={inviteForm} checkInForm={checkInForm} attendance={attendance} orgs={orgs.map((o) => ({ id: o.id, slug: o.slug, name: o.name, country: countries.get(o.country) ?? o.country }))} />, { title: c.get('t')('events.registrations.title'), noindex: true, crumbs: [[c.get('t')('events.list.title'), paths.list.pattern]] });
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
