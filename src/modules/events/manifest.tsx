/** @module Events module: workshops, seminars, courses, Mesa meetings and conversatorios — registration, waitlists, calendars. */
import { eventLinks } from './links.js';
import { eventsAudit } from './audit.js';
import { defineModule } from '../../platform/module.js';
import { eventsReport } from './report.js';
import * as create from './migrations/2026_12_02_1000_events_create.js';
import * as more from './migrations/2026_12_02_1430_events_questions_materials_representation.js';
import * as listIndexes from './migrations/2026_12_02_2200_events_list_indexes.js';
import * as createdIdx from './migrations/2026_12_02_2230_events_created_idx.js';
import { eventsRoutes, MATERIAL_UPLOAD_LIMIT } from './routes.js';
import { eventsApi } from './api.js';
import { demoEvents } from './seed.js';
import { paths } from './paths.js';
import { listEvents } from './queries.js';
import { sendReminders } from './commands/registration.js';
import { eventsTx } from './commands/context.js';
import { EventLink } from './views/common.js';
import { bodyEventsSection } from './views/body.js';
import { eventsPersonalData, eventsForgetPerson } from './personal.js';
import { visibleTo } from './policy.js';
import { pageReaderBodies } from '../bodies/index.js';
import es from './messages/es.json' with { type: 'json' };
import en from './messages/en.json' with { type: 'json' };
import pt from './messages/pt.json' with { type: 'json' };
import fr from './messages/fr.json' with { type: 'json' };
import type { Event } from './queries.js';
import type { Locale } from '../../platform/i18n/locales.js';
import { formatters } from '../../platform/i18n/i18n.js';
import { eventsUpdates } from './updates.js';
import { sharedSection } from '../../platform/views/fragment.js';

/** What a reader may see, as a key: readers with equal keys see the same events. */
const visibilityKey = (v: { visibilities: readonly string[]; bodyIds: readonly string[] }) => `${[...v.visibilities].sort().join(',')}|${[...v.bodyIds].sort().join(',')}`;

/** A short list of upcoming public events (home page, objective pages): the day in the event's own zone. */
function Upcoming(props: { events: Event[]; locale: Locale }) {
  const fmt = formatters(props.locale);
  return (
    <ul>
      {props.events.map((e) => (
        <li>
          <EventLink e={e} /> — {fmt.dateTimeIn(e.startsAt, e.timeZone)}
        </li>
      ))}
    </ul>
  );
}

export const eventsModule = defineModule({
  name: 'events',
  linkTargets: [eventLinks],
  reportSections: [eventsReport],
  audit: eventsAudit,
  migrations: {
    '2026_12_02_1000_events_create': create,
    '2026_12_02_1430_events_questions_materials_representation': more,
    '2026_12_02_2200_events_list_indexes': listIndexes,
    '2026_12_02_2230_events_created_idx': createdIdx,
  },
  messages: { es, en, pt, fr },
  routes: eventsRoutes,
  api: eventsApi,
  demo: demoEvents,
  personalData: eventsPersonalData,
  forgetPerson: eventsForgetPerson,
  uploadLimits: [{ path: paths.materials.pattern, maxBytes: MATERIAL_UPLOAD_LIMIT }],
  nav: [
    { path: paths.list.pattern, label: 'events.nav', area: 'main', order: 14 },
    { path: paths.mine.pattern, label: 'events.navMine', area: 'account', order: 22 },
  ],
  homeSections: async ({ db, locale, t }) => {
    const events = await listEvents(db, { when: 'upcoming', visibilities: ['public'], limit: 5, links: false });
    if (!events.length) return null;
    return (
      <section>
        <h2>{t('events.home.upcoming')}</h2>
        <Upcoming events={events} locale={locale} />
        <p>
          <a href={paths.list.href(locale)}>{t('events.home.all')}</a>
        </p>
      </section>
    );
  },
  // A body's page: its upcoming events and its representation at others' events, as this reader may see them.
  // The section depends on the reader only through what they may see: kept per visibility class (the page cache's
  // fragments), so every reader with the same visibilities shares one.
  bodySections: async (ctx, body) => {
    const { db, locale, t, user } = ctx;
    const visible = visibleTo(user ?? null, await pageReaderBodies(ctx));
    return sharedSection(ctx, `events.body:${body.id}:${visibilityKey(visible)}`, () => bodyEventsSection({ db, locale, t, bodyId: body.id, visible }));
  },
  // The body's members' area: the same events and representations, as this signed-in reader may see them.
  bodyAreaSections: async (ctx, body) => {
    const { db, locale, t, user } = ctx;
    const visible = visibleTo(user ?? null, await pageReaderBodies(ctx));
    return sharedSection(ctx, `events.area:${body.id}:${visibilityKey(visible)}`, () =>
      bodyEventsSection({ db, locale, t, bodyId: body.id, visible, heading: t('events.body.areaTitle') }),
    );
  },
  objectiveSections: async ({ db, locale, t }, { n }) => {
    const events = await listEvents(db, { when: 'upcoming', objective: n, visibilities: ['public'], limit: 5, links: false });
    if (!events.length) return null;
    return (
      <section>
        <h2>{t('events.home.onObjective')}</h2>
        <Upcoming events={events} locale={locale} />
        <p>
          <a href={paths.list.href(locale, {}, { objective: n })}>{t('events.home.all')}</a>
        </p>
      </section>
    );
  },
  // Reminders the day before, whether or not anyone opens the site: each seat holder once (reminded_at).
  jobs: [
    {
      name: 'events.reminders',
      handler: async (_payload, { deps, now }) => {
        await deps.db.transaction().execute((trx) => sendReminders(eventsTx(trx, deps), now));
        void deps.mailer.wake();
      },
    },
  ],
  schedules: [{ name: 'events.reminders', cron: '*/15 * * * *', job: 'events.reminders' }],
  updates: eventsUpdates,
  notifications: [
    { kind: 'events.registration', label: 'events.notifications.registration' },
    { kind: 'events.changed', label: 'events.notifications.changed' },
    { kind: 'events.reminder', label: 'events.notifications.reminder' },
    { kind: 'events.invitation', label: 'events.notifications.invitation' },
    { kind: 'events.confirm', label: 'events.notifications.confirm', mandatory: true },
  ],
});
