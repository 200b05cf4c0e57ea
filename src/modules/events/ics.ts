/** @module Events: an event as iCalendar (one event, or the feed of public events), in a language. */
import type { Locale } from '../../platform/i18n/locales.js';
import { pickTranslated } from '../../platform/i18n/translated.js';
import { calendar, type IcalEvent } from './core/ical.js';
import { paths } from './paths.js';
import type { Event } from './queries.js';

function toIcal(e: Event, baseUrl: string, locale: Locale, country: (code: string) => string): IcalEvent {
  const host = new URL(baseUrl).host || 'dialogo';
  const location = e.format === 'online' ? undefined : [e.venue.address, e.venue.city, e.venue.country ? country(e.venue.country) : null].filter(Boolean).join(', ') || undefined;
  return {
    // Stable across fetches and languages: calendar apps update the event instead of duplicating it.
    uid: `event-${e.id}@${host}`,
    start: new Date(e.startsAt),
    end: new Date(e.endsAt),
    created: new Date(e.createdAt),
    updated: new Date(e.updatedAt),
    sequence: e.sequence,
    summary: pickTranslated(e.title, locale)?.text ?? e.id,
    description: pickTranslated(e.description, locale)?.text,
    location,
    url: paths.event.url(baseUrl, locale, { id: e.id }),
    cancelled: e.status === 'cancelled',
  };
}

export function eventsCalendar(name: string, events: Event[], baseUrl: string, locale: Locale, country: (code: string) => string): string {
  return calendar(name, events.map((e) => toIcal(e, baseUrl, locale, country)));
}
