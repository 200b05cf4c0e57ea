/**
 * @module Plans: pages and form posts. GET: load (404, also for a draft the reader may not see) → the policy's
 * named rule (401/403) → render. POST: `action()` (sign-in → load → rule → zod input → command in one
 * transaction → redirect with a flash).
 */
import { Hono, type Context } from 'hono';
import { createHash } from 'node:crypto';
import type { AppEnv, CurrentUser } from '../../platform/http/env.js';
import type { Db } from '../../db/schema.js';
import { action } from '../../platform/http/action.js';
import { authorize, requireUser, isAdmin } from '../../platform/authz/authz.js';
import { ok, fail } from '../../platform/outcome.js';
import { emptyForm, type FormState, type Option } from '../../platform/views/components.js';
import { pickTranslated, translatedFromForm } from '../../platform/i18n/translated.js';
import { readHistory } from '../../platform/audit/read.js';
import { historyOf } from '../../platform/audit/audit.js';
import { resolveLinks, unknownLinks, linkTargets, type Link, type ResolvedLink } from '../../platform/links.js';
import type { SectionContext } from '../../platform/module.js';
import { renderPublic, keptBytes } from '../../platform/views/fragment.js';
import { listBodies } from '../bodies/index.js';
import { getPlan, listPlans, planTree, planVersion, planLinks, type Plan, type PlanTree } from './queries.js';
import { plansPolicy, NO_FACTS, type PlanFacts } from './policy.js';
import { planFacts } from './facts.js';
import { PlanForm, StatusInput, LinkInput, ValueForm, ConfirmInput } from './schemas.js';
import { createPlan, approvePlan, closePlan, setActivityStatus, linkActivity, unlinkActivity, reportValue } from './commands/plans.js';
import { applyPlanCsv } from './commands/import.js';
import { readPlanCsv, decodeCsv, planCsv, type CsvEnv } from './csv.js';
import { paths } from './paths.js';
import { PlansListPage, PlanFormPage, PlanPage, PlanHead, PlanAxes, ImportPage, ActivityPage, IndicatorPage, ItemFormPage } from './views/pages.js';
import { saveItem, deleteItem, itemValues, checkItem, PARENT_KIND, ITEM_TABLES, type Kind } from './commands/items.js';
import { todayIso } from '../../db/ids.js';

export const plansRoutes = new Hono<AppEnv>({ strict: false });

type Loaded = { p: Plan; f: PlanFacts };

/** The plan and the reader's facts; null (404) when there is none or it is a draft the reader may not see. */
async function loadPlan(c: Context<AppEnv>, user: CurrentUser | null): Promise<Loaded | null> {
  const { db } = c.get('deps');
  const p = await getPlan(db, c.req.param('id') ?? '');
  if (!p) return null;
  const f = await planFacts(db, user?.id);
  return plansPolicy.can(user, 'view', { p, f }) ? { p, f } : null;
}

/** The reader's context for other modules' link targets; inside an action, on its transaction (SQLite has one connection). */
const sectionCtx = (c: Context<AppEnv>, db: Db = c.get('deps').db): SectionContext => ({ db, dialect: c.get('deps').dialect, locale: c.get('locale'), t: c.get('t'), user: c.get('user') });

async function bodyNames(c: Context<AppEnv>) {
  const l = c.get('locale');
  return new Map((await listBodies(c.get('deps').db)).map((b) => [b.id, pickTranslated(b.name, l)?.text ?? b.slug]));
}

/** The links the reader may see, by activity (each activity's in the order given). */
async function visibleLinks(c: Context<AppEnv>, links: { activity: string; type: string; id: string }[]): Promise<Map<string, ResolvedLink[]>> {
  const resolved = await resolveLinks(sectionCtx(c), c.get('deps').modules, links);
  const out = new Map<string, ResolvedLink[]>();
  resolved.forEach((r) => {
    const activity = (r as ResolvedLink & { activity: string }).activity;
    out.set(activity, [...(out.get(activity) ?? []), { type: r.type, id: r.id, label: r.label, title: r.title, href: r.href }]);
  });
  return out;
}

