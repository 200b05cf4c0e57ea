/**
 * @module Events views: what a body's page and its members' area show of events — the body's upcoming events and
 * its representation at others' events (counted over the last twelve months, with how many reports came back).
 */
import type { Db } from '../../../db/schema.js';
import type { Locale } from '../../../platform/i18n/locales.js';
import { formatters } from '../../../platform/i18n/i18n.js';
import { listEvents, representationsOfBody, type Event } from '../queries.js';
import { paths } from '../paths.js';
import { EventLink } from './common.js';
import type { Visibility } from '../tables.js';

export interface BodyEventsInput {
  db: Db;
  locale: Locale;
  t: (key: string, opts?: Record<string, unknown>) => string;
  bodyId: string;
  /** What the reader may see (the policy's `visibleTo`). */
  visible: { visibilities: Visibility[]; bodyIds: string[] };
  /** The heading's level and text: the body's page (h2, "Upcoming events") or the members' area. */
  heading?: string;
  now?: Date;
}

function List(props: { events: Event[]; locale: Locale }) {
  const fmt = formatters(props.locale);
  return (
    <ul>
      {props.events.map((e) => (
        <li>
          <EventLink e={e} /> — {fmt.dateTimeIn(e.startsAt, e.timeZone)}
          {e.external ? ` · ${e.external.organizer}` : ''}
        </li>
      ))}
    </ul>
  );
}

/** The section, or null when the body has neither upcoming events nor representations the reader may see. */
export async function bodyEventsSection(x: BodyEventsInput) {
  const { db, locale, t, bodyId } = x;
  const now = x.now ?? new Date();
  const upcoming = await listEvents(db, { when: 'upcoming', bodyId, ...x.visible, limit: 5, now: now.toISOString(), links: false });
  const reps = await representationsOfBody(db, bodyId, { ...x.visible, limit: 200 });
  const yearAgo = new Date(now.getTime() - 365 * 86400_000).toISOString();
  const lastYear = reps.filter((r) => r.event.startsAt >= yearAgo && r.event.startsAt <= now.toISOString());
  if (!upcoming.length && !reps.length && !x.heading) return null;
  const fmt = formatters(locale);
  return (
    <section aria-labelledby="body-events">
      <h2 id="body-events">{x.heading ?? t('events.body.upcoming')}</h2>
      {upcoming.length ? <List events={upcoming} locale={locale} /> : <p>{t('events.body.areaNone')}</p>}
      {reps.length ? (
        <>
          <h3>{t('events.body.representations')}</h3>
          <p>{t('events.body.activity', { count: lastYear.length, reports: fmt.number(lastYear.filter((r) => r.reported).length) })}</p>
          <List events={reps.slice(0, 5).map((r) => r.event)} locale={locale} />
        </>
      ) : null}
      <p>
        <a href={paths.list.href(locale, {}, { body: bodyId })}>{t('events.body.all')}</a>
      </p>
    </section>
  );
}
