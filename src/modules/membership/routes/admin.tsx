/** @module Membership administration: reviewing applications, the lifecycle, CSV export and CSV import. */
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../../platform/http/env.js';
import { action } from '../../../platform/http/action.js';
import { pageParam } from '../../../platform/http/page.js';
import { requireUser, authorize } from '../../../platform/authz/authz.js';
import { toCsv } from '../../../platform/http/csv.js';
import { fail } from '../../../platform/outcome.js';
import { emptyForm, type FormState } from '../../../platform/views/components.js';
import { countryNames } from '../../../platform/reference/queries.js';
import { pickTranslated } from '../../../platform/i18n/translated.js';
import { ReviewSchema } from '../schemas.js';
import { membershipPolicy, type MembershipAction } from '../policy.js';
import { listByStatus, peopleOf, contactsOf, parseList } from '../queries.js';
import { transition, type Step } from '../commands/lifecycle.js';
import { readOrgHistory } from '../commands/history.js';
import { mailContext } from '../commands/mail.js';
import { previewImport, getImport, runImport, IMPORT_COLUMNS } from '../commands/import.js';
import { ApplicationsPage, ReviewPage, ImportFormPage, ImportPage } from '../views/admin.js';
import { loadOrg, type LoadedOrg } from './org.js';
import { objectiveOptions } from '../views/common.js';
import { paths, elsewhere } from '../paths.js';
import type { OrgStatus } from '../tables.js';
import { todayIso } from '../../../db/ids.js';

export const adminMembershipRoutes = new Hono<AppEnv>({ strict: false });

const STATUS_TABS: Record<string, OrgStatus[]> = {
  pending: ['applicant', 'info_requested'],
  member: ['member'],
  suspended: ['suspended'],
  withdrawn: ['withdrawn'],
  declined: ['declined'],
};

const adminCrumbs = (c: Context<AppEnv>): [string, string][] => [[c.get('t')('admin.title'), elsewhere.admin.pattern]];

/** Administration pages: signed in (401), then the `administer` rule (403). */
function administer(c: Context<AppEnv>) {
  const user = requireUser(c);
  authorize(c, membershipPolicy.can(user, 'administer'));
  return user;
}

adminMembershipRoutes.get(paths.applications.pattern, async (c) => {
  administer(c);
  const t = c.get('t');
  const l = c.get('locale');
  const { db } = c.get('deps');
  const asked = c.req.query('status') ?? 'pending';
  const tab = Object.hasOwn(STATUS_TABS, asked) ? asked : 'pending';
  const page = pageParam(c);
  const [list, names] = await Promise.all([listByStatus(db, STATUS_TABS[tab]!, page), countryNames(db, l)]);
  return c.render(<ApplicationsPage tabs={Object.keys(STATUS_TABS)} tab={tab} page={page} list={list} names={names} />, {
    title: t('membership.admin.applications'),
    noindex: true,
    crumbs: adminCrumbs(c),
  });
});

adminMembershipRoutes.get(paths.review.pattern, async (c) => {
  const user = requireUser(c);
  const found = await loadOrg(c);
  if (!found) return c.notFound();
  authorize(c, membershipPolicy.can(user, 'administer'));
  return renderReview(c, found, emptyForm());
});

async function renderReview(c: Context<AppEnv>, found: LoadedOrg, form: FormState) {
  const t = c.get('t');
  const { db } = c.get('deps');
  const { org } = found;
  const [history, people, contacts, names, objectives] = await Promise.all([
    readOrgHistory(db, c.get('deps').modules, c.get('locale'), t, org.id),
    peopleOf(db, org.id),
    contactsOf(db, org.id),
    countryNames(db, c.get('locale')),
    objectiveOptions(db, c.get('locale'), t),
  ]);
  const objectiveNames = new Map(objectives.map((o) => [Number(o.value), o.label]));
  return c.render(<ReviewPage org={org} form={form} history={history} people={people} contacts={contacts} names={names} objectives={objectiveNames} />, {
    title: org.name,
    noindex: true,
    crumbs: [[t('membership.admin.applications'), paths.applications.pattern]],
  });
}

/** Each step's rule, and whether it needs a reason. */
const STEPS: Record<string, { step: Step; rule: MembershipAction; needsReason: boolean }> = {
  approve: { step: 'approve', rule: 'review', needsReason: false },
  'request-info': { step: 'request_info', rule: 'requestInfo', needsReason: true },
  decline: { step: 'decline', rule: 'review', needsReason: true },
  suspend: { step: 'suspend', rule: 'suspend', needsReason: true },
  withdraw: { step: 'withdraw', rule: 'withdraw', needsReason: true },
  readmit: { step: 'readmit', rule: 'readmit', needsReason: false },
};

