/** @module Bodies: what other modules may use. */
export { listBodies, getBodyBySlug, getBodyById, bodiesForObjective, type BodyRow } from './queries.js';
export type { BodyKind } from './tables.js';
