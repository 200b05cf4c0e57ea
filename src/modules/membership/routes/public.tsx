/** @module Membership: public pages — the application form, the directory, each member's page, the coverage map, logos. */
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../../../platform/http/env.js';
import { action } from '../../../platform/http/action.js';
import { validate } from '../../../platform/http/forms.js';
import { hit } from '../../../platform/http/rate-limit.js';
import { clientAddress } from '../../../platform/http/client-address.js';
import { authorize } from '../../../platform/authz/authz.js';
import { ok, fail } from '../../../platform/outcome.js';
import { notify } from '../../../platform/notify/notify.js';
import { emptyForm, paginationHtml, type FormState } from '../../../platform/views/components.js';
import { pickTranslated } from '../../../platform/i18n/translated.js';
import { keptWithForms, keptTemplate, keptRows, escapeHtml } from '../../../platform/views/fragment.js';
import { selectToKeep, chosenIn, type SelectSpec } from '../../../platform/views/kept-select.js';
import { activeFilters, activeFiltersHtml, filterToggleText } from '../../../platform/views/filters.js';
import { countryNames, listObjectives, listPrinciples } from '../../../platform/reference/queries.js';
import { renderLacChoropleth, LAC_ALPHA2, isLacState } from '../../../platform/charts/index.js';
import { findUserByEmail, ensureVerifiedUser } from '../../../platform/auth/users.js';
import { hashPassword } from '../../../platform/auth/auth.js';
import { groupsOf, groupValue, groupFilter } from '../groups.js';
import { ApplicationSchema, ApplicantAccountSchema, DirectoryQuery, ORG_TYPES, SORTS, type ApplicationInput } from '../schemas.js';
import { membershipPolicy } from '../policy.js';
import { evenTiming } from '../../../platform/http/timing.js';
import { listDirectory, directoryFacts, pageOfDirectory, getOrganizationFull, findDuplicate, coverageStats, isPersonOf, publicFieldsOf, contactsOf } from '../queries.js';
import { createApplication } from '../commands/profile.js';
import { mailContext } from '../commands/mail.js';
import { memberCountsByCountry, organizationsOfUser, type CoverageBy } from '../index.js';
import { readLogo } from '../commands/logo.js';
import { countryOptions, lacOptions, objectiveOptions, objectiveChoices, typeOptions } from '../views/common.js';
import { JoinPage, JoinSentPage } from '../views/join.js';
import { DirectoryPage, DirectoryCard, MemberPage, DIRECTORY_SLOTS, directoryFilterFields } from '../views/directory.js';
import { CoveragePage } from '../views/coverage.js';
import { paths, elsewhere } from '../paths.js';

export const publicRoutes = new Hono<AppEnv>({ strict: false });

// ---- Application ("adhesión") -----------------------------------------------------------------------
/** The application, with the account fields that a visitor who is not signed in fills in (checked in the command). */
const JoinSchema = ApplicationSchema.extend({
  person_name: z.string().optional(),
  email: z.string().optional(),
  password: z.string().optional(),
  confirm: z.string().optional(),
});

publicRoutes.get(paths.join.pattern, async (c) => {
  const l = c.get('locale');
  const form = emptyForm({ description_lang: l, country: '', languages: [l] });
  // A visitor's empty form is every visitor's but for its CSRF secret: kept with that field left for each visitor's own.
  if (!c.get('user')) return c.render(await keptWithForms(c, `membership.join:${l}`, () => joinPage(c, form)), joinMeta(c));
  return renderJoin(c, form);
});

/** How long an anonymous application's answer takes, whether the address had an account or not (it does not tell). */
const JOIN_ANSWER_MS = 800;

