/** @module Plans module: work plans (the Mechanism's and each body's) — axes, expected results, activities, indicators and their progress. */
import { sharedSection } from '../../platform/views/fragment.js';
import { defineModule, type SectionContext } from '../../platform/module.js';
import { formatters } from '../../platform/i18n/i18n.js';
import * as create from './migrations/2026_12_02_1400_plans_create.js';
import { plansRoutes } from './routes.js';
import { plansApi } from './api.js';
import { plansAudit } from './audit.js';
import { activityLinks } from './links.js';
import { plansReport } from './report.js';
import { seedPlans } from './seed.js';
import { currentPlan, planTree } from './queries.js';
import { paths } from './paths.js';
import { PlanSummary } from './views/progress.js';
import es from './messages/es.json' with { type: 'json' };
import en from './messages/en.json' with { type: 'json' };
import pt from './messages/pt.json' with { type: 'json' };
import fr from './messages/fr.json' with { type: 'json' };
import { todayIso } from '../../db/ids.js';

/**
 * A plan in force (else the latest) of a body, or of the Mechanism (`bodyId` null), by axis and result: the same for
 * every reader, made once per language while no write happens (the page cache's fragments).
 */
const planSection = (ctx: SectionContext, key: string, bodyId: string | null, o: { id: string; title: string; now: boolean }) =>
  sharedSection(ctx, key, async () => {
    const { db, locale, t } = ctx;
    const plan = await currentPlan(db, bodyId, todayIso());
    if (!plan) return null;
    const tree = await planTree(db, plan, { links: false });
    return (
      <section aria-labelledby={o.id}>
        <h2 id={o.id}>{t(o.title)}</h2>
        <PlanSummary tree={tree} locale={locale} t={t} fmt={formatters(locale)} heading="h3" now={o.now} />
      </section>
    );
  });

export const plansModule = defineModule({
  name: 'plans',
  audit: plansAudit,
  migrations: { '2026_12_02_1400_plans_create': create },
  messages: { es, en, pt, fr },
  routes: plansRoutes,
  api: plansApi,
  seed: seedPlans,
  nav: [{ path: paths.list.pattern, label: 'plans.nav', area: 'main', order: 60 }],
  linkTargets: [activityLinks],
  reportSections: [plansReport],
  // What the body is doing now and how far it is: its plan in force (else its latest), by axis and result.
  bodySections: async (ctx, { id }) => planSection(ctx, `plans.body:${id}`, id, { id: 'body-plan', title: 'plans.section.body', now: true }),
  // The Mechanism's plan in force (else its latest) on the about page, in place of the static axes.
  aboutSections: async (ctx) => planSection(ctx, 'plans.about', null, { id: 'about-plan', title: 'plans.section.about', now: false }),
});
