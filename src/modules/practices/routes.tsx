/**
 * @module Practices: the module's pages and form posts — search, the member's practices, the review queue,
 * the CSV export, the form, a practice, its workflow, its files and its Hub downloads. Every GET is load →
 * 404 → a named policy rule → render a view; every POST is an `action()`. URLs come from paths.ts.
 */
import { Hono, type Context } from 'hono';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { AppDeps, AppEnv, CurrentUser } from '../../platform/http/env.js';
import { action } from '../../platform/http/action.js';
import { pageParam } from '../../platform/http/page.js';
import { readForm } from '../../platform/http/forms.js';
import { authorize, requireUser, type Actor } from '../../platform/authz/authz.js';
import { emptyForm, optionsHtml, countedHtml, countsAt, paginationHtml, type FormState, type FormValues } from '../../platform/views/components.js';
import { activeFilters, activeFiltersHtml, filterToggleText } from '../../platform/views/filters.js';
import { keptWithForms, keptRows, keptTemplate, escapeHtml } from '../../platform/views/fragment.js';
import { pickTranslated } from '../../platform/i18n/translated.js';
import { LOCALES, type Locale } from '../../platform/i18n/locales.js';
import { ok, fail, type Outcome } from '../../platform/outcome.js';
import type { Db } from '../../db/schema.js';
import { todayIso } from '../../db/ids.js';
import { listObjectives, listPrinciples, listCountries, countryNames } from '../../platform/reference/queries.js';
import { getOrganizations, listMemberOrganizations } from '../membership/index.js';
import { PracticeForm, toInput } from './schemas.js';
import { readHistory } from '../../platform/audit/read.js';
import { getPractice, practiceCards, practicesOf, reviewQueue, practiceHistory, attachmentsOf, attachmentOf, relatedPractices, allPractices, type Practice } from './queries.js';
import { practicePolicy, scopeOf, type Scope } from './policy.js';
import { createPractice, updatePractice } from './commands/save.js';
import { transition, ACTIONS, type Action } from './commands/workflow.js';
import { notifyAuthor, notifyReviewers } from './commands/notify.js';
import { downloadHeaders } from '../../platform/files.js';
import { addAttachment, removeAttachment, uploadsDir, MAX_BYTES } from './commands/attachments.js';
import { searchPractices, type Facet } from './search.js';
import { parseHubQuery, toHubParams, HUB_PARAMS } from './hub.js';
import { TEXT_FIELDS } from './model.js';
import { practiceJson, practicePdf, practicesCsv } from './export.js';
import { practicesFeed } from './feed.js';
import { paths } from './paths.js';
import { SearchPage, SEARCH_SLOTS, searchChoices, type SearchChoice } from './views/search.js';
import { MinePage, ReviewPage } from './views/lists.js';
import { FormPage, type FormOptions } from './views/form.js';
import { PracticePage } from './views/practice.js';
import { titleOf, PracticeItem } from './views/parts.js';

export const practicesRoutes = new Hono<AppEnv>({ strict: false });

/** The practice named in the URL and what we know about the person asking (null: 404). */
async function loadPractice(c: Context<AppEnv>): Promise<{ p: Practice; s: Scope } | null> {
  const { db } = c.get('deps');
  const p = await getPractice(db, c.req.param('id')!);
  if (!p) return null;
  return { p, s: await scopeOf(db, c.get('user')) };
}

/** The choices of the form; the organizations are the person's own (administrators: every member organization). */
async function formOptions(db: Db, l: Locale, user: CurrentUser, scope: Scope, current?: string | null): Promise<FormOptions> {
  const orgs = practicePolicy.can(user, 'documentForAnyOrg')
    ? await listMemberOrganizations(db)
    : await getOrganizations(db, [...new Set([...scope.orgIds, ...(current ? [current] : [])])]);
  return {
    orgs: orgs.map((o) => ({ value: o.id, label: o.acronym ? `${o.name} (${o.acronym})` : o.name })),
    objectives: await listObjectives(db, l),
    principles: await listPrinciples(db, l),
    countries: await listCountries(db, l),
  };
}

