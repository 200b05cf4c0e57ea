/** Membership's routes × roles on both engines (the matrix is in authz.matrix.ts). */
import { runRouteMatrix } from '../../../tests/support/matrix.js';
import { matrix } from './authz.matrix.js';

runRouteMatrix(matrix);
