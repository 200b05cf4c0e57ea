/**
 * @module GCM reference pages
 * The 23 objectives, each with its own page where modules add what they know about it (organizations,
 * practices, bodies), and the 10 guiding principles. Public and cached; markup in views.tsx.
 */
import { Hono } from 'hono';
import type { AppEnv } from '../http/env.js';
import { paths } from '../paths.js';
import { listObjectives, getObjective, listPrinciples } from './queries.js';
import { ObjectivesPage, ObjectivePage, PrinciplesPage } from './views.js';

export const referenceRoutes = new Hono<AppEnv>({ strict: false });

referenceRoutes.get(paths.objectives.pattern, async (c) => {
  const t = c.get('t');
  const objectives = await listObjectives(c.get('deps').db, c.get('locale'));
  c.set('cacheable', true);
  return c.render(<ObjectivesPage objectives={objectives} />, { title: t('reference.objectives.title'), description: t('reference.objectives.lead') });
});

referenceRoutes.get(paths.objective.pattern, async (c) => {
  const t = c.get('t');
  const l = c.get('locale');
  const { db, dialect, modules } = c.get('deps');
  const n = Number(c.req.param('n'));
  const o = await getObjective(db, l, n);
  if (!o) return c.notFound();
  const sections = (await Promise.all(modules.filter((m) => m.objectiveSections).map((m) => m.objectiveSections!({ db, dialect, locale: l, t }, { n })))).filter(Boolean);
  c.set('cacheable', true);
  return c.render(<ObjectivePage objective={o} sections={sections} />, {
    title: `${o.n}. ${o.short}`,
    description: o.title,
    crumbs: [[t('reference.objectives.title'), paths.objectives.href(l)]],
  });
});

referenceRoutes.get(paths.principles.pattern, async (c) => {
  const t = c.get('t');
  const l = c.get('locale');
  const principles = await listPrinciples(c.get('deps').db, l);
  c.set('cacheable', true);
  return c.render(<PrinciplesPage principles={principles} />, { title: t('reference.principles.title'), crumbs: [[t('reference.objectives.title'), paths.objectives.href(l)]] });
});
