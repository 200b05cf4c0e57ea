/** Who may do what: the rules for every role, and every membership route's answer to every role on both engines. */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { membershipPolicy, type MembershipAction, type OrgContext } from './policy.js';
import type { CurrentUser } from '../../platform/http/env.js';
import type { OrgStatus } from './tables.js';
import { createTestContext, DIALECTS, signUpAndIn, type TestContext, type TestClient } from '../../../tests/support/context.js';
import { makeOrganization, addPerson } from './factories.js';
import { createInvitation } from './commands/people.js';
import { mailContext } from './commands/mail.js';

const user = (role: 'admin' | 'member', id: string = role): CurrentUser => ({ id, name: id, email: `${id}@x`, role, locale: 'es', emailVerified: true });
const STATUSES: OrgStatus[] = ['applicant', 'info_requested', 'member', 'suspended', 'withdrawn', 'declined'];

/** Expected answer per action: (role, status) → allowed. Roles: anonymous, outsider (member of another org), person, admin. */
const EXPECT: Record<MembershipAction, (role: string, s: OrgStatus) => boolean> = {
  apply: () => true,
  browse: () => true,
  haveOrganizations: (r) => r !== 'anonymous',
  requestInfo: (r, s) => r === 'admin' && s === 'applicant',
  seeLogo: () => true, // checked separately below
  view: (r) => r === 'person' || r === 'admin',
  edit: (r, s) => r === 'admin' || (r === 'person' && ['applicant', 'info_requested', 'member'].includes(s)),
  resubmit: (r, s) => r === 'person' && s === 'info_requested',
  managePeople: (r, s) => (r === 'person' || r === 'admin') && s === 'member',
  leave: (r, s) => r === 'person' && s === 'member',
  review: (r, s) => r === 'admin' && ['applicant', 'info_requested'].includes(s),
  suspend: (r, s) => r === 'admin' && s === 'member',
  withdraw: (r, s) => r === 'admin' && ['member', 'suspended'].includes(s),
  readmit: (r, s) => r === 'admin' && ['suspended', 'withdrawn'].includes(s),
  administer: (r) => r === 'admin',
  seeContacts: () => true, // checked separately below
};

describe('membership policy rules', () => {
  const roles = {
    anonymous: { actor: null, isPerson: false },
    outsider: { actor: user('member', 'other'), isPerson: false },
    person: { actor: user('member', 'p'), isPerson: true },
    admin: { actor: user('admin'), isPerson: false },
  };
  for (const action of (Object.keys(EXPECT) as MembershipAction[]).filter((a) => a !== 'seeContacts' && a !== 'seeLogo')) {
    it(`${action}: every role, every status`, () => {
      for (const [role, r] of Object.entries(roles)) {
        for (const status of STATUSES) {
          const ctx: OrgContext = { status, isPerson: r.isPerson };
          expect((membershipPolicy.rules[action] as (a: unknown, o?: OrgContext) => boolean)(r.actor, ctx), `${action} ${role} ${status}`).toBe(EXPECT[action](role, status));
        }
      }
    });
  }
});

describe('seeLogo', () => {
  it("a member organization's public logo to everyone; otherwise its people and administrators only", () => {
    const o = (status: OrgStatus, publicLogo: boolean, isPerson = false) => ({ status, publicLogo, isPerson });
    expect(membershipPolicy.can(null, 'seeLogo', o('member', true))).toBe(true);
    expect(membershipPolicy.can(null, 'seeLogo', o('member', false))).toBe(false);
    expect(membershipPolicy.can(null, 'seeLogo', o('suspended', true))).toBe(false);
    expect(membershipPolicy.can(user('member', 'x'), 'seeLogo', o('applicant', true))).toBe(false);
    expect(membershipPolicy.can(user('member', 'p'), 'seeLogo', o('applicant', false, true))).toBe(true);
    expect(membershipPolicy.can(user('admin'), 'seeLogo', o('declined', false))).toBe(true);
  });
});

describe('seeContacts', () => {
  it('administrators and people of a member in good standing only', () => {
    expect(membershipPolicy.can(null, 'seeContacts', { inGoodStanding: true })).toBe(false);
    expect(membershipPolicy.can(user('member', 'm'), 'seeContacts', { inGoodStanding: false })).toBe(false);
    expect(membershipPolicy.can(user('member', 'm'), 'seeContacts', { inGoodStanding: true })).toBe(true);
    expect(membershipPolicy.can(user('admin'), 'seeContacts', { inGoodStanding: false })).toBe(true);
  });
});

