/**
 * @module Plans: one item at a time — a strategic area, an expected result, an activity or an indicator added,
 * changed or removed from a form, with the CSV import's own checks (csv.ts `checkRow`) plus what a single row
 * cannot know by itself: its code is free in the plan, its parent exists and is of the right kind. Each change
 * writes a history entry naming the item and, for a change, the columns that changed.
 */
import type { Db } from '../../../db/schema.js';
import { newId, nowIso } from '../../../db/ids.js';
import type { CurrentUser } from '../../../platform/http/env.js';
import { audit } from '../../../platform/audit/audit.js';
import { ok, fail, type Outcome } from '../../../platform/outcome.js';
import { stringifyTranslated, parseTranslated } from '../../../platform/i18n/translated.js';
import { LOCALES } from '../../../platform/i18n/locales.js';
import { checkRow, type CsvCells, type CsvEnv, type CsvProblem, type CsvRow, type Kind, CSV_COLUMNS } from '../csv.js';
import type { Plan } from '../queries.js';

export const ITEM_TABLES = { axis: 'plan_axes', result: 'plan_results', activity: 'plan_activities', indicator: 'plan_indicators' } as const;
/** The kind a parent must be of. */
export const PARENT_KIND = { axis: null, result: 'axis', activity: 'result', indicator: 'result' } as const;

/** The columns a form of each kind shows (the others are left empty, as the CSV wants them for that kind). */
export const ITEM_FIELDS: Record<Kind, readonly (typeof CSV_COLUMNS)[number][]> = {
  axis: ['code', 'title_es', 'title_en', 'title_pt', 'title_fr', 'weight'],
  result: ['code', 'parent', 'title_es', 'title_en', 'title_pt', 'title_fr', 'weight'],
  activity: ['code', 'parent', 'title_es', 'title_en', 'title_pt', 'title_fr', 'weight', 'body', 'people', 'starts_on', 'ends_on', 'status', 'objectives'],
  indicator: ['code', 'parent', 'title_es', 'title_en', 'title_pt', 'title_fr', 'weight', 'unit', 'baseline', 'target', 'direction'],
};

/** The form's values as a CSV row's cells: only the kind's columns, trimmed. */
export function cellsOf(kind: Kind, values: Record<string, unknown>): CsvCells {
  const cells = Object.fromEntries(CSV_COLUMNS.map((c) => [c, ''])) as CsvCells;
  cells.kind = kind;
  for (const c of ITEM_FIELDS[kind]) {
    const v = values[c];
    cells[c] = typeof v === 'string' ? v.trim() : '';
  }
  return cells;
}

/** Every problem of a form's values that the row alone shows (the form shows each beside its field). */
export function checkItem(kind: Kind, values: Record<string, unknown>, env: Pick<CsvEnv, 'bodies' | 'period'>): { row: CsvRow; problems: CsvProblem[] } {
  const problems: CsvProblem[] = [];
  const row = checkRow(cellsOf(kind, values), 0, env, (key, params = {}, column) => problems.push({ line: 0, key, params, ...(column ? { column } : {}) }));
  return { row, problems };
}

/** A refusal from the row's first problem, beside its field. */
const refuse = (p: CsvProblem) => fail(`plans.csv.errors.${p.key}`, { field: p.column ?? 'code', params: p.params ?? {} });

