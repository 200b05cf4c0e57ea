/**
 * A plan's page with the page cache on (its axes, activities and indicators kept as a fragment, decision 0701), on
 * both engines: each reader gets the version for their rights and the links they may see, whoever asked first —
 * the Mesa's secretary and an administrator the edit links, another person and a signed-out visitor none; an
 * event only members of another Mesa may see is listed for the administrator only.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createTestContext, DIALECTS, signUpAndIn, type TestContext, type TestClient } from '../../../tests/support/context.js';
import { makeOrganization, addPerson } from '../membership/factories.js';
import { addBodyMember, assignPositions, getBodyBySlug } from '../bodies/index.js';

describe.each(DIALECTS.flatMap((d) => [[d, '0'], [d, '60']] as const))('plan page fragments (%s, page cache TTL %s s)', (dialect, ttl) => {
  let ctx: TestContext;
  let secretary: TestClient;
  let other: TestClient;
  let admin: TestClient;
  let url = '';
  let editHref = '';
  let statusHref = '';
  let secretaryId = '';

  beforeAll(async () => {
    ctx = await createTestContext(dialect, { PAGE_CACHE_TTL: ttl });
    const mt2 = (await getBodyBySlug(ctx.db, 'mt2'))!;
    const mt3 = (await getBodyBySlug(ctx.db, 'mt3'))!;
    const sec = await signUpAndIn(ctx, `sec-${ttl}@plans.test`, 'Secretaria Plan');
    secretary = sec.client;
    secretaryId = sec.userId;
    other = (await signUpAndIn(ctx, `other-${ttl}@plans.test`, 'Otra Persona')).client;
    const org = await makeOrganization(ctx.db, { name: 'Org Plan', status: 'member' });
    await addPerson(ctx.db, org.id, sec.userId, { representative: true });
    await addBodyMember(ctx.db, mt2.id, org.id);
    expect((await assignPositions(ctx.db, null, { bodyId: mt2.id, assignments: [{ position: 'secretary', userId: sec.userId, orgId: org.id, holderName: 'Secretaria Plan' }], startsOn: '2020-01-01', endsOn: null, source: 'appointment' })).ok).toBe(true);
    admin = await ctx.admin();
    // An event only MT3's members see, linked (directly, before any page is read) from an activity of MT2's seeded plan.
    const made = await admin.post('/es/events/new', {
      kind: 'workshop',
      original_lang: 'es',
      title_es: 'Reunión interna de MT3',
      description_es: 'Descripción',
      bodies: [mt3.id],
      objectives: ['4'],
      time_zone: 'America/Santiago',
      starts_at: '2026-03-10T10:00',
      ends_at: '2026-03-10T12:00',
      format: 'online',
      online_url: 'https://meet.example.org/abc',
      visibility: 'body',
      visibility_body: mt3.id,
      registration_mode: 'open',
    });
    expect(made.status).toBe(303);
    const eventId = made.headers.get('location')!.split('/').pop()!;
    const plan = await ctx.db.selectFrom('plans').select(['id', 'status']).where('body_id', '=', mt2.id).executeTakeFirstOrThrow();
    expect(plan.status).toBe('approved');
    const activity = await ctx.db.selectFrom('plan_activities').select('id').where('plan_id', '=', plan.id).orderBy('position').executeTakeFirstOrThrow();
    await ctx.db.insertInto('plan_activity_links').values({ activity_id: activity.id, type: 'events.event', target_id: eventId }).execute();
    url = `/es/plans/${plan.id}`;
    editHref = `/es/plans/${plan.id}/activity/${activity.id}/edit`;
    statusHref = `/es/plans/${plan.id}/activities/${activity.id}/status`;
  }, 120_000);
  afterAll(() => ctx?.close());

  const page = async (client: TestClient) => {
    const res = await client.get(url);
    expect(res.status).toBe(200);
    return res.text();
  };

  it('gives each reader the version of their rights and links, in any order', async () => {
    for (let round = 0; round < 2; round++) {
      const asOther = await page(other);
      const asSecretary = await page(secretary);
      const asAnon = await page(ctx.client());
      const asAdmin = await page(admin);
      expect(asSecretary).toContain(editHref);
      expect(asAdmin).toContain(editHref);
      expect(asOther).not.toContain(editHref);
      expect(asAnon).not.toContain(editHref);
      expect(asAdmin).toContain('Reunión interna de MT3');
      for (const p of [asSecretary, asOther, asAnon]) expect(p).not.toContain('Reunión interna de MT3');
      // Same rights and links, same axes.
      const axes = (html: string) => html.slice(html.indexOf('<section aria-labelledby="a-'), html.lastIndexOf('</section>'));
      expect(axes(asOther)).toBe(axes(asAnon));
      expect(axes(asOther).length).toBeGreaterThan(1000);
    }
  });

  it('shows a write to every reader at once (what was kept is emptied)', async () => {
    const postponed = (html: string) => html.split('>Aplazada</span>').length - 1;
    const before = { other: await page(other), anon: await page(ctx.client()) };
    const status = (await ctx.db.selectFrom('plan_activities').select('status').where('id', '=', statusHref.split('/')[5]!).executeTakeFirstOrThrow()).status;
    const next = status === 'postponed' ? 'done' : 'postponed';
    expect((await secretary.post(statusHref, { status: next })).status).toBe(303);
    const delta = next === 'postponed' ? 1 : -1;
    expect(postponed(await page(other))).toBe(postponed(before.other) + delta);
    expect(postponed(await page(ctx.client()))).toBe(postponed(before.anon) + delta);
  });

  it('shows a draft to its owners only, whoever asked first', async () => {
    const mt2 = (await getBodyBySlug(ctx.db, 'mt2'))!;
    const made = await secretary.post('/es/plans/new', { body: mt2.id, title_es: `Borrador ${ttl}`, starts_on: '2026-01-01', ends_on: '2026-12-31', activity_share: '50' });
    expect(made.status).toBe(303);
    const draft = made.headers.get('location')!;
    const importHref = `${draft}/import`;
    for (let round = 0; round < 2; round++) {
      const asSecretary = await secretary.get(draft);
      expect(asSecretary.status).toBe(200);
      expect(await asSecretary.text()).toContain(importHref);
      expect((await other.get(draft)).status).toBe(404);
      expect((await ctx.client().get(draft)).status).toBe(404);
      const asAdmin = await admin.get(draft);
      expect(asAdmin.status).toBe(200);
      expect(await asAdmin.text()).toContain(importHref);
    }
  });

  it('shows a change to the Mechanism’s plan on the about page at once (its kept section is emptied)', async () => {
    const plan = await ctx.db.selectFrom('plans').select('id').where('body_id', 'is', null).where('status', '=', 'approved').executeTakeFirstOrThrow();
    const result = await ctx.db.selectFrom('plan_results').select('code').where('plan_id', '=', plan.id).orderBy('position').executeTakeFirstOrThrow();
    const about = async () => {
      const res = await other.get('/es/about');
      expect(res.status).toBe(200);
      return res.text();
    };
    const before = await about();
    expect(await about()).toBe(before);
    // A done activity gives its result (and the plan) progress the section shows.
    const added = await admin.post(`/es/plans/${plan.id}/activity/new`, { code: `Z${ttl}`, parent: result.code, title_es: 'Actividad agregada', weight: '1', status: 'done' });
    expect(added.status).toBe(303);
    expect(await about()).not.toBe(before);
  });

  // Last: it takes the secretary's rights away.
  it('follows a reader’s rights once a write changed them (their kept facts are emptied)', async () => {
    expect(await page(secretary)).toContain(editHref);
    const mt2 = (await getBodyBySlug(ctx.db, 'mt2'))!;
    const holding = await ctx.db.selectFrom('body_positions').select('id').where('user_id', '=', secretaryId).where('body_id', '=', mt2.id).executeTakeFirstOrThrow();
    expect((await admin.post(`/es/bodies/mt2/positions/${holding.id}/end`, {})).status).toBe(303);
    const after = await page(secretary);
    expect(after).not.toContain(editHref);
    expect(after).not.toContain(`${url}/import`);
  });
});
