/** @module Plans: reads — plans, and one plan's whole tree with its progress. */
import type { Db } from '../../db/schema.js';
import { parseTranslated, type Translated } from '../../platform/i18n/translated.js';
import type { ActivityStatus, Direction, PlanStatus, Unit } from './tables.js';
import { planProgress, resultProgress, type Progress, type ResultProgress } from './core/progress.js';

export interface Plan {
  id: string;
  bodyId: string | null;
  title: Translated;
  startsOn: string;
  endsOn: string;
  status: PlanStatus;
  activityShare: number;
  approvedAt: string | null;
  approvedBy: string | null;
  approvedByName: string | null;
  closedAt: string | null;
  updatedAt: string;
}

export interface Activity {
  id: string;
  resultId: string;
  code: string;
  title: Translated;
  bodyId: string | null;
  people: string | null;
  startsOn: string | null;
  endsOn: string | null;
  status: ActivityStatus;
  objectives: number[];
  weight: number;
  links: { type: string; id: string }[];
}
export interface IndicatorValue {
  id: string;
  period: string;
  value: string;
  measuredOn: string;
  source: string | null;
  note: string | null;
}
export interface Indicator {
  id: string;
  resultId: string;
  code: string;
  name: Translated;
  unit: Unit;
  baseline: string | null;
  target: string | null;
  direction: Direction;
  weight: number;
  /** Oldest first; the latest is what progress counts. */
  values: IndicatorValue[];
}
export interface Result {
  id: string;
  axisId: string;
  code: string;
  title: Translated;
  weight: number;
  activities: Activity[];
  indicators: Indicator[];
  progress: ResultProgress;
}
export interface Axis {
  id: string;
  code: string;
  title: Translated;
  weight: number;
  results: Result[];
  progress: Progress;
}
export interface PlanTree {
  plan: Plan;
  axes: Axis[];
  progress: Progress;
}

type PlanRow = { id: string; body_id: string | null; title: string; starts_on: string; ends_on: string; status: PlanStatus; activity_share: number; approved_at: string | null; approved_by: string | null; closed_at: string | null; updated_at: string; approver: string | null };

const toPlan = (r: PlanRow): Plan => ({
  id: r.id,
  bodyId: r.body_id,
  title: parseTranslated(r.title),
  startsOn: r.starts_on,
  endsOn: r.ends_on,
  status: r.status,
  activityShare: Number(r.activity_share),
  approvedAt: r.approved_at,
  approvedBy: r.approved_by,
  approvedByName: r.approver,
  closedAt: r.closed_at,
  updatedAt: r.updated_at,
});

function plans(db: Db) {
  return db
    .selectFrom('plans')
    .leftJoin('users', 'users.id', 'plans.approved_by')
    .select(['plans.id', 'plans.body_id', 'plans.title', 'plans.starts_on', 'plans.ends_on', 'plans.status', 'plans.activity_share', 'plans.approved_at', 'plans.approved_by', 'plans.closed_at', 'plans.updated_at', 'users.name as approver']);
}

export async function getPlan(db: Db, id: string): Promise<Plan | null> {
  const r = await plans(db).where('plans.id', '=', id).executeTakeFirst();
  return r ? toPlan(r) : null;
}

/**
 * A plan's version: its `updated_at`, which every change to its contents sets (commands/*.ts); null when there is no
 * such plan. One small statement, for pages that keep what they show of a plan under its version.
 */
export async function planVersion(db: Db, id: string): Promise<string | null> {
  return (await db.selectFrom('plans').select('updated_at').where('id', '=', id).executeTakeFirst())?.updated_at ?? null;
}

/** Plans, newest period first; `bodyId` null: the Mechanism's; undefined: all. */
export async function listPlans(db: Db, opts: { bodyId?: string | null; statuses?: PlanStatus[] } = {}): Promise<Plan[]> {
  let q = plans(db);
  if (opts.bodyId === null) q = q.where('plans.body_id', 'is', null);
  else if (opts.bodyId !== undefined) q = q.where('plans.body_id', '=', opts.bodyId);
  if (opts.statuses) q = q.where('plans.status', 'in', opts.statuses);
  return (await q.orderBy('plans.starts_on', 'desc').orderBy('plans.created_at', 'desc').execute()).map(toPlan);
}

