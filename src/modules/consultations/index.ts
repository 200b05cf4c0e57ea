/**
 * @module Consultations: what other modules may use. `agendaFromConsultation` (over `consultationTopItems`)
 * carries a closed consultation's result into an event's draft agenda, for the consultation's organizers: the
 * events module calls it, and this module links to the events form through events' paths.ts only.
 */
export { getConsultation, listConsultations, type Consultation } from './queries.js';
export { consultationClock } from './jobs.js';
export { paths } from './paths.js';
export { consultationTopItems, agendaFromConsultation, type AgendaDraft } from './top.js';
