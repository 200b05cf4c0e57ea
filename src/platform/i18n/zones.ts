/**
 * @module Time zones
 * The reader's time zone and deadlines typed as a date, a time and a zone. A zone is an IANA name that this
 * runtime's Intl accepts ("America/Lima", "UTC"); anything else is refused, never passed on.
 */

const known = new Map<string, boolean>();

/** True for an IANA time zone name this runtime knows (checked once per name; at most 1 000 names kept). */
export function isTimeZone(zone: unknown): zone is string {
  if (typeof zone !== 'string' || zone.length > 64 || !/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(zone)) return false;
  let ok = known.get(zone);
  if (ok === undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      ok = true;
    } catch {
      ok = false;
    }
    if (known.size < 1000) known.set(zone, ok);
  }
  return ok;
}

/** Every zone this runtime lists, the Americas first (where the Mechanism's members are), then UTC, then the rest. */
export const TIME_ZONES: readonly string[] = (() => {
  const all = Intl.supportedValuesOf('timeZone');
  const americas = all.filter((z) => z.startsWith('America/'));
  return [...americas, 'UTC', ...all.filter((z) => !z.startsWith('America/') && z !== 'UTC')];
})();

/** A zone's name as people read it ("America/Mexico City"). */
export const zoneLabel = (zone: string) => zone.replace(/_/g, ' ');

/** Minutes to add to UTC to get the wall-clock time in `zone` at `instant` (e.g. -300 in Lima). */
export function offsetMinutes(instant: Date, zone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(instant);
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'));
  return Math.round((wall - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/**
 * The instant at which the clocks of `zone` show `date` (YYYY-MM-DD) and `time` (HH:MM). A time skipped by a
 * daylight-saving change moves forward by the change; a repeated one takes its first occurrence.
 */
export function zonedToUtc(date: string, time: string, zone: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [h, mi] = time.split(':').map(Number) as [number, number];
  const wall = Date.UTC(y, m - 1, d, h, mi);
  // Candidates: the wall time read with the offsets a day before and a day after; keep those that map back.
  const before = offsetMinutes(new Date(wall - 86_400_000), zone);
  const after = offsetMinutes(new Date(wall + 86_400_000), zone);
  const shows = (c: Date) => {
    const z = utcToZoned(c, zone);
    return z.date === date && z.time === time;
  };
  const candidates = [...new Set([before, after])].map((o) => new Date(wall - o * 60_000)).filter(shows);
  if (candidates.length) return candidates.sort((a, b) => a.getTime() - b.getTime())[0]!;
  // Skipped by a change: read with the offset before it, i.e. moved forward by the change.
  return new Date(wall - before * 60_000);
}

/** The date (YYYY-MM-DD) and time (HH:MM) that the clocks of `zone` show at `instant`. */
export function utcToZoned(instant: Date | string, zone: string): { date: string; time: string } {
  const at = instant instanceof Date ? instant : new Date(instant);
  const local = new Date(at.getTime() + offsetMinutes(at, zone) * 60_000).toISOString();
  return { date: local.slice(0, 10), time: local.slice(11, 16) };
}
