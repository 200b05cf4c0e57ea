/** Events core: wall-clock times in IANA zones, across daylight-saving changes and midnight. */
import { describe, it, expect } from 'vitest';
import { fromLocalInput, toLocalInput, offsetMinutes, isTimeZone } from './time.js';
import { formatters } from '../../../platform/i18n/i18n.js';

describe('event times in a zone', () => {
  it('reads a wall time in each zone as the right instant', () => {
    // 18:00 in Santiago in January (summer, UTC-3), Mexico City (UTC-6, no DST since 2022), São Paulo (UTC-3), Port-au-Prince (UTC-5 in January).
    expect(fromLocalInput('2027-01-15T18:00', 'America/Santiago')!.toISOString()).toBe('2027-01-15T21:00:00.000Z');
    expect(fromLocalInput('2027-01-15T18:00', 'America/Mexico_City')!.toISOString()).toBe('2027-01-16T00:00:00.000Z');
    expect(fromLocalInput('2027-01-15T18:00', 'America/Sao_Paulo')!.toISOString()).toBe('2027-01-15T21:00:00.000Z');
    expect(fromLocalInput('2027-01-15T18:00', 'America/Port-au-Prince')!.toISOString()).toBe('2027-01-15T23:00:00.000Z');
    // Santiago in July is UTC-4; Port-au-Prince in July observes DST (UTC-4).
    expect(fromLocalInput('2027-07-15T18:00', 'America/Santiago')!.toISOString()).toBe('2027-07-15T22:00:00.000Z');
    expect(fromLocalInput('2027-07-15T18:00', 'America/Port-au-Prince')!.toISOString()).toBe('2027-07-15T22:00:00.000Z');
  });

  it('round-trips wall times, and refuses what is not one', () => {
    for (const zone of ['America/Santiago', 'America/Mexico_City', 'America/Sao_Paulo', 'America/Port-au-Prince', 'UTC']) {
      for (const v of ['2027-01-01T00:00', '2027-04-04T12:30', '2027-09-05T23:59', '2027-11-07T09:15']) expect(toLocalInput(fromLocalInput(v, zone)!, zone)).toBe(v);
    }
    for (const bad of ['2027-02-30T10:00', '2027-13-01T10:00', '2027-01-01T24:00', '2027-01-01', 'x']) expect(fromLocalInput(bad, 'UTC')).toBeNull();
    expect(isTimeZone('America/Santiago')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
  });

  it('handles the daylight-saving changes of Santiago (skipped and repeated hours)', () => {
    // Santiago moves its clocks forward at 24:00 on the first Saturday of September 2027 (Sep 5 00:00 does not exist).
    const gap = fromLocalInput('2027-09-05T00:30', 'America/Santiago')!;
    expect(offsetMinutes(gap, 'America/Santiago')).toBe(-180);
    expect(toLocalInput(gap, 'America/Santiago')).toBe('2027-09-05T01:30');
    // It goes back at 24:00 on the first Saturday of April 2027 (Apr 3 23:00–24:00 happens twice): the first one.
    const twice = fromLocalInput('2027-04-03T23:30', 'America/Santiago')!;
    expect(twice.toISOString()).toBe('2027-04-04T02:30:00.000Z');
    // An event crossing that change lasts one hour more than the wall clocks say.
    const start = fromLocalInput('2027-04-03T22:00', 'America/Santiago')!;
    const end = fromLocalInput('2027-04-04T01:00', 'America/Santiago')!;
    expect((end.getTime() - start.getTime()) / 3600000).toBe(4);
  });

  it('shows one instant in each reader’s zone and language', () => {
    const d = fromLocalInput('2027-01-15T23:30', 'America/Sao_Paulo')!;
    const es = formatters('es');
    expect(es.dateTimeIn(d, 'America/Sao_Paulo')).toMatch(/15.*23:30/);
    // In Mexico City it is 20:30 the same day; in Port-au-Prince 21:30; crossing midnight in UTC.
    expect(es.dateTimeIn(d, 'America/Mexico_City')).toMatch(/15.*20:30/);
    expect(es.dateTimeIn(d, 'America/Port-au-Prince')).toMatch(/15.*21:30/);
    expect(formatters('en').dateTimeIn(d, 'UTC')).toMatch(/16.*02:30/);
  });
});
