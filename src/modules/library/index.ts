/** @module Library: what other modules may use. */
export { paths } from './paths.js';
export { searchLibrary, visibleDocuments } from './search.js';
export { documentsByIds, getDocument, type Document } from './queries.js';
