/**
 * @module Bodies: every route the module mounts × every role (tests/support/matrix.ts). The posts use
 * subjects that make the command refuse harmlessly (an organization nobody acts for, a holding that does not
 * exist), so an allowed role answers a redirect with an error flash and the world stays as built: what is
 * tested is only whether the request got past authorization.
 */
import { defineRouteMatrix, everyone, signedIn, only, except } from '../../../tests/support/matrix.js';
import { paths } from './paths.js';

/** A well-formed id of nothing (no organization, no holding). */
const NOBODY = 'zzzzzzzzzzzzzzzz';

export const matrix = defineRouteMatrix({
  module: 'bodies',
  cases: () => {
    const slug = (w: { body: { slug: string } }) => ({ slug: w.body.slug });
    return [
      { method: 'GET', route: paths.list.pattern, url: () => paths.list.href('es'), expect: everyone() },
      { method: 'GET', route: paths.body.pattern, url: (w) => paths.body.href('es', slug(w)), expect: everyone() },
      // Everyone in the roles acts for an organization in good standing but `suspended` (its organization is a
      // member of this body, yet suspended); the administrator manages every body.
      // (A signed-in person without an organization gets 403: bodies/http.test.ts.)
      { method: 'GET', route: paths.area.pattern, url: (w) => paths.area.href('es', slug(w)), expect: except(signedIn(), { suspended: 403 }) },
      // Asking to join is for people who act for an organization; the administrator acts for none.
      { method: 'POST', route: paths.join.pattern, url: (w) => paths.join.href('es', slug(w)), form: () => ({ org: NOBODY }), expect: except(signedIn(), { suspended: 403, admin: 403 }) },
      { method: 'POST', route: paths.leave.pattern, url: (w) => paths.leave.href('es', slug(w)), form: () => ({ org: NOBODY }), expect: except(signedIn(), { suspended: 403 }) },
      {
        method: 'POST',
        route: paths.requests.pattern,
        url: (w) => paths.requests.href('es', slug(w)),
        form: () => ({ org: NOBODY, decision: 'approve' }),
        expect: only('secretary', 'admin'),
      },
      { method: 'POST', route: paths.appoint.pattern, url: (w) => paths.appoint.href('es', slug(w)), form: () => ({}), expect: only('admin') },
      { method: 'POST', route: paths.endPosition.pattern, url: (w) => paths.endPosition.href('es', { ...slug(w), id: NOBODY }), expect: only('admin') },
      { method: 'GET', route: paths.edit.pattern, url: (w) => paths.edit.href('es', slug(w)), expect: only('admin') },
      { method: 'POST', route: paths.edit.pattern, url: (w) => paths.edit.href('es', slug(w)), form: () => ({}), expect: only('admin') },
      { method: 'GET', route: '/api/v1/bodies', url: () => '/api/v1/bodies', expect: everyone() },
      { method: 'GET', route: '/api/v1/bodies/:slug', url: (w) => `/api/v1/bodies/${w.body.slug}`, expect: everyone() },
    ];
  },
});
