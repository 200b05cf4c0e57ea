/**
 * @module Pledges: pages and form posts — the public list (filters in the URL), one's pledges and the review
 * queue, the form, a pledge with its workflow, progress and links, its attachment and its UN-form documents, and
 * the CSV. Every GET is load → 404 → a named policy rule → a view; every POST is an `action()`.
 */
import { Hono, type Context } from 'hono';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AppEnv, CurrentUser } from '../../platform/http/env.js';
import { action } from '../../platform/http/action.js';
import { readForm } from '../../platform/http/forms.js';
import { pageParam } from '../../platform/http/page.js';
import { authorize, requireUser, type Actor } from '../../platform/authz/authz.js';
import { emptyForm, paginationHtml, type FormState, type FormValues, type Option } from '../../platform/views/components.js';
import { keptTemplate, escapeHtml } from '../../platform/views/fragment.js';
import { activeFilters, activeFiltersHtml, filterToggleText } from '../../platform/views/filters.js';
import { pickTranslated } from '../../platform/i18n/translated.js';
import { LOCALES, type Locale } from '../../platform/i18n/locales.js';
import { historyOf } from '../../platform/audit/audit.js';
import { readHistory } from '../../platform/audit/read.js';
import { fail, type Outcome } from '../../platform/outcome.js';
import { linkTargets, resolveLinks, unknownLinks } from '../../platform/links.js';
import { objectiveOptions, lacCountryOptions } from '../../platform/reference/options.js';
import { listObjectives, listPrinciples, listCountries, countryNames } from '../../platform/reference/queries.js';
import { LAC_ALPHA2 } from '../../platform/charts/index.js';
import type { Db } from '../../db/schema.js';
import { getOrganizations, listMemberOrganizations, getOrganizationBySlug, type OrgSummary } from '../membership/index.js';
import { listBodies, getBodyBySlug, getBodyById, paths as bodiesPaths } from '../bodies/index.js';
import { PledgeFormSchema, toInput, ReviewForm, UpdateForm, UnIdForm, ConfirmForm, WithdrawForm, LinkForm } from './schemas.js';
import { getPledge, pledgesOfOrgs, reviewQueue, updatesOf, linksOf, allPublished, leadOf, type Pledge, type PledgeFilter } from './queries.js';
import { pledgesPolicy, scopeOf, toConfirm, type Scope } from './policy.js';
import { savePledge, uploadsDir, type Upload } from './commands/save.js';
import { submitPledge, confirmPledge, publishPledge, returnPledge, addUpdate, setUnId, withdrawPledge, pledgesTx } from './commands/workflow.js';
import { addLink, removeLink } from './commands/links.js';
import { pledgeJson, pledgePdf, pledgesCsv } from './export.js';
import { pledgeKinds, pledgeForms, pledgeStatuses } from './tables.js';
import { ATTACHMENT_MAX, PARTNER_ROWS } from './model.js';
import { paths, FILTER_PARAMS } from './paths.js';
import { keptSlugLookup, parseFilter } from './filters.js';
import { catalogOrgs, pledgeCatalog, queryCatalog, type PledgeCatalog } from './catalog.js';
import { dashboardRoutes } from './dashboard-routes.js';
import { listRows } from './list-rows.js';
import { PledgeFormPage, type FormOptions } from './views/form.js';
import { PledgeListPage, MinePage, filterFields, LIST_SLOTS, type FilterOptions } from './views/list.js';
import { keptSelect } from '../../platform/views/kept-select.js';
import { PledgePage, type PledgeView } from './views/pledge.js';
import { LinksPage } from './views/links.js';
import { titleText } from './views/parts.js';

export const pledgesRoutes = new Hono<AppEnv>({ strict: false });
// The public dashboard (dashboard-routes.tsx): its figures link to the list below with the same filters.
pledgesRoutes.route('/', dashboardRoutes);

