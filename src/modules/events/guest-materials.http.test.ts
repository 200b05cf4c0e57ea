/**
 * People without an account and participants-only materials, on both engines: through their registration link
 * they open the event's participants-only files while they hold a seat — not before confirming, not on the
 * waitlist, not after cancelling — as account holders do; the link of another event, or a wrong link, opens nothing.
 * Also: registering again after cancelling, and a second registration refused with its seat given back.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createTestContext, DIALECTS, type TestContext, type TestClient } from '../../../tests/support/context.js';
import { getBodyBySlug } from '../bodies/index.js';
import { createEvent } from './commands/save.js';
import { testEvent } from './factories.js';
import { register } from './commands/registration.js';
import { addMaterial } from './commands/materials.js';
import { eventsTx } from './commands/context.js';

describe.each(DIALECTS)('events: participants-only materials through a registration link (%s)', (dialect) => {
  let ctx: TestContext;
  let anon: TestClient;
  let eventId = '';
  let otherId = '';
  let privateId = '';
  let publicId = '';
  let otherPrivateId = '';
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    ctx = await createTestContext(dialect);
    anon = ctx.client();
    const bodyId = (await getBodyBySlug(ctx.db, 'mt1'))!.id;
    const adminId = (await ctx.db.selectFrom('users').select('id').where('role', '=', 'admin').executeTakeFirstOrThrow()).id;
    const at = Date.now() + 5 * 86400_000;
    const input = testEvent('Taller con materiales', at, [bodyId], { kind: 'workshop', onlineUrl: 'https://meet.example.org/m', capacity: 1, objectives: [] });
    const tx = <T,>(f: (trx: any) => Promise<T>) => ctx.db.transaction().execute(f);
    const must = <T extends { ok: boolean }>(r: T) => {
      if (!r.ok) throw new Error(JSON.stringify(r));
      return r as Extract<T, { ok: true }>;
    };
    eventId = must(await tx((trx) => createEvent(trx, adminId, input))).id;
    otherId = must(await tx((trx) => createEvent(trx, adminId, input))).id;
    const dataDir = ctx.deps.config.dataDir;
    const pdf = (name: string) => ({ name, bytes: new Uint8Array(Buffer.from(`%PDF-1.4\n${name}\n`)) });
    privateId = must(await tx((trx) => addMaterial(trx, adminId, dataDir, eventId, { title: 'Presentación', kind: 'file', phase: 'after', audience: 'participants', file: pdf('slides.pdf') }))).id;
    publicId = must(await tx((trx) => addMaterial(trx, adminId, dataDir, eventId, { title: 'Programa', kind: 'file', phase: 'before', audience: 'public', file: pdf('agenda.pdf') }))).id;
    otherPrivateId = must(await tx((trx) => addMaterial(trx, adminId, dataDir, otherId, { title: 'Otra', kind: 'file', phase: 'after', audience: 'participants', file: pdf('other.pdf') }))).id;
    for (const who of ['ana', 'luis']) {
      const r = must(await tx((trx) => register(eventsTx(trx, ctx.deps), { eventId, userId: null, email: `${who}@guest.example`, name: who, organization: null, locale: 'es', sector: 'academia' })));
      tokens[who] = (await ctx.db.selectFrom('event_registrations').select('token').where('id', '=', r.id).executeTakeFirstOrThrow()).token;
    }
  }, 90_000);
  afterAll(() => ctx?.close());

  const file = (token: string, mid = privateId, id = eventId) => anon.get(`/es/events/${id}/r/${token}/materials/${mid}`);
  const page = async (token: string) => (await anon.get(`/es/events/${eventId}/r/${token}`)).text();

  it('opens participants-only files while the registration holds a seat, and only then', async () => {
    // Not confirmed yet: the public file opens, the participants' one does not (and is not listed).
    expect((await file(tokens.ana!)).status).toBe(403);
    expect((await file(tokens.ana!, publicId)).status).toBe(200);
    expect(await page(tokens.ana!)).not.toContain('Presentación');
    expect(await page(tokens.ana!)).toContain('Programa');
    // Confirmed: Ana takes the one seat; Luis confirms after her and waits.
    expect((await anon.post(`/es/events/${eventId}/r/${tokens.ana}/confirm`)).status).toBe(303);
    expect((await anon.post(`/es/events/${eventId}/r/${tokens.luis}/confirm`)).status).toBe(303);
    const got = await file(tokens.ana!);
    expect(got.status).toBe(200);
    expect(got.headers.get('content-disposition')).toContain('slides.pdf');
    expect(got.headers.get('cache-control')).toContain('no-store');
    expect(await got.text()).toContain('slides.pdf');
    expect(await page(tokens.ana!)).toContain(`/es/events/${eventId}/r/${tokens.ana}/materials/${privateId}`);
    // Waitlisted: not yet.
    expect((await file(tokens.luis!)).status).toBe(403);
    expect(await page(tokens.luis!)).not.toContain('Presentación');
    // Ana cancels: her link no longer opens it; Luis, promoted to her seat, now can.
    expect((await anon.post(`/es/events/${eventId}/r/${tokens.ana}/cancel`)).status).toBe(303);
    expect((await file(tokens.ana!)).status).toBe(403);
    expect((await file(tokens.luis!)).status).toBe(200);
  });

  it('registering again after cancelling starts over (confirm first, no file yet); a second registration while holding one is refused and takes no seat', async () => {
    const again = await ctx.db.transaction().execute((trx) => register(eventsTx(trx, ctx.deps), { eventId, userId: null, email: 'ANA@guest.example', name: 'Ana', organization: null, locale: 'es', sector: 'academia' }));
    expect(again.ok && again.status).toBe('pending_email');
    const rows = await ctx.db.selectFrom('event_registrations').select(['email', 'status', 'token']).where('event_id', '=', eventId).execute();
    expect(rows.filter((r) => r.email === 'ana@guest.example')).toEqual([{ email: 'ana@guest.example', status: 'pending_email', token: tokens.ana }]);
    expect((await file(tokens.ana!)).status).toBe(403);
    const seats = async () => Number((await ctx.db.selectFrom('events').select('registered_count').where('id', '=', eventId).executeTakeFirstOrThrow()).registered_count);
    const before = await seats();
    const dup = await ctx.db.transaction().execute((trx) => register(eventsTx(trx, ctx.deps), { eventId, userId: null, email: 'luis@guest.example', name: 'Luis', organization: null, locale: 'es', sector: 'academia' }));
    expect(dup.ok).toBe(false);
    expect(await seats()).toBe(before);
    expect((await file(tokens.luis!)).status).toBe(200);
    // An account's second registration takes the seat first, then finds the first one: the seat goes back, even
    // when the caller commits the refusal.
    const seatsOf = async (id: string) => Number((await ctx.db.selectFrom('events').select('registered_count').where('id', '=', id).executeTakeFirstOrThrow()).registered_count);
    const acct = { eventId: otherId, userId: 'acct-again-0001', email: 'acct@guest.example', name: 'Cuenta', organization: null, locale: 'es', sector: 'academia' as const };
    const first = await ctx.db.transaction().execute((trx) => register(eventsTx(trx, ctx.deps), acct));
    expect(first.ok && first.status).toBe('registered');
    expect(await seatsOf(otherId)).toBe(1);
    const second = await ctx.db.transaction().execute((trx) => register(eventsTx(trx, ctx.deps), acct));
    expect(second.ok).toBe(false);
    expect(await seatsOf(otherId)).toBe(1);
  });

  it('a wrong link, or another event’s file through this link, opens nothing', async () => {
    expect((await file('0'.repeat(32))).status).toBe(404);
    expect((await file(tokens.luis!, otherPrivateId)).status).toBe(404);
    expect((await file(tokens.luis!, otherPrivateId, otherId)).status).toBe(404);
    // The account route still asks visitors to sign in.
    expect((await anon.get(`/es/events/${eventId}/materials/${privateId}`)).status).toBe(303);
  });
});