// A new address's application writes more rows than an existing one's notice (a few milliseconds apart on
// PostgreSQL, measured): a visitor's answer is given JOIN_ANSWER_MS after the handler began, whichever path it took.
publicRoutes.post(
  paths.join.pattern,
  evenTiming(
    JOIN_ANSWER_MS,
    action({
    public: true,
    allow: (actor) => membershipPolicy.can(actor, 'apply'),
    input: JoinSchema,
    run: async (trx, { c, actor, input, values, deps, locale: l, t }) => {
      const application = input as ApplicationInput;
      const account = actor ? null : validate(ApplicantAccountSchema, values, t);
      if (account && !account.ok) return fail('form.error.invalid');
      const known = new Set((await countryOptions(trx, l, t)).map((o) => o.value));
      if (!known.has(application.country)) return fail('form.error.choice', { field: 'country' });
      if (application.countries.some((x) => !known.has(x))) return fail('form.error.choice', { field: 'countries' });
      const dup = await findDuplicate(trx, application.name, application.country, application.website);
      if (dup) return fail('membership.errors.duplicate', { field: 'name', params: { name: dup.name } });
      const limit = await hit(trx, `join:${clientAddress(c)}`, { max: 20, windowSeconds: 3600 });
      if (!limit.allowed) return fail('auth.errors.tooMany', { field: 'name', params: { minutes: Math.ceil(limit.retryAfter / 60) } });
      const mail = mailContext(deps);
      if (actor) {
        const out = await createApplication(trx, mail, actor.id, application);
        return out.ok ? ok({ orgId: out.id as string | null, email: '' }) : out;
      }
      const a = (account as { ok: true; data: z.output<typeof ApplicantAccountSchema> }).data;
      const email = a.email.toLowerCase();
      const existing = await findUserByEmail(trx, email);
      // An existing address costs the same hash as a new account, so the answer's timing does not tell.
      if (existing) await hashPassword(a.password);
      const created = existing ? null : await ensureVerifiedUser(trx, { email, name: a.person_name, password: a.password, locale: l, verified: false });
      if (!created?.created) {
        // The address already has an account. An anonymous form must not attach an application to someone
        // else's account, nor reveal that the account exists: the page says the same as always, and the
        // owner of the address is told to sign in and apply from there.
        await notify({ db: trx, i18n: deps.i18n }, [{ userId: existing?.id ?? null, email, locale: existing?.locale ?? l }], 'account-exists', {
          subject: 'mail.exists.subject',
          body: 'mail.exists.body',
          params: (pl) => ({ url: elsewhere.signIn.url(mail.baseUrl, pl, {}, { next: paths.join.href(pl) }), reset: elsewhere.forgotPassword.url(mail.baseUrl, pl) }),
        });
        return ok({ orgId: null as string | null, email });
      }
      const out = await createApplication(trx, mail, created.id, application);
      return out.ok ? ok({ orgId: out.id as string | null, email }) : out;
    },
    // The new account's address is confirmed as every sign-up's is (better-auth's verification mail). An
    // address that already has an account goes through the same call (it mails a link only to an account not yet
    // confirmed).
    after: async ({ deps, value }) => {
      if (value.email) await deps.auth.api.sendVerificationEmail({ body: { email: value.email } });
    },
    form: (c, { actor, form }) => {
      // Show the account fields' problems together with the application's.
      const account = actor ? null : validate(ApplicantAccountSchema, form.values, c.get('t'));
      return renderJoin(c, { values: form.values, errors: { ...(account && !account.ok ? account.errors : {}), ...form.errors } });
    },
    done: ({ actor, locale, value }) =>
      actor && value.orgId ? { to: paths.org.href(locale, { id: value.orgId }), flash: 'membership.flash.applied' } : { to: paths.joinSent.href(locale, {}, { email: value.email }) },
    }),
    (c) => !c.get('user'),
  ),
);

publicRoutes.get(paths.joinSent.pattern, (c) => {
  const t = c.get('t');
  const email = (c.req.query('email') ?? '').slice(0, 254);
  return c.render(<JoinSentPage email={email} />, { title: t('membership.join.sent.title'), noindex: true });
});

async function renderJoin(c: Context<AppEnv>, form: FormState) {
  return c.render(await joinPage(c, form), joinMeta(c));
}

const joinMeta = (c: Context<AppEnv>) => ({ title: c.get('t')('membership.join.title'), description: c.get('t')('membership.join.lead') });

/** The application form below the layout, for this request's reader (a visitor's, when kept by `keptWithForms`). */
async function joinPage(c: Context<AppEnv>, form: FormState) {
  const t = c.get('t');
  const l = c.get('locale');
  const { db } = c.get('deps');
  const v = form.values;
  const [countries, lac, objectives, principles, existing] = await Promise.all([
    countryOptions(db, l, t),
    lacOptions(db, l, t),
    objectiveChoices(db, l, t),
    listPrinciples(db, l),
    // After a refusal: point to an earlier application of the same organization, if there is one.
    typeof v.name === 'string' && v.name && typeof v.country === 'string' && v.country ? findDuplicate(db, v.name, v.country, typeof v.website === 'string' ? v.website : null) : undefined,
  ]);
  return <JoinPage form={form} options={{ countries, lac, objectives, principles }} existing={existing} />;
}

