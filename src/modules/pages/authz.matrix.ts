/** @module Pages: every route the module mounts × every role (tests/support/matrix.ts): public pages, administrators' editor. */
import { defineRouteMatrix, everyone, only } from '../../../tests/support/matrix.js';
import { paths } from './paths.js';

export const matrix = defineRouteMatrix({
  module: 'pages',
  cases: () => [
    { method: 'GET', route: paths.home.pattern, url: () => paths.home.href('es'), expect: everyone() },
    { method: 'GET', route: paths.about.pattern, url: () => paths.about.href('es'), expect: everyone() },
    { method: 'GET', route: paths.privacy.pattern, url: () => paths.privacy.href('es'), expect: everyone() },
    { method: 'GET', route: paths.terms.pattern, url: () => paths.terms.href('es'), expect: everyone() },
    { method: 'GET', route: paths.contact.pattern, url: () => paths.contact.href('es'), expect: everyone() },
    { method: 'GET', route: paths.adminSitePages.pattern, url: () => paths.adminSitePages.href('es'), expect: only('admin') },
    { method: 'GET', route: paths.adminSitePage.pattern, url: () => paths.adminSitePage.href('es', { slug: 'privacy' }), expect: only('admin') },
    {
      method: 'POST',
      route: paths.adminSitePage.pattern,
      url: () => paths.adminSitePage.href('es', { slug: 'terms' }),
      form: () => ({ body_es: 'Condiciones de prueba.' }),
      expect: only('admin'),
    },
  ],
});
