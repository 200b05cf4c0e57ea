/**
 * @module Consultations: what other modules may use. `consultationTopItems` is the extension point for
 * carrying a closed consultation's result into an event's agenda (the events module calls it; this module
 * depends on no events code).
 */
export { getConsultation, listConsultations, type Consultation } from './queries.js';
export { consultationClock } from './jobs.js';
export { paths } from './paths.js';
export { consultationTopItems } from './top.js';
