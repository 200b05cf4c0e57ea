/** @module Practices: what other modules may use. */
export { searchPractices, type SearchQuery, type SearchOutcome } from './search.js';
export { getPractice, latestPublished, type Practice } from './queries.js';
export { paths } from './paths.js';
