/**
 * Authorization that tests itself. Each module declares, in its `authz.matrix.ts`, every route it mounts and
 * what each role gets there; its `authz.test.ts` runs that matrix on both engines with
 * `runRouteMatrix`, and tests/http/routes-covered.test.ts fails when a mounted route is in no matrix.
 *
 * The roles, around one Mesa ("the body", mt1) and one organization ("the organization"):
 * - anonymous — nobody signed in;
 * - suspended — a representative and designated voter of an organization whose membership is suspended; the
 *   organization belongs to the body (mt1) and documents practices of its own (`World.orgs.suspendedOrg`), so
 *   every privilege it would have in good standing is checked to be gone: its people cannot act for it anywhere;
 * - member — a person of the organization (representative and designated voter); the organization is a
 *   member in good standing but belongs to no Mesa;
 * - otherOrg — a person of another member organization;
 * - bodyMember — a person of an organization that is a member of the body;
 * - secretary — the body's secretary (a person of a member organization of the body);
 * - reviewer — the secretary of another Mesa (mt2): a practices reviewer for that Mesa's objectives only;
 * - admin — an administrator.
 *
 * An expectation is 'allow' (anything but 401/403/404/5xx — a 422 for an empty form counts as allowed, since
 * the request got past authorization) or the status the role must get: 401 (a page redirects to sign-in),
 * 403 or 404. Roles run from the least to the most privileged, so a POST that succeeds changes the world only
 * after every refusal has been checked; `url(w, role)` may create a fresh subject per role.
 *
 * An expectation written out role by role may leave `suspended` out (matrices written before that role): it
 * then gets what `otherOrg` gets. The helpers (`only`, `everyone`, `signedIn`) give it its own answer: `only`
 * refuses it unless listed; `everyone` and `signedIn` allow it (a suspended organization's people keep their
 * account — override with `except` where a route acts for an organization).
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createTestContext, DIALECTS, signUpAndIn, type TestClient, type TestContext } from './context.js';
import { makeOrganization, addPerson } from '../../src/modules/membership/factories.js';
import { addBodyMember, assignPositions, getBodyBySlug, type BodyRow } from '../../src/modules/bodies/index.js';

export const ROLES = ['anonymous', 'suspended', 'otherOrg', 'member', 'bodyMember', 'reviewer', 'secretary', 'admin'] as const;
export type Role = (typeof ROLES)[number];
export type Expect = 'allow' | 401 | 403 | 404;
/** What every role gets; `suspended` may be left out (it then gets what `otherOrg` gets). */
export type Expectations = Record<Exclude<Role, 'suspended'>, Expect> & Partial<Record<'suspended', Expect>>;
/** Every role's expectation, `suspended` filled in when it was left out. */
export const expectationsOf = (e: Expectations): Record<Role, Expect> => ({ ...e, suspended: e.suspended ?? e.otherOrg });

export interface World {
  ctx: TestContext;
  clients: Record<Role, TestClient>;
  /** User ids by role (anonymous: ''). */
  users: Record<Role, string>;
  /** The organization of `member`; `otherOrg` of otherOrg; `bodyOrg` of bodyMember; `secretaryOrg` of secretary; `reviewerOrg` of reviewer; `suspendedOrg` (suspended, a member of the body) of suspended. */
  orgs: { org: Org; otherOrg: Org; bodyOrg: Org; secretaryOrg: Org; reviewerOrg: Org; suspendedOrg: Org };
  /** The body (mt1) and the reviewer's body (mt2). */
  body: BodyRow;
  otherBody: BodyRow;
}
type Org = { id: string; slug: string; name: string };

export interface RouteCase {
  method: 'GET' | 'POST';
  /** The route as mounted: a module's pattern relative to the language prefix (`paths.x.pattern`), or `/api/v1/…`. */
  route: string;
  /** The URL to request for a role (may create a fresh subject for that role). */
  url: (w: World, role: Role) => string | Promise<string>;
  /** Form fields for a POST (the CSRF token is added). */
  form?: (w: World, role: Role) => Record<string, string | string[]> | Promise<Record<string, string | string[]>>;
  expect: Expectations;
}

/** Only the listed roles are allowed; anonymous gets 401, everyone else 403. */
export function only(...allowed: Role[]): Record<Role, Expect> {
  return Object.fromEntries(ROLES.map((r) => [r, allowed.includes(r) ? 'allow' : r === 'anonymous' ? 401 : 403])) as Record<Role, Expect>;
}
/** Everyone, anonymous included. */
export const everyone = (): Record<Role, Expect> => only(...ROLES);
/** Anyone signed in. */
export const signedIn = (): Record<Role, Expect> => only(...ROLES.filter((r) => r !== 'anonymous'));
/** Overrides some roles of an expectation. */
export const except = (base: Record<Role, Expect>, over: Partial<Record<Role, Expect>>): Record<Role, Expect> => ({ ...base, ...over });

