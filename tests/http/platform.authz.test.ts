/** The platform's own routes × every role, on both engines (the matrix is in platform.matrix.ts). */
import { runRouteMatrix } from '../support/matrix.js';
import { matrix } from './platform.matrix.js';

runRouteMatrix(matrix);
