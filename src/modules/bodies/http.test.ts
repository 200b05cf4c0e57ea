/** Bodies over HTTP on both engines: public page, members' area per role, join/approve/leave, edit, appoint. */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createTestContext, DIALECTS, signUpAndIn, lastMail, type TestContext, type TestClient } from '../../../tests/support/context.js';
import { makeOrganization, addPerson } from '../membership/factories.js';
import { addBodyMember, assignPositions, getBodyBySlug, secretaryBodiesOfUser, membershipOf, readerBodies, pageReaderBodies, NO_READER_BODIES, bodyFacts, NO_FACTS } from './index.js';

describe.each(DIALECTS)('bodies over HTTP (%s)', (dialect) => {
  let ctx: TestContext;
  let admin: TestClient;
  let anon: TestClient;
  const people: Record<string, { client: TestClient; userId: string }> = {};
  const orgs: Record<string, string> = {};
  let bodyId = '';
  const slug = 'mt2';

  beforeAll(async () => {
    ctx = await createTestContext(dialect);
    admin = await ctx.admin();
    anon = ctx.client();
    bodyId = (await getBodyBySlug(ctx.db, slug))!.id;
    for (const name of ['secretary', 'member', 'applicant', 'suspended', 'nobody']) people[name] = await signUpAndIn(ctx, `${name}@bo.test`, `Persona ${name}`);
    for (const [key, status] of [['a', 'member'], ['b', 'member'], ['s', 'suspended']] as const) orgs[key] = (await makeOrganization(ctx.db, { name: `Org ${key}`, status })).id;
    await addBodyMember(ctx.db, bodyId, orgs.a!);
    await addPerson(ctx.db, orgs.a!, people.secretary!.userId);
    await addPerson(ctx.db, orgs.a!, people.member!.userId, { voter: true });
    await addPerson(ctx.db, orgs.b!, people.applicant!.userId);
    await addPerson(ctx.db, orgs.s!, people.suspended!.userId);
    await assignPositions(ctx.db, null, { bodyId, assignments: [{ position: 'secretary', userId: people.secretary!.userId, orgId: orgs.a!, holderName: 'Persona secretary' }], startsOn: '2020-01-01', endsOn: null, source: 'appointment' });
  }, 60_000);
  afterAll(() => ctx?.close());
  const p = (n: string) => people[n]!.client;

  it('shows the public page with members and current positions, cacheable for anonymous visitors', async () => {
    const r = await anon.get(`/es/bodies/${slug}`);
    expect(r.status).toBe(200);
    const html = await r.text();
    expect(html).toContain('Org a');
    expect(html).toContain('Persona secretary');
    for (const l of ['en', 'pt', 'fr']) expect((await anon.get(`/${l}/bodies/${slug}`)).status).toBe(200);
    const api = await anon.get(`/api/v1/bodies/${slug}`);
    expect(api.status).toBe(200);
  });

  it('guards the members area per role', async () => {
    expect((await anon.get(`/es/bodies/${slug}/area`)).status).toBe(303);
    expect((await p('nobody').get(`/es/bodies/${slug}/area`)).status).toBe(403);
    expect((await p('suspended').get(`/es/bodies/${slug}/area`)).status).toBe(403);
    for (const n of ['member', 'applicant', 'secretary']) expect((await p(n).get(`/es/bodies/${slug}/area`)).status).toBe(200);
    expect((await admin.get(`/es/bodies/${slug}/area`)).status).toBe(200);
    expect(await (await p('member').get(`/es/bodies/${slug}/area`)).text()).not.toContain('/requests');
    expect(await (await p('secretary').get(`/es/bodies/${slug}/area`)).text()).toContain(`/es/elections/new?body=${slug}`);
    expect((await p('member').get(`/es/bodies/${slug}/edit`)).status).toBe(403);
    expect((await p('secretary').get(`/es/bodies/${slug}/edit`)).status).toBe(403);
    expect((await admin.get(`/es/bodies/${slug}/edit`)).status).toBe(200);
  });

  it('lets an organization ask to join, the secretary approve, and leave', async () => {
    expect((await p('applicant').post(`/es/bodies/${slug}/join`, { org: orgs.a! })).status).toBe(303);
    expect(await membershipOf(ctx.db, bodyId, orgs.a!)).toBe('member');
    await ctx.db.updateTable('users').set({ locale: 'pt' }).where('id', '=', people.secretary!.userId).execute();
    expect((await p('applicant').post(`/es/bodies/${slug}/join`, { org: orgs.b! })).status).toBe(303);
    expect(await membershipOf(ctx.db, bodyId, orgs.b!)).toBe('pending');
    // The secretary is told in their own language (Portuguese), with a link to the area in Portuguese.
    const mail = await lastMail(ctx, 'secretary@bo.test');
    expect(mail?.kind).toBe('bodies.joinRequested');
    expect(mail?.subject).toMatch(/^Nova solicitação para participar de /);
    expect(mail?.text_body).toContain(`http://localhost:3000/pt/bodies/${slug}/area`);
    // A second request for the same organization is refused and changes nothing (no second mail).
    const before = await ctx.db.selectFrom('outbox').select('id').where('kind', '=', 'bodies.joinRequested').execute();
    const again = await p('applicant').post(`/es/bodies/${slug}/join`, { org: orgs.b! });
    expect(again.status).toBe(303);
    expect((await ctx.db.selectFrom('outbox').select('id').where('kind', '=', 'bodies.joinRequested').execute()).length).toBe(before.length);
    expect((await p('member').post(`/es/bodies/${slug}/requests`, { org: orgs.b!, decision: 'approve' })).status).toBe(403);
    expect((await anon.post(`/es/bodies/${slug}/requests`, { org: orgs.b!, decision: 'approve' })).status).toBe(401);
    expect((await p('secretary').post(`/es/bodies/${slug}/requests`, { org: orgs.b!, decision: 'approve' })).status).toBe(303);
    expect(await membershipOf(ctx.db, bodyId, orgs.b!)).toBe('member');
    expect((await p('applicant').post(`/es/bodies/${slug}/leave`, { org: orgs.b! })).status).toBe(303);
    expect(await membershipOf(ctx.db, bodyId, orgs.b!)).toBe('left');
    const audit = await ctx.db.selectFrom('audit_log').select('action').where('subject_id', '=', bodyId).execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['body.join_requested', 'body.join_approved', 'body.left']));
  });

  it('lets only administrators edit in four languages and appoint holders', async () => {
    const values = { name_es: 'Mesa 2 editada', name_en: 'Group 2 edited', name_pt: 'Grupo 2', name_fr: 'Groupe 2', short_name_es: 'Mesa 2', mandate_es: 'Mandato nuevo', objectives: ['3', '5'] };
    expect((await p('secretary').post(`/es/bodies/${slug}/edit`, values)).status).toBe(403);
    expect((await admin.post(`/es/bodies/${slug}/edit`, { ...values, name_es: '' })).status).toBe(422);
    expect((await admin.post(`/es/bodies/${slug}/edit`, values)).status).toBe(303);
    const b = (await getBodyBySlug(ctx.db, slug))!;
    expect(JSON.parse(b.name).en).toBe('Group 2 edited');
    expect(b.objectives).toEqual([3, 5]);
    const appoint = { position: 'principal_delegate', email: 'member@bo.test', org: orgs.a!, starts_on: '2024-01-01' };
    expect((await p('secretary').post(`/es/bodies/${slug}/appoint`, appoint)).status).toBe(403);
    expect((await admin.post(`/es/bodies/${slug}/appoint`, { ...appoint, email: 'nobody@bo.test' })).status).toBe(422);
    expect((await admin.post(`/es/bodies/${slug}/appoint`, appoint)).status).toBe(303);
    expect(await (await anon.get(`/en/bodies/${slug}`)).text()).toContain('Persona member');
    expect(await secretaryBodiesOfUser(ctx.db, people.secretary!.userId)).toEqual([{ bodyId, objectives: [3, 5] }]);
    expect(await secretaryBodiesOfUser(ctx.db, people.member!.userId)).toEqual([]);
  });

  it("reads a reader's place among the bodies: secretary, member organizations' bodies, none; once per page, never another reader's", async () => {
    expect(await readerBodies(ctx.db, people.secretary!.userId)).toEqual({ secretaryOf: [bodyId], memberOrg: true, bodyIds: [bodyId] });
    expect(await readerBodies(ctx.db, people.member!.userId)).toEqual({ secretaryOf: [], memberOrg: true, bodyIds: [bodyId] });
    // Org b is a member organization outside the body; org s is suspended: neither gives a body.
    expect(await readerBodies(ctx.db, people.applicant!.userId)).toEqual({ secretaryOf: [], memberOrg: true, bodyIds: [] });
    expect(await readerBodies(ctx.db, people.suspended!.userId)).toEqual(NO_READER_BODIES);
    expect(await readerBodies(ctx.db, null)).toEqual(NO_READER_BODIES);
    const page = (name: string) => ({ db: ctx.db, dialect, locale: 'es' as const, t: (k: string) => k, user: { id: people[name]!.userId, name, email: `${name}@bo.test`, role: 'member' as const, locale: null, emailVerified: true } });
    const a = page('secretary');
    const b = page('nobody');
    expect(pageReaderBodies(a)).toBe(pageReaderBodies(a));
    expect((await pageReaderBodies(a)).secretaryOf).toEqual([bodyId]);
    expect(await pageReaderBodies(b)).toEqual({ secretaryOf: [], memberOrg: false, bodyIds: [] });
  });

  it("reads a person's facts about one body from the same reading as their place among the bodies: the two agree", async () => {
    expect(await bodyFacts(ctx.db, people.secretary!.userId, bodyId)).toEqual({ isSecretary: true, myOrgs: [{ id: orgs.a!, name: 'Org a', status: 'member' }], actsForMember: true });
    for (const name of ['secretary', 'member', 'applicant', 'suspended', 'nobody']) {
      const [f, r] = await Promise.all([bodyFacts(ctx.db, people[name]!.userId, bodyId), readerBodies(ctx.db, people[name]!.userId)]);
      expect(f.isSecretary).toBe(r.secretaryOf.includes(bodyId));
      expect(f.actsForMember).toBe(r.bodyIds.includes(bodyId));
      expect(f.myOrgs.length > 0).toBe(r.memberOrg);
    }
    expect(await bodyFacts(ctx.db, people.suspended!.userId, bodyId)).toEqual({ isSecretary: false, myOrgs: [], actsForMember: false });
    expect(await bodyFacts(ctx.db, null, bodyId)).toBe(NO_FACTS);
  });
});