/** Builds the roles' world on a fresh app (one per engine and test file). */
export async function buildWorld(ctx: TestContext): Promise<World> {
  const people = {} as Record<Role, { client: TestClient; userId: string }>;
  for (const role of ROLES) {
    if (role === 'anonymous') people[role] = { client: ctx.client(), userId: '' };
    else if (role === 'admin') people[role] = { client: await ctx.admin(), userId: (await ctx.db.selectFrom('users').select('id').where('role', '=', 'admin').executeTakeFirstOrThrow()).id };
    else people[role] = await signUpAndIn(ctx, `${role.toLowerCase()}@matrix.example`, `Matrix ${role}`);
  }
  const body = (await getBodyBySlug(ctx.db, 'mt1'))!;
  const otherBody = (await getBodyBySlug(ctx.db, 'mt2'))!;
  const mk = async (name: string, role: Role) => {
    const o = await makeOrganization(ctx.db, { name, status: 'member' });
    await addPerson(ctx.db, o.id, people[role].userId, { representative: true, voter: true });
    return { id: o.id, slug: o.slug, name: o.name };
  };
  const orgs = {
    org: await mk('Organización Matriz', 'member'),
    otherOrg: await mk('Otra Organización Matriz', 'otherOrg'),
    bodyOrg: await mk('Organización de la Mesa', 'bodyMember'),
    secretaryOrg: await mk('Organización Secretaria', 'secretary'),
    reviewerOrg: await mk('Organización Revisora', 'reviewer'),
    suspendedOrg: await mk('Organización Suspendida', 'suspended'),
  };
  await addBodyMember(ctx.db, body.id, orgs.bodyOrg.id);
  // A member of the body while in good standing, then suspended (what the Technical Group's step does).
  await addBodyMember(ctx.db, body.id, orgs.suspendedOrg.id);
  await ctx.db.updateTable('organizations').set({ status: 'suspended', status_reason: 'Matrix: suspended' }).where('id', '=', orgs.suspendedOrg.id).execute();
  await addBodyMember(ctx.db, body.id, orgs.secretaryOrg.id);
  await addBodyMember(ctx.db, otherBody.id, orgs.reviewerOrg.id);
  const today = new Date().toISOString().slice(0, 10);
  for (const [b, org, role] of [
    [body, orgs.secretaryOrg, 'secretary'],
    [otherBody, orgs.reviewerOrg, 'reviewer'],
  ] as const) {
    const r = await assignPositions(ctx.db, null, {
      bodyId: b.id,
      assignments: [{ position: 'secretary', userId: people[role].userId, orgId: org.id, holderName: `Matrix ${role}` }],
      startsOn: today,
      endsOn: null,
      source: 'appointment',
    });
    if (!r.ok) throw new Error(`matrix world: cannot appoint the ${role}: ${r.reason}`);
  }
  return {
    ctx,
    clients: Object.fromEntries(ROLES.map((r) => [r, people[r].client])) as Record<Role, TestClient>,
    users: Object.fromEntries(ROLES.map((r) => [r, people[r].userId])) as Record<Role, string>,
    orgs,
    body,
    otherBody,
  };
}

/**
 * Runs `fn` while the suspended organization is back in good standing, then suspends it again: for subjects it
 * made before its suspension (practices it documented, a roll it was drawn on). Here, so modules' matrices do
 * not write membership's tables themselves.
 */
export async function whileInGoodStanding<T>(w: World, fn: () => Promise<T>): Promise<T> {
  const set = (status: 'member' | 'suspended') => w.ctx.db.updateTable('organizations').set({ status }).where('id', '=', w.orgs.suspendedOrg.id).execute();
  await set('member');
  try {
    return await fn();
  } finally {
    await set('suspended');
  }
}

/** What a response means for authorization. */
export function verdict(res: Response): Expect | 'error' {
  if (res.status >= 500) return 'error';
  if (res.status === 404) return 404;
  if (res.status === 403) return 403;
  if (res.status === 401) return 401;
  const location = res.headers.get('location') ?? '';
  if (res.status >= 300 && res.status < 400 && /^\/[a-z]{2}\/sign-in(\?|$)/.test(location)) return 401;
  return 'allow';
}

/** The URL with the language prefix when the route is a page (`/es/…`). */
export const inLang = (path: string, lang = 'es') => (path.startsWith('/api/') || /^\/[a-z]{2}(\/|$)/.test(path) ? path : `/${lang}${path}`);

/**
 * Runs a module's matrix on both engines: every route, every role. `setup` adds the module's own subjects
 * to the world (returned object is merged into `extra`).
 */
export interface RouteMatrix<X extends object = object> {
  module: string;
  /** Adds the module's own subjects to the world; what it returns is `extra()` in the cases. */
  setup?: (w: World) => Promise<X>;
  cases: (extra: () => X) => RouteCase[];
}

/** Declares a module's matrix (in its authz.matrix.ts). */
export const defineRouteMatrix = <X extends object>(m: RouteMatrix<X>) => m;

export function runRouteMatrix<X extends object>({ module, cases, setup }: RouteMatrix<X>) {
  describe.each(DIALECTS)(`${module}: every route × every role on %s`, (dialect) => {
    let ctx: TestContext;
    let world: World;
    let extra: X = {} as X;
    beforeAll(async () => {
      ctx = await createTestContext(dialect);
      world = await buildWorld(ctx);
      if (setup) extra = await setup(world);
    }, 120_000);
    afterAll(async () => ctx?.close());
    for (const rc of cases(() => extra)) {
      it(`${rc.method} ${rc.route}`, async () => {
        const got: Partial<Record<Role, Expect | 'error'>> = {};
        for (const role of ROLES) {
          const url = inLang(await rc.url(world, role));
          const client = world.clients[role];
          const res =
            rc.method === 'GET' ? await client.get(url) : await client.post(url, rc.form ? await rc.form(world, role) : {});
          got[role] = verdict(res);
        }
        expect(got).toEqual(expectationsOf(rc.expect));
      });
    }
  });
}
