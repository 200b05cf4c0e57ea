/**
 * @module Events core: iCalendar (RFC 5545) output with ical-generator (escaping, CRLF, folding at 75 octets).
 * Times are UTC (`…Z`), so no VTIMEZONE is needed; each event has a UID stable across fetches, DTSTAMP set to
 * its last change (so two fetches are byte-identical), SEQUENCE bumped on every change, and STATUS CANCELLED for
 * cancelled events. ical-generator is pinned; ical.test.ts reads the output back with an independent parser.
 *
 * Folding: ical-generator's `foldLines` makes a `TextEncoder` for every character (a feed of 500 events took
 * 0.3–2 s), so the events' lines (each event's own `toString()`, unfolded) are folded here by the same rule — a
 * break before the character that would pass 74 octets, counted in UTF-8, a surrogate pair kept whole — with the
 * octets counted arithmetically; the calendar's header is ical-generator's own. ical.test.ts checks the result is
 * byte for byte what ical-generator gives.
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
  // The header as ical-generator writes (and folds) it, then the events folded here, then the end.
  const head = ical({ name, prodId: { company: 'dialogo', product: 'events', language: 'ES' }, method: ICalCalendarMethod.PUBLISH }).toString();
  const END = 'END:VCALENDAR';
  const body = fold(cal.events().map((e) => e.toString()).join(''));
  return `${head.slice(0, head.lastIndexOf(END))}${body}${END}\r\n`;
}

/** UTF-8 octets of one character (or surrogate pair) as TextEncoder counts them (a lone surrogate: U+FFFD, 3). */
function octets(ch: string): number {
  const c = ch.codePointAt(0)!;
  if (ch.length === 2) return c > 0xffff ? 4 : 3 + octets(ch[1]!);
  if (c < 0x80) return 1;
  if (c < 0x800) return 2;
  return 3;
}

/** RFC 5545 line folding, as ical-generator's `foldLines` does it (same output), in linear time. */
export function fold(input: string): string {
  return input
    .split('\r\n')
    .map((line) => {
      let out = '';
      let start = 0;
      let c = 0;
      for (let i = 0; i < line.length; i++) {
        const at = i;
        let ch = line[i]!;
        if (ch >= '\ud800' && ch <= '\udbff') ch += line.charAt(++i);
        const size = octets(ch);
        c += size;
        if (c > 74) {
          out += line.slice(start, at) + '\r\n ';
          start = at;
          c = size;
        }
      }
      return out + line.slice(start);
    })
    .join('\r\n');
}
