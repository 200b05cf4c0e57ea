/** @module Events: test data — an event's input as the create form would give it, for tests that make events directly. */
import type { EventInput } from './commands/save.js';

/** A public online seminar of one hour starting at `startsAt` (ms), organized by `bodyIds`; `over` changes any field. */
export const testEvent = (title: string, startsAt: number, bodyIds: string[], over: Partial<EventInput> = {}): EventInput => ({
  kind: 'seminar',
  title: { es: title },
  description: { es: 'Descripción' },
  originalLang: 'es',
  format: 'online',
  venue: { address: null, city: null, country: null },
  onlineUrl: 'https://meet.example.org/x',
  startsAt: new Date(startsAt).toISOString(),
  endsAt: new Date(startsAt + 3600_000).toISOString(),
  timeZone: 'America/Santiago',
  visibility: 'public',
  visibilityBodyId: null,
  registrationMode: 'open',
  capacity: null,
  registrationClosesAt: null,
  bodyIds,
  objectives: [5],
  agenda: [],
  ...over,
});