const csvEnv = async (c: Context<AppEnv>, p: Plan, db: Db): Promise<CsvEnv> => ({
  bodies: new Map((await listBodies(db)).map((b) => [b.slug, b.id])),
  period: { startsOn: p.startsOn, endsOn: p.endsOn },
  unknownLinks: (links: Link[]) => unknownLinks(sectionCtx(c, db), c.get('deps').modules, links),
});

// ------------------------------------------------------------------------------------------------
// List and create
// ------------------------------------------------------------------------------------------------

plansRoutes.get(paths.list.pattern, async (c) => {
  const { db } = c.get('deps');
  const user = c.get('user');
  const f = await planFacts(db, user?.id);
  const plans = (await listPlans(db)).filter((p) => plansPolicy.can(user, 'view', { p, f }));
  if (!user) c.set('cacheable', true);
  const t = c.get('t');
  return c.render(<PlansListPage plans={plans} bodyName={await bodyNames(c)} canCreate={plansPolicy.can(user, 'create', f)} />, { title: t('plans.list.title'), description: t('plans.list.lead') });
});

async function renderCreate(c: Context<AppEnv>, f: PlanFacts, form: FormState) {
  const user = c.get('user');
  const names = await bodyNames(c);
  const bodies: Option[] = [...names].filter(([id]) => isAdmin(user) || f.secretaryOf.includes(id)).map(([value, label]) => ({ value, label }));
  const t = c.get('t');
  return c.render(<PlanFormPage form={form} bodies={bodies} mechanism={isAdmin(user)} />, { title: t('plans.form.title'), noindex: true, crumbs: [[t('plans.list.title'), paths.list.pattern]] });
}

plansRoutes.get(paths.create.pattern, async (c) => {
  const user = requireUser(c);
  const f = await planFacts(c.get('deps').db, user.id);
  authorize(c, plansPolicy.can(user, 'create', f));
  return renderCreate(c, f, emptyForm({ activity_share: '50', body: f.secretaryOf[0] ?? '' }));
});

plansRoutes.post(
  paths.create.pattern,
  action({
    load: async (c, actor) => ({ f: await planFacts(c.get('deps').db, actor.id) }),
    allow: (actor, x) => plansPolicy.can(actor, 'create', x.f),
    input: PlanForm,
    run: async (trx, { actor, subject, input }) => {
      const bodyId = input.body || null;
      // Whose plan: the Mechanism's for administrators only; a body's for its secretary (or an administrator).
      if (bodyId === null ? !isAdmin(actor) : !isAdmin(actor) && !subject.f.secretaryOf.includes(bodyId)) return fail('plans.errors.notYours', { field: 'body' });
      if (bodyId && !(await listBodies(trx)).some((b) => b.id === bodyId)) return fail('form.error.choice', { field: 'body' });
      return createPlan(trx, actor, { bodyId, title: translatedFromForm(input, 'title'), startsOn: input.starts_on, endsOn: input.ends_on, activityShare: input.activity_share });
    },
    form: (c, { subject, form }) => renderCreate(c, subject.f, form),
    done: ({ locale, value }) => ({ to: paths.plan.href(locale, { id: value.id }), flash: 'plans.flash.created' }),
  }),
);

// ------------------------------------------------------------------------------------------------
// A plan
// ------------------------------------------------------------------------------------------------

