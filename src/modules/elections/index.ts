/** @module Elections: what other modules (and the platform's job queue, registered by the app) may use. */
export { getElection, listElections, electionRecord, type Election } from './queries.js';
export type { ElectionStatus } from './tables.js';
export { paths } from './paths.js';
/** The election clock (a schedule, every minute) and the heavy part of a close (a job): see jobs.ts. */
export { electionClock, finishClose } from './jobs.js';