/** The request body limit of the form's routes: the attachment and the form around it. */
export const UPLOAD_LIMIT = ATTACHMENT_MAX + 512 * 1024;

type Loaded = { p: Pledge; s: Scope };

async function loadPledge(c: Context<AppEnv>): Promise<Loaded | null> {
  const { db } = c.get('deps');
  const p = await getPledge(db, c.req.param('id') ?? '');
  if (!p) return null;
  return { p, s: await scopeOf(db, c.get('user')) };
}

async function orgMap(db: Db, ps: Pick<Pledge, 'orgs'>[]): Promise<Map<string, OrgSummary>> {
  return new Map((await getOrganizations(db, [...new Set(ps.flatMap((p) => p.orgs.map((o) => o.orgId)))])).map((o) => [o.id, o]));
}

const orgLabel = (o: OrgSummary) => (o.acronym ? `${o.name} (${o.acronym})` : o.name);

/** The choices of the form: the lead is one of the person's organizations (administrators: any member organization). */
async function formOptions(c: Context<AppEnv>, user: CurrentUser, scope: Scope): Promise<FormOptions> {
  const { db } = c.get('deps');
  const l = c.get('locale');
  const t = c.get('t');
  const members = await listMemberOrganizations(db);
  const lead = pledgesPolicy.can(user, 'pledgeForAnyOrg') ? members : members.filter((o) => scope.orgIds.includes(o.id));
  const [objectives, principles, countries, bodies] = await Promise.all([listObjectives(db, l), listPrinciples(db, l), listCountries(db, l), listBodies(db)]);
  return {
    leadOrgs: lead.map((o) => ({ value: o.id, label: orgLabel(o) })),
    memberOrgs: members.map((o) => ({ value: o.id, label: orgLabel(o) })),
    bodies: bodies.map((b) => ({ value: b.slug, label: pickTranslated(b.name, l)?.text ?? b.slug })),
    objectives: objectiveOptions(objectives, t),
    principles: principles.map((p, i) => ({ value: String(i + 1), label: p.name })),
    countries: [...lacCountryOptions(countries, t), ...countries.filter((x) => !x.lac).map((x) => ({ value: x.alpha2, label: x.name, group: t('pledges.form.otherCountries') }))],
  };
}

/** A stored pledge as form values. */
async function valuesOf(db: Db, p: Pledge): Promise<FormValues> {
  const body = p.bodyId ? await getBodyById(db, p.bodyId) : undefined;
  const matched = p.matchesPledgeId ? await getPledge(db, p.matchesPledgeId) : undefined;
  const v: FormValues = {
    lead_org: leadOf(p),
    co_orgs: p.orgs.filter((o) => !o.lead).map((o) => o.orgId),
    body: body?.slug ?? '',
    kind: p.kind,
    matches_ref: matched?.ref ?? '',
    matches_external_id: p.matchesExternalId ?? '',
    matches_external_title: p.matchesExternalTitle ?? '',
    forms: p.forms,
    objectives: p.objectives.map(String),
    principles: p.principles.map(String),
    countries: p.countries,
    scope: p.scope,
    starts_on: p.startsOn ?? '',
    ends_on: p.endsOn ?? '',
  };
  for (const l of LOCALES) {
    v[`title_${l}`] = p.title[l] ?? '';
    v[`description_${l}`] = p.description[l] ?? '';
  }
  p.partners.forEach((x, i) => {
    if (i >= PARTNER_ROWS) return;
    v[`partner_name_${i + 1}`] = x.name;
    v[`partner_sector_${i + 1}`] = x.sector;
  });
  return v;
}

async function renderForm(c: Context<AppEnv>, user: CurrentUser, scope: Scope, form: FormState, p?: Pledge) {
  const t = c.get('t');
  const opts = await formOptions(c, user, scope);
  const action = p ? paths.edit.href(c.get('locale'), { id: p.id }) : paths.create.href(c.get('locale'));
  return c.render(<PledgeFormPage action={action} form={form} opts={opts} p={p} />, {
    title: p ? t('pledges.form.editTitle', { ref: p.ref }) : t('pledges.form.newTitle'),
    noindex: true,
    crumbs: [[t('pledges.list.title'), paths.list.pattern]],
  });
}