plansRoutes.get(paths.plan.pattern, async (c) => {
  const user = c.get('user');
  const { db, modules, cache } = c.get('deps');
  const id = c.req.param('id') ?? '';
  const l = c.get('locale');
  // The plan's version (its updated_at, set by every change to its contents) and, under it, the plan, its links, the
  // reader's facts and the rendered page are page-cache fragments (decision 0701): emptied by every write, here and on
  // every other instance, and after PAGE_CACHE_TTL (what a write made outside the app waits for, as on every page).
  const version = await cache.fragment(`plans.version:${id}`, () => planVersion(db, id));
  if (!version) return c.notFound();
  const at = `${id}:${version}`;
  const kept = await cache.fragment(`plans.page.plan:${at}`, async () => {
    const p = await getPlan(db, id);
    return p && { p, links: await planLinks(db, id) };
  });
  if (!kept) return c.notFound();
  // The reader's own facts, under their id and the day (a position starts and ends on a date).
  const f = user ? await cache.fragment(`plans.facts:${user.id}:${todayIso()}`, () => planFacts(db, user.id)) : NO_FACTS;
  const x = { p: kept.p, f };
  const can = (rule: 'view' | 'edit' | 'approve' | 'close' | 'history') => plansPolicy.can(user, rule, x);
  if (!can('view')) return c.notFound();
  // The links this reader may see (resolved for them, under their id), and a digest of them for the page's key.
  const visible = kept.links.length
    ? await cache.fragment(`plans.page.links:${at}:${l}:${user?.id ?? ''}`, async () => {
        const links = [...(await visibleLinks(c, kept.links))];
        return { links, seen: createHash('sha1').update(JSON.stringify(links)).digest('base64url') };
      })
    : NO_LINKS;
  const edit = can('edit');
  // The page's top and its axes (activities, indicators: most of the page) are the same for every reader of a language
  // and time zone with the same rights (edit links or not) who may see the same links: rendered as a signed-out
  // visitor would get them (no user, no CSRF token in them) and kept under all of that.
  const shown = await cache.fragment(`plans.page.html:${at}:${l}:${c.get('timeZone')}:${edit ? 'edit' : 'read'}:${visible.seen}`, async () => {
    const [tree, bodyName] = await Promise.all([planTree(db, kept.p, { links: false }), bodyNames(c)]);
    const links = new Map(visible.links);
    // As UTF-8 bytes: the layout copies them into the page instead of encoding some 100 KB of text on every request.
    const head = await renderPublic(c, <PlanHead tree={tree} bodyName={bodyName} edit={edit} />);
    return { head: Buffer.from(head), axes: Buffer.from(await renderPublic(c, <PlanAxes tree={tree} bodyName={bodyName} links={links} edit={edit} />)) };
  });
  const history = can('history') ? await readHistory(db, modules, l, c.get('t'), { type: 'plan', id: kept.p.id }, await historyOf(db, 'plan', kept.p.id)) : null;
  if (!user) c.set('cacheable', true);
  const t = c.get('t');
  return c.render(<PlanPage plan={kept.p} can={{ approve: can('approve'), close: can('close') }} history={history} head={keptBytes(c, shown.head)} axes={keptBytes(c, shown.axes)} />, {
    title: pickTranslated(kept.p.title, l)?.text ?? kept.p.id,
    crumbs: [[t('plans.list.title'), paths.list.pattern]],
    noindex: kept.p.status === 'draft',
  });
});

/** No links at all: nothing to resolve, the same for every reader. */
const NO_LINKS = { links: [] as [string, ResolvedLink[]][], seen: '' };

const backToPlan = ({ subject, locale }: { subject: Loaded; locale: 'es' | 'en' | 'pt' | 'fr' }) => paths.plan.href(locale, { id: subject.p.id });

plansRoutes.post(
  paths.approve.pattern,
  action({
    load: loadPlan,
    allow: (actor, x) => plansPolicy.can(actor, 'approve', x),
    run: (trx, { actor, subject }) => approvePlan(trx, actor, subject.p),
    back: backToPlan,
    done: (x) => ({ to: backToPlan(x), flash: 'plans.flash.approved' }),
  }),
);

plansRoutes.post(
  paths.close.pattern,
  action({
    load: loadPlan,
    allow: (actor, x) => plansPolicy.can(actor, 'close', x),
    run: (trx, { actor, subject }) => closePlan(trx, actor, subject.p),
    back: backToPlan,
    done: (x) => ({ to: backToPlan(x), flash: 'plans.flash.closed' }),
  }),
);

