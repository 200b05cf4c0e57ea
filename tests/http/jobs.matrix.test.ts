/** Runs the jobs and notifications route matrix (tests/http/jobs.matrix.ts) on both engines. */
import { runRouteMatrix } from '../support/matrix.js';
import { matrix } from './jobs.matrix.js';

runRouteMatrix(matrix);
