/**
 * Plans: every route the module mounts × every role. Subjects are plans of the matrix world's Mesa (mt1), whose
 * secretary edits them: a draft, an approved plan and a closed one (each with an axis, a result, an activity and
 * an indicator), and a fresh draft or approved plan per role for approving and closing. Empty forms answer 422
 * (past authorization).
 */
import { defineRouteMatrix, everyone, only, except, type World, type Role, type Expect } from '../../../tests/support/matrix.js';
import type { CurrentUser } from '../../platform/http/env.js';
import { createPlan, approvePlan, closePlan } from './commands/plans.js';
import { applyPlanCsv } from './commands/import.js';
import { getPlan } from './queries.js';
import type { CsvRow } from './csv.js';
import { paths, apiPaths } from './paths.js';

interface Plan3 {
  id: string;
  activity: string;
  indicator: string;
}
interface Subjects {
  draft: Plan3;
  approved: Plan3;
  closed: Plan3;
  mechanismDraft: Plan3;
  fresh: (status: 'draft' | 'approved') => Promise<string>;
  /** A fresh approved plan with its items, for removing one per role. */
  freshItems: () => Promise<Plan3>;
}

const base = { weight: 1, bodyId: null, people: null, startsOn: null, endsOn: null, status: 'planned' as const, objectives: [], links: [], unit: 'number' as const, baseline: null, target: null, direction: 'rise' as const };
const ROWS: CsvRow[] = [
  { ...base, line: 2, kind: 'axis', code: '1', parent: '', title: { es: 'Eje' } },
  { ...base, line: 3, kind: 'result', code: '1.1', parent: '1', title: { es: 'Resultado' } },
  { ...base, line: 4, kind: 'activity', code: '1.1.1', parent: '1.1', title: { es: 'Actividad' } },
  { ...base, line: 5, kind: 'indicator', code: 'I1', parent: '1.1', title: { es: 'Indicador' }, baseline: '0', target: '10' },
];

async function setup(w: World): Promise<Subjects> {
  const { db } = w.ctx;
  const admin = (await db.selectFrom('users').select(['id', 'name', 'email', 'role', 'locale']).where('id', '=', w.users.admin).executeTakeFirstOrThrow()) as unknown as CurrentUser;
  const must = <T extends { ok: boolean }>(r: T) => {
    if (!r.ok) throw new Error(`plans matrix setup: ${JSON.stringify(r)}`);
    return r as Extract<T, { ok: true }>;
  };
  const make = async (status: 'draft' | 'approved' | 'closed', bodyId: string | null = w.body.id): Promise<Plan3> =>
    db.transaction().execute(async (trx) => {
      const id = must(await createPlan(trx, admin, { bodyId, title: { es: `Plan ${status}` }, startsOn: '2026-01-01', endsOn: '2026-12-31', activityShare: 50 })).id;
      const p = (await getPlan(trx, id))!;
      must(await applyPlanCsv(trx, admin, p, ROWS));
      if (status !== 'draft') must(await approvePlan(trx, admin, p));
      if (status === 'closed') must(await closePlan(trx, admin, p));
      const activity = (await trx.selectFrom('plan_activities').select('id').where('plan_id', '=', id).executeTakeFirstOrThrow()).id;
      const indicator = (await trx.selectFrom('plan_indicators').select('id').where('plan_id', '=', id).executeTakeFirstOrThrow()).id;
      return { id, activity, indicator };
    });
  return {
    draft: await make('draft'),
    approved: await make('approved'),
    closed: await make('closed'),
    mechanismDraft: await make('draft', null),
    fresh: async (status) => (await make(status)).id,
    freshItems: () => make('approved'),
  };
}

/** Hidden (404) from all but the plan's editors; signed-out visitors meet the sign-in first on posts. */
const draftOnly = (...editors: Role[]): Record<Role, Expect> => ({ anonymous: 404, suspended: 404, member: 404, otherOrg: 404, bodyMember: 404, reviewer: 404, secretary: 404, admin: 404, ...Object.fromEntries(editors.map((r) => [r, 'allow'])) });
const editors = () => only('secretary', 'admin');

