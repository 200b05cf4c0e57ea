/**
 * @module Events core: wall-clock times in a named IANA zone ↔ UTC instants, without a library.
 * An event is stored as UTC instants plus the zone it happens in; forms speak the zone's wall clock
 * ("2026-03-14T18:00" in America/Santiago). Intl gives a zone's offset at an instant; converting a wall
 * time back is done by guessing with the offset and correcting once (twice around a change).
 */

/** True when the runtime knows the zone. */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return /^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(zone);
  } catch {
    return false;
  }
}

const parts = new Map<string, Intl.DateTimeFormat>();
function partsIn(zone: string): Intl.DateTimeFormat {
  let f = parts.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    parts.set(zone, f);
  }
  return f;
}

/** The zone's offset from UTC at an instant, in minutes (Santiago in January: -180). */
export function offsetMinutes(instant: Date, zone: string): number {
  const p = Object.fromEntries(partsIn(zone).formatToParts(instant).map((x) => [x.type, x.value]));
  const asUtc = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60000);
}

/** The wall clock of an instant in a zone, as a form's datetime-local value ("2026-03-14T18:00"). */
export function toLocalInput(instant: Date | string, zone: string): string {
  const d = instant instanceof Date ? instant : new Date(instant);
  const local = new Date(d.getTime() + offsetMinutes(d, zone) * 60000);
  return local.toISOString().slice(0, 16);
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/**
 * The instant a wall-clock time in a zone names, or null when the text is not a valid "YYYY-MM-DDTHH:MM".
 * A time skipped by a daylight-saving change (the clock jumps from 00:00 to 01:00) is read with the offset
 * before the change, i.e. moved forward; a repeated time (the clock goes back) is its first occurrence.
 */
export function fromLocalInput(value: string, zone: string): Date | null {
  const m = LOCAL.exec(value);
  if (!m) return null;
  const [y, mo, d, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59) return null;
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  if (new Date(wall).getUTCDate() !== d) return null;
  // Candidates: the wall time read with the offsets just before and just after it; keep those that map back.
  const before = offsetMinutes(new Date(wall - 86400000), zone);
  const after = offsetMinutes(new Date(wall + 86400000), zone);
  const candidates = [...new Set([before, after])].map((o) => new Date(wall - o * 60000)).filter((c) => toLocalInput(c, zone) === value);
  if (candidates.length) return candidates.sort((a, b) => a.getTime() - b.getTime())[0]!;
  // Skipped by a change: read with the offset before it.
  return new Date(wall - before * 60000);
}

/** The zones offered in the event form: the region's first (the zones of Latin America and the Caribbean), then the rest. */
export function zonesForForm(): string[] {
  const all = (Intl as unknown as { supportedValuesOf?: (k: string) => string[] }).supportedValuesOf?.('timeZone') ?? ['UTC'];
  const region = all.filter((z) => z.startsWith('America/'));
  return [...region, ...all.filter((z) => !z.startsWith('America/'))];
}