describe.each(DIALECTS)('membership routes by role on %s', (dialect) => {
  let ctx: TestContext;
  const clients: Record<string, TestClient> = {};
  let orgId = '';
  let slug = '';
  beforeAll(async () => {
    ctx = await createTestContext(dialect);
    clients.anonymous = ctx.client();
    clients.admin = await ctx.admin();
    const member = await signUpAndIn(ctx, 'member@org.example', 'Member');
    const voter = await signUpAndIn(ctx, 'voter@org.example', 'Voter');
    const other = await signUpAndIn(ctx, 'other@org.example', 'Other');
    clients.member = member.client;
    clients.voter = voter.client;
    clients.otherOrg = other.client;
    const org = await makeOrganization(ctx.db, { name: 'Org Uno', status: 'member' });
    const org2 = await makeOrganization(ctx.db, { name: 'Org Dos', status: 'member' });
    orgId = org.id;
    slug = org.slug;
    await addPerson(ctx.db, org.id, member.userId, { representative: true });
    await addPerson(ctx.db, org.id, voter.userId, { voter: true });
    await addPerson(ctx.db, org2.id, other.userId, { voter: true });
    await ctx.db.insertInto('organization_contacts').values({ id: 'c1', org_id: org.id, name: 'Contacto Privado', email: 'privado@org.example', phone: null, role: null, created_at: 'x' }).execute();
  });

  it('contact people are shown to people of member organizations and administrators, never to the public', async () => {
    const seen = async (role: string) => (await (await clients[role]!.get(`/es/members/${slug}`)).text()).includes('privado@org.example');
    expect(await seen('anonymous')).toBe(false);
    expect(await seen('otherOrg')).toBe(true);
    expect(await seen('member')).toBe(true);
    expect(await seen('admin')).toBe(true);
    expect(await (await clients.anonymous!.get(`/api/v1/organizations/${slug}`)).text()).not.toContain('privado');
  });
  afterAll(() => ctx.close());

  const ROLES = ['anonymous', 'otherOrg', 'member', 'voter', 'admin'] as const;
  // Expected statuses per role for GET pages (anonymous GETs of private pages are sent to sign in: 303).
  const GETS: [string, (id: string, slug: string) => string, Record<(typeof ROLES)[number], number>][] = [
    ['join', () => '/es/join', { anonymous: 200, otherOrg: 200, member: 200, voter: 200, admin: 200 }],
    ['directory', () => '/es/members', { anonymous: 200, otherOrg: 200, member: 200, voter: 200, admin: 200 }],
    ['member page', (_i, s) => `/es/members/${s}`, { anonymous: 200, otherOrg: 200, member: 200, voter: 200, admin: 200 }],
    ['coverage', () => '/es/coverage', { anonymous: 200, otherOrg: 200, member: 200, voter: 200, admin: 200 }],
    ['my organizations', () => '/es/my/organizations', { anonymous: 303, otherOrg: 200, member: 200, voter: 200, admin: 200 }],
    ['organization page', (i) => `/es/organizations/${i}`, { anonymous: 303, otherOrg: 403, member: 200, voter: 200, admin: 200 }],
    ['edit profile', (i) => `/es/organizations/${i}/edit`, { anonymous: 303, otherOrg: 403, member: 200, voter: 200, admin: 200 }],
    ['applications', () => '/es/admin/applications', { anonymous: 303, otherOrg: 403, member: 403, voter: 403, admin: 200 }],
    ['review page', (i) => `/es/admin/organizations/${i}`, { anonymous: 303, otherOrg: 403, member: 403, voter: 403, admin: 200 }],
    ['csv export', () => '/es/admin/organizations.csv', { anonymous: 303, otherOrg: 403, member: 403, voter: 403, admin: 200 }],
    ['import', () => '/es/admin/import', { anonymous: 303, otherOrg: 403, member: 403, voter: 403, admin: 200 }],
  ];
  for (const [name, path, expected] of GETS) {
    it(`GET ${name}`, async () => {
      for (const role of ROLES) expect((await clients[role]!.get(path(orgId, slug))).status, `${role} ${name}`).toBe(expected[role]);
    });
  }

  it('POST routes refuse whoever may not act (nothing changes)', async () => {
    const posts: [string, Record<string, string>][] = [
      [`/es/organizations/${orgId}/invitations`, { email: 'n@x.example' }],
      [`/es/organizations/${orgId}/people`, { voter: 'x' }],
      [`/es/organizations/${orgId}/leave`, { reason: 'r' }],
      [`/es/organizations/${orgId}/resubmit`, {}],
      [`/es/admin/organizations/${orgId}/suspend`, { reason_suspend: 'r' }],
      [`/es/admin/organizations/${orgId}/approve`, {}],
    ];
    for (const [p, body] of posts) {
      expect((await clients.anonymous!.post(p, body)).status, `anonymous ${p}`).toBe(401);
      expect((await clients.otherOrg!.post(p, body)).status, `otherOrg ${p}`).toBe(403);
    }
    for (const role of ['member', 'voter'] as const) {
      expect((await clients[role]!.post(`/es/admin/organizations/${orgId}/suspend`, { reason_suspend: 'r' })).status).toBe(403);
      expect((await clients[role]!.post(`/es/organizations/${orgId}/resubmit`)).status).toBe(403); // not asked for information
    }
    // Admin may not approve a member (wrong status) but may suspend it.
    expect((await clients.admin!.post(`/es/admin/organizations/${orgId}/approve`)).status).toBe(403);
    const org = await ctx.db.selectFrom('organizations').select('status').where('id', '=', orgId).executeTakeFirstOrThrow();
    expect(org.status).toBe('member');
  });

  it('people of the organization manage invitations and roles; a suspended organization cannot', async () => {
    expect((await clients.voter!.post(`/es/organizations/${orgId}/invitations`, { email: 'new@org.example' })).status).toBe(303);
    await ctx.db.updateTable('organizations').set({ status: 'suspended' }).where('id', '=', orgId).execute();
    for (const role of ['member', 'voter'] as const) {
      expect((await clients[role]!.post(`/es/organizations/${orgId}/invitations`, { email: 'n2@org.example' })).status).toBe(403);
      expect((await clients[role]!.get(`/es/organizations/${orgId}/edit`)).status).toBe(403);
      expect((await clients[role]!.post(`/es/organizations/${orgId}/leave`, { reason: 'r' })).status).toBe(403);
    }
    // An invitation of a suspended organization cannot be used.
    const inv = await createInvitation(ctx.db, mailContext(ctx.deps), { id: 'x', name: 'x', email: 'x', role: 'member', locale: null, emailVerified: true }, orgId, 'z@org.example');
    if (!inv.ok) throw new Error('no invitation');
    const refused = await clients.otherOrg!.post(`/es/invitations/${inv.token}`);
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain('no es miembro activo');
    await ctx.db.updateTable('organizations').set({ status: 'member' }).where('id', '=', orgId).execute();
  });
});
