/**
 * The digest end to end on both engines: one mail per person and period in their language with only what they may
 * see (a Mesa's event reaches its members only), nothing when empty, text and HTML with the one-click headers; a run
 * killed midway resumes with nobody mailed twice and nobody skipped; "immediately" mails each new thing once; the
 * unsubscribe link (genuine, forged, another person's, one-click without cookies); the one settings page; and
 * "since your last visit" on the signed-in home page.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { DIALECTS, createTestContext, type TestContext } from '../support/context.js';
import { buildWorld, type World, type Role } from '../support/matrix.js';
import { makePractice, practiceInput } from '../../src/modules/practices/factories.js';
import { runDigest } from '../../src/platform/digest/run.js';
import { unsubscribeToken } from '../../src/platform/digest/token.js';
import { noteVisit, resetVisitThrottle } from '../../src/platform/digest/visits.js';
import { updateKinds } from '../../src/platform/digest/kinds.js';
import { paths } from '../../src/platform/paths.js';
import { newId } from '../../src/db/ids.js';
import type { CurrentUser } from '../../src/platform/http/env.js';

const WEEK1 = new Date('2030-01-14T06:00:00Z'); // a Monday: covers 2030-01-07 … 2030-01-14
const IN_WEEK1 = '2030-01-09T10:00:00.000Z';
const WEEK2 = new Date('2030-01-21T06:00:00Z');
const IN_WEEK2 = '2030-01-16T10:00:00.000Z';

describe.each(DIALECTS)('digest on %s', (dialect) => {
  let ctx: TestContext;
  let w: World;
  let admin: CurrentUser;
  const mails = (kind: string, to?: string) => {
    let q = ctx.db.selectFrom('outbox').selectAll().where('kind', '=', kind);
    if (to) q = q.where('to_address', '=', to);
    return q.orderBy('created_at').execute();
  };
  const emailOf = async (role: Role) => (await ctx.db.selectFrom('users').select('email').where('id', '=', w.users[role]).executeTakeFirstOrThrow()).email;
  /** People a weekly run mails (every confirmed account; the matrix world has all of them verified). */
  const eligible = async () =>
    (await ctx.db.selectFrom('users').select(['id', 'email']).where('email', 'not like', '%@deleted.invalid').execute()).length;

  async function publish(title: string, at: string) {
    const id = await makePractice(ctx.db, admin, practiceInput({ texts: { title: { es: title, en: `${title} (en)` } } }), 'published', admin);
    await ctx.db.updateTable('practices').set({ published_at: at }).where('id', '=', id).execute();
    return id;
  }
  async function bodyEvent(title: string, at: string) {
    await ctx.db
      .insertInto('events')
      .values({
        id: newId(),
        kind: 'workshop',
        title: JSON.stringify({ es: title }),
        description: JSON.stringify({ es: 'Solo para la Mesa' }),
        original_lang: 'es',
        format: 'online',
        venue_address: null,
        venue_city: null,
        venue_country: null,
        online_url: 'https://meet.example/x',
        starts_at: '2030-03-01T15:00:00.000Z',
        ends_at: '2030-03-01T17:00:00.000Z',
        time_zone: 'America/Lima',
        visibility: 'body',
        visibility_body_id: w.body.id,
        registration_mode: 'open',
        capacity: null,
        registration_closes_at: null,
        registered_count: 0,
        status: 'scheduled',
        sequence: 0,
        created_by: null,
        created_at: at,
        updated_at: at,
      } as never)
      .execute();
  }

  beforeAll(async () => {
    ctx = await createTestContext(dialect);
    w = await buildWorld(ctx);
    const a = await ctx.db.selectFrom('users').selectAll().where('id', '=', w.users.admin).executeTakeFirstOrThrow();
    admin = { id: a.id, name: a.name, email: a.email, role: 'admin', locale: 'es', emailVerified: true };
    await ctx.db.updateTable('users').set({ locale: 'en' }).where('id', '=', w.users.member).execute();
    await ctx.db.updateTable('users').set({ locale: 'pt' }).where('id', '=', w.users.otherOrg).execute();
    await ctx.db.updateTable('users').set({ locale: 'fr' }).where('id', '=', w.users.bodyMember).execute();
    // The reviewer wants nothing at all of what is new.
    for (const k of updateKinds(ctx.deps.modules)) await ctx.db.insertInto('notification_preferences').values({ user_id: w.users.reviewer, kind: k.kind, mode: 'off' }).execute();
  }, 180_000);
  afterAll(async () => ctx?.close());

  it('a weekly run mails each person once, in their language, only what they may see, never when empty', async () => {
    const empty = await runDigest(ctx.deps, 'weekly', new Date('2030-01-07T06:00:00Z'));
    expect(empty.sent).toBe(0);
    await publish('Práctica de la semana uno', IN_WEEK1);
    await bodyEvent('Taller interno de la Mesa', IN_WEEK1);
    const r = await runDigest(ctx.deps, 'weekly', WEEK1);
    expect(r.sent).toBe((await eligible()) - 1); // all but the reviewer
    const en = (await mails('digest.weekly', await emailOf('member')))[0]!;
    expect(en.subject).toBe('Your weekly digest: 1 new thing');
    expect(en.text_body).toContain('Práctica de la semana uno (en)');
    expect(en.text_body).not.toContain('Taller interno'); // not a member of the Mesa
    expect(en.html_body).toContain('<h2');
    const headers = JSON.parse(en.headers!);
    expect(headers['List-Unsubscribe']).toMatch(/^<http:\/\/localhost:3000\/en\/unsubscribe\/[^>]+>$/);
    expect(headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    const fr = (await mails('digest.weekly', await emailOf('bodyMember')))[0]!;
    expect(fr.subject).toBe('Votre lettre hebdomadaire : 2 nouveautés');
    expect(fr.text_body).toContain('Taller interno de la Mesa');
    const pt = (await mails('digest.weekly', await emailOf('otherOrg')))[0]!;
    expect(pt.subject).toContain('O seu boletim semanal');
    expect(await mails('digest.weekly', await emailOf('reviewer'))).toHaveLength(0);
    // The outbox names the kind, never its key.
    const shown = await (await w.clients.admin.get(paths.adminOutboxMessage.href('es', { id: en.id }))).text();
    expect(shown).toContain('Boletín semanal');
    expect(shown).toContain('Práctica de la semana uno');
    // Run again (a second instance, a retried job): nobody gets it twice.
    const again = await runDigest(ctx.deps, 'weekly', new Date(WEEK1.getTime() + 3_600_000));
    expect(again.already).toBe(true);
    expect(await mails('digest.weekly')).toHaveLength(r.sent);
  });

  it('a run killed midway resumes: nobody mailed twice, nobody skipped', async () => {
    await publish('Práctica de la semana dos', IN_WEEK2);
    const before = (await mails('digest.weekly')).length;
    await expect(
      runDigest(ctx.deps, 'weekly', WEEK2, {
        batchSize: 2,
        afterBatch: (n) => {
          if (n >= 4) throw new Error('the process died');
        },
      }),
    ).rejects.toThrow('the process died');
    const midway = (await mails('digest.weekly')).length - before;
    expect(midway).toBeGreaterThan(0);
    expect(midway).toBeLessThanOrEqual(4);
    expect(midway).toBeLessThan((await eligible()) - 1);
    // The job is retried (here: through the queue, as the worker would after the crash).
    await ctx.deps.jobs.enqueue('digest.weekly', { tick: WEEK2.toISOString() });
    await ctx.runJobs();
    const rows = (await mails('digest.weekly')).slice(before);
    const perPerson = new Map<string, number>();
    for (const m of rows) perPerson.set(m.to_address, (perPerson.get(m.to_address) ?? 0) + 1);
    expect(rows.length).toBe((await eligible()) - 1);
    expect([...perPerson.values()].every((n) => n === 1)).toBe(true);
    const run = await ctx.db.selectFrom('digest_runs').selectAll().where('cadence', '=', 'weekly').where('period', '=', '2030-01-14').executeTakeFirstOrThrow();
    expect(run.finished_at).not.toBeNull();
    expect(Number(run.sent)).toBe(rows.length);
  });

  it('"immediately" mails each new thing once, shortly after', async () => {
    await ctx.db.insertInto('notification_preferences').values({ user_id: w.users.secretary, kind: 'practices.new', mode: 'immediate' }).execute();
    const t0 = new Date('2030-02-01T10:00:00Z');
    await runDigest(ctx.deps, 'immediate', t0);
    await publish('Práctica recién publicada', '2030-02-01T10:02:00.000Z');
    const r = await runDigest(ctx.deps, 'immediate', new Date('2030-02-01T10:05:00Z'));
    expect(r.sent).toBe(1);
    const [m] = await mails('digest.immediate', await emailOf('secretary'));
    expect(m!.subject).toBe('Novedad en dialogo: Práctica recién publicada');
    await runDigest(ctx.deps, 'immediate', new Date('2030-02-01T10:10:00Z'));
    expect(await mails('digest.immediate')).toHaveLength(1);
  });

  it('the unsubscribe link works without signing in, one click or the page; forged and other people’s tokens change nothing', async () => {
    const secret = ctx.deps.config.authSecret;
    const kinds = updateKinds(ctx.deps.modules).map((k) => k.kind);
    const prefs = (id: string) => ctx.db.selectFrom('notification_preferences').select(['kind', 'mode']).where('user_id', '=', id).where('kind', 'in', kinds).execute();
    const member = w.users.member;
    const genuine = unsubscribeToken(secret, member, 'all');
    const page = await ctx.client().get(paths.unsubscribe.href('en', { token: genuine }));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(await emailOf('member'));
    // Forged signature, and a payload moved to another person: 404, nothing stored.
    const [payload, sig] = genuine.split('.');
    const other = Buffer.from(Buffer.from(payload!, 'base64url').toString().replace(member, w.users.otherOrg)).toString('base64url');
    for (const bad of [`${payload}.${'A'.repeat(43)}`, `${other}.${sig}`]) {
      const res = await ctx.app.request(paths.unsubscribe.href('en', { token: bad }), { method: 'POST', body: 'List-Unsubscribe=One-Click', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
      expect(res.status).toBe(404);
    }
    expect(await prefs(member)).toHaveLength(0);
    expect(await prefs(w.users.otherOrg)).toHaveLength(0);
    // An expired token.
    const old = unsubscribeToken(secret, member, 'all', new Date(Date.now() - 61 * 86_400_000));
    expect((await ctx.client().get(paths.unsubscribe.href('en', { token: old }))).status).toBe(404);
    // One click, as a mail provider posts it: no cookie, no CSRF token.
    const res = await ctx.app.request(paths.unsubscribe.href('en', { token: genuine }), { method: 'POST', body: 'List-Unsubscribe=One-Click', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(res.status).toBe(303);
    const after = await prefs(member);
    expect(after.map((p) => p.mode).sort()).toEqual(kinds.map(() => 'off'));
    // A kind-scoped token stops that kind only.
    const one = unsubscribeToken(secret, w.users.otherOrg, 'practices.new');
    await ctx.client().post(paths.unsubscribe.href('pt', { token: one }));
    expect(await prefs(w.users.otherOrg)).toEqual([{ kind: 'practices.new', mode: 'off' }]);
    // Another route still needs its CSRF token.
    const other2 = await ctx.app.request(paths.accountNotifications.href('en'), { method: 'POST', body: 'x=1', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(other2.status).toBe(403);
  });

  it('one settings page: digests for update kinds, right away or off for messages; a mode a kind does not offer is refused', async () => {
    const c = w.clients.secretary;
    const page = await c.get(paths.accountNotifications.href('es'));
    const html = await page.text();
    expect(html).toContain('Boletín semanal');
    expect(html).toContain('Novedades de la plataforma');
    const ok = await c.post(paths.accountNotifications.href('es'), { kind_events_upcoming: 'daily', kind_practices_new: 'weekly' });
    expect(ok.status).toBe(303);
    const stored = await ctx.db.selectFrom('notification_preferences').select(['kind', 'mode']).where('user_id', '=', w.users.secretary).where('kind', 'in', ['events.upcoming', 'practices.new']).orderBy('kind').execute();
    expect(stored).toEqual([
      { kind: 'events.upcoming', mode: 'daily' },
      { kind: 'practices.new', mode: 'weekly' },
    ]);
    const bad = await c.post(paths.accountNotifications.href('es'), { kind_events_upcoming: 'immediate' });
    expect(bad.status).toBe(422);
    const bad2 = await c.post(paths.accountNotifications.href('es'), { kind_events_registration: 'weekly' });
    expect(bad2.status).toBe(422);
  });

  it('the signed-in home page lists what is new since the previous visit; the anonymous one does not', async () => {
    const id = w.users.bodyMember;
    const long = new Date(Date.now() - 3 * 86_400_000);
    await noteVisit(ctx.db, id, long);
    await publish('Práctica desde su visita', new Date(Date.now() - 86_400_000).toISOString());
    resetVisitThrottle();
    const home = await (await w.clients.bodyMember.get('/fr/')).text();
    expect(home).toContain('Depuis votre dernière visite');
    expect(home).toContain('Práctica desde su visita');
    const row = await ctx.db.selectFrom('user_visits').selectAll().where('user_id', '=', id).executeTakeFirstOrThrow();
    expect(row.previous_at).toBe(long.toISOString());
    // The same visit: the list stays (previous_at does not move).
    resetVisitThrottle();
    expect(await (await w.clients.bodyMember.get('/fr/')).text()).toContain('Práctica desde su visita');
    const anon = await (await ctx.client().get('/fr/')).text();
    expect(anon).not.toContain('Depuis votre dernière visite');
    // Ten minutes on: the same visit. Two hours on: a new one, whose previous visit ended when last seen.
    expect(await noteVisit(ctx.db, id, new Date(Date.now() + 10 * 60_000))).toBe(long.toISOString());
    const seen = (await ctx.db.selectFrom('user_visits').select('seen_at').where('user_id', '=', id).executeTakeFirstOrThrow()).seen_at;
    expect(await noteVisit(ctx.db, id, new Date(Date.now() + 2 * 3_600_000))).toBe(seen);
  });
});
