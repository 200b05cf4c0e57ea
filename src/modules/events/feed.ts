/**
 * @module Events: the Atom feed of upcoming public events, one per language (platform/feeds.ts), beside the
 * iCalendar feed. A language's feed lists the public events with a title written in it, soonest first; each
 * entry's summary starts with when it happens in the event's own zone. Members-only events never appear.
 */
import type { Context } from 'hono';
import type { AppEnv } from '../../platform/http/env.js';
import { atomResponse, feedId } from '../../platform/feeds.js';
import { formatters } from '../../platform/i18n/i18n.js';
import { listEvents } from './queries.js';
import { paths } from './paths.js';

const FEED_SIZE = 50;

export async function eventsAtomFeed(c: Context<AppEnv>): Promise<Response> {
  const { db, config } = c.get('deps');
  const l = c.get('locale');
  const t = c.get('t');
  const fmt = formatters(l);
  const events = (await listEvents(db, { when: 'upcoming', visibilities: ['public'], limit: FEED_SIZE * 4 })).filter((e) => !!e.title[l]).slice(0, FEED_SIZE);
  return atomResponse(c, {
    id: feedId(config.baseUrl, `events/${l}`),
    title: `${t('events.list.title')} · ${t('site.name')}`,
    selfUrl: paths.atom.url(config.baseUrl, l),
    alternateUrl: paths.list.url(config.baseUrl, l),
    updated: '2026-01-01T00:00:00.000Z',
    entries: events.map((e) => {
      const when = fmt.dateTimeIn(e.startsAt, e.timeZone);
      const what = e.description[l];
      return {
        id: feedId(config.baseUrl, `events/${e.id}/${l}`),
        title: e.status === 'cancelled' ? `${e.title[l]!} (${t('events.status.cancelled')})` : e.title[l]!,
        summary: what ? `${when} — ${what.length > 400 ? `${what.slice(0, 399)}…` : what}` : when,
        href: paths.event.url(config.baseUrl, l, { id: e.id }),
        updated: e.updatedAt,
      };
    }),
  });
}