export const matrix = defineRouteMatrix<Subjects>({
  module: 'plans',
  setup,
  cases: (x) => {
    const at =
      (r: { href: (l: 'es', p: { id: string }) => string }, k: 'draft' | 'approved' | 'closed' | 'mechanismDraft') =>
      () =>
        r.href('es', { id: x()[k].id });
    const act = (r: { href: (l: 'es', p: { id: string; aid: string }) => string }, k: 'draft' | 'approved' | 'closed') => () => r.href('es', { id: x()[k].id, aid: x()[k].activity });
    const ind = (k: 'draft' | 'approved' | 'closed') => () => paths.indicator.href('es', { id: x()[k].id, iid: x()[k].indicator });
    const api = (p: string, k: 'draft' | 'approved') => () => apiPaths.mounted(p).replace(':id', x()[k].id);
    const newActivity = () => ({ code: `M${Math.random().toString(36).slice(2, 8)}`, parent: '1.1', title_es: 'Actividad nueva', status: 'planned' });
    const editIndicator = () => ({ code: 'I1', parent: '1.1', title_es: 'Indicador', unit: 'number', direction: 'rise', baseline: '0', target: '12' });
    const valid = (w: World) => ({ body: w.body.id, title_es: 'Plan de la matriz', starts_on: '2026-01-01', ends_on: '2026-12-31', activity_share: '50' });
    return [
      { method: 'GET', route: paths.list.pattern, url: () => paths.list.href('es'), expect: everyone() },
      // The reviewer is the secretary of another Mesa: they may start plans, for their Mesa only (mt1 → 422).
      { method: 'GET', route: paths.create.pattern, url: () => paths.create.href('es'), expect: only('reviewer', 'secretary', 'admin') },
      { method: 'POST', route: paths.create.pattern, url: () => paths.create.href('es'), form: valid, expect: only('reviewer', 'secretary', 'admin') },
      { method: 'GET', route: paths.plan.pattern, url: at(paths.plan, 'approved'), expect: everyone() },
      { method: 'GET', route: paths.plan.pattern, url: at(paths.plan, 'closed'), expect: everyone() },
      { method: 'GET', route: paths.plan.pattern, url: at(paths.plan, 'draft'), expect: draftOnly('secretary', 'admin') },
      // The Mechanism's plan: administrators only.
      { method: 'GET', route: paths.plan.pattern, url: at(paths.plan, 'mechanismDraft'), expect: draftOnly('admin') },
      { method: 'GET', route: paths.import.pattern, url: at(paths.import, 'mechanismDraft'), expect: except(draftOnly('admin'), { anonymous: 401 }) },
      { method: 'POST', route: paths.approve.pattern, url: async () => paths.approve.href('es', { id: await x().fresh('draft') }), expect: except(draftOnly('secretary', 'admin'), { anonymous: 401 }) },
      { method: 'POST', route: paths.approve.pattern, url: at(paths.approve, 'approved'), expect: except(editors(), { secretary: 403, admin: 403 }) },
      { method: 'POST', route: paths.close.pattern, url: async () => paths.close.href('es', { id: await x().fresh('approved') }), expect: editors() },
      { method: 'POST', route: paths.close.pattern, url: at(paths.close, 'draft'), expect: except(draftOnly(), { anonymous: 401, secretary: 403, admin: 403 }) },
      { method: 'GET', route: paths.exportCsv.pattern, url: at(paths.exportCsv, 'approved'), expect: everyone() },
      { method: 'GET', route: paths.exportCsv.pattern, url: at(paths.exportCsv, 'draft'), expect: draftOnly('secretary', 'admin') },
      { method: 'GET', route: paths.import.pattern, url: at(paths.import, 'approved'), expect: editors() },
      // A closed plan no longer changes, not even by its editors.
      { method: 'GET', route: paths.import.pattern, url: at(paths.import, 'closed'), expect: only() },
      { method: 'POST', route: paths.import.pattern, url: at(paths.import, 'approved'), expect: editors() },
      { method: 'POST', route: paths.importConfirm.pattern, url: at(paths.importConfirm, 'approved'), expect: editors() },
      { method: 'POST', route: paths.importConfirm.pattern, url: at(paths.importConfirm, 'closed'), expect: only() },
      { method: 'GET', route: paths.activity.pattern, url: act(paths.activity, 'approved'), expect: editors() },
      { method: 'GET', route: paths.activity.pattern, url: act(paths.activity, 'closed'), expect: only() },
      { method: 'POST', route: paths.activityStatus.pattern, url: act(paths.activityStatus, 'approved'), form: () => ({ status: 'in_progress' }), expect: editors() },
      { method: 'POST', route: paths.link.pattern, url: act(paths.link, 'approved'), expect: editors() },
      { method: 'POST', route: paths.unlink.pattern, url: act(paths.unlink, 'approved'), expect: editors() },
      { method: 'GET', route: paths.indicator.pattern, url: ind('approved'), expect: everyone() },
      { method: 'GET', route: paths.indicator.pattern, url: ind('draft'), expect: draftOnly('secretary', 'admin') },
      { method: 'POST', route: paths.indicator.pattern, url: ind('approved'), expect: editors() },
      { method: 'POST', route: paths.indicator.pattern, url: ind('closed'), expect: only() },
      // One item without the spreadsheet: add, change, remove — the plan's editors, until it is closed.
      { method: 'GET', route: paths.itemNew.pattern, url: () => paths.itemNew.href('es', { id: x().approved.id, kind: 'activity' }), expect: editors() },
      { method: 'GET', route: paths.itemNew.pattern, url: () => paths.itemNew.href('es', { id: x().closed.id, kind: 'indicator' }), expect: only() },
      { method: 'GET', route: paths.itemNew.pattern, url: () => paths.itemNew.href('es', { id: x().mechanismDraft.id, kind: 'axis' }), expect: except(draftOnly('admin'), { anonymous: 401 }) },
      { method: 'POST', route: paths.itemNew.pattern, url: () => paths.itemNew.href('es', { id: x().approved.id, kind: 'activity' }), form: newActivity, expect: editors() },
      { method: 'POST', route: paths.itemNew.pattern, url: () => paths.itemNew.href('es', { id: x().closed.id, kind: 'activity' }), form: newActivity, expect: only() },
      { method: 'GET', route: paths.itemEdit.pattern, url: () => paths.itemEdit.href('es', { id: x().approved.id, kind: 'activity', xid: x().approved.activity }), expect: editors() },
      { method: 'GET', route: paths.itemEdit.pattern, url: () => paths.itemEdit.href('es', { id: x().draft.id, kind: 'indicator', xid: x().draft.indicator }), expect: except(draftOnly('secretary', 'admin'), { anonymous: 401 }) },
      { method: 'GET', route: paths.itemEdit.pattern, url: () => paths.itemEdit.href('es', { id: x().closed.id, kind: 'indicator', xid: x().closed.indicator }), expect: only() },
      { method: 'POST', route: paths.itemEdit.pattern, url: () => paths.itemEdit.href('es', { id: x().approved.id, kind: 'indicator', xid: x().approved.indicator }), form: editIndicator, expect: editors() },
      { method: 'POST', route: paths.itemEdit.pattern, url: () => paths.itemEdit.href('es', { id: x().closed.id, kind: 'indicator', xid: x().closed.indicator }), form: editIndicator, expect: only() },
      { method: 'POST', route: paths.itemDelete.pattern, url: async () => { const f = await x().freshItems(); return paths.itemDelete.href('es', { id: f.id, kind: 'activity', xid: f.activity }); }, expect: editors() },
      { method: 'POST', route: paths.itemDelete.pattern, url: () => paths.itemDelete.href('es', { id: x().closed.id, kind: 'indicator', xid: x().closed.indicator }), expect: only() },
      { method: 'GET', route: apiPaths.mounted(apiPaths.list), url: () => apiPaths.mounted(apiPaths.list), expect: everyone() },
      { method: 'GET', route: apiPaths.mounted(apiPaths.plan), url: api(apiPaths.plan, 'approved'), expect: everyone() },
      // Drafts are not in the API, for anyone.
      { method: 'GET', route: apiPaths.mounted(apiPaths.plan), url: api(apiPaths.plan, 'draft'), expect: draftOnly() },
      { method: 'GET', route: apiPaths.mounted(apiPaths.activities), url: api(apiPaths.activities, 'approved'), expect: everyone() },
      { method: 'GET', route: apiPaths.mounted(apiPaths.indicators), url: api(apiPaths.indicators, 'approved'), expect: everyone() },
    ];
  },
});
