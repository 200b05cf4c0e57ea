/** @module Pages module: home and about pages. */
import { defineModule } from '../../platform/module.js';
import { pagesRoutes } from './routes.js';
import { paths } from './paths.js';
import es from './messages/es.json' with { type: 'json' };
import en from './messages/en.json' with { type: 'json' };
import pt from './messages/pt.json' with { type: 'json' };
import fr from './messages/fr.json' with { type: 'json' };

export const pagesModule = defineModule({
  name: 'pages',
  messages: { es, en, pt, fr },
  routes: pagesRoutes,
  nav: [{ path: paths.about.pattern, label: 'pages.nav', area: 'main', order: 90 }],
});