// ---- Directory ------------------------------------------------------------------------------------------
publicRoutes.get(paths.members.pattern, async (c) => {
  const t = c.get('t');
  const l = c.get('locale');
  const { db, cache } = c.get('deps');
  authorize(c, membershipPolicy.can(c.get('user'), 'browse'));
  const f = DirectoryQuery.parse(c.req.query());
  const providers = groupsOf(c);
  const k = await cache.fragment(`membership.directory.choices:${l}`, () => directoryChoices(c, providers));
  const within = await groupFilter(c, providers);
  // Every member organization's facts (what the directory filters, orders and pages on, and what a row shows) are the
  // same for every reader: kept as one page-cache fragment (emptied by every write), and the page is found in them
  // per request. Too many organizations to keep (null): the count and the page in SQL.
  const facts = await cache.fragment('membership.directory.facts', () => directoryFacts(db));
  const found = facts ? pageOfDirectory(facts, { ...f, within }) : await listDirectory(db, { ...f, within });
  // Each row as HTML, kept per organization and language (all a row depends on); the rows not kept, rendered at once.
  const byId = new Map(found.rows.map((o) => [o.id, o]));
  const rows = await keptRows(c, found.rows.map((o) => o.id), (id) => `membership.directory.row:${id}:${l}`, async () => byId, (o) => <DirectoryCard o={o} names={k.names} />);
  const params = new URLSearchParams();
  for (const [key, v] of Object.entries(f)) if (v !== undefined && key !== 'page') params.set(key, String(v));
  for (const g of providers) if (!params.has(g.param) && groupValue(c, g)) params.set(g.param, groupValue(c, g)!);
  // The selects are kept with nothing chosen (per language), the chosen option marked per request. A country that is
  // neither one of the 33 LAC states nor where members are (an old link) is added to this request's own list.
  const own = async (x: (typeof k.selects)[number]) => {
    const options = k.allCountries.filter((o) => k.countries.has(o.value) || o.value === f.country);
    return { ...x, options, ...(await selectToKeep(c, { ...x, options })) };
  };
  const selects = f.country && !k.countries.has(f.country) ? await Promise.all(k.selects.map((x) => (x.name === 'country' ? own(x) : x))) : k.selects;
  const values = Object.fromEntries(params.entries());
  const active = activeFilters({ values, errors: {} }, directoryFilterFields(t, selects));
  const template = await keptTemplate(c, `membership.directory:${l}:${rows.length ? 'list' : 'none'}`, DIRECTORY_SLOTS, (slot) => (
    <DirectoryPage slot={slot} found={rows.length > 0} />
  ), { absent: { rows: !rows.length } });
  c.set('cacheable', true);
  c.set('cacheParams', DIRECTORY_PARAMS);
  return c.render(
    template({
      q: escapeHtml(f.q ?? ''),
      selects: selects.map((x) => chosenIn(c, x, params.get(x.name) ?? undefined)).join(''),
      toggle: escapeHtml(filterToggleText(c, active.length)),
      active: activeFiltersHtml(c, active, paths.members.href(l)),
      count: escapeHtml(t('membership.directory.count', { n: c.get('fmt').number(found.total) })),
      rows: rows.join(''),
      pagination: paginationHtml(c, { page: found.page, pages: found.pages, baseUrl: paths.members.href(l), params }),
    }),
    { title: t('membership.directory.title'), description: t('membership.directory.lead') },
  );
});

/**
 * What the directory's filter offers, the same for every reader of a language: kept as long as a cached public page
 * (emptied by every write). The countries are the 33 LAC states and the others where there are members (counting
 * members per country is a union over every organization's countries); each select is kept as HTML with nothing chosen.
 */
