/**
 * @module Events: every URL of the module, declared once. Routes use `.pattern`; views, mails and tests use
 * `.href(locale, params, query)` or `.url(baseUrl, locale, params)`.
 */
import { route } from '../../platform/http/paths.js';
import { paths as bodiesPaths } from '../bodies/paths.js';

const E = '/events/:id{[0-9a-z]{16}}' as const;
const R = `${E}/r/:token{[0-9a-z]{32}}` as const;

export const paths = {
  list: route('/events'),
  create: route('/events/new'),
  feed: route('/events/calendar.ics'),
  atom: route('/events/feed.atom'),
  mine: route('/events/mine'),
  mineFeed: route('/events/mine/feed'),
  personalFeed: route('/events/calendar/:token{[0-9a-z]{32}}'),
  event: route(E),
  edit: route(`${E}/edit`),
  cancelEvent: route(`${E}/cancel-event`),
  ics: route(`${E}/event.ics`),
  register: route(`${E}/register`),
  unregister: route(`${E}/unregister`),
  guest: route(`${E}/guest`),
  registration: route(R),
  confirm: route(`${R}/confirm`),
  guestCancel: route(`${R}/cancel`),
  guestMaterial: route(`${R}/materials/:mid{[0-9a-z]{16}}`),
  registrations: route(`${E}/registrations`),
  decide: route(`${E}/registrations/:rid{[0-9a-z]{16}}`),
  invite: route(`${E}/invitations`),
  checkIn: route(`${E}/check-in`),
  minutes: route(`${E}/minutes`),
  questions: route(`${E}/questions`),
  registrationsCsv: route(`${E}/registrations.csv`),
  materials: route(`${E}/materials`),
  material: route(`${E}/materials/:mid{[0-9a-z]{16}}`),
  removeMaterial: route(`${E}/materials/:mid{[0-9a-z]{16}}/remove`),
  representation: route(`${E}/representation`),
};

/** A body's page, declared by the bodies module. */
export const bodyPage = bodiesPaths.body;

/** The JSON API's paths, in OpenAPI form, relative to /api/v1. */
export const apiPaths = {
  list: '/events',
  event: '/events/{id}',
} as const;

/** An API path as Hono mounts it: `/events/{id}` → `/api/v1/events/:id`. */
export const apiMounted = (p: string) => `/api/v1${p.replace(/\{(\w+)\}/g, ':$1')}`;