async function renderPledge(c: Context<AppEnv>, x: Loaded, form: FormState = emptyForm(), formName?: PledgeView['formName']) {
  const { db, modules } = c.get('deps');
  const t = c.get('t');
  const l = c.get('locale');
  const user: Actor = c.get('user');
  const { p } = x;
  const can = (r: 'edit' | 'submit' | 'confirm' | 'review' | 'update' | 'setUnId' | 'withdraw' | 'link' | 'seeHistory') => pledgesPolicy.can(user, r, x);
  const [orgs, objectives, principles, countries, updates, links, body, matched] = await Promise.all([
    orgMap(db, [p]),
    listObjectives(db, l),
    listPrinciples(db, l),
    countryNames(db, l),
    updatesOf(db, p.id),
    linksOf(db, p.id).then((ls) => resolveLinks({ db, dialect: c.get('deps').dialect, locale: l, t, user }, modules, ls)),
    p.bodyId ? getBodyById(db, p.bodyId) : Promise.resolve(undefined),
    p.matchesPledgeId ? getPledge(db, p.matchesPledgeId) : Promise.resolve(undefined),
  ]);
  const history = can('seeHistory') ? await readHistory(db, modules, l, t, { type: 'pledge', id: p.id }, await historyOf(db, 'pledge', p.id)) : [];
  const confirmIds = toConfirm(x);
  return c.render(
    <PledgePage
      p={p}
      orgs={orgs}
      body={body ? { name: pickTranslated(body.name, l)?.text ?? body.slug, href: bodiesPaths.body.href(l, { slug: body.slug }) } : null}
      matches={matched && (matched.state === 'published' || matched.state === 'withdrawn') ? { ref: matched.ref, title: titleText(matched, l), href: paths.pledge.href(l, { id: matched.id }) } : null}
      objectives={new Map(objectives.map((o) => [o.n, o.short]))}
      principles={new Map(principles.map((pr, i) => [i + 1, pr.name]))}
      countries={countries}
      updates={updates}
      links={links}
      history={history}
      confirmOrgs={confirmIds.map((id) => ({ id, name: orgs.get(id)?.name ?? id }))}
      can={{ edit: can('edit'), submit: can('submit'), confirm: can('confirm'), review: can('review'), update: can('update'), setUnId: can('setUnId'), withdraw: can('withdraw'), link: can('link'), history: can('seeHistory') }}
      form={form}
      formName={formName}
    />,
    {
      title: `${p.ref} · ${titleText(p, l)}`,
      description: pickTranslated(p.description, l)?.text?.slice(0, 200),
      crumbs: [[t('pledges.list.title'), paths.list.pattern]],
      noindex: p.state !== 'published',
    },
  );
}

// ---------------------------------------------------------------------------------------------------
// The public list, with its filters in the URL