plansRoutes.get(paths.exportCsv.pattern, async (c) => {
  const x = await loadPlan(c, c.get('user'));
  if (!x) return c.notFound();
  const { db } = c.get('deps');
  const slugs = new Map((await listBodies(db)).map((b) => [b.id, b.slug]));
  const body = planCsv(await planTree(db, x.p), slugs);
  return c.body(body, 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="plan-${x.p.id}.csv"` });
});

// ------------------------------------------------------------------------------------------------
// Import: preview, then confirm
// ------------------------------------------------------------------------------------------------

function renderImport(c: Context<AppEnv>, p: Plan, form: FormState, preview?: Parameters<typeof ImportPage>[0]['preview']) {
  const t = c.get('t');
  return c.render(<ImportPage plan={p} form={form} preview={preview} />, {
    title: t('plans.import.title', { plan: pickTranslated(p.title, c.get('locale'))?.text ?? '' }),
    noindex: true,
    crumbs: [[t('plans.list.title'), paths.list.pattern]],
  });
}

plansRoutes.get(paths.import.pattern, async (c) => {
  const user = requireUser(c);
  const x = await loadPlan(c, user);
  if (!x) return c.notFound();
  authorize(c, plansPolicy.can(user, 'edit', x));
  return renderImport(c, x.p, emptyForm());
});

plansRoutes.post(
  paths.import.pattern,
  action({
    load: loadPlan,
    allow: (actor, x) => plansPolicy.can(actor, 'edit', x),
    // Reads and checks the file; nothing is written (the preview shows what the confirm step would do).
    run: async (trx, { c, subject, values }) => {
      const file = (await c.req.parseBody()).file;
      let text: string | null;
      if (file instanceof File && file.size > 0) text = decodeCsv(new Uint8Array(await file.arrayBuffer()));
      else text = typeof values.text === 'string' && values.text.trim() ? values.text : '';
      if (text === null) return ok({ text: '', rows: [], problems: [{ line: 0, key: 'encoding' }] });
      if (!text) return fail('plans.import.missing', { field: 'text' });
      return ok({ text, ...(await readPlanCsv(text, await csvEnv(c, subject.p, trx))) });
    },
    form: (c, { subject, form }) => renderImport(c, subject.p, form),
    done: async ({ c, subject, value }) => {
      const res = await renderImport(c, subject.p, emptyForm(), value);
      return value.problems.length ? new Response(res.body, { status: 422, headers: res.headers }) : res;
    },
  }),
);

plansRoutes.post(
  paths.importConfirm.pattern,
  action({
    load: loadPlan,
    allow: (actor, x) => plansPolicy.can(actor, 'edit', x),
    input: ConfirmInput,
    // Checked again: links may have gone, the period may have changed since the preview.
    run: async (trx, { c, actor, subject, input }) => {
      const { rows, problems } = await readPlanCsv(input.csv, await csvEnv(c, subject.p, trx));
      if (problems.length) return fail('plans.import.stale');
      return applyPlanCsv(trx, actor, subject.p, rows);
    },
    back: ({ subject, locale }) => paths.import.href(locale, { id: subject.p.id }),
    done: ({ subject, locale, value }) => ({ to: paths.plan.href(locale, { id: subject.p.id }), flash: { type: 'success', key: 'plans.flash.imported', params: { added: value.added, changed: value.changed, removed: value.removed } } }),
  }),
);

// ------------------------------------------------------------------------------------------------
// An activity: status and links
// ------------------------------------------------------------------------------------------------

type LoadedActivity = Loaded & { tree: PlanTree; a: PlanTree['axes'][number]['results'][number]['activities'][number] };

async function loadActivity(c: Context<AppEnv>, user: CurrentUser | null): Promise<LoadedActivity | null> {
  const x = await loadPlan(c, user);
  if (!x) return null;
  const tree = await planTree(c.get('deps').db, x.p);
  const a = tree.axes.flatMap((ax) => ax.results.flatMap((r) => r.activities)).find((y) => y.id === c.req.param('aid'));
  return a ? { ...x, tree, a } : null;
}

async function renderActivity(c: Context<AppEnv>, x: LoadedActivity, statusForm?: FormState, linkForm?: FormState) {
  const { modules } = c.get('deps');
  const ctx = sectionCtx(c);
  const q = (c.req.query('q') ?? '').trim().slice(0, 100);
  const t = c.get('t');
  const candidates: Option[] = [];
  for (const target of linkTargets(modules).values()) {
    if (target.type === 'plans.activity') continue;
    for (const found of await target.search(ctx, q, 20)) candidates.push({ value: `${target.type}:${found.id}`, label: `${t(target.label)}: ${found.title}` });
  }
  const links = await resolveLinks(ctx, modules, x.a.links);
  return c.render(
    <ActivityPage plan={x.p} a={x.a} links={links} statusForm={statusForm ?? emptyForm({ status: x.a.status })} linkForm={linkForm ?? emptyForm()} candidates={candidates} q={q} />,
    { title: `${x.a.code}. ${pickTranslated(x.a.title, c.get('locale'))?.text ?? ''}`, noindex: true, crumbs: [[t('plans.list.title'), paths.list.pattern], [pickTranslated(x.p.title, c.get('locale'))?.text ?? '', paths.plan.href(c.get('locale'), { id: x.p.id })]] },
  );
}

plansRoutes.get(paths.activity.pattern, async (c) => {
  const user = requireUser(c);
  const x = await loadActivity(c, user);
  if (!x) return c.notFound();
  authorize(c, plansPolicy.can(user, 'edit', x));
  return renderActivity(c, x);
});

const backToActivity = ({ subject, locale }: { subject: LoadedActivity; locale: 'es' | 'en' | 'pt' | 'fr' }) => paths.activity.href(locale, { id: subject.p.id, aid: subject.a.id });

plansRoutes.post(
  paths.activityStatus.pattern,
  action({
    load: loadActivity,
    allow: (actor, x) => plansPolicy.can(actor, 'edit', x),
    input: StatusInput,
    run: (trx, { actor, subject, input }) => setActivityStatus(trx, actor, subject.p, subject.a.id, input.status),
    form: (c, { subject, form }) => renderActivity(c, subject, form),
    done: (x) => ({ to: backToActivity(x), flash: 'plans.flash.status' }),
  }),
);

const asLink = (s: string): Link => {
  const i = s.indexOf(':');
  return { type: s.slice(0, i), id: s.slice(i + 1) };
};

plansRoutes.post(
  paths.link.pattern,
  action({
    load: loadActivity,
    allow: (actor, x) => plansPolicy.can(actor, 'edit', x),
    input: LinkInput,
    run: (trx, { c, actor, subject, input }) => linkActivity(trx, actor, subject.p, subject.a.id, asLink(input.link), (l) => unknownLinks(sectionCtx(c, trx), c.get('deps').modules, l)),
    form: (c, { subject, form }) => renderActivity(c, subject, undefined, form),
    done: (x) => ({ to: backToActivity(x), flash: 'plans.flash.linked' }),
  }),
);

plansRoutes.post(
  paths.unlink.pattern,
  action({
    load: loadActivity,
    allow: (actor, x) => plansPolicy.can(actor, 'edit', x),
    input: LinkInput,
    run: (trx, { actor, subject, input }) => unlinkActivity(trx, actor, subject.p, subject.a.id, asLink(input.link)),
    back: backToActivity,
    done: (x) => ({ to: backToActivity(x), flash: 'plans.flash.unlinked' }),
  }),
);

// ------------------------------------------------------------------------------------------------
// An indicator: its values, and reporting one
// ------------------------------------------------------------------------------------------------

type LoadedIndicator = Loaded & { i: PlanTree['axes'][number]['results'][number]['indicators'][number] };

async function loadIndicator(c: Context<AppEnv>, user: CurrentUser | null): Promise<LoadedIndicator | null> {
  const x = await loadPlan(c, user);
  if (!x) return null;
  const tree = await planTree(c.get('deps').db, x.p);
  const i = tree.axes.flatMap((ax) => ax.results.flatMap((r) => r.indicators)).find((y) => y.id === c.req.param('iid'));
  return i ? { ...x, i } : null;
}

function renderIndicator(c: Context<AppEnv>, x: LoadedIndicator, form: FormState) {
  const l = c.get('locale');
  const t = c.get('t');
  return c.render(<IndicatorPage plan={x.p} i={x.i} form={form} canReport={plansPolicy.can(c.get('user'), 'edit', x)} />, {
    title: `${x.i.code}. ${pickTranslated(x.i.name, l)?.text ?? ''}`,
    crumbs: [[t('plans.list.title'), paths.list.pattern], [pickTranslated(x.p.title, l)?.text ?? '', paths.plan.href(l, { id: x.p.id })]],
    noindex: x.p.status === 'draft',
  });
}

plansRoutes.get(paths.indicator.pattern, async (c) => {
  const x = await loadIndicator(c, c.get('user'));
  if (!x) return c.notFound();
  if (!c.get('user')) c.set('cacheable', true);
  return renderIndicator(c, x, emptyForm({ measured_on: todayIso() }));
});

plansRoutes.post(
  paths.indicator.pattern,
  action({
    load: loadIndicator,
    allow: (actor, x) => plansPolicy.can(actor, 'edit', x),
    input: ValueForm,
    run: (trx, { actor, subject, input }) => reportValue(trx, actor, subject.p, subject.i.id, { period: input.period, value: input.value, measuredOn: input.measured_on, source: input.source, note: input.note }),
    form: (c, { subject, form }) => renderIndicator(c, subject, form),
    done: ({ subject, locale }) => ({ to: paths.indicator.href(locale, { id: subject.p.id, iid: subject.i.id }), flash: 'plans.flash.reported' }),
  }),
);

// ------------------------------------------------------------------------------------------------
// One item (strategic area, expected result, activity, indicator) without the spreadsheet
// ------------------------------------------------------------------------------------------------

type LoadedItem = Loaded & { kind: Kind; xid: string | null };

const kindParam = (c: Context<AppEnv>) => c.req.param('kind') as Kind;

/** The plan, the kind, and (on the edit and delete routes) the item, which must be in that plan. */
async function loadItem(c: Context<AppEnv>, user: CurrentUser | null): Promise<LoadedItem | null> {
  const x = await loadPlan(c, user);
  if (!x) return null;
  const kind = kindParam(c);
  if (!Object.hasOwn(ITEM_TABLES, kind)) return null;
  const xid = c.req.param('xid') ?? null;
  if (xid && !(await c.get('deps').db.selectFrom(ITEM_TABLES[kind]).select('id').where('id', '=', xid).where('plan_id', '=', x.p.id).executeTakeFirst())) return null;
  return { ...x, kind, xid };
}

/** What the item's checks need: bodies by short name, the plan's period; and the short names by id. */
async function itemEnv(db: Db, p: Plan) {
  const bodies = await listBodies(db);
  return { env: { bodies: new Map(bodies.map((b) => [b.slug, b.id])), period: { startsOn: p.startsOn, endsOn: p.endsOn } }, slugs: new Map(bodies.map((b) => [b.id, b.slug])) };
}

/** The labels of the fields a problem's message may name (`{{column}}`). */
const COLUMN_LABELS: Record<string, string> = { starts_on: 'plans.item.startsOn', ends_on: 'plans.item.endsOn', baseline: 'plans.page.baseline', target: 'plans.page.target' };

async function renderItem(c: Context<AppEnv>, x: LoadedItem, form: FormState) {
  const { db } = c.get('deps');
  const l = c.get('locale');
  const t = c.get('t');
  const parentKind = PARENT_KIND[x.kind];
  const parents: Option[] = parentKind
    ? (await db.selectFrom(ITEM_TABLES[parentKind]).select(['code', 'title']).where('plan_id', '=', x.p.id).orderBy('position').execute()).map((r) => ({ value: r.code, label: `${r.code}. ${pickTranslated(r.title, l)?.text ?? ''}` }))
    : [];
  const bodies: Option[] = x.kind === 'activity' ? [{ value: '', label: t('plans.mechanism') }, ...(await listBodies(db)).map((b) => ({ value: b.slug, label: pickTranslated(b.name, l)?.text ?? b.slug }))] : [];
  // Every problem of what was typed, each beside its field (the action's refusal names only the first).
  let shown = form;
  if (Object.keys(form.errors).length) {
    const { env } = await itemEnv(db, x.p);
    const errors = { ...form.errors };
    for (const p of checkItem(x.kind, form.values, env).problems) {
      const field = p.column ?? 'code';
      if (errors[field]) continue;
      const params = { ...p.params, ...(typeof p.params?.column === 'string' && COLUMN_LABELS[p.params.column] ? { column: t(COLUMN_LABELS[p.params.column]) } : {}) };
      errors[field] = t(`plans.csv.errors.${p.key}`, params);
    }
    shown = { values: form.values, errors };
  }
  const title = x.xid ? t(`plans.item.edit.${x.kind}`, { code: String(form.values.code ?? '') }) : t(`plans.item.new.${x.kind}`);
  return c.render(<ItemFormPage plan={x.p} kind={x.kind} xid={x.xid} form={shown} parents={parents} bodies={bodies} />, {
    title,
    noindex: true,
    crumbs: [[t('plans.list.title'), paths.list.pattern], [pickTranslated(x.p.title, l)?.text ?? '', paths.plan.href(l, { id: x.p.id })]],
  });
}

const ITEM_DEFAULTS: Record<Kind, Record<string, string>> = {
  axis: { weight: '1' },
  result: { weight: '1' },
  activity: { weight: '1', status: 'planned' },
  indicator: { weight: '1', unit: 'number', direction: 'rise' },
};

plansRoutes.get(paths.itemNew.pattern, async (c) => {
  const user = requireUser(c);
  const x = await loadItem(c, user);
  if (!x) return c.notFound();
  authorize(c, plansPolicy.can(user, 'edit', x));
  return renderItem(c, x, emptyForm({ ...ITEM_DEFAULTS[x.kind], parent: (c.req.query('parent') ?? '').slice(0, 20) }));
});

plansRoutes.get(paths.itemEdit.pattern, async (c) => {
  const user = requireUser(c);
  const x = await loadItem(c, user);
  if (!x?.xid) return c.notFound();
  authorize(c, plansPolicy.can(user, 'edit', x));
  const { db } = c.get('deps');
  const values = await itemValues(db, x.p, x.kind, x.xid, (await itemEnv(db, x.p)).slugs);
  if (!values) return c.notFound();
  return renderItem(c, x, emptyForm(values));
});

const saveItemAction = action({
  load: loadItem,
  allow: (actor, x) => plansPolicy.can(actor, 'edit', x),
  run: async (trx, { c, actor, subject, values }) => {
    const { env, slugs } = await itemEnv(trx, subject.p);
    const r = await saveItem(trx, actor, subject.p, subject.kind, subject.xid, values, env, slugs);
    if (!r.ok && typeof r.params?.column === 'string' && COLUMN_LABELS[r.params.column]) r.params.column = c.get('t')(COLUMN_LABELS[r.params.column]!);
    return r;
  },
  form: (c, { subject, form }) => renderItem(c, subject, form),
  done: ({ subject, locale }) => ({ to: paths.plan.href(locale, { id: subject.p.id }), flash: subject.xid ? 'plans.item.flash.saved' : 'plans.item.flash.added' }),
});
plansRoutes.post(paths.itemNew.pattern, saveItemAction);
plansRoutes.post(paths.itemEdit.pattern, saveItemAction);

plansRoutes.post(
  paths.itemDelete.pattern,
  action({
    load: async (c, actor) => {
      const x = await loadItem(c, actor);
      return x?.xid ? x : null;
    },
    allow: (actor, x) => plansPolicy.can(actor, 'edit', x),
    run: (trx, { actor, subject }) => deleteItem(trx, actor, subject.p, subject.kind, subject.xid!),
    back: ({ subject, locale }) => paths.itemEdit.href(locale, { id: subject.p.id, kind: subject.kind, xid: subject.xid! }),
    done: ({ subject, locale }) => ({ to: paths.plan.href(locale, { id: subject.p.id }), flash: 'plans.item.flash.removed' }),
  }),
);
