/**
 * Events: every route the module mounts × every role. Subjects belong to the Mesa of the matrix world (mt1):
 * a public open event, a person without an account registered to it (their secret link), and a fresh event
 * per role for cancelling. Empty forms answer 422 (past authorization) or go back with a flash.
 */
import { defineRouteMatrix, everyone, only, signedIn, except, ROLES, type World } from '../../../tests/support/matrix.js';
import { createEvent, type EventInput } from './commands/save.js';
import { register, renewFeedToken, confirmGuest } from './commands/registration.js';
import { eventsTx } from './commands/context.js';
import { addMaterial } from './commands/materials.js';
import { paths, apiPaths, apiMounted } from './paths.js';

interface Subjects {
  pub: string;
  feedToken: string;
  token: string;
  regId: string;
  fresh: () => Promise<string>;
  /** An external event (representation). */
  ext: string;
  /** A public file of the public event. */
  file: string;
  /** A new link material of the public event (each removal takes one). */
  freshMaterial: () => Promise<string>;
  /** A participants-only file of the public event. */
  privateFile: string;
  /** The link of a person without an account who confirmed (holds a seat). */
  seatedToken: string;
  /** The link of a person without an account who never confirms (no seat). */
  pendingToken: string;
}

const input = (w: World): EventInput => ({
  kind: 'workshop',
  title: { es: 'Taller de la matriz' },
  description: { es: 'Descripción' },
  originalLang: 'es',
  format: 'hybrid',
  venue: { address: null, city: 'Santiago', country: 'CL' },
  onlineUrl: 'https://meet.example.org/x',
  startsAt: new Date(Date.now() + 10 * 86400000).toISOString(),
  endsAt: new Date(Date.now() + 10 * 86400000 + 7200000).toISOString(),
  timeZone: 'America/Santiago',
  visibility: 'public',
  visibilityBodyId: null,
  registrationMode: 'open',
  capacity: 100,
  registrationClosesAt: null,
  bodyIds: [w.body.id],
  objectives: [1],
  agenda: [],
});

async function setup(w: World): Promise<Subjects> {
  const { db, deps } = w.ctx;
  const must = <T extends { ok: boolean }>(r: T) => {
    if (!r.ok) throw new Error(`events matrix setup: ${JSON.stringify(r)}`);
    return r as Extract<T, { ok: true }>;
  };
  const fresh = async () => must(await db.transaction().execute((trx) => createEvent(trx, w.users.admin, input(w)))).id;
  const pub = await fresh();
  const reg = must(
    await db.transaction().execute((trx) =>
      register(eventsTx(trx, deps), { eventId: pub, userId: null, email: 'guest@matrix.example', name: 'Guest', organization: null, locale: 'es', sector: 'government' }),
    ),
  );
  const token = (await db.selectFrom('event_registrations').select('token').where('id', '=', reg.id).executeTakeFirstOrThrow()).token;
  const feedToken = (await db.transaction().execute((trx) => renewFeedToken(eventsTx(trx, deps), w.users.member))) as { token: string };
  const ext = must(await db.transaction().execute((trx) => createEvent(trx, w.users.admin, { ...input(w), external: { by: 'government', organizer: 'Ministerio' } }))).id;
  const dataDir = deps.config.dataDir;
  const file = must(await db.transaction().execute((trx) => addMaterial(trx, w.users.admin, dataDir, pub, { title: 'Agenda', kind: 'file', phase: 'before', audience: 'public', file: { name: 'agenda.pdf', bytes: new Uint8Array(Buffer.from('%PDF-1.4\n')) } }))).id;
  const freshMaterial = async () => must(await db.transaction().execute((trx) => addMaterial(trx, w.users.admin, dataDir, pub, { title: 'Enlace', kind: 'link', url: 'https://example.org/x', phase: 'after', audience: 'public' }))).id;
  const privateFile = must(await db.transaction().execute((trx) => addMaterial(trx, w.users.admin, dataDir, pub, { title: 'Presentación', kind: 'file', phase: 'after', audience: 'participants', file: { name: 'slides.pdf', bytes: new Uint8Array(Buffer.from('%PDF-1.4\n')) } }))).id;
  const seated = must(
    await db.transaction().execute((trx) =>
      register(eventsTx(trx, deps), { eventId: pub, userId: null, email: 'seated@matrix.example', name: 'Seated', organization: null, locale: 'es', sector: 'academia' }),
    ),
  );
  const seatedToken = (await db.selectFrom('event_registrations').select('token').where('id', '=', seated.id).executeTakeFirstOrThrow()).token;
  must(await db.transaction().execute((trx) => confirmGuest(eventsTx(trx, deps), pub, seatedToken)));
  const pending = must(
    await db.transaction().execute((trx) =>
      register(eventsTx(trx, deps), { eventId: pub, userId: null, email: 'pending@matrix.example', name: 'Pending', organization: null, locale: 'es', sector: 'other' }),
    ),
  );
  const pendingToken = (await db.selectFrom('event_registrations').select('token').where('id', '=', pending.id).executeTakeFirstOrThrow()).token;
  return { pub, token, regId: reg.id, fresh, feedToken: feedToken.token, ext, file, freshMaterial, privateFile, seatedToken, pendingToken };
}

