/**
 * @module Events core: iCalendar (RFC 5545) output, written by hand because no calendar library is installed
 * (decisions/0401: ical-generator is the package to add). Times are UTC (`…Z`), so no VTIMEZONE is needed;
 * each event has a UID stable across fetches, DTSTAMP (its last change, so two fetches are identical),
 * SEQUENCE (bumped on every change), STATUS (CANCELLED for cancelled events); text is escaped (§3.3.11),
 * lines end in CRLF and are folded at 75 octets without splitting a UTF-8 character (§3.1).
 */

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

/** TEXT escaping (RFC 5545 §3.3.11): backslash, semicolon, comma and newlines. */
export function escapeText(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

/** Folds a content line at 75 octets (continuation lines start with one space), never inside a character. */
export function foldLine(line: string): string {
  const enc = new TextEncoder();
  if (enc.encode(line).length <= 75) return line;
  const out: string[] = [];
  let cur = '';
  let size = 0;
  let limit = 75;
  for (const ch of line) {
    const n = enc.encode(ch).length;
    if (size + n > limit) {
      out.push(cur);
      cur = '';
      size = 0;
      limit = 74; // the leading space of a continuation counts
    }
    cur += ch;
    size += n;
  }
  out.push(cur);
  return out.join('\r\n ');
}

/** A UTC DATE-TIME: 20270115T210000Z. */
export const icalTime = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

function eventLines(e: IcalEvent): string[] {
  const lines = [
    'BEGIN:VEVENT',
    `UID:${e.uid}`,
    `DTSTAMP:${icalTime(e.updated)}`,
    `CREATED:${icalTime(e.created)}`,
    `LAST-MODIFIED:${icalTime(e.updated)}`,
    `SEQUENCE:${e.sequence}`,
    `DTSTART:${icalTime(e.start)}`,
    `DTEND:${icalTime(e.end)}`,
    `SUMMARY:${escapeText(e.summary)}`,
  ];
  if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`);
  if (e.location) lines.push(`LOCATION:${escapeText(e.location)}`);
  if (e.url) lines.push(`URL:${e.url}`);
  lines.push(`STATUS:${e.cancelled ? 'CANCELLED' : 'CONFIRMED'}`, 'END:VEVENT');
  return lines;
}

/** A whole VCALENDAR with the events, CRLF-terminated and folded. */
export function calendar(name: string, events: IcalEvent[], method?: 'PUBLISH'): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//dialogo//events//ES', 'CALSCALE:GREGORIAN', `METHOD:${method ?? 'PUBLISH'}`, `X-WR-CALNAME:${escapeText(name)}`];
  for (const e of events) lines.push(...eventLines(e));
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