async function directoryChoices(c: Context<AppEnv>, providers: ReturnType<typeof groupsOf>) {
  const t = c.get('t');
  const l = c.get('locale');
  const { db } = c.get('deps');
  const [names, allCountries, objectives, present, groups] = await Promise.all([
    countryNames(db, l),
    countryOptions(db, l, t),
    objectiveOptions(db, l, t),
    memberCountsByCountry(db),
    Promise.all(providers.map(async (g) => ({ param: g.param, label: g.label, options: await g.options(db, l) }))),
  ]);
  const countries = new Set(allCountries.filter((o) => isLacState(o.value) || present[o.value]).map((o) => o.value));
  const any = t('membership.directory.any');
  const fields: SelectSpec[] = [
    { name: 'country', label: t('membership.fields.countryFilter'), options: allCountries.filter((o) => countries.has(o.value)), empty: any },
    { name: 'type', label: t('membership.fields.type'), options: typeOptions(t), empty: any },
    { name: 'objective', label: t('membership.fields.objective'), options: objectives, empty: any },
    ...groups.map((g) => ({ name: g.param, label: t(g.label), options: g.options, empty: any })),
    { name: 'sort', label: t('membership.directory.sort'), options: SORTS.map((s) => ({ value: s, label: t(`membership.directory.sorts.${s}`) })) },
  ];
  const selects = await Promise.all(fields.map(async (x) => ({ ...x, ...(await selectToKeep(c, x)) })));
  return { names, allCountries, countries, selects };
}

/** The directory's query parameters, in the order its links write them (the page cache stores only these). */
const DIRECTORY_PARAMS = ['country', 'type', 'objective', 'body', 'q', 'sort', 'page'] as const;

publicRoutes.get(paths.member.pattern, async (c) => {
  const t = c.get('t');
  const l = c.get('locale');
  const { db } = c.get('deps');
  const org = await getOrganizationFull(db, { slug: c.req.param('slug') });
  if (!org || org.status !== 'member') return c.notFound();
  const user = c.get('user');
  authorize(c, membershipPolicy.can(user, 'browse'));
  const providers = groupsOf(c);
  const { dialect, modules } = c.get('deps');
  const ctx = { db, dialect, locale: l, t, user };
  const [names, objectives, groups, sections] = await Promise.all([
    countryNames(db, l),
    listObjectives(db, l),
    Promise.all(providers.map(async (g) => ({ heading: g.heading, items: await g.of(db, l, org.id) }))),
    // What other modules show on an organization's page (its pledges, documents), for this reader.
    Promise.all(modules.filter((m) => m.organizationSections).map((m) => m.organizationSections!(ctx, { id: org.id, slug: org.slug }))).then((s) => s.filter(Boolean)),
  ]);
  const mine = user ? membershipPolicy.can(user, 'view', { status: org.status, isPerson: await isPersonOf(db, user.id, org.id) }) : false;
  // Contact people are private to the Mechanism: shown to people of member organizations and administrators (never cached).
  const contacts =
    user && (mine || membershipPolicy.can(user, 'seeContacts', { inGoodStanding: (await organizationsOfUser(db, user.id)).some((o) => o.status === 'member') })) ? await contactsOf(db, org.id) : [];
  c.set('cacheable', true);
  const desc = pickTranslated(org.description, l)?.text;
  return c.render(<MemberPage org={org} mine={mine} contacts={contacts} names={names} objectives={objectives} groups={groups} sections={sections} />, {
    title: org.name,
    description: desc?.slice(0, 200),
    crumbs: [[t('membership.directory.title'), paths.members.pattern]],
  });
});

// ---- Logos: served from DATA_DIR/uploads with safe headers -------------------------------------------------
publicRoutes.get(paths.logo.pattern, async (c) => {
  const { db, config } = c.get('deps');
  const file = c.req.param('file');
  const org = await db.selectFrom('organizations').select(['id', 'status', 'public_fields']).where('logo_file', '=', file).executeTakeFirst();
  if (!org) return c.notFound();
  const user = c.get('user');
  const publicLogo = publicFieldsOf(org).has('logo');
  const isPublic = org.status === 'member' && publicLogo;
  // A private logo answers 404 to whoever may not see it: its existence is not revealed.
  if (!membershipPolicy.can(user, 'seeLogo', { status: org.status, isPerson: await isPersonOf(db, user?.id, org.id), publicLogo })) return c.notFound();
  const buf = await readLogo(config.dataDir, file);
  if (!buf) return c.notFound();
  return c.body(new Uint8Array(buf), 200, {
    'Content-Type': 'image/webp',
    'Content-Disposition': 'inline',
    'Content-Security-Policy': "default-src 'none'; sandbox",
    'Cache-Control': isPublic ? 'public, max-age=86400' : 'private, no-store',
    'Cross-Origin-Resource-Policy': 'same-origin',
  });
});

