/**
 * Events core: the iCalendar output, parsed back by an independent reader written from RFC 5545 here (unfold,
 * split name/params/value, unescape) rather than by the writer's own code.
 */
import { describe, it, expect } from 'vitest';
import { calendar, fold, type IcalEvent } from './ical.js';
import ical, { foldLines, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';

/** RFC 5545 §3.1 unfolding and §3.3.11 unescaping, independent of the writer. */
function parse(text: string) {
  expect(text.endsWith('\r\n')).toBe(true);
  expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  const physical = text.split('\r\n').slice(0, -1);
  for (const l of physical) expect(Buffer.byteLength(l, 'utf8')).toBeLessThanOrEqual(75);
  const logical: string[] = [];
  for (const l of physical) {
    if (l.startsWith(' ') || l.startsWith('\t')) logical[logical.length - 1] += l.slice(1);
    else logical.push(l);
  }
  const events: Record<string, string>[] = [];
  let cur: Record<string, string> | null = null;
  for (const l of logical) {
    const i = l.indexOf(':');
    const name = l.slice(0, i).split(';')[0]!;
    const value = l.slice(i + 1).replace(/\\(.)/g, (_m, ch: string) => (ch === 'n' || ch === 'N' ? '\n' : ch));
    if (name === 'BEGIN' && value === 'VEVENT') cur = {};
    else if (name === 'END' && value === 'VEVENT') events.push(cur!), (cur = null);
    else if (cur) cur[name] = value;
  }
  return { logical, events };
}

const base: IcalEvent = {
  uid: 'abc@dialogo.test',
  start: new Date('2027-01-15T21:00:00Z'),
  end: new Date('2027-01-15T23:30:00Z'),
  created: new Date('2026-12-01T10:00:00Z'),
  updated: new Date('2026-12-02T10:00:00Z'),
  sequence: 3,
  summary: 'Taller híbrido; Narrativas, migración \\ y más — ¿São Paulo? 🌎',
  description: 'Línea uno\nLínea dos, con comas; y punto y coma. '.repeat(6),
  location: 'Av. Libertador 123, Santiago, Chile',
};

describe('iCalendar output', () => {
  it('is valid RFC 5545 text that parses back to what was written', () => {
    const text = calendar('Eventos', [base, { ...base, uid: 'x@dialogo.test', cancelled: true }]);
    const { logical, events } = parse(text);
    expect(logical[0]).toBe('BEGIN:VCALENDAR');
    expect(logical).toContain('VERSION:2.0');
    expect(logical.some((l) => l.startsWith('PRODID:'))).toBe(true);
    expect(events).toHaveLength(2);
    const e = events[0]!;
    expect(e.UID).toBe('abc@dialogo.test');
    expect(e.SUMMARY).toBe(base.summary);
    expect(e.DESCRIPTION).toBe(base.description);
    expect(e.LOCATION).toBe(base.location);
    expect(e.DTSTART).toBe('20270115T210000Z');
    expect(e.DTEND).toBe('20270115T233000Z');
    expect(e.DTSTAMP).toMatch(/^\d{8}T\d{6}Z$/);
    expect(e.SEQUENCE).toBe('3');
    expect(e.STATUS).toBe('CONFIRMED');
    expect(events[1]!.STATUS).toBe('CANCELLED');
  });

  it('is identical across fetches (stable UID and DTSTAMP)', () => {
    expect(calendar('E', [base])).toBe(calendar('E', [base]));
  });

  it('folds at 75 octets without cutting a multi-byte character', () => {
    const summary = 'ñ'.repeat(100) + '🌎'.repeat(30);
    const { events } = parse(calendar('E', [{ ...base, summary }])); // parse checks every physical line's octets
    expect(events[0]!.SUMMARY).toBe(summary);
    expect(calendar('E', [{ ...base, summary }])).not.toContain('\uFFFD');
  });

  it('folds exactly as ical-generator does, and the whole calendar is byte for byte ical-generator’s', () => {
    const lines = ['', 'a'.repeat(74), 'a'.repeat(75), 'é'.repeat(80), `${'x'.repeat(73)}🌎${'y'.repeat(100)}`, `lone \ud800a surrogate ${'ü'.repeat(50)} \udc00 end`, 'SUMMARY:' + '日本語'.repeat(40)];
    for (const l of lines) expect(fold(l)).toBe(foldLines(l));
    expect(fold(lines.join('\r\n'))).toBe(foldLines(lines.join('\r\n')));
    const events = Array.from({ length: 40 }, (_, i) => ({ ...base, uid: `e${i}@x`, summary: `Taller ${i} — ñandú 🌎 ${'palabra '.repeat(i)}`, description: 'Línea\nsegunda línea, con “comillas” y; punto y coma '.repeat(3), cancelled: i % 7 === 0 }));
    const cal = ical({ name: 'Eventos', prodId: { company: 'dialogo', product: 'events', language: 'ES' }, method: ICalCalendarMethod.PUBLISH });
    for (const e of events)
      cal.createEvent({ id: e.uid, start: e.start, end: e.end, stamp: e.updated, created: e.created, lastModified: e.updated, sequence: e.sequence, summary: e.summary, description: e.description ?? null, location: e.location ?? null, url: e.url ?? null, status: e.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED });
    expect(calendar('Eventos', events)).toBe(`${cal.toString()}\r\n`);
    expect(calendar('Vacío', [])).toBe(`${ical({ name: 'Vacío', prodId: { company: 'dialogo', product: 'events', language: 'ES' }, method: ICalCalendarMethod.PUBLISH }).toString()}\r\n`);
  });
});