/** An item as it is stored, as the form's values (for the edit form). */
export async function itemValues(db: Db, plan: Plan, kind: Kind, id: string, slugs: Map<string, string>): Promise<Record<string, string> | null> {
  const parentCode = async (table: 'plan_axes' | 'plan_results', pid: string) => (await db.selectFrom(table).select('code').where('id', '=', pid).executeTakeFirst())?.code ?? '';
  const titles = (s: string) => {
    const t = parseTranslated(s);
    return Object.fromEntries(LOCALES.map((l) => [`title_${l}`, t[l] ?? '']));
  };
  if (kind === 'axis') {
    const r = await db.selectFrom('plan_axes').selectAll().where('id', '=', id).where('plan_id', '=', plan.id).executeTakeFirst();
    return r ? { code: r.code, ...titles(r.title), weight: String(r.weight) } : null;
  }
  if (kind === 'result') {
    const r = await db.selectFrom('plan_results').selectAll().where('id', '=', id).where('plan_id', '=', plan.id).executeTakeFirst();
    return r ? { code: r.code, parent: await parentCode('plan_axes', r.axis_id), ...titles(r.title), weight: String(r.weight) } : null;
  }
  if (kind === 'activity') {
    const r = await db.selectFrom('plan_activities').selectAll().where('id', '=', id).where('plan_id', '=', plan.id).executeTakeFirst();
    if (!r) return null;
    let objectives: number[] = [];
    try {
      objectives = JSON.parse(r.objectives) as number[];
    } catch {
      objectives = [];
    }
    return {
      code: r.code,
      parent: await parentCode('plan_results', r.result_id),
      ...titles(r.title),
      weight: String(r.weight),
      body: r.body_id ? (slugs.get(r.body_id) ?? '') : '',
      people: r.people ?? '',
      starts_on: r.starts_on ?? '',
      ends_on: r.ends_on ?? '',
      status: r.status,
      objectives: Array.isArray(objectives) ? objectives.join(';') : '',
    };
  }
  const r = await db.selectFrom('plan_indicators').selectAll().where('id', '=', id).where('plan_id', '=', plan.id).executeTakeFirst();
  return r ? { code: r.code, parent: await parentCode('plan_results', r.result_id), ...titles(r.name), weight: String(r.weight), unit: r.unit, baseline: r.baseline ?? '', target: r.target ?? '', direction: r.direction } : null;
}

/**
 * Adds (`id` null) or changes an item from a form's values. Refused, with nothing changed: any problem the CSV
 * import would report for the same row, a code another item of the plan has, a parent that is not an item of
 * the right kind in this plan.
 */
export async function saveItem(db: Db, actor: CurrentUser, plan: Plan, kind: Kind, id: string | null, values: Record<string, unknown>, env: Pick<CsvEnv, 'bodies' | 'period'>, slugs: Map<string, string>): Promise<Outcome<{ id: string }>> {
  const { row, problems } = checkItem(kind, values, env);
  if (problems.length) return refuse(problems[0]!);
  const before = id ? await itemValues(db, plan, kind, id, slugs) : null;
  if (id && !before) return fail('plans.item.errors.noItem');
  // The code: unique among all the plan's items (the spreadsheet matches rows by it).
  for (const [k, table] of Object.entries(ITEM_TABLES)) {
    const other = await db.selectFrom(table).select('id').where('plan_id', '=', plan.id).where('code', '=', row.code).executeTakeFirst();
    if (other && !(k === kind && other.id === id)) return fail('plans.item.errors.codeTaken', { field: 'code', params: { code: row.code } });
  }
  let parentId = '';
  const parentKind = PARENT_KIND[kind];
  if (parentKind) {
    const parent = await db.selectFrom(ITEM_TABLES[parentKind]).select('id').where('plan_id', '=', plan.id).where('code', '=', row.parent).executeTakeFirst();
    if (!parent) return fail(parentKind === 'axis' ? 'plans.csv.errors.parentAxis' : 'plans.csv.errors.parentResult', { field: 'parent', params: { value: row.parent } });
    parentId = parent.id;
  }
  const itemId = id ?? newId();
  const table = ITEM_TABLES[kind];
  const position = id ? undefined : Number((await db.selectFrom(table).select((eb) => eb.fn.max('position').as('m')).where('plan_id', '=', plan.id).executeTakeFirst())?.m ?? -1) + 1;
  const common = { plan_id: plan.id, code: row.code, weight: row.weight, ...(position !== undefined ? { position } : {}) };
  const title = stringifyTranslated(row.title);
  if (kind === 'axis') {
    const v = { ...common, title };
    if (id) await db.updateTable('plan_axes').set(v).where('id', '=', id).execute();
    else await db.insertInto('plan_axes').values({ id: itemId, position: 0, ...v }).execute();
  } else if (kind === 'result') {
    const v = { ...common, axis_id: parentId, title };
    if (id) await db.updateTable('plan_results').set(v).where('id', '=', id).execute();
    else await db.insertInto('plan_results').values({ id: itemId, position: 0, ...v }).execute();
  } else if (kind === 'activity') {
    const v = { ...common, result_id: parentId, title, body_id: row.bodyId, people: row.people, starts_on: row.startsOn, ends_on: row.endsOn, status: row.status, objectives: JSON.stringify(row.objectives) };
    if (id) await db.updateTable('plan_activities').set(v).where('id', '=', id).execute();
    else await db.insertInto('plan_activities').values({ id: itemId, position: 0, ...v }).execute();
  } else {
    const v = { ...common, result_id: parentId, name: title, unit: row.unit, baseline: row.baseline, target: row.target, direction: row.direction };
    if (id) await db.updateTable('plan_indicators').set(v).where('id', '=', id).execute();
    else await db.insertInto('plan_indicators').values({ id: itemId, position: 0, ...v }).execute();
  }
  await db.updateTable('plans').set({ updated_at: nowIso() }).where('id', '=', plan.id).execute();
  if (before) {
    const after = (await itemValues(db, plan, kind, itemId, slugs))!;
    const changed = Object.keys(after).filter((k) => after[k] !== before[k]);
    if (changed.length) await audit(db, { actorId: actor.id, action: 'plan.itemChanged', subjectType: 'plan', subjectId: plan.id, data: { kind, code: row.code, fields: changed.join(', ') } });
  } else await audit(db, { actorId: actor.id, action: 'plan.itemAdded', subjectType: 'plan', subjectId: plan.id, data: { kind, code: row.code } });
  return ok({ id: itemId });
}

