/** @module Plans' activities as link targets ('plans.activity'): only activities of plans the reader may see resolve. */
import type { LinkTarget } from '../../platform/module.js';
import { pickTranslated } from '../../platform/i18n/translated.js';
import { listPlans, searchActivities } from './queries.js';
import { plansPolicy } from './policy.js';
import { planFacts } from './facts.js';
import { paths } from './paths.js';

async function visiblePlanIds(ctx: Parameters<LinkTarget['resolve']>[0]) {
  const f = await planFacts(ctx.db, ctx.user?.id);
  return (await listPlans(ctx.db)).filter((p) => plansPolicy.can(ctx.user ?? null, 'view', { p, f })).map((p) => p.id);
}

export const activityLinks: LinkTarget = {
  type: 'plans.activity',
  label: 'plans.kinds.activity',
  resolve: async (ctx, ids) => {
    const plans = new Set(await visiblePlanIds(ctx));
    const ok = ids.filter((id) => /^[0-9a-z]{16}$/.test(id));
    if (!ok.length) return new Map();
    const rows = await ctx.db.selectFrom('plan_activities').select(['id', 'plan_id', 'code', 'title']).where('id', 'in', ok).execute();
    return new Map(rows.filter((r) => plans.has(r.plan_id)).map((r) => [r.id, { title: `${r.code}. ${pickTranslated(r.title, ctx.locale)?.text ?? ''}`, href: paths.plan.href(ctx.locale, { id: r.plan_id }) }]));
  },
  search: async (ctx, q, limit) =>
    (await searchActivities(ctx.db, await visiblePlanIds(ctx), q.trim(), limit)).map((r) => ({ id: r.id, title: `${r.code}. ${pickTranslated(r.title, ctx.locale)?.text ?? ''}` })),
};
