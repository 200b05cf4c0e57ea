/** @module Pages: what other modules may use. */
export { paths } from './paths.js';