async function filterOptions(c: Context<AppEnv>, cat: PledgeCatalog, country: string | undefined): Promise<FilterOptions> {
  const { db, cache } = c.get('deps');
  const l = c.get('locale');
  const t = c.get('t');
  // The same for every reader of a language until the published pledges or the reference data change: kept as a
  // page-cache fragment (emptied by every write; the catalog's version in the key as well). Reading the names of
  // every pledging organization was most of the list's time on each new filter (decision 0612).
  const kept = await cache.fragment(`pledges.list.options:${cat.version}:${l}`, async () => {
    // The organizations and years with published pledges come from the catalog of the published pledges.
    const [objectives, principles, countries, bodies] = await Promise.all([listObjectives(db, l), listPrinciples(db, l), listCountries(db, l), listBodies(db)]);
    const orgs = await getOrganizations(db, catalogOrgs(cat));
    const yearList = cat.years.map(String);
    const opts: FilterOptions = {
      objective: objectives.map((o) => ({ value: String(o.n), label: t('reference.objectives.numbered', { n: o.n, title: o.short }) })),
      principle: principles.map((p, i) => ({ value: String(i + 1), label: p.name })),
      kind: pledgeKinds.map((k) => ({ value: k, label: t(`pledges.kinds.${k}`) })),
      form: pledgeForms.map((f) => ({ value: f, label: t(`pledges.forms.${f}`) })),
      status: pledgeStatuses.map((s) => ({ value: s, label: t(`pledges.statuses.${s}`) })),
      country: countryChoices(countries, cat, undefined),
      body: bodies.map((b) => ({ value: b.slug, label: pickTranslated(b.name, l)?.text ?? b.slug })),
      org: orgs.map((o) => ({ value: o.slug, label: o.name })),
      year: yearList.map((y) => ({ value: y, label: y })),
    };
    return { opts, countries };
  });
  // A country asked for that is neither in Latin America and the Caribbean nor pledged for is offered as well.
  if (!country || pledgedCountries(cat).has(country)) return kept.opts;
  return { ...kept.opts, country: countryChoices(kept.countries, cat, country) };
}

// Countries: those of Latin America and the Caribbean and any other with published pledges (not all 250).
const pledgedOf = new WeakMap<PledgeCatalog, Set<string>>();
function pledgedCountries(cat: PledgeCatalog): Set<string> {
  let s = pledgedOf.get(cat);
  if (!s) pledgedOf.set(cat, (s = new Set<string>([...LAC_ALPHA2, ...cat.multi.country.values])));
  return s;
}
const countryChoices = (countries: { alpha2: string; name: string }[], cat: PledgeCatalog, country: string | undefined): Option[] => {
  const pledged = country ? new Set([...pledgedCountries(cat), country]) : pledgedCountries(cat);
  return countries.filter((x) => pledged.has(x.alpha2)).map((x) => ({ value: x.alpha2, label: x.name }));
};

const PER_PAGE = 20;

pledgesRoutes.get(paths.list.pattern, async (c) => {
  const { db } = c.get('deps');
  const user = c.get('user');
  const { filter, values } = await parseFilter(db, (n) => c.req.query(n), await keptSlugLookup(c));
  const page = pageParam(c);
  // The page and the total from the catalog of the published pledges (decision 0612); only the page's rows are read.
  const cat = await pledgeCatalog(db);
  const { positions, total } = queryCatalog(cat, filter, { offset: (page - 1) * PER_PAGE, limit: PER_PAGE });
  // The page's rows are kept as HTML, the same for every reader of a language (list-rows.tsx).
  const [opts, scope, rows] = await Promise.all([filterOptions(c, cat, filter.country), scopeOf(db, user), listRows(c, cat, positions)]);
  // The filter form's selects kept as HTML per language and catalog version (the chosen option marked per request);
  // the country select is not kept when it offers a country asked for that no one pledged for.
  const t = c.get('t');
  const l = c.get('locale');
  const odd = !!filter.country && !pledgedCountries(cat).has(filter.country);
  const fields = filterFields(t, opts);
  const selects = (
    await Promise.all(
      fields.map((f) => keptSelect(c, f.name === 'country' && odd ? null : `pledges.select:list:${cat.version}:${l}:${f.name}`, { name: f.name, label: f.label, options: f.options ?? [], empty: t('pledges.filters.any') }, values[f.name] as string | undefined)),
    )
  ).join('');
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) params.set(k, String(v));
  if (!user) c.set('cacheable', true);
  c.set('cacheParams', [...FILTER_PARAMS, 'page']);
  const canCreate = pledgesPolicy.can(user, 'create', scope);
  const found = rows.length > 0;
  // The page is kept per language and what it offers the reader (a template: platform/views/fragment.tsx), filled here.
  const template = await keptTemplate(c, `pledges.list:${l}:${canCreate ? 'create' : ''}:${user ? 'in' : 'out'}:${found ? 'rows' : 'none'}`, LIST_SLOTS, (slot) => (
    <PledgeListPage slot={slot} found={found} canCreate={canCreate} signedIn={!!user} />
  ), { absent: { rows: !found } });
  const active = activeFilters({ values, errors: {} }, fields);
  const pages = Math.max(1, Math.ceil(total / PER_PAGE));
  return c.render(
    template({
      dashboard: escapeHtml(paths.dashboard.href(l, {}, Object.fromEntries(params))),
      toggle: escapeHtml(filterToggleText(c, active.length)),
      active: activeFiltersHtml(c, active, paths.list.href(l)),
      selects,
      count: escapeHtml(t('pledges.list.count', { count: total, n: c.get('fmt').number(total) })),
      rows: rows.join(''),
      pagination: paginationHtml(c, { page, pages, baseUrl: paths.list.href(l), params }),
    }),
    { title: t('pledges.list.title'), description: t('pledges.list.lead') },
  );
});

