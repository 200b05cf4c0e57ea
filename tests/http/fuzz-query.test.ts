/**
 * Query parameters never make a 5xx: on both engines, every GET route the app mounts is requested with
 * random and hostile values (long words, FTS5 and tsquery operators, quotes, control characters, unicode,
 * huge and negative numbers) in every query parameter a route reads, as an anonymous visitor and as the
 * administrator (fast-check, bounded runs), after one fixed pass of known edge values over every route.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import fc from 'fast-check';
import { createTestContext, DIALECTS, type TestContext, type TestClient } from '../support/context.js';
import { makeOrganization } from '../../src/modules/membership/factories.js';
import { makePractice, practiceInput, userStub } from '../../src/modules/practices/factories.js';

/** The query parameters the app's routes read (pages, the search, the Hub parameters, the admin filters, tokens). */
const PARAMS = [
  'q', 'text', 'page', 'sort', 'country', 'type', 'objective', 'body', 'status', 'lang', 'per_page', 'perPage',
  'gcm_objectives', 'cross_cutting_theme', 'region', 'type_of_resource', 'resource_language', 'from', 'to',
  'email', 'token', 'next', 'tab', 'id',
] as const;

/** Values that broke or could break a parser: FTS5 and tsquery syntax, long words, odd numbers. */
const EDGES = [
  'a'.repeat(61), `migracion ${'b'.repeat(200)}`, '"', '""', `"unclosed`, 'AND', 'OR', 'NOT', 'a AND b OR NEAR(c d, 2)', 'NEAR(', '*', 'mig*',
  '^x', '-x', '()', '(a', 'a)', ':', 'title:x', '{title body}: x', '!', '&', '|', '<->', "'", "a'b", '\\', '%', '_',
  '\u0000', '\u0007\u001f', '\u202e', '😀', 'ǅ', 'İstanbul', 'straße', '日本語', 'e\u0301', '\ud800',
  '1e20', '-1', '0', 'abc', '99999999999', '9007199254740993', '1.5', 'NaN', 'Infinity', '-Infinity', '0x10', ' 2 ', '',
  'relevance', 'newest', 'es', 'CL', '4', 'mt1', 'pending', 'failed', '//evil.example', 'javascript:alert(1)',
  // Names every object inherits: a value looked up with `in` or `obj[value]` finds them (`?status=toString` was a 500).
  'toString', 'constructor', '__proto__', 'hasOwnProperty', 'valueOf',
];
const INHERITED = ['toString', 'constructor', '__proto__', 'hasOwnProperty', 'valueOf'];

const value = fc.oneof(
  fc.constantFrom(...EDGES),
  fc.string({ maxLength: 80 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.string({ unit: fc.constantFrom('a', 'é', 'ñ', 'z', '1'), minLength: 55, maxLength: 130 }),
  fc.array(fc.constantFrom(...EDGES, 'word', 'AND', 'OR', '"', '*', ' '), { maxLength: 8 }).map((a) => a.join(' ')),
  fc.integer().map(String),
  fc.double().map(String),
  fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }).map(String),
);
/** Every parameter at once (a route ignores the ones it does not read), some repeated. */
const query = fc.record(Object.fromEntries(PARAMS.map((p) => [p, fc.oneof({ arbitrary: value, weight: 4 }, { arbitrary: fc.array(value, { minLength: 2, maxLength: 3 }), weight: 1 })])) as Record<
  (typeof PARAMS)[number],
  fc.Arbitrary<string | string[]>
>);

const toUrl = (path: string, q: Record<string, string | string[]>) => {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) for (const x of Array.isArray(v) ? v : [v]) u.append(k, x);
  const s = u.toString();
  return s ? `${path}?${s}` : path;
};

