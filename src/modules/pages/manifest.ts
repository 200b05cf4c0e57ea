/** @module Pages module: the home and about pages, and the trust pages (privacy, terms, contact) administrators edit. */
import { defineModule } from '../../platform/module.js';
import { pagesRoutes } from './routes.js';
import { paths } from './paths.js';
import { seedSitePages } from './site-pages.js';
import * as sitePages from './migrations/2026_12_02_1100_pages_site_pages.js';
import './tables.js';
import es from './messages/es.json' with { type: 'json' };
import en from './messages/en.json' with { type: 'json' };
import pt from './messages/pt.json' with { type: 'json' };
import fr from './messages/fr.json' with { type: 'json' };

export const pagesModule = defineModule({
  name: 'pages',
  messages: { es, en, pt, fr },
  routes: pagesRoutes,
  migrations: { '2026_12_02_1100_pages_site_pages': sitePages },
  seed: ({ db }) => seedSitePages(db),
  nav: [
    { path: paths.about.pattern, label: 'pages.nav', area: 'main', order: 90 },
    { path: paths.adminSitePages.pattern, label: 'pages.site.adminTitle', area: 'admin', order: 80 },
  ],
  audit: {
    prefix: 'pages.',
    params: (data, t) => (typeof data.page === 'string' ? { page: t(`pages.site.${data.page}`) } : {}),
  },
});