pledgesRoutes.get(paths.exportCsv.pattern, async (c) => {
  const { db } = c.get('deps');
  c.set('cacheable', !c.get('user'));
  return c.body(await pledgesCsv(db, c.get('locale'), await allPublished(db)), 200, {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': 'attachment; filename="pledges.csv"',
  });
});

pledgesRoutes.get(paths.mine.pattern, async (c) => {
  const user = requireUser(c);
  authorize(c, pledgesPolicy.can(user, 'mine'));
  const { db } = c.get('deps');
  const scope = await scopeOf(db, user);
  const [mine, queue] = await Promise.all([pledgesOfOrgs(db, scope.orgIds), pledgesPolicy.can(user, 'queue', scope) ? reviewQueue(db) : Promise.resolve(null)]);
  return c.render(<MinePage mine={mine} queue={queue} orgs={await orgMap(db, [...mine, ...(queue ?? [])])} canCreate={pledgesPolicy.can(user, 'create', scope)} />, {
    title: c.get('t')('pledges.mine.title'),
    noindex: true,
  });
});

// ---------------------------------------------------------------------------------------------------
// New and edit (one form with its attachment)

/** An upload larger than any allowed attachment and its form is refused with 413, the form saying why. */
const tooLarge = (edit: boolean) => async (c: Context<AppEnv>, next: () => Promise<void>) => {
  if (Number(c.req.header('content-length') ?? '0') <= UPLOAD_LIMIT) return next();
  const user = requireUser(c);
  const scope = await scopeOf(c.get('deps').db, user);
  const x = edit ? await loadPledge(c) : null;
  if (edit && !x) return c.notFound();
  authorize(c, edit ? pledgesPolicy.can(user, 'edit', x!) : pledgesPolicy.can(user, 'create', scope));
  c.status(413);
  const values = x ? await valuesOf(c.get('deps').db, x.p) : {};
  return renderForm(c, user, scope, { values, errors: { file: c.get('t')('pledges.errors.fileTooLarge') } }, x?.p);
};

async function fileOf(c: Context<AppEnv>): Promise<Upload | null> {
  const file = (await c.req.parseBody()).file;
  if (!(file instanceof File) || !file.size) return null;
  return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
}

pledgesRoutes.get(paths.create.pattern, async (c) => {
  const user = requireUser(c);
  const scope = await scopeOf(c.get('deps').db, user);
  authorize(c, pledgesPolicy.can(user, 'create', scope));
  return renderForm(c, user, scope, emptyForm({ lead_org: scope.orgIds.length === 1 ? scope.orgIds[0] : '', kind: 'common', scope: 'national', body: c.req.query('body') ?? '' }));
});

