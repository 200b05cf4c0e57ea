/** Practices: every route × every role, on both engines (see authz.matrix.ts). */
import { runRouteMatrix } from '../../../tests/support/matrix.js';
import { matrix } from './authz.matrix.js';

runRouteMatrix(matrix);