export const matrix = defineRouteMatrix<Subjects>({
  module: 'events',
  setup,
  cases: (x) => {
    const ev = (r: { href: (l: 'es', p: { id: string }) => string }) => () => r.href('es', { id: x().pub });
    const tok = (r: { href: (l: 'es', p: { id: string; token: string }) => string }) => () => r.href('es', { id: x().pub, token: x().token });
    const organizers = only('secretary', 'admin');
    return [
      { method: 'GET', route: paths.list.pattern, url: () => paths.list.href('es'), expect: everyone() },
      { method: 'GET', route: paths.feed.pattern, url: () => paths.feed.href('es'), expect: everyone() },
      { method: 'GET', route: paths.mine.pattern, url: () => paths.mine.href('es'), expect: signedIn() },
      { method: 'GET', route: paths.personalFeed.pattern, url: () => paths.personalFeed.href('es', { token: x().feedToken }), expect: everyone() },
      // The reviewer is the secretary of another Mesa: they may create events for their own Mesa.
      { method: 'GET', route: paths.create.pattern, url: () => paths.create.href('es'), expect: only('reviewer', 'secretary', 'admin') },
      { method: 'POST', route: paths.create.pattern, url: () => paths.create.href('es'), expect: only('reviewer', 'secretary', 'admin') },
      { method: 'GET', route: paths.event.pattern, url: ev(paths.event), expect: everyone() },
      { method: 'GET', route: paths.ics.pattern, url: ev(paths.ics), expect: everyone() },
      { method: 'GET', route: paths.edit.pattern, url: ev(paths.edit), expect: organizers },
      { method: 'POST', route: paths.edit.pattern, url: ev(paths.edit), expect: organizers },
      { method: 'POST', route: paths.register.pattern, url: ev(paths.register), expect: signedIn() },
      { method: 'POST', route: paths.unregister.pattern, url: ev(paths.unregister), expect: signedIn() },
      { method: 'POST', route: paths.guest.pattern, url: ev(paths.guest), expect: except(Object.fromEntries(ROLES.map((r) => [r, 403])) as ReturnType<typeof everyone>, { anonymous: 'allow' }) },
      { method: 'GET', route: paths.registration.pattern, url: tok(paths.registration), expect: everyone() },
      { method: 'POST', route: paths.confirm.pattern, url: tok(paths.confirm), expect: everyone() },
      { method: 'GET', route: paths.registrations.pattern, url: ev(paths.registrations), expect: organizers },
      { method: 'POST', route: paths.decide.pattern, url: () => paths.decide.href('es', { id: x().pub, rid: x().regId }), expect: organizers },
      { method: 'POST', route: paths.invite.pattern, url: ev(paths.invite), expect: organizers },
      { method: 'POST', route: paths.checkIn.pattern, url: ev(paths.checkIn), expect: organizers },
      { method: 'GET', route: paths.minutes.pattern, url: ev(paths.minutes), expect: organizers },
      { method: 'POST', route: paths.minutes.pattern, url: ev(paths.minutes), form: () => ({ action_0_due: 'not-a-date' }), expect: organizers },
      { method: 'POST', route: paths.cancelEvent.pattern, url: async () => paths.cancelEvent.href('es', { id: await x().fresh() }), expect: organizers },
      { method: 'GET', route: paths.questions.pattern, url: ev(paths.questions), expect: organizers },
      { method: 'POST', route: paths.questions.pattern, url: ev(paths.questions), form: () => ({ question_0_kind: 'text' }), expect: organizers },
      { method: 'GET', route: paths.registrationsCsv.pattern, url: ev(paths.registrationsCsv), expect: organizers },
      { method: 'GET', route: paths.materials.pattern, url: ev(paths.materials), expect: organizers },
      { method: 'POST', route: paths.materials.pattern, url: ev(paths.materials), expect: organizers },
      { method: 'GET', route: paths.material.pattern, url: () => paths.material.href('es', { id: x().pub, mid: x().file }), expect: everyone() },
      // Through a registration link: the link is the permission, whoever asks; a participants-only file needs the
      // registration to hold a seat (the unconfirmed guest's link is refused to every role).
      { method: 'GET', route: paths.guestMaterial.pattern, url: () => paths.guestMaterial.href('es', { id: x().pub, token: x().seatedToken, mid: x().privateFile }), expect: everyone() },
      { method: 'GET', route: paths.guestMaterial.pattern, url: () => paths.guestMaterial.href('es', { id: x().pub, token: x().pendingToken, mid: x().privateFile }), expect: Object.fromEntries(ROLES.map((r) => [r, 403])) as ReturnType<typeof everyone> },
      { method: 'GET', route: paths.guestMaterial.pattern, url: () => paths.guestMaterial.href('es', { id: x().pub, token: x().token, mid: x().file }), expect: everyone() },
      { method: 'POST', route: paths.removeMaterial.pattern, url: async () => paths.removeMaterial.href('es', { id: x().pub, mid: await x().freshMaterial() }), expect: organizers },
      { method: 'GET', route: paths.representation.pattern, url: () => paths.representation.href('es', { id: x().ext }), expect: organizers },
      { method: 'POST', route: paths.representation.pattern, url: () => paths.representation.href('es', { id: x().ext }), form: () => ({ representatives: 'nope' }), expect: organizers },
      { method: 'GET', route: apiMounted(apiPaths.list), url: () => apiMounted(apiPaths.list), expect: everyone() },
      { method: 'GET', route: apiMounted(apiPaths.event), url: () => apiMounted(apiPaths.event).replace(':id', x().pub), expect: everyone() },
      // Renewing one's own address (each role its own; the member's address in the case above was used already).
      { method: 'POST', route: paths.mineFeed.pattern, url: () => paths.mineFeed.href('es'), expect: signedIn() },
      // Last: cancelling by the secret link ends that registration.
      { method: 'POST', route: paths.guestCancel.pattern, url: tok(paths.guestCancel), expect: everyone() },
    ];
  },
});