const mayLead = (actor: CurrentUser, scope: Scope) => (orgId: string) => pledgesPolicy.can(actor, 'pledgeForAnyOrg') || scope.orgIds.includes(orgId);

pledgesRoutes.post(
  paths.create.pattern,
  tooLarge(false),
  action({
    load: async (c, actor) => ({ s: await scopeOf(c.get('deps').db, actor) }),
    allow: (actor, { s }) => pledgesPolicy.can(actor, 'create', s),
    input: PledgeFormSchema,
    run: async (trx, { c, actor, subject, input, deps }) => savePledge(trx, { actorId: actor.id, mayLead: mayLead(actor, subject.s), dataDir: deps.config.dataDir }, toInput(input), await fileOf(c)),
    form: (c, { actor, subject, form }) => renderForm(c, actor, subject.s, form),
    done: ({ locale, value }) => ({ to: paths.pledge.href(locale, { id: value.id }), flash: 'pledges.flash.saved' }),
  }),
);

pledgesRoutes.get(paths.edit.pattern, async (c) => {
  const user = requireUser(c);
  const x = await loadPledge(c);
  if (!x) return c.notFound();
  authorize(c, pledgesPolicy.can(user, 'edit', x));
  return renderForm(c, user, x.s, emptyForm(await valuesOf(c.get('deps').db, x.p)), x.p);
});

pledgesRoutes.post(
  paths.edit.pattern,
  tooLarge(true),
  action({
    load: loadPledge,
    allow: (actor, x) => pledgesPolicy.can(actor, 'edit', x),
    input: PledgeFormSchema,
    run: async (trx, { c, actor, subject, input, deps }) => savePledge(trx, { actorId: actor.id, mayLead: mayLead(actor, subject.s), dataDir: deps.config.dataDir }, toInput(input), await fileOf(c), subject.p),
    form: (c, { actor, subject, form }) => renderForm(c, actor, subject.s, form, subject.p),
    done: ({ locale, value }) => ({ to: paths.pledge.href(locale, { id: value.id }), flash: 'pledges.flash.saved' }),
  }),
);

// ---------------------------------------------------------------------------------------------------
// The workflow

const back = ({ subject, locale }: { subject: Loaded; locale: Locale }) => paths.pledge.href(locale, { id: subject.p.id });

pledgesRoutes.post(
  paths.submit.pattern,
  action({
    load: loadPledge,
    allow: (actor, x) => pledgesPolicy.can(actor, 'submit', x),
    run: (trx, { actor, subject, deps }) => submitPledge(pledgesTx(trx, deps), actor.id, subject.p.id),
    back: ({ subject, locale }) => back({ subject, locale }),
    done: (x) => ({ to: back(x), flash: x.value.submitted ? 'pledges.flash.submitted' : 'pledges.flash.awaitingConfirmation' }),
  }),
);

pledgesRoutes.post(
  paths.confirm.pattern,
  action({
    load: loadPledge,
    allow: (actor, x) => pledgesPolicy.can(actor, 'confirm', x),
    input: ConfirmForm,
    run: (trx, { actor, subject, input, deps }): Promise<Outcome<{ submitted: boolean }>> => {
      const mine = toConfirm(subject);
      const org = input.org && mine.includes(input.org) ? input.org : mine.length === 1 && !input.org ? mine[0] : undefined;
      if (!org) return Promise.resolve(fail('pledges.errors.notYourOrg', { field: 'org' }));
      return confirmPledge(pledgesTx(trx, deps), actor.id, subject.p.id, org);
    },
    form: (c, { subject, form }) => renderPledge(c, subject, form, 'confirm'),
    done: (x) => ({ to: back(x), flash: x.value.submitted ? 'pledges.flash.submitted' : 'pledges.flash.confirmed' }),
  }),
);