/** A stored practice as form values. */
function valuesOf(p: Practice): FormValues {
  const v: FormValues = {
    org_id: p.orgId ?? '',
    original_lang: p.originalLang,
    implementers: p.implementers ?? '',
    partners: p.partners ?? '',
    scope: p.scope ?? '',
    start_date: p.startDate ?? '',
    end_date: p.endDate ?? '',
    resource_type: p.resourceType ?? '',
    links: p.links.join('\n'),
    contact_name: p.contactName ?? '',
    contact_email: p.contactEmail ?? '',
    objectives: p.objectives.map(String),
    principles: p.principles,
    countries: p.countries,
  };
  for (const f of TEXT_FIELDS) for (const l of LOCALES) v[`${f}_${l}`] = p.texts[f][l] ?? '';
  return v;
}

async function renderForm(c: Context<AppEnv>, user: CurrentUser, scope: Scope, form: FormState, p?: Practice, kept?: { id: string }) {
  const t = c.get('t');
  // A failed "submit for review" saved the draft: the form now edits that practice (no second copy on the next post).
  if (kept) p = (await getPractice(c.get('deps').db, kept.id)) ?? p;
  const opts = await formOptions(c.get('deps').db, c.get('locale'), user, scope, p?.orgId);
  const title = p ? t('practices.edit.title') : t('practices.new.title');
  return c.render(<FormPage form={form} opts={opts} p={p} kept={!!kept} />, { title, noindex: true, crumbs: [[t('practices.mine.title'), paths.mine.pattern]] });
}

async function renderPractice(c: Context<AppEnv>, { p, s }: { p: Practice; s: Scope }, form: FormState = emptyForm()) {
  const t = c.get('t');
  const l = c.get('locale');
  const user: Actor = c.get('user');
  const { db } = c.get('deps');
  const [objectives, principles, names, org, attachments, related, events] = await Promise.all([
    listObjectives(db, l),
    listPrinciples(db, l),
    countryNames(db, l),
    p.orgId ? getOrganizations(db, [p.orgId]).then((x) => x[0]) : Promise.resolve(undefined),
    attachmentsOf(db, p.id),
    p.status === 'published' ? relatedPractices(db, p) : Promise.resolve([]),
    practicePolicy.can(user, 'seeHistory', { p, s }) ? practiceHistory(db, p.id).then((h) => readHistory(db, c.get('deps').modules, l, t, { type: 'practice', id: p.id }, h)) : Promise.resolve([]),
  ]);
  return c.render(
    <PracticePage p={p} scope={s} objectives={objectives} principles={principles} names={names} org={org} attachments={attachments} related={related} events={events} form={form} />,
    {
      title: titleOf(p, l, t('practices.untitled')),
      description: pickTranslated(p.texts.summary, l)?.text?.slice(0, 200),
      crumbs: [[t('practices.search.title'), paths.search.pattern]],
      noindex: p.status !== 'published',
    },
  );
}

// ---------------------------------------------------------------------------------------------------
// Search, the member's own practices, the review queue, the CSV export

