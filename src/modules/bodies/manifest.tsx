import { bodiesPersonalData, bodiesForgetPerson } from './personal-data.js';
/** @module Bodies module: the Mesas de Trabajo, sub-mesas, Mesa de Vinculación and Mesa Técnica. */
import { bodiesAudit } from './audit.js';
import { defineModule } from '../../platform/module.js';
import * as create from './migrations/2026_11_28_1100_bodies_create.js';
import * as membersPositions from './migrations/2026_11_28_1400_bodies_members_positions.js';
import { bodiesRoutes } from './routes.js';
import { bodiesApi } from './api.js';
import { seedBodies, demoBodies } from './seed.js';
import { bodiesForObjective } from './queries.js';
import { JOIN_REQUESTED, JOIN_APPROVED, JOIN_DECLINED, REMOVED } from './commands/members.js';
import { paths } from './paths.js';
import { BodiesOnObjective } from './views/list.js';
import { bodyGroups } from './organization-groups.js';
import es from './messages/es.json' with { type: 'json' };
import en from './messages/en.json' with { type: 'json' };
import pt from './messages/pt.json' with { type: 'json' };
import fr from './messages/fr.json' with { type: 'json' };

export const bodiesModule = defineModule({
  name: 'bodies',
  migrations: { '2026_11_28_1100_bodies_create': create, '2026_11_28_1400_bodies_members_positions': membersPositions },
  messages: { es, en, pt, fr },
  routes: bodiesRoutes,
  api: bodiesApi,
  seed: seedBodies,
  demo: demoBodies,
  nav: [{ path: paths.list.pattern, label: 'bodies.nav', area: 'main', order: 10 }],
  audit: bodiesAudit,
  personalData: bodiesPersonalData,
  forgetPerson: bodiesForgetPerson,
  notifications: [
    { kind: JOIN_REQUESTED, label: 'bodies.notifications.joinRequested' },
    { kind: JOIN_APPROVED, label: 'bodies.notifications.joinApproved' },
    { kind: JOIN_DECLINED, label: 'bodies.notifications.joinDeclined' },
    { kind: REMOVED, label: 'bodies.notifications.removed' },
  ],
  organizationGroups: bodyGroups,
  objectiveSections: async ({ db, t }, { n }) => {
    const bodies = await bodiesForObjective(db, n);
    if (!bodies.length) return null;
    return <BodiesOnObjective bodies={bodies} title={t('bodies.onObjective')} />;
  },
});
