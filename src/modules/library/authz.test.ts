/** Library: the route × role matrix (authz.matrix.ts) on both engines. */
import { runRouteMatrix } from '../../../tests/support/matrix.js';
import { matrix } from './authz.matrix.js';

runRouteMatrix(matrix);
