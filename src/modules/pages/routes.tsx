/** @module Pages: the home page (what the Mechanism is, its bodies, what is new) and the about page. Public and cached. */
import { Hono } from 'hono';
import type { AppEnv } from '../../platform/http/env.js';
import { MECHANISM } from '../../platform/reference/data/mechanism.js';
import { listBodies } from '../bodies/index.js';
import { paths, membershipPaths } from './paths.js';
import { HomePage } from './views/home.js';
import { AboutPage } from './views/about.js';

export const pagesRoutes = new Hono<AppEnv>({ strict: false });

pagesRoutes.get(paths.home.pattern, async (c) => {
  const t = c.get('t');
  const l = c.get('locale');
  const { db, dialect, modules } = c.get('deps');
  const bodies = (await listBodies(db)).filter((b) => !b.parentId);
  const ctx = { db, dialect, locale: l, t };
  const sections = (await Promise.all(modules.filter((m) => m.homeSections).map((m) => m.homeSections!(ctx, {})))).filter(Boolean);
  // Live figures, counted now: the page never claims a number the directory contradicts.
  const figures = (await Promise.all(modules.filter((m) => m.homeFigures).map((m) => m.homeFigures!(ctx)))).flat().sort((a, b) => a.order - b.order);
  // The membership module's application form, when it is installed (its nav declares the path).
  const join = modules.some((m) => m.name === 'membership') ? membershipPaths.join.href(l) : undefined;
  c.set('cacheable', true);
  return c.render(<HomePage bodies={bodies} sections={sections} figures={figures} join={join} />, { title: t('nav.home'), description: t('pages.home.lead') });
});

pagesRoutes.get(paths.about.pattern, async (c) => {
  const t = c.get('t');
  c.set('cacheable', true);
  return c.render(<AboutPage />, { title: t('pages.about.title'), description: MECHANISM.about[c.get('locale')] });
});