/** The plan to show for a body or the Mechanism now: an approved plan whose period holds `today`, else the latest approved or closed one. */
export async function currentPlan(db: Db, bodyId: string | null, today: string): Promise<Plan | null> {
  const all = await listPlans(db, { bodyId, statuses: ['approved', 'closed'] });
  return all.find((p) => p.status === 'approved' && p.startsOn <= today && today <= p.endsOn) ?? all.find((p) => p.status === 'approved') ?? all[0] ?? null;
}

const parseObjectives = (s: string): number[] => {
  try {
    const v = JSON.parse(s);
    return Array.isArray(v) ? v.filter((n) => Number.isInteger(n)) : [];
  } catch {
    return [];
  }
};

/**
 * A plan with everything in it, in order, and its progress: three statements (axes with their results, activities,
 * indicators with their values) and a fourth for the activities' links unless `links: false` (the body and about
 * pages show progress, not links). Pages that show a tree keep what they render of it (page-cache fragments).
 */
export async function planTree(db: Db, plan: Plan, opts: { links?: boolean } = {}): Promise<PlanTree> {
  const [axesResults, activities, links, indicatorValues] = await Promise.all([
    db
      .selectFrom('plan_axes')
      .leftJoin('plan_results', 'plan_results.axis_id', 'plan_axes.id')
      .select([
        'plan_axes.id as axis_id',
        'plan_axes.code as axis_code',
        'plan_axes.title as axis_title',
        'plan_axes.weight as axis_weight',
        'plan_results.id as id',
        'plan_results.code as code',
        'plan_results.title as title',
        'plan_results.weight as weight',
      ])
      .where('plan_axes.plan_id', '=', plan.id)
      .orderBy('plan_axes.position')
      .orderBy('plan_axes.id')
      .orderBy('plan_results.position')
      .execute(),
    db.selectFrom('plan_activities').selectAll().where('plan_id', '=', plan.id).orderBy('position').execute(),
    opts.links === false ? Promise.resolve([]) : planLinks(db, plan.id),
    db
      .selectFrom('plan_indicators')
      .leftJoin('plan_indicator_values', 'plan_indicator_values.indicator_id', 'plan_indicators.id')
      .select([
        'plan_indicators.id as ind_id',
        'plan_indicators.result_id',
        'plan_indicators.code',
        'plan_indicators.name',
        'plan_indicators.unit',
        'plan_indicators.baseline',
        'plan_indicators.target',
        'plan_indicators.direction',
        'plan_indicators.weight',
        'plan_indicator_values.id as id',
        'plan_indicator_values.period',
        'plan_indicator_values.value',
        'plan_indicator_values.measured_on',
        'plan_indicator_values.source',
        'plan_indicator_values.note',
      ])
      .where('plan_indicators.plan_id', '=', plan.id)
      .orderBy('plan_indicators.position')
      .orderBy('plan_indicators.id')
      .orderBy('plan_indicator_values.measured_on')
      .orderBy('plan_indicator_values.created_at')
      .execute(),
  ]);
  const axes: { id: string; code: string; title: string; weight: number }[] = [];
  const results: { id: string; axis_id: string; code: string; title: string; weight: number }[] = [];
  for (const r of axesResults) {
    if (axes.at(-1)?.id !== r.axis_id) axes.push({ id: r.axis_id, code: r.axis_code, title: r.axis_title, weight: Number(r.axis_weight) });
    if (r.id) results.push({ id: r.id, axis_id: r.axis_id, code: r.code!, title: r.title!, weight: Number(r.weight) });
  }
  const indicators: { id: string; result_id: string; code: string; name: string; unit: Unit; baseline: string | null; target: string | null; direction: Direction; weight: number }[] = [];
  const values: { id: string; indicator_id: string; period: string; value: string; measured_on: string; source: string | null; note: string | null }[] = [];
  for (const r of indicatorValues) {
    if (indicators.at(-1)?.id !== r.ind_id) indicators.push({ id: r.ind_id, result_id: r.result_id, code: r.code, name: r.name, unit: r.unit, baseline: r.baseline, target: r.target, direction: r.direction, weight: Number(r.weight) });
    if (r.id) values.push({ id: r.id, indicator_id: r.ind_id, period: r.period!, value: r.value!, measured_on: r.measured_on!, source: r.source, note: r.note });
  }
  const linksOf = new Map<string, { type: string; id: string }[]>();
  for (const l of links) linksOf.set(l.activity, [...(linksOf.get(l.activity) ?? []), { type: l.type, id: l.id }]);
  const valuesOf = new Map<string, IndicatorValue[]>();
  for (const v of values) valuesOf.set(v.indicator_id, [...(valuesOf.get(v.indicator_id) ?? []), { id: v.id, period: v.period, value: v.value, measuredOn: v.measured_on, source: v.source, note: v.note }]);
  const actsOf = new Map<string, Activity[]>();
  for (const a of activities)
    actsOf.set(a.result_id, [
      ...(actsOf.get(a.result_id) ?? []),
      { id: a.id, resultId: a.result_id, code: a.code, title: parseTranslated(a.title), bodyId: a.body_id, people: a.people, startsOn: a.starts_on, endsOn: a.ends_on, status: a.status, objectives: parseObjectives(a.objectives), weight: Number(a.weight), links: linksOf.get(a.id) ?? [] },
    ]);
  const indsOf = new Map<string, Indicator[]>();
  for (const i of indicators)
    indsOf.set(i.result_id, [
      ...(indsOf.get(i.result_id) ?? []),
      { id: i.id, resultId: i.result_id, code: i.code, name: parseTranslated(i.name), unit: i.unit, baseline: i.baseline, target: i.target, direction: i.direction, weight: Number(i.weight), values: valuesOf.get(i.id) ?? [] },
    ]);
  const resOf = new Map<string, Result[]>();
  for (const r of results) {
    const acts = actsOf.get(r.id) ?? [];
    const inds = indsOf.get(r.id) ?? [];
    const progress = resultProgress(
      { weight: Number(r.weight), activities: acts, indicators: inds.map((i) => ({ ...i, latest: i.values.at(-1)?.value ?? null })) },
      plan.activityShare,
    );
    resOf.set(r.axis_id, [...(resOf.get(r.axis_id) ?? []), { id: r.id, axisId: r.axis_id, code: r.code, title: parseTranslated(r.title), weight: Number(r.weight), activities: acts, indicators: inds, progress }]);
  }
  const tree = axes.map((a) => ({ id: a.id, code: a.code, title: parseTranslated(a.title), weight: Number(a.weight), results: resOf.get(a.id) ?? [] }));
  const p = planProgress(
    tree.map((a) => ({ weight: a.weight, results: a.results.map((r) => ({ weight: r.weight, activities: r.activities, indicators: r.indicators.map((i) => ({ ...i, latest: i.values.at(-1)?.value ?? null })) })) })),
    plan.activityShare,
  );
  return { plan, axes: tree.map((a, i) => ({ ...a, progress: p.axes[i]!.progress })), progress: p.progress };
}