practicesRoutes.get(paths.search.pattern, async (c) => {
  const t = c.get('t');
  const l = c.get('locale');
  const { db, cache } = c.get('deps');
  const [objectives, principles, names] = await Promise.all([listObjectives(db, l), listPrinciples(db, l), countryNames(db, l)]);
  const url = new URL(c.req.url);
  const q = parseHubQuery(url.searchParams, objectives, principles);
  const r = await searchPractices(db, q);
  // Each result's card kept per practice and language (all a card depends on); the cards not kept read at once.
  const items = await keptRows(
    c,
    r.ids,
    (id) => `practices.card:${id}:${l}`,
    async (need) => new Map((await practiceCards(db, need)).map((p) => [p.id, p])),
    (p) => <PracticeItem p={p} objectives={objectives} countries={names} headingLevel={3} />,
  );
  // What the filter form offers in a language (labels without counts), kept; each request writes the choices with its counts.
  const k = await cache.fragment(`practices.search.choices:${l}`, async () => searchChoices(t, objectives, principles, await listCountries(db, l)));
  const values = {
    text: q.text ?? '',
    country: q.country?.[0] ?? '',
    region: q.region?.[0] ?? '',
    type_of_resource: q.type?.[0] ?? '',
    resource_language: q.lang?.[0] ?? '',
    sort: q.sort ?? '',
    gcm_objectives: url.searchParams.getAll('gcm_objectives'),
    cross_cutting_theme: url.searchParams.getAll('cross_cutting_theme'),
  };
  // The choices with this request's counts, written around the counts' places kept with the labels.
  const counted = (facet: Facet, choices: SearchChoice[], chosen: (v: string) => boolean, keep?: (i: number, n: number) => boolean) => {
    const n = countsAt(choices, (x) => x.key, r.facets[facet]);
    return countedHtml(k.counted[facet], (i) => n[i]!, chosen, keep);
  };
  const is = (value: string) => (v: string) => v === value;
  const among = (values: string[]) => (v: string) => values.includes(v);
  const active = activeFilters({ values, errors: {} }, k.fields);
  const open = !!(q.objective?.length || q.principle?.length);
  const found = items.length > 0;
  const corrected = r.corrected.length > 0;
  const template = await keptTemplate(
    c,
    `practices.search:${l}:${open ? 'open' : ''}:${corrected ? 'corrected' : ''}:${found ? 'rows' : 'none'}`,
    SEARCH_SLOTS,
    (slot) => <SearchPage slot={slot} open={open} corrected={corrected} found={found} />,
    { absent: { rows: !found, corrected: !corrected } },
  );
  c.set('cacheable', true);
  c.set('cacheParams', HUB_PARAMS);
  return c.render(
    template({
      text: escapeHtml(values.text),
      // A country with no match is left out, unless it is the one chosen.
      country: counted('country', k.countries, is(values.country), (i, n) => n > 0 || !!q.country?.includes(k.countries[i]!.key)),
      region: counted('region', k.regions, is(values.region)),
      type_of_resource: counted('type', k.types, is(values.type_of_resource)),
      resource_language: counted('lang', k.langs, is(values.resource_language)),
      sort: optionsHtml(k.sorts, values.sort),
      gcm_objectives: counted('objective', k.objectives, among(values.gcm_objectives)),
      cross_cutting_theme: counted('principle', k.principles, among(values.cross_cutting_theme)),
      toggle: escapeHtml(filterToggleText(c, active.length)),
      active: activeFiltersHtml(c, active, paths.search.href(l)),
      count: escapeHtml(t('practices.search.results', { count: r.total })),
      corrected: escapeHtml(t('practices.search.corrected', { words: r.corrected.join(', ') })),
      rows: items.join(''),
      pagination: paginationHtml(c, { page: r.page, pages: r.pages, baseUrl: paths.search.href(l), params: toHubParams(q, objectives, principles) }),
    }),
    { title: t('practices.search.title'), description: t('practices.search.lead'), feeds: [{ title: `${t('practices.search.title')} (Atom)`, href: paths.feed.href(l) }] },
  );
});

practicesRoutes.get(paths.feed.pattern, practicesFeed);

practicesRoutes.get(paths.mine.pattern, async (c) => {
  const user = requireUser(c);
  const { db } = c.get('deps');
  const l = c.get('locale');
  const scope = await scopeOf(db, user);
  const [list, objectives, names] = await Promise.all([practicesOf(db, user.id, scope.orgIds, pageParam(c)), listObjectives(db, l), countryNames(db, l)]);
  return c.render(<MinePage list={list} objectives={objectives} names={names} canCreate={practicePolicy.can(user, 'create', scope)} />, {
    title: c.get('t')('practices.mine.title'),
    noindex: true,
  });
});

practicesRoutes.get(paths.review.pattern, async (c) => {
  const user = requireUser(c);
  const { db } = c.get('deps');
  const scope = await scopeOf(db, user);
  authorize(c, practicePolicy.can(user, 'queue', scope));
  const queue = await reviewQueue(db, { objectives: practicePolicy.can(user, 'queueAll') ? undefined : scope.reviewObjectives, page: pageParam(c) });
  return c.render(<ReviewPage queue={queue} canExport={practicePolicy.can(user, 'exportAll')} />, { title: c.get('t')('practices.review.title'), noindex: true });
});