/** Removes an item with what hangs from it (a result's activities and indicators, an indicator's values, links). */
export async function deleteItem(db: Db, actor: CurrentUser, plan: Plan, kind: Kind, id: string): Promise<Outcome> {
  const item = await db.selectFrom(ITEM_TABLES[kind]).select(['id', 'code']).where('id', '=', id).where('plan_id', '=', plan.id).executeTakeFirst();
  if (!item) return fail('plans.item.errors.noItem');
  const results = kind === 'axis' ? (await db.selectFrom('plan_results').select('id').where('axis_id', '=', id).execute()).map((r) => r.id) : kind === 'result' ? [id] : [];
  const activities = results.length ? (await db.selectFrom('plan_activities').select('id').where('result_id', 'in', results).execute()).map((r) => r.id) : kind === 'activity' ? [id] : [];
  const indicators = results.length ? (await db.selectFrom('plan_indicators').select('id').where('result_id', 'in', results).execute()).map((r) => r.id) : kind === 'indicator' ? [id] : [];
  if (activities.length) {
    await db.deleteFrom('plan_activity_links').where('activity_id', 'in', activities).execute();
    await db.deleteFrom('plan_activities').where('id', 'in', activities).execute();
  }
  if (indicators.length) {
    await db.deleteFrom('plan_indicator_values').where('indicator_id', 'in', indicators).execute();
    await db.deleteFrom('plan_indicators').where('id', 'in', indicators).execute();
  }
  if (results.length) await db.deleteFrom('plan_results').where('id', 'in', results).execute();
  if (kind === 'axis') await db.deleteFrom('plan_axes').where('id', '=', id).execute();
  await db.updateTable('plans').set({ updated_at: nowIso() }).where('id', '=', plan.id).execute();
  await audit(db, { actorId: actor.id, action: 'plan.itemRemoved', subjectType: 'plan', subjectId: plan.id, data: { kind, code: item.code, activities: activities.length, indicators: indicators.length } });
  return ok();
}

export type { Kind };
