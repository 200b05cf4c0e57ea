/** @module Pages: every route the module mounts × every role (tests/support/matrix.ts): both pages are public. */
import { defineRouteMatrix, everyone } from '../../../tests/support/matrix.js';
import { paths } from './paths.js';

export const matrix = defineRouteMatrix({
  module: 'pages',
  cases: () => [
    { method: 'GET', route: paths.home.pattern, url: () => paths.home.href('es'), expect: everyone() },
    { method: 'GET', route: paths.about.pattern, url: () => paths.about.href('es'), expect: everyone() },
  ],
});