practicesRoutes.get(paths.exportCsv.pattern, async (c) => {
  const user = requireUser(c);
  authorize(c, practicePolicy.can(user, 'exportAll'));
  const { db } = c.get('deps');
  const csv = await practicesCsv(db, c.get('locale'), await allPractices(db));
  return c.body(csv, 200, {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': 'attachment; filename="practices.csv"',
    'Cache-Control': 'no-store',
  });
});

// ---------------------------------------------------------------------------------------------------
// New and edit: save a draft, or save and submit it, in one transaction

practicesRoutes.get(paths.create.pattern, async (c) => {
  const user = requireUser(c);
  const scope = await scopeOf(c.get('deps').db, user);
  authorize(c, practicePolicy.can(user, 'create', scope));
  const mine = practicePolicy.can(user, 'documentForAnyOrg') ? [] : scope.orgIds;
  return renderForm(c, user, scope, emptyForm({ original_lang: c.get('locale'), org_id: mine.length === 1 ? mine[0] : '' }));
});

/**
 * Saves the form (a new practice, or `existing`) and, when the button was "submit", submits it and tells
 * its author. The organization must be one of the person's own (administrators: any member organization, or none).
 */
async function savePractice(
  trx: Db,
  x: { actor: CurrentUser; input: z.output<typeof PracticeForm>; locale: Locale; deps: AppDeps },
  scope: Scope,
  existing?: Practice,
): Promise<Outcome<{ id: string; submitted: boolean }>> {
  const { actor, input, locale } = x;
  const data = toInput(input);
  const opts = await formOptions(trx, locale, actor, scope, existing?.orgId);
  if (data.orgId && !opts.orgs.some((o) => o.value === data.orgId)) return fail('practices.errors.orgNotYours', { field: 'org_id' });
  if (!data.orgId && !practicePolicy.can(actor, 'documentForAnyOrg')) return fail('practices.errors.orgRequired', { field: 'org_id' });
  const known = new Set(opts.countries.map((c) => c.alpha2));
  if (data.countries.some((c) => !known.has(c))) return fail('form.error.choice', { field: 'countries' });
  const principles = new Set(opts.principles.map((p) => p.key));
  if (data.principles.some((p) => !principles.has(p))) return fail('form.error.choice', { field: 'principles' });
  const saved = existing ? await updatePractice(trx, actor, existing.id, data) : await createPractice(trx, actor, data);
  if (!saved.ok) return saved;
  if (input.action !== 'submit') return ok({ id: saved.id, submitted: false });
  const moved = await transition(trx, actor, saved.id, 'submit');
  if (!moved.ok) return moved;
  await notifyAuthor({ db: trx, i18n: x.deps.i18n, baseUrl: x.deps.config.baseUrl }, actor, 'submit', moved);
  await notifyReviewers({ db: trx, i18n: x.deps.i18n, baseUrl: x.deps.config.baseUrl }, actor, moved);
  return ok({ id: saved.id, submitted: true });
}

const savedFlash = (submitted: boolean) => (submitted ? 'practices.flash.submitted' : 'practices.flash.saved');

/** What a failed submission keeps: the same form, saved as a draft (only the button differs). */
const DraftForm = z.preprocess((v) => (v && typeof v === 'object' ? { ...v, action: 'save' } : v), PracticeForm);

practicesRoutes.post(
  paths.create.pattern,
  action({
    load: async (c, actor) => ({ s: await scopeOf(c.get('deps').db, actor) }),
    allow: (actor, { s }) => practicePolicy.can(actor, 'create', s),
    input: PracticeForm,
    run: (trx, x) => savePractice(trx, x, x.subject.s),
    keep: { input: DraftForm, run: (trx, x) => savePractice(trx, x, x.subject.s) },
    form: (c, { actor, subject, form, kept }) => renderForm(c, actor, subject.s, form, undefined, kept),
    done: ({ locale, value }) => ({ to: paths.practice.href(locale, { id: value.id }), flash: savedFlash(value.submitted) }),
  }),
);

