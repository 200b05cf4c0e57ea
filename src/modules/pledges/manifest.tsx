/** @module Pledges module: the Mechanism's GCM pledges — written, confirmed, reviewed, published and followed up. */
import { defineModule } from '../../platform/module.js';
import * as create from './migrations/2026_12_02_1700_pledges_create.js';
import * as dashboardIndexes from './migrations/2026_12_02_1730_pledges_dashboard_indexes.js';
import es from './messages/es.json' with { type: 'json' };
import en from './messages/en.json' with { type: 'json' };
import pt from './messages/pt.json' with { type: 'json' };
import fr from './messages/fr.json' with { type: 'json' };
import { dashboardRoutes } from './dashboard-routes.js';
import { bodySections, objectiveSections, organizationSections } from './sections.js';
import { pledgesReport } from './report.js';

export const pledgesModule = defineModule({
  name: 'pledges',
  migrations: { '2026_12_02_1700_pledges_create': create, '2026_12_02_1730_pledges_dashboard_indexes': dashboardIndexes },
  messages: { es, en, pt, fr },
  routes: dashboardRoutes,
  bodySections,
  objectiveSections,
  organizationSections,
  reportSections: [pledgesReport],
});
