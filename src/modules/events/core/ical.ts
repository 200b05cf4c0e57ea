/**
 * @module Events core: iCalendar (RFC 5545) output with ical-generator (escaping, CRLF, folding at 75 octets).
 * Times are UTC (`…Z`), so no VTIMEZONE is needed; each event has a UID stable across fetches, DTSTAMP set to
 * its last change (so two fetches are byte-identical), SEQUENCE bumped on every change, and STATUS CANCELLED for
 * cancelled events. ical-generator is pinned; ical.test.ts reads the output back with an independent parser.
 */
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';

export interface IcalEvent {
  uid: string;
  start: Date;
  end: Date;
  /** Last change: written as DTSTAMP and LAST-MODIFIED. */
  updated: Date;
  created: Date;
  sequence: number;
  summary: string;
  description?: string;
  location?: string;
  url?: string;
  cancelled?: boolean;
}

/** A whole VCALENDAR with the events, CRLF-terminated and folded. */
export function calendar(name: string, events: IcalEvent[]): string {
  const cal = ical({ name, prodId: { company: 'dialogo', product: 'events', language: 'ES' }, method: ICalCalendarMethod.PUBLISH });
  for (const e of events) {
    cal.createEvent({
      id: e.uid,
      start: e.start,
      end: e.end,
      stamp: e.updated,
      created: e.created,
      lastModified: e.updated,
      sequence: e.sequence,
      summary: e.summary,
      description: e.description ?? null,
      location: e.location ?? null,
      url: e.url ?? null,
      status: e.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  const text = cal.toString();
  return text.endsWith('\r\n') ? text : `${text}\r\n`;
}