practicesRoutes.get(paths.edit.pattern, async (c) => {
  const user = requireUser(c);
  const { db, cache } = c.get('deps');
  const id = c.req.param('id')!;
  const l = c.get('locale');
  // The practice (the same for every reader) and the reader's scope (under their id and the day: a position starts and
  // ends on a date) are kept as page-cache fragments: emptied by every write, on every instance, and after
  // PAGE_CACHE_TTL. The form's post decides on freshly read ones (`loadPractice`).
  const p = await cache.fragment(`practices.practice:${id}`, async () => (await getPractice(db, id)) ?? null);
  if (!p) return c.notFound();
  const s = await cache.fragment(`practices.scope:${user.id}:${todayIso()}`, () => scopeOf(db, user));
  authorize(c, practicePolicy.can(user, 'edit', { p, s }));
  // The form filled with the stored practice is the same for every editor offered the same organizations (every member
  // organization for administrators; else theirs and the practice's): rendered once per language and time zone, kept
  // with its CSRF field left for each request's secret (keptWithForms).
  const orgs = practicePolicy.can(user, 'documentForAnyOrg') ? '*' : [...new Set([...s.orgIds, ...(p.orgId ? [p.orgId] : [])])].sort().join(',');
  const form = await keptWithForms(c, `practices.edit:${p.id}:${l}:${c.get('timeZone')}:${orgs}`, async () => (
    <FormPage form={emptyForm(valuesOf(p))} opts={await formOptions(db, l, user, s, p.orgId)} p={p} kept={false} />
  ));
  const t = c.get('t');
  return c.render(form, { title: t('practices.edit.title'), noindex: true, crumbs: [[t('practices.mine.title'), paths.mine.pattern]] });
});

practicesRoutes.post(
  paths.edit.pattern,
  action({
    load: loadPractice,
    allow: (actor, r) => practicePolicy.can(actor, 'edit', r),
    input: PracticeForm,
    run: (trx, x) => savePractice(trx, x, x.subject.s, x.subject.p),
    keep: { input: DraftForm, run: (trx, x) => savePractice(trx, x, x.subject.s, x.subject.p) },
    form: (c, { actor, subject, form, kept }) => renderForm(c, actor, subject.s, form, subject.p, kept),
    done: ({ locale, value }) => ({ to: paths.practice.href(locale, { id: value.id }), flash: savedFlash(value.submitted) }),
  }),
);

// ---------------------------------------------------------------------------------------------------
// Workflow: one form field `action` names the step; each step has its policy rule

const RULE = { submit: 'submit', start_review: 'review', request_changes: 'review', approve: 'review', comment: 'comment', unpublish: 'unpublish' } as const satisfies Record<Action, string>;

const WorkflowInput = z.object({
  /** The reviewers' comment (required to ask for changes or to withdraw a publication). */
  comment: z
    .string()
    .optional()
    .transform((v) => v?.slice(0, 5000).trim() || null),
});

practicesRoutes.post(
  paths.workflow.pattern,
  action({
    load: async (c) => {
      const found = await loadPractice(c);
      const step = String((await readForm(c)).action ?? '') as Action;
      return found && ACTIONS.includes(step) ? { ...found, step } : null;
    },
    allow: (actor, { p, s, step }) => practicePolicy.can(actor, RULE[step], { p, s }),
    input: WorkflowInput,
    run: async (trx, { actor, subject, input, deps }) => {
      const moved = await transition(trx, actor, subject.p.id, subject.step, input.comment);
      if (!moved.ok) return moved;
      const tx = { db: trx, i18n: deps.i18n, baseUrl: deps.config.baseUrl };
      await notifyAuthor(tx, actor, subject.step, moved, input.comment);
      if (subject.step === 'submit') await notifyReviewers(tx, actor, moved);
      return moved;
    },
    form: (c, { subject, form }) => renderPractice(c, subject, form),
    done: ({ locale, subject }) => ({ to: paths.practice.href(locale, { id: subject.p.id }), flash: `practices.flash.${subject.step}` }),
  }),
);

// ---------------------------------------------------------------------------------------------------
// Attachments

/** An upload that says it is larger than any allowed file (and its form) is refused with 413. */
const UPLOAD_LIMIT = MAX_BYTES + 64 * 1024;

