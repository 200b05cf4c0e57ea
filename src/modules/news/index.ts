/** @module News: what other modules may use. */
export { paths } from './paths.js';
export { getPost, listPublished, type Post } from './queries.js';
