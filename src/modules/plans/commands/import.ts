/**
 * @module Plans: the spreadsheet applied to a plan, all or nothing. Items are matched by their code: a code
 * already in the plan is updated in place (an indicator keeps its reported values), a new code is added, and
 * a code no longer in the file is removed with what hangs from it. One history entry counts what changed.
 */
import type { Db } from '../../../db/schema.js';
import { newId } from '../../../db/ids.js';
import { nowIso } from '../../../db/ids.js';
import type { CurrentUser } from '../../../platform/http/env.js';
import { audit } from '../../../platform/audit/audit.js';
import { ok, fail, type Outcome } from '../../../platform/outcome.js';
import { stringifyTranslated } from '../../../platform/i18n/translated.js';
import type { CsvRow } from '../csv.js';
import type { Plan } from '../queries.js';

export interface ImportCounts {
  added: number;
  changed: number;
  removed: number;
}

/** Applies checked rows (readPlanCsv without problems) to the plan. */
export async function applyPlanCsv(db: Db, actor: CurrentUser, plan: Plan, rows: CsvRow[]): Promise<Outcome<ImportCounts>> {
  if (!rows.length) return fail('plans.csv.errors.empty');
  const counts: ImportCounts = { added: 0, changed: 0, removed: 0 };
  const tables = { axis: 'plan_axes', result: 'plan_results', activity: 'plan_activities', indicator: 'plan_indicators' } as const;
  const existing = {} as Record<keyof typeof tables, Map<string, string>>;
  for (const [kind, table] of Object.entries(tables) as [keyof typeof tables, (typeof tables)[keyof typeof tables]][])
    existing[kind] = new Map((await db.selectFrom(table).select(['id', 'code']).where('plan_id', '=', plan.id).execute()).map((r) => [r.code, r.id]));
  const ids = new Map<string, string>();
  const inFile = { axis: new Set<string>(), result: new Set<string>(), activity: new Set<string>(), indicator: new Set<string>() };
  const order: CsvRow['kind'][] = ['axis', 'result', 'activity', 'indicator'];
  for (const kind of order) {
    let position = 0;
    for (const r of rows.filter((x) => x.kind === kind)) {
      inFile[kind].add(r.code);
      const old = existing[kind].get(r.code);
      const id = old ?? newId();
      ids.set(r.code, id);
      const common = { plan_id: plan.id, code: r.code, position: position++, weight: r.weight };
      const parent = ids.get(r.parent) ?? '';
      if (kind === 'axis') {
        const v = { ...common, title: stringifyTranslated(r.title) };
        if (old) await db.updateTable('plan_axes').set(v).where('id', '=', id).execute();
        else await db.insertInto('plan_axes').values({ id, ...v }).execute();
      } else if (kind === 'result') {
        const v = { ...common, axis_id: parent, title: stringifyTranslated(r.title) };
        if (old) await db.updateTable('plan_results').set(v).where('id', '=', id).execute();
        else await db.insertInto('plan_results').values({ id, ...v }).execute();
      } else if (kind === 'activity') {
        const v = {
          ...common,
          result_id: parent,
          title: stringifyTranslated(r.title),
          body_id: r.bodyId,
          people: r.people,
          starts_on: r.startsOn,
          ends_on: r.endsOn,
          status: r.status,
          objectives: JSON.stringify(r.objectives),
        };
        if (old) await db.updateTable('plan_activities').set(v).where('id', '=', id).execute();
        else await db.insertInto('plan_activities').values({ id, ...v }).execute();
        await db.deleteFrom('plan_activity_links').where('activity_id', '=', id).execute();
        if (r.links.length) await db.insertInto('plan_activity_links').values(r.links.map((l) => ({ activity_id: id, type: l.type, target_id: l.id }))).execute();
      } else {
        const v = { ...common, result_id: parent, name: stringifyTranslated(r.title), unit: r.unit, baseline: r.baseline, target: r.target, direction: r.direction };
        if (old) await db.updateTable('plan_indicators').set(v).where('id', '=', id).execute();
        else await db.insertInto('plan_indicators').values({ id, ...v }).execute();
      }
      if (old) counts.changed++;
      else counts.added++;
    }
  }
  // What the file no longer has, children first.
  for (const kind of [...order].reverse()) {
    const gone = [...existing[kind]].filter(([code]) => !inFile[kind].has(code)).map(([, id]) => id);
    if (!gone.length) continue;
    counts.removed += gone.length;
    if (kind === 'activity') await db.deleteFrom('plan_activity_links').where('activity_id', 'in', gone).execute();
    if (kind === 'indicator') await db.deleteFrom('plan_indicator_values').where('indicator_id', 'in', gone).execute();
    await db.deleteFrom(tables[kind]).where('id', 'in', gone).execute();
  }
  await db.updateTable('plans').set({ updated_at: nowIso() }).where('id', '=', plan.id).execute();
  await audit(db, { actorId: actor.id, action: 'plan.imported', subjectType: 'plan', subjectId: plan.id, data: { ...counts } });
  return ok(counts);
}
