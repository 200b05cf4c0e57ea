import { electionFigures, electionsSection } from './home.js';
/** @module Elections module: secret-ballot elections of a body's secretary and delegates, verifiable by anyone. */
import { electionsAudit } from './audit.js';
import { defineModule } from '../../platform/module.js';
import { electionsReport } from './report.js';
import * as create from './migrations/2026_11_28_1500_elections_create.js';
import * as publishVoters from './migrations/2026_12_02_0700_elections_publish_voters.js';
import * as timeZone from './migrations/2026_12_02_1600_elections_time_zone.js';
import { electionsRoutes } from './routes.js';
import { electionsApi } from './api.js';
import { demoElections } from './seed.js';
import { paths } from './paths.js';
import { electionClock, finishClose } from './jobs.js';
import es from './messages/es.json' with { type: 'json' };
import en from './messages/en.json' with { type: 'json' };
import pt from './messages/pt.json' with { type: 'json' };
import fr from './messages/fr.json' with { type: 'json' };

export const electionsModule = defineModule({
  name: 'elections',
  reportSections: [electionsReport],
  migrations: { '2026_11_28_1500_elections_create': create, '2026_12_02_0700_elections_publish_voters': publishVoters, '2026_12_02_1600_elections_time_zone': timeZone },
  messages: { es, en, pt, fr },
  routes: electionsRoutes,
  api: electionsApi,
  demo: demoElections,
  nav: [
    { path: paths.list.pattern, label: 'elections.nav', area: 'main', order: 12 },
    { path: paths.mine.pattern, label: 'elections.navMine', area: 'account', order: 20 },
  ],
  // The clock opens and closes elections on time even if nobody visits; a close's heavy work (tally, roll
  // rewrite, vacuum) runs as its own job, once, whichever instance takes it.
  jobs: [
    {
      name: 'elections.clock',
      handler: async (_payload, { deps, now }) =>
        electionClock(deps, (id) => deps.jobs.enqueue('elections.finishClose', { electionId: id }, { uniqueKey: `elections.finishClose:${id}` }), now.toISOString()),
    },
    {
      name: 'elections.finishClose',
      handler: async (payload: { electionId: string }, { deps, now }) => {
        await finishClose(deps, payload.electionId, now.toISOString());
      },
    },
  ],
  schedules: [{ name: 'elections.clock', cron: '* * * * *', job: 'elections.clock' }],
  audit: electionsAudit,
  homeFigures: electionFigures,
  homeSections: electionsSection,
  notifications: [
    { kind: 'elections.called', label: 'elections.notifications.called' },
    { kind: 'elections.opened', label: 'elections.notifications.opened' },
    { kind: 'elections.closed', label: 'elections.notifications.closed' },
    { kind: 'elections.failed', label: 'elections.notifications.failed' },
    { kind: 'elections.certified', label: 'elections.notifications.certified' },
    { kind: 'elections.nominated', label: 'elections.notifications.nominated' },
    // Sent only when the voter asks for it, to themself: not something to switch off.
    { kind: 'elections.receipt', label: 'elections.notifications.receipt', mandatory: true },
  ],
});