pledgesRoutes.post(
  paths.review.pattern,
  action({
    load: loadPledge,
    allow: (actor, x) => pledgesPolicy.can(actor, 'review', x),
    input: ReviewForm,
    run: (trx, { actor, subject, input, deps }) =>
      input.decision === 'publish' ? publishPledge(pledgesTx(trx, deps), actor.id, subject.p.id, input.comment) : returnPledge(pledgesTx(trx, deps), actor.id, subject.p.id, input.comment!),
    form: (c, { subject, form }) => renderPledge(c, subject, form, 'review'),
    done: (x) => ({ to: back(x), flash: x.input.decision === 'publish' ? 'pledges.flash.published' : 'pledges.flash.returned' }),
  }),
);

pledgesRoutes.post(
  paths.update.pattern,
  action({
    load: loadPledge,
    allow: (actor, x) => pledgesPolicy.can(actor, 'update', x),
    input: UpdateForm,
    run: (trx, { actor, subject, input, deps }) => {
      const v = input as Record<string, string | undefined>;
      const note = Object.fromEntries(LOCALES.filter((l) => v[`note_${l}`]).map((l) => [l, v[`note_${l}`]!]));
      return addUpdate(pledgesTx(trx, deps), actor.id, subject.p.id, { status: input.status, reportedOn: input.reported_on, note });
    },
    form: (c, { subject, form }) => renderPledge(c, subject, form, 'update'),
    done: (x) => ({ to: back(x), flash: 'pledges.flash.updated' }),
  }),
);

pledgesRoutes.post(
  paths.unId.pattern,
  action({
    load: loadPledge,
    allow: (actor, x) => pledgesPolicy.can(actor, 'setUnId', x),
    input: UnIdForm,
    run: (trx, { actor, subject, input, deps }) => setUnId(pledgesTx(trx, deps), actor.id, subject.p.id, input.un_id ?? null),
    form: (c, { subject, form }) => renderPledge(c, subject, form, 'unId'),
    done: (x) => ({ to: back(x), flash: 'pledges.flash.unId' }),
  }),
);

pledgesRoutes.post(
  paths.withdraw.pattern,
  action({
    load: loadPledge,
    allow: (actor, x) => pledgesPolicy.can(actor, 'withdraw', x),
    input: WithdrawForm,
    run: (trx, { actor, subject, input, deps }) => withdrawPledge(pledgesTx(trx, deps), actor.id, subject.p.id, input.comment),
    form: (c, { subject, form }) => renderPledge(c, subject, form, 'withdraw'),
    done: (x) => ({ to: back(x), flash: 'pledges.flash.withdrawn' }),
  }),
);

// ---------------------------------------------------------------------------------------------------
// Links to other modules' things (every declared link target type but our own)

pledgesRoutes.get(paths.links.pattern, async (c) => {
  const user = requireUser(c);
  const x = await loadPledge(c);
  if (!x) return c.notFound();
  authorize(c, pledgesPolicy.can(user, 'link', x));
  const { db, modules, dialect } = c.get('deps');
  const t = c.get('t');
  const l = c.get('locale');
  const targets = [...linkTargets(modules).values()].filter((tg) => tg.type !== 'pledges.pledge');
  const ctx = { db, dialect, locale: l, t, user };
  const type = c.req.query('type') ?? '';
  const target = targets.find((tg) => tg.type === type);
  const q = (c.req.query('q') ?? '').slice(0, 100);
  const candidates = target ? await target.search(ctx, q, 20) : null;
  return c.render(
    <LinksPage p={x.p} types={targets.map((tg) => ({ value: tg.type, label: t(tg.label) }))} links={await resolveLinks(ctx, modules, await linksOf(db, x.p.id))} search={emptyForm({ type, q })} candidates={candidates} type={type} />,
    { title: t('pledges.links.title', { ref: x.p.ref }), noindex: true, crumbs: [[t('pledges.list.title'), paths.list.pattern]] },
  );
});

