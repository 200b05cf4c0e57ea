/**
 * @module Plans: the factsheet as real data on the first start (decision 0702) — the Mechanism's 2023 plan with
 * its three strategic axes and expected results as written, and, per Mesa, its 2022–23 actions as activities,
 * done (the factsheet lists them as what each Mesa achieved). Idempotent: nothing is added once any plan exists.
 */
import type { SeedContext } from '../../platform/module.js';
import type { Db } from '../../db/schema.js';
import { newId, nowIso } from '../../db/ids.js';
import { stringifyTranslated, type Translated } from '../../platform/i18n/translated.js';
import { BODIES, STRATEGIC_AXES_2023, EXPECTED_RESULTS_2023 } from '../../platform/reference/data/mechanism.js';
import { getBodyBySlug } from '../bodies/index.js';

const MECHANISM_PLAN: Translated = {
  es: 'Plan 2023 del Mecanismo: ejes estratégicos y resultados esperados',
  en: 'The Mechanism’s 2023 plan: strategic areas and expected results',
  pt: 'Plano 2023 do Mecanismo: eixos estratégicos e resultados esperados',
  fr: 'Plan 2023 du Mécanisme : axes stratégiques et résultats attendus',
};
const BODY_PLAN: Translated = { es: 'Acciones 2022–2023', en: 'Actions 2022–2023', pt: 'Ações 2022–2023', fr: 'Actions 2022-2023' };
const BODY_RESULT: Translated = {
  es: 'Acciones de la Mesa en 2022–2023, según la hoja informativa del Mecanismo',
  en: 'The group’s actions in 2022–2023, as the Mechanism’s factsheet reports them',
  pt: 'Ações da Mesa em 2022–2023, segundo a ficha informativa do Mecanismo',
  fr: 'Actions du groupe en 2022-2023, selon la fiche d’information du Mécanisme',
};

async function insertPlan(db: Db, p: { bodyId: string | null; title: Translated; startsOn: string; endsOn: string; by: string }) {
  const id = newId();
  const now = nowIso();
  await db
    .insertInto('plans')
    .values({ id, body_id: p.bodyId, title: stringifyTranslated(p.title), starts_on: p.startsOn, ends_on: p.endsOn, status: 'approved', activity_share: 50, approved_at: null, approved_by: null, closed_at: null, created_by: p.by, created_at: now, updated_at: now })
    .execute();
  return id;
}

export async function seedPlans({ db, adminId }: SeedContext): Promise<void> {
  if (await db.selectFrom('plans').select('id').limit(1).executeTakeFirst()) return;
  // The Mechanism's 2023 plan: the axes and expected results; the factsheet names no activities or indicators for it.
  const planId = await insertPlan(db, { bodyId: null, title: MECHANISM_PLAN, startsOn: '2023-01-01', endsOn: '2023-12-31', by: adminId });
  for (const [i, a] of STRATEGIC_AXES_2023.entries()) {
    const axisId = newId();
    await db.insertInto('plan_axes').values({ id: axisId, plan_id: planId, code: String(a.n), position: i, title: stringifyTranslated({ ...a.description }), weight: 1 }).execute();
    const group = EXPECTED_RESULTS_2023.find((g) => g.axis === a.n);
    for (const [j, r] of (group?.items ?? []).entries())
      await db.insertInto('plan_results').values({ id: newId(), plan_id: planId, axis_id: axisId, code: `${a.n}.${j + 1}`, position: j, title: stringifyTranslated({ ...r }), weight: 1 }).execute();
  }
  // Each Mesa's actions of 2022–23, done.
  for (const b of BODIES) {
    if (!b.achievements2023.length) continue;
    const body = await getBodyBySlug(db, b.slug);
    if (!body) continue;
    const id = await insertPlan(db, { bodyId: body.id, title: BODY_PLAN, startsOn: '2022-02-01', endsOn: '2023-12-31', by: adminId });
    const axisId = newId();
    await db.insertInto('plan_axes').values({ id: axisId, plan_id: id, code: '1', position: 0, title: stringifyTranslated({ ...b.name }), weight: 1 }).execute();
    const resultId = newId();
    await db.insertInto('plan_results').values({ id: resultId, plan_id: id, axis_id: axisId, code: '1.1', position: 0, title: stringifyTranslated(BODY_RESULT), weight: 1 }).execute();
    for (const [k, a] of b.achievements2023.entries())
      await db
        .insertInto('plan_activities')
        .values({
          id: newId(),
          plan_id: id,
          result_id: resultId,
          code: `1.1.${k + 1}`,
          position: k,
          title: stringifyTranslated({ ...a }),
          body_id: body.id,
          people: null,
          starts_on: null,
          ends_on: null,
          status: 'done',
          // The prioritization of objectives serves the objectives it prioritized.
          objectives: JSON.stringify(a.es.startsWith('Priorización') ? [...b.prioritizedObjectives] : []),
          weight: 1,
        })
        .execute();
  }
}
