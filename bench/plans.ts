/**
 * @module Plans benchmark
 * A body's approved plan (Mesa 3) with 5 strategic areas × 5 expected results, 200 activities and 50 indicators
 * with two reported values each; its page is loaded signed in (the page cache never serves it), its ratio to raw
 * node:http read against the target (≥ 0.10).
 */
import type { BenchModule } from './types.js';
import type { CurrentUser } from '../src/platform/http/env.js';
import { getBodyBySlug } from '../src/modules/bodies/index.js';
import { createPlan, approvePlan, reportValue } from '../src/modules/plans/commands/plans.js';
import { applyPlanCsv } from '../src/modules/plans/commands/import.js';
import { getPlan } from '../src/modules/plans/queries.js';
import type { CsvRow } from '../src/modules/plans/csv.js';
import { paths } from '../src/modules/plans/paths.js';
import { ACTIVITY_STATUSES } from '../src/modules/plans/tables.js';

let planId = '';

export const bench: BenchModule = {
  name: 'plans',
  async generate(deps, { scale, log }) {
    const body = await getBodyBySlug(deps.db, 'mt3');
    if (!body) throw new Error('plans bench: the seeded body mt3 is missing');
    const admin = (await deps.db.selectFrom('users').select(['id', 'name', 'email', 'role', 'locale']).where('role', '=', 'admin').executeTakeFirstOrThrow()) as unknown as CurrentUser;
    const nActs = Math.max(10, Math.round(200 * scale));
    const nInds = Math.max(5, Math.round(50 * scale));
    const base = { weight: 1, bodyId: body.id, people: 'Equipo de la Mesa', startsOn: '2026-02-01', endsOn: '2026-11-30', objectives: [16, 19], links: [], unit: 'number' as const, baseline: null, target: null, direction: 'rise' as const, status: 'planned' as const };
    const rows: CsvRow[] = [];
    let line = 2;
    const results: string[] = [];
    for (let a = 1; a <= 5; a++) {
      rows.push({ ...base, line: line++, kind: 'axis', code: `${a}`, parent: '', title: { es: `Eje estratégico ${a}`, en: `Strategic area ${a}` }, bodyId: null, people: null, startsOn: null, endsOn: null, objectives: [] });
      for (let r = 1; r <= 5; r++) {
        rows.push({ ...base, line: line++, kind: 'result', code: `${a}.${r}`, parent: `${a}`, title: { es: `Resultado esperado ${a}.${r}` }, bodyId: null, people: null, startsOn: null, endsOn: null, objectives: [] });
        results.push(`${a}.${r}`);
      }
    }
    for (let i = 0; i < nActs; i++)
      rows.push({ ...base, line: line++, kind: 'activity', code: `A${i + 1}`, parent: results[i % results.length]!, title: { es: `Actividad ${i + 1}: taller, seminario o documento de la Mesa` }, status: ACTIVITY_STATUSES[i % 5]! });
    for (let i = 0; i < nInds; i++)
      rows.push({ ...base, line: line++, kind: 'indicator', code: `I${i + 1}`, parent: results[i % results.length]!, title: { es: `Indicador ${i + 1}` }, bodyId: null, people: null, startsOn: null, endsOn: null, objectives: [], baseline: '0', target: String(10 + i), direction: 'rise' });
    planId = await deps.db.transaction().execute(async (trx) => {
      const created = await createPlan(trx, admin, { bodyId: body.id, title: { es: 'Plan operativo 2026 (benchmark)' }, startsOn: '2026-01-01', endsOn: '2026-12-31', activityShare: 50 });
      if (!created.ok) throw new Error('plans bench: cannot create the plan');
      const p = (await getPlan(trx, created.id))!;
      const applied = await applyPlanCsv(trx, admin, p, rows);
      if (!applied.ok) throw new Error('plans bench: cannot import the plan');
      await approvePlan(trx, admin, p);
      const inds = await trx.selectFrom('plan_indicators').select('id').where('plan_id', '=', p.id).execute();
      for (const [k, ind] of inds.entries())
        for (const [period, day] of [['2026-S1', '2026-06-30'], ['2026-S2', '2026-11-30']] as const) await reportValue(trx, admin, p, ind.id, { period, value: String(k + (period === '2026-S1' ? 2 : 5)), measuredOn: day, source: 'Informe de la Mesa' });
      return p.id;
    });
    log(`plans: a plan of mt3 with ${nActs} activities and ${nInds} indicators`);
  },
  async pages(deps) {
    if (!planId) planId = (await deps.db.selectFrom('plans').select('id').where('title', 'like', '%benchmark%').executeTakeFirstOrThrow()).id;
    return [{ label: 'plan page (200 activities, 50 indicators), signed in', path: paths.plan.href('es', { id: planId }), as: 'member' }];
  },
};