adminMembershipRoutes.post(
  paths.reviewStep.pattern,
  action({
    load: async (c) => {
      const s = STEPS[c.req.param('step') ?? ''];
      const found = s ? await loadOrg(c) : null;
      return found && s ? { ...found, ...s } : null;
    },
    allow: (actor, s) => membershipPolicy.can(actor, s.rule, s.ctx),
    input: ReviewSchema,
    run: async (trx, { deps, actor, subject, input }) => {
      // The reason's field is named after the step (each step has its own form on the page).
      const reason = subject.needsReason ? input[`reason_${subject.step}` as keyof typeof input] : undefined;
      if (subject.needsReason && !reason) return fail('form.error.required', { field: `reason_${subject.step}` });
      return transition(trx, mailContext(deps), actor, subject.org.id, subject.step, reason);
    },
    form: (c, { subject, form }) => renderReview(c, subject, form),
    done: ({ locale, subject }) => ({ to: paths.review.href(locale, { id: subject.org.id }), flash: `membership.flash.step.${subject.step}` }),
  }),
);

// ---- CSV export -----------------------------------------------------------------------------------------------
adminMembershipRoutes.get(paths.exportCsv.pattern, async (c) => {
  administer(c);
  const { db } = c.get('deps');
  const orgs = await db.selectFrom('organizations').selectAll().orderBy('name').execute();
  const [countries, objectives, contacts] = await Promise.all([
    db.selectFrom('organization_countries').selectAll().execute(),
    db.selectFrom('organization_objectives').selectAll().execute(),
    db.selectFrom('organization_contacts').selectAll().orderBy('created_at').execute(),
  ]);
  const group = <T extends { org_id: string }>(rows: T[]) => {
    const m = new Map<string, T[]>();
    for (const r of rows) m.set(r.org_id, [...(m.get(r.org_id) ?? []), r]);
    return m;
  };
  const byC = group(countries);
  const byO = group(objectives);
  const byP = group(contacts);
  const csv = toCsv([
    [...IMPORT_COLUMNS, 'status', 'slug'],
    ...orgs.map((o) => {
      const contact = byP.get(o.id)?.[0];
      const desc = pickTranslated(o.description, 'es');
      return [
        o.name,
        o.acronym,
        o.country,
        o.city,
        o.type,
        o.website,
        (byC.get(o.id) ?? []).map((x) => x.country).join(';'),
        (byO.get(o.id) ?? []).map((x) => x.objective_n).join(';'),
        parseList(o.languages).join(';'),
        desc?.text,
        desc?.lang,
        contact?.name,
        contact?.email,
        o.admitted_at,
        o.status,
        o.slug,
      ];
    }),
  ]);
  return c.body(csv, 200, {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': `attachment; filename="organizations-${todayIso()}.csv"`,
    'Cache-Control': 'no-store',
  });
});

// ---- CSV import -----------------------------------------------------------------------------------------------
adminMembershipRoutes.get(paths.import.pattern, (c) => {
  administer(c);
  return renderImportForm(c, emptyForm());
});

function renderImportForm(c: Context<AppEnv>, form: FormState) {
  return c.render(<ImportFormPage form={form} />, { title: c.get('t')('membership.import.title'), noindex: true, crumbs: adminCrumbs(c) });
}

adminMembershipRoutes.post(
  paths.import.pattern,
  action({
    allow: (actor) => membershipPolicy.can(actor, 'administer'),
    run: async (trx, { c, actor }) => previewImport(trx, actor, (await c.req.parseBody()).file),
    form: (c, { form }) => renderImportForm(c, form),
    done: ({ locale, value }) => ({ to: paths.importOne.href(locale, { id: value.id }) }),
  }),
);

adminMembershipRoutes.get(paths.importOne.pattern, async (c) => {
  const user = requireUser(c);
  const imp = await getImport(c.get('deps').db, c.req.param('id'));
  if (!imp) return c.notFound();
  authorize(c, membershipPolicy.can(user, 'administer'));
  const t = c.get('t');
  return c.render(<ImportPage imp={imp} />, { title: t('membership.import.title'), noindex: true, crumbs: [...adminCrumbs(c), [t('membership.import.title'), paths.import.pattern]] });
});

adminMembershipRoutes.post(
  paths.importOne.pattern,
  action({
    load: (c) => getImport(c.get('deps').db, c.req.param('id')!),
    allow: (actor) => membershipPolicy.can(actor, 'administer'),
    run: (trx, { actor, subject }) => runImport(trx, actor, subject.id),
    back: ({ subject, locale }) => paths.importOne.href(locale, { id: subject.id }),
    done: ({ locale, subject, value }) => ({ to: paths.importOne.href(locale, { id: subject.id }), flash: { type: 'success', key: 'membership.import.imported', params: { n: value.imported } } }),
  }),
);
