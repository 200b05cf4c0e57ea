/**
 * Who may use the background-jobs and notification pages: the failed-jobs page and the retry buttons
 * (jobs, outbox) are the administrators'; notification settings are every signed-in person's own.
 */
import { defineRouteMatrix, only, signedIn } from '../support/matrix.js';

export const matrix = defineRouteMatrix({
  module: 'platform: jobs and notifications',
  cases: () => [
    { method: 'GET', route: '/account/notifications', url: () => '/account/notifications', expect: signedIn() },
    { method: 'POST', route: '/account/notifications', url: () => '/account/notifications', form: () => ({}), expect: signedIn() },
    { method: 'GET', route: '/admin/jobs', url: () => '/admin/jobs', expect: only('admin') },
    { method: 'POST', route: '/admin/jobs/:id/retry', url: () => '/admin/jobs/0000000000000000/retry', expect: only('admin') },
    { method: 'POST', route: '/admin/outbox/:id/retry', url: () => '/admin/outbox/0000000000000000/retry', expect: only('admin') },
  ],
});
