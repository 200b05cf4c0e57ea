/**
 * @module Plans: writes. Each command checks what the route cannot (the plan's period, numbers, links), changes
 * the plan in the action's transaction and writes its history entry there too; a state change is a conditional
 * update checked with `numUpdatedRows`, so two approvals cannot both happen.
 */
import type { Db } from '../../../db/schema.js';
import { newId, nowIso } from '../../../db/ids.js';
import type { CurrentUser } from '../../../platform/http/env.js';
import { audit } from '../../../platform/audit/audit.js';
import { ok, fail, type Outcome } from '../../../platform/outcome.js';
import { stringifyTranslated, type Translated } from '../../../platform/i18n/translated.js';
import type { Link } from '../../../platform/links.js';
import { parseNumber } from '../core/progress.js';
import type { ActivityStatus } from '../tables.js';
import type { Plan } from '../queries.js';

const touch = (db: Db, planId: string) => db.updateTable('plans').set({ updated_at: nowIso() }).where('id', '=', planId).execute();

export interface PlanInput {
  bodyId: string | null;
  title: Translated;
  startsOn: string;
  endsOn: string;
  activityShare: number;
}

export async function createPlan(db: Db, actor: CurrentUser | null, input: PlanInput): Promise<Outcome<{ id: string }>> {
  if (input.endsOn < input.startsOn) return fail('plans.errors.periodOrder', { field: 'ends_on' });
  const id = newId();
  const now = nowIso();
  await db
    .insertInto('plans')
    .values({
      id,
      body_id: input.bodyId,
      title: stringifyTranslated(input.title),
      starts_on: input.startsOn,
      ends_on: input.endsOn,
      status: 'draft',
      activity_share: input.activityShare,
      approved_at: null,
      approved_by: null,
      closed_at: null,
      created_by: actor?.id ?? null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  await audit(db, { actorId: actor?.id ?? null, action: 'plan.created', subjectType: 'plan', subjectId: id });
  return ok({ id });
}

/** draft → approved, with the date and who approved it. */
export async function approvePlan(db: Db, actor: CurrentUser, plan: Plan, at = nowIso()): Promise<Outcome> {
  const r = await db.updateTable('plans').set({ status: 'approved', approved_at: at, approved_by: actor.id, updated_at: at }).where('id', '=', plan.id).where('status', '=', 'draft').executeTakeFirst();
  if (!Number(r.numUpdatedRows)) return fail('plans.errors.changed');
  await audit(db, { actorId: actor.id, action: 'plan.approved', subjectType: 'plan', subjectId: plan.id, from: 'draft', to: 'approved' });
  return ok();
}

/** approved → closed: nothing in it changes any more. */
export async function closePlan(db: Db, actor: CurrentUser, plan: Plan, at = nowIso()): Promise<Outcome> {
  const r = await db.updateTable('plans').set({ status: 'closed', closed_at: at, updated_at: at }).where('id', '=', plan.id).where('status', '=', 'approved').executeTakeFirst();
  if (!Number(r.numUpdatedRows)) return fail('plans.errors.changed');
  await audit(db, { actorId: actor.id, action: 'plan.closed', subjectType: 'plan', subjectId: plan.id, from: 'approved', to: 'closed' });
  return ok();
}

export async function setActivityStatus(db: Db, actor: CurrentUser, plan: Plan, activityId: string, status: ActivityStatus): Promise<Outcome> {
  const a = await db.selectFrom('plan_activities').select(['code', 'status']).where('id', '=', activityId).where('plan_id', '=', plan.id).executeTakeFirst();
  if (!a) return fail('plans.errors.noActivity');
  if (a.status === status) return ok();
  await db.updateTable('plan_activities').set({ status }).where('id', '=', activityId).execute();
  await touch(db, plan.id);
  await audit(db, { actorId: actor.id, action: 'plan.activityStatus', subjectType: 'plan', subjectId: plan.id, from: a.status, to: status, data: { code: a.code } });
  return ok();
}

/** Links an activity to what shows it happened; `unknown` says which links do not exist or the person may not see. */
export async function linkActivity(db: Db, actor: CurrentUser, plan: Plan, activityId: string, link: Link, unknown: (l: Link[]) => Promise<Link[]>): Promise<Outcome> {
  const a = await db.selectFrom('plan_activities').select(['code']).where('id', '=', activityId).where('plan_id', '=', plan.id).executeTakeFirst();
  if (!a) return fail('plans.errors.noActivity');
  if ((await unknown([link])).length) return fail('plans.errors.link', { field: 'link' });
  const exists = await db.selectFrom('plan_activity_links').select('type').where('activity_id', '=', activityId).where('type', '=', link.type).where('target_id', '=', link.id).executeTakeFirst();
  if (exists) return fail('plans.errors.alreadyLinked', { field: 'link' });
  await db.insertInto('plan_activity_links').values({ activity_id: activityId, type: link.type, target_id: link.id }).execute();
  await touch(db, plan.id);
  await audit(db, { actorId: actor.id, action: 'plan.linked', subjectType: 'plan', subjectId: plan.id, data: { code: a.code, link: `${link.type}:${link.id}` } });
  return ok();
}

export async function unlinkActivity(db: Db, actor: CurrentUser, plan: Plan, activityId: string, link: Link): Promise<Outcome> {
  const a = await db.selectFrom('plan_activities').select(['code']).where('id', '=', activityId).where('plan_id', '=', plan.id).executeTakeFirst();
  if (!a) return fail('plans.errors.noActivity');
  const r = await db.deleteFrom('plan_activity_links').where('activity_id', '=', activityId).where('type', '=', link.type).where('target_id', '=', link.id).executeTakeFirst();
  if (!Number(r.numDeletedRows)) return fail('plans.errors.noLink');
  await touch(db, plan.id);
  await audit(db, { actorId: actor.id, action: 'plan.unlinked', subjectType: 'plan', subjectId: plan.id, data: { code: a.code, link: `${link.type}:${link.id}` } });
  return ok();
}

export interface ValueInput {
  period: string;
  value: string;
  measuredOn: string;
  source?: string;
  note?: string;
}

/** Reports an indicator's value for a period: a number where the unit is numeric, measured inside the plan's period. */
export async function reportValue(db: Db, actor: CurrentUser, plan: Plan, indicatorId: string, input: ValueInput): Promise<Outcome<{ id: string }>> {
  const i = await db.selectFrom('plan_indicators').select(['code', 'unit']).where('id', '=', indicatorId).where('plan_id', '=', plan.id).executeTakeFirst();
  if (!i) return fail('plans.errors.noIndicator');
  let value = input.value.trim();
  if (i.unit !== 'text') {
    const n = parseNumber(value);
    if (n === null) return fail('plans.errors.notANumber', { field: 'value' });
    value = String(n);
  }
  if (input.measuredOn < plan.startsOn || input.measuredOn > plan.endsOn) return fail('plans.errors.dateOutside', { field: 'measured_on', params: { from: plan.startsOn, to: plan.endsOn } });
  const id = newId();
  await db
    .insertInto('plan_indicator_values')
    .values({ id, indicator_id: indicatorId, period: input.period, value, measured_on: input.measuredOn, source: input.source ?? null, note: input.note ?? null, created_by: actor.id, created_at: nowIso() })
    .execute();
  await touch(db, plan.id);
  await audit(db, { actorId: actor.id, action: 'plan.valueReported', subjectType: 'plan', subjectId: plan.id, data: { code: i.code, value, period: input.period } });
  return ok({ id });
}