/** Every link of a plan's activities, each activity's in order of type and target. */
export async function planLinks(db: Db, planId: string): Promise<{ activity: string; type: string; id: string }[]> {
  return db
    .selectFrom('plan_activity_links')
    .innerJoin('plan_activities', 'plan_activities.id', 'plan_activity_links.activity_id')
    .select(['plan_activity_links.activity_id as activity', 'plan_activity_links.type', 'plan_activity_links.target_id as id'])
    .where('plan_activities.plan_id', '=', planId)
    .orderBy('plan_activity_links.type')
    .orderBy('plan_activity_links.target_id')
    .execute();
}

/** An activity and the plan it belongs to. */
export async function getActivity(db: Db, id: string) {
  const a = await db.selectFrom('plan_activities').select(['id', 'plan_id', 'code', 'title', 'status']).where('id', '=', id).executeTakeFirst();
  return a ? { id: a.id, planId: a.plan_id, code: a.code, title: parseTranslated(a.title), status: a.status } : null;
}

/** An indicator and the plan it belongs to. */
export async function getIndicator(db: Db, id: string) {
  const i = await db.selectFrom('plan_indicators').select(['id', 'plan_id', 'code', 'name', 'unit', 'baseline', 'target', 'direction']).where('id', '=', id).executeTakeFirst();
  return i ? { id: i.id, planId: i.plan_id, code: i.code, name: parseTranslated(i.name), unit: i.unit, baseline: i.baseline, target: i.target, direction: i.direction } : null;
}

/** Activities whose titles match `q` in visible plans (for the link picker of other modules). */
export async function searchActivities(db: Db, planIds: string[], q: string, limit: number) {
  if (!planIds.length) return [];
  let sel = db.selectFrom('plan_activities').select(['id', 'plan_id', 'code', 'title']).where('plan_id', 'in', planIds);
  if (q) sel = sel.where('title', 'like', `%${q.replace(/[%_\\]/g, '')}%`);
  return sel.orderBy('code').limit(limit).execute();
}
