/** @module Events: what other modules may use. */
export { listEvents, getEvent, type Event } from './queries.js';
export { paths } from './paths.js';
export { bodyAreaEvents, type AreaReader } from './area.js';