practicesRoutes.post(
  paths.attachments.pattern,
  async (c, next) => {
    if (Number(c.req.header('content-length') ?? '0') <= UPLOAD_LIMIT) return next();
    const user = requireUser(c);
    const found = await loadPractice(c);
    if (!found) return c.notFound();
    authorize(c, practicePolicy.can(user, 'attach', found));
    c.status(413);
    return renderPractice(c, found, { values: {}, errors: { file: c.get('t')('practices.errors.fileTooLarge') } });
  },
  action({
    load: loadPractice,
    allow: (actor, r) => practicePolicy.can(actor, 'attach', r),
    run: async (trx, { c, actor, subject, deps }) => {
      const file = (await c.req.parseBody()).file;
      if (!(file instanceof File) || !file.size) return fail('practices.errors.fileMissing', { field: 'file' });
      return addAttachment(trx, actor, deps.config.dataDir, subject.p.id, { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
    },
    form: (c, { subject, form }) => renderPractice(c, subject, form),
    done: ({ locale, subject }) => ({ to: paths.practice.href(locale, { id: subject.p.id }), flash: 'practices.flash.attached' }),
  }),
);

practicesRoutes.post(
  paths.detach.pattern,
  action({
    load: async (c) => {
      const found = await loadPractice(c);
      const a = found && (await attachmentOf(c.get('deps').db, found.p.id, c.req.param('aid')!));
      return found && a ? { ...found, a } : null;
    },
    allow: (actor, r) => practicePolicy.can(actor, 'detach', r),
    run: (trx, { actor, subject, deps }) => removeAttachment(trx, actor, deps.config.dataDir, subject.p.id, subject.a.id),
    back: ({ locale, subject }) => paths.practice.href(locale, { id: subject.p.id }),
    done: ({ locale, subject }) => ({ to: paths.practice.href(locale, { id: subject.p.id }), flash: 'practices.flash.detached' }),
  }),
);

practicesRoutes.get(paths.file.pattern, async (c) => {
  const found = await loadPractice(c);
  if (!found) return c.notFound();
  authorize(c, practicePolicy.can(c.get('user'), 'view', found));
  const a = await attachmentOf(c.get('deps').db, found.p.id, c.req.param('aid'));
  if (!a) return c.notFound();
  const bytes = await readFile(join(uploadsDir(c.get('deps').config.dataDir), a.stored_name)).catch(() => null);
  if (!bytes) return c.notFound();
  return c.body(new Uint8Array(bytes), 200, downloadHeaders(a.file_name, a.content_type));
});

// ---------------------------------------------------------------------------------------------------
// Downloads for the Hub (published practices only)

practicesRoutes.get(paths.hubJson.pattern, async (c) => {
  const { db, config } = c.get('deps');
  const p = await getPractice(db, c.req.param('id'));
  if (!p || !practicePolicy.can(c.get('user'), 'download', p)) return c.notFound();
  c.set('cacheable', true);
  return c.json(await practiceJson(db, c.get('locale'), p, config.baseUrl), 200, { 'Content-Disposition': `attachment; filename="practice-${p.id}.json"` });
});

practicesRoutes.get(paths.hubPdf.pattern, async (c) => {
  const { db, config } = c.get('deps');
  const p = await getPractice(db, c.req.param('id'));
  if (!p || !practicePolicy.can(c.get('user'), 'download', p)) return c.notFound();
  const pdf = await practicePdf(db, c.get('locale'), c.get('t'), p, config.baseUrl);
  return c.body(new Uint8Array(pdf), 200, { 'Content-Type': 'application/pdf', 'Content-Disposition': `attachment; filename="practice-${p.id}.pdf"` });
});

// ---------------------------------------------------------------------------------------------------
// A practice

practicesRoutes.get(paths.practice.pattern, async (c) => {
  const found = await loadPractice(c);
  if (!found) return c.notFound();
  authorize(c, practicePolicy.can(c.get('user'), 'view', found));
  if (found.p.status === 'published' && !c.get('user')) c.set('cacheable', true);
  return renderPractice(c, found);
});