// ---- Coverage and expansion -----------------------------------------------------------------------------------
/** The coverage view a request asks for: where organizations work (the default) or where they are registered. */
const coverageBy = (c: Context<AppEnv>): CoverageBy => (c.req.query('by') === 'registration' ? 'registration' : 'works');

publicRoutes.get(paths.coverage.pattern, async (c) => {
  const t = c.get('t');
  const l = c.get('locale');
  const { db } = c.get('deps');
  const by = coverageBy(c);
  const [stats, names, objectives] = await Promise.all([coverageStats(db, by, LAC_ALPHA2), countryNames(db, l), listObjectives(db, l)]);
  const lacValues = Object.fromEntries(LAC_ALPHA2.map((a) => [a, stats.byCountry[a] ?? 0]));
  const totalMembers = stats.total;
  const lacRows = [...LAC_ALPHA2].sort((a, b) => (names.get(a) ?? a).localeCompare(names.get(b) ?? b, l));
  const typeRows = ORG_TYPES.map((ty) => ({ label: t(`membership.types.${ty}`), value: stats.byType[ty] ?? 0, href: paths.members.href(l, {}, { type: ty }) })).sort((a, b) => b.value - a.value);
  const objRows = objectives.map((o) => ({ label: t('membership.objectiveOption', { n: o.n, title: o.short }), value: stats.byObjective[o.n] ?? 0, href: paths.members.href(l, {}, { objective: o.n }) }));
  // Few = fewer than a fifth of the average per LAC state (at least 1).
  const avg = LAC_ALPHA2.length ? LAC_ALPHA2.reduce((s, a) => s + (lacValues[a] ?? 0), 0) / LAC_ALPHA2.length : 0;
  const few = Math.max(1, Math.floor(avg / 5));
  const countryTargets = lacRows.filter((a) => (lacValues[a] ?? 0) <= few);
  const typeTargets = ORG_TYPES.filter((ty) => (stats.byType[ty] ?? 0) <= Math.max(1, Math.floor(totalMembers / ORG_TYPES.length / 5)));
  const months = lastMonths(new Set([...Object.keys(stats.applied), ...Object.keys(stats.admitted)]));
  c.set('cacheable', true);
  c.set('cacheParams', ['by']);
  return c.render(
    <CoveragePage
      by={by}
      stats={stats}
      names={names}
      totalMembers={totalMembers}
      lacRows={lacRows}
      lacValues={lacValues}
      outside={stats.outside}
      typeRows={typeRows}
      objRows={objRows}
      few={few}
      countryTargets={countryTargets}
      typeTargets={typeTargets}
      months={months}
    />,
    { title: t('membership.coverage.title'), description: t('membership.coverage.mapDesc') },
  );
});

publicRoutes.get(paths.coverageMap.pattern, async (c) => {
  const t = c.get('t');
  const fmt = c.get('fmt');
  const { db } = c.get('deps');
  const by = coverageBy(c);
  const [counts, names] = await Promise.all([memberCountsByCountry(db, by), countryNames(db, c.get('locale'))]);
  const svg = renderLacChoropleth({
    values: Object.fromEntries(LAC_ALPHA2.map((a) => [a, counts[a] ?? 0])),
    title: t(`membership.coverage.by.${by}.mapTitle`),
    desc: t('membership.coverage.mapDesc'),
    legendLabel: t('membership.coverage.legend'),
    zeroLabel: t('membership.coverage.zero'),
    formatNumber: fmt.number,
    countryName: (a) => names.get(a) ?? a,
  });
  c.set('cacheable', true);
  c.set('cacheParams', ['by']);
  return c.body(svg, 200, { 'Content-Type': 'image/svg+xml; charset=utf-8', 'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'", 'Cache-Control': 'public, max-age=300' });
});

/** The last 12 months up to the latest month with data (YYYY-MM), oldest first. */
function lastMonths(seen: Set<string>): string[] {
  const valid = [...seen].filter((m) => /^\d{4}-\d{2}$/.test(m)).sort();
  if (!valid.length) return [];
  const [y, mo] = valid[valid.length - 1]!.split('-').map(Number) as [number, number];
  const out: string[] = [];
  for (let i = 11; i >= 0; i--) {
    const d = new Date(Date.UTC(y, mo - 1 - i, 1));
    out.push(d.toISOString().slice(0, 7));
  }
  return out;
}

