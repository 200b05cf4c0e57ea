/**
 * @module Events core: an event's times as a form's datetime-local value ("2026-03-14T18:00") in the event's
 * IANA zone ↔ UTC instants. The zone arithmetic is the platform's (platform/i18n/zones.ts), shared with every
 * deadline; this file only speaks the datetime-local format.
 */
import { isTimeZone, offsetMinutes, utcToZoned, zonedToUtc, TIME_ZONES } from '../../../platform/i18n/zones.js';

export { isTimeZone, offsetMinutes };

/** The wall clock of an instant in a zone, as a form's datetime-local value ("2026-03-14T18:00"). */
export function toLocalInput(instant: Date | string, zone: string): string {
  const { date, time } = utcToZoned(instant, zone);
  return `${date}T${time}`;
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/**
 * The instant a wall-clock time in a zone names, or null when the text is not a valid "YYYY-MM-DDTHH:MM".
 * A time skipped by a daylight-saving change is moved forward; a repeated time is its first occurrence.
 */
export function fromLocalInput(value: string, zone: string): Date | null {
  const m = LOCAL.exec(value);
  if (!m) return null;
  const [y, mo, d, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59) return null;
  if (new Date(Date.UTC(y, mo - 1, d)).getUTCDate() !== d) return null;
  return zonedToUtc(value.slice(0, 10), value.slice(11, 16), zone);
}

/** The zones offered in the event form: the region's first, then UTC and the rest (the platform's list). */
export function zonesForForm(): readonly string[] {
  return TIME_ZONES;
}