describe.each(DIALECTS)('query parameters on %s', (dialect) => {
  let ctx: TestContext;
  let anon: TestClient;
  let admin: TestClient;
  let paths: string[];

  beforeAll(async () => {
    ctx = await createTestContext(dialect);
    anon = ctx.client();
    admin = await ctx.admin();
    const adminId = (await ctx.db.selectFrom('users').select('id').where('role', '=', 'admin').executeTakeFirstOrThrow()).id;
    const org = await makeOrganization(ctx.db, { name: 'Red Migrante' });
    const practiceId = await makePractice(ctx.db, userStub(adminId, 'admin'), practiceInput({ orgId: org.id }), 'published');
    // A concrete URL per mounted GET route: seeded or created subjects where easy, something well-formed otherwise.
    const ids: Record<string, string> = { practices: practiceId, organizations: org.id, members: org.slug, bodies: 'mt1' };
    const fill = (path: string) =>
      path
        .replace(/^\/:lang\{[^}]*\}/, '/es')
        .replace(/\/([a-z-]+)\/:(\w+)(\{(?:[^{}]|\{[^}]*\})*\})?/g, (_m, parent: string, name: string, re: string | undefined) => {
          const known = ids[parent];
          if (name === 'n') return `/${parent}/4`;
          if (name === 'slug') return `/${parent}/${known ?? 'mt1'}`;
          if (name === 'file') return `/${parent}/${'0'.repeat(16)}.webp`;
          if (name === 'token') return `/${parent}/${'t'.repeat(32)}`;
          if (re?.includes('{16}') || name === 'id' || name === 'aid' || name === 'cid') return `/${parent}/${known ?? '0123456789abcdef'}`;
          return `/${parent}/x`;
        });
    paths = [
      ...new Set(
        ctx.app.routes
          .filter((r) => r.method === 'GET' && !r.path.includes('*'))
          .map((r) => fill(r.path))
          .filter((p) => !p.includes(':')),
      ),
    ];
  });
  afterAll(async () => ctx?.close());

  const statuses = new Map<number, number>();
  const check = async (client: TestClient, url: string) => {
    const res = await client.get(url);
    statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
    if (res.status >= 500) expect.fail(`${res.status} for GET ${url} as ${client === admin ? 'administrator' : 'anonymous'}: ${(await res.text()).slice(0, 300)}`);
  };

  it('fills every mounted GET route', () => {
    expect(paths.length).toBeGreaterThan(60);
    expect(paths).toContain('/es/practices');
    expect(paths).toContain('/api/v1/practices');
    expect(paths).toContain('/es/admin/audit');
  });

  it('answers known edge values in every route without a 5xx', async () => {
    // Eight requests per route, each giving every parameter a different edge value, so each value reaches
    // about three parameters of every route, alternately as anonymous and as the administrator.
    for (const path of paths)
      for (let k = 0; k < 8; k++) {
        const q = Object.fromEntries(PARAMS.map((p, j) => [p, EDGES[(k * PARAMS.length + j) % EDGES.length]!]));
        await check(k % 2 ? admin : anon, toUrl(path, q));
      }
    // And each value alone in the search text and the page, where the parsers are.
    for (const v of EDGES)
      for (const url of ['/es/practices', '/api/v1/practices', '/es/admin/audit', '/es/admin/applications']) {
        await check(admin, toUrl(url, { text: v, q: v, page: v }));
        await check(anon, toUrl(url, { text: v, q: v, page: v }));
      }
    // Names every object inherits, in every parameter at once, where the administrator reaches every page.
    for (const v of INHERITED) for (const path of paths) await check(admin, toUrl(path, Object.fromEntries(PARAMS.map((p) => [p, v]))));
  }, 120_000);

  it('answers random query parameters on every GET route without a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...paths), query, fc.boolean(), async (path, q, asAdmin) => {
        await check(asAdmin ? admin : anon, toUrl(path, q));
      }),
      { numRuns: 600 },
    );
  }, 120_000);

  it('answers random query parameters on the searched and paged lists without a 5xx', async () => {
    const lists = paths.filter((p) => /\/(practices|members|organizations|bodies|elections|applications|outbox|jobs|users|audit)(\/(mine|review))?$/.test(p));
    expect(lists.length).toBeGreaterThan(10);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...lists), query, fc.boolean(), async (path, q, asAdmin) => {
        await check(asAdmin ? admin : anon, toUrl(path, q));
      }),
      { numRuns: 400 },
    );
    // The requests reached pages that answered, not only refusals.
    expect(statuses.get(200) ?? 0).toBeGreaterThan(200);
  }, 120_000);
});
