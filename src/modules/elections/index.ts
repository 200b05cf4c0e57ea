/** @module Elections: what other modules may use. */
export { getElection, listElections, electionRecord, type Election } from './queries.js';
export type { ElectionStatus } from './tables.js';