pledgesRoutes.post(
  paths.links.pattern,
  action({
    load: loadPledge,
    allow: (actor, x) => pledgesPolicy.can(actor, 'link', x),
    input: LinkForm,
    run: async (trx, { actor, subject, input, deps, locale, t }) => {
      const link = { type: input.type, id: input.target };
      if (link.type === 'pledges.pledge') return fail('pledges.errors.linkUnknown');
      const bad = await unknownLinks({ db: trx, dialect: deps.dialect, locale, t, user: actor }, deps.modules, [link]);
      if (bad.length) return fail('pledges.errors.linkUnknown');
      return addLink(trx, actor.id, subject.p.id, link);
    },
    back: ({ subject, locale }) => paths.links.href(locale, { id: subject.p.id }),
    done: ({ subject, locale }) => ({ to: paths.links.href(locale, { id: subject.p.id }), flash: 'pledges.flash.linked' }),
  }),
);

pledgesRoutes.post(
  paths.unlink.pattern,
  action({
    load: loadPledge,
    allow: (actor, x) => pledgesPolicy.can(actor, 'link', x),
    input: LinkForm,
    run: (trx, { actor, subject, input }) => removeLink(trx, actor.id, subject.p.id, { type: input.type, id: input.target }),
    back: ({ subject, locale }) => paths.links.href(locale, { id: subject.p.id }),
    done: ({ subject, locale }) => ({ to: paths.links.href(locale, { id: subject.p.id }), flash: 'pledges.flash.unlinked' }),
  }),
);

// ---------------------------------------------------------------------------------------------------
// A pledge, its attachment and its documents

pledgesRoutes.get(paths.attachment.pattern, async (c) => {
  const x = await loadPledge(c);
  if (!x) return c.notFound();
  authorize(c, pledgesPolicy.can(c.get('user'), 'view', x));
  const a = x.p.attachment;
  if (!a) return c.notFound();
  const bytes = await readFile(join(uploadsDir(c.get('deps').config.dataDir), a.file)).catch(() => null);
  if (!bytes) return c.notFound();
  const ascii = a.name.replace(/[^\x20-\x7e]/g, '_').replace(/[\\"]/g, '_');
  return c.body(new Uint8Array(bytes), 200, {
    'Content-Type': a.type,
    'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(a.name)}`,
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "default-src 'none'; sandbox",
    'Cache-Control': 'private, no-store',
  });
});

/** The UN-form documents exist for published pledges (others: 404 after the policy's rule). */
async function loadDocument(c: Context<AppEnv>): Promise<Loaded | null> {
  const x = await loadPledge(c);
  if (!x) return null;
  authorize(c, pledgesPolicy.can(c.get('user'), 'view', x));
  return x.p.state === 'published' ? x : null;
}

pledgesRoutes.get(paths.json.pattern, async (c) => {
  const x = await loadDocument(c);
  if (!x) return c.notFound();
  const { db, config } = c.get('deps');
  return c.json(await pledgeJson(db, c.get('locale'), x.p, config.baseUrl), 200, { 'Content-Disposition': `attachment; filename="${x.p.ref}.json"` });
});

pledgesRoutes.get(paths.pdf.pattern, async (c) => {
  const x = await loadDocument(c);
  if (!x) return c.notFound();
  const { db, config } = c.get('deps');
  const pdf = await pledgePdf(db, c.get('locale'), c.get('t'), x.p, config.baseUrl);
  return c.body(new Uint8Array(pdf), 200, { 'Content-Type': 'application/pdf', 'Content-Disposition': `attachment; filename="${x.p.ref}.pdf"` });
});

pledgesRoutes.get(paths.pledge.pattern, async (c) => {
  const x = await loadPledge(c);
  if (!x) return c.notFound();
  authorize(c, pledgesPolicy.can(c.get('user'), 'view', x));
  if (!c.get('user') && (x.p.state === 'published' || x.p.state === 'withdrawn')) c.set('cacheable', true);
  return renderPledge(c, x);
});

export type { Option };
