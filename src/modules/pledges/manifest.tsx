/** @module Pledges module: the Mechanism's GCM pledges — written, confirmed, reviewed, published and followed up. */
import { defineModule } from '../../platform/module.js';
import { pickTranslated } from '../../platform/i18n/translated.js';
import * as create from './migrations/2026_12_02_1700_pledges_create.js';
import * as reminded from './migrations/2026_12_02_1710_pledges_reminded.js';
import * as dashboardIndexes from './migrations/2026_12_02_1730_pledges_dashboard_indexes.js';
import * as catalogVersion from './migrations/2026_12_02_2200_pledges_catalog_version.js';
import { bodySections, objectiveSections, organizationSections } from './sections.js';
import { pledgesReport } from './report.js';
import { pledgesRoutes, UPLOAD_LIMIT } from './routes.js';
import { pledgesApi } from './api.js';
import { pledgesAudit } from './audit.js';
import { demoPledges } from './seed.js';
import { remindDuePledges } from './jobs.js';
import { pledgesByIds, searchPublished } from './queries.js';
import { personalData } from './personal-data.js';
import { paths } from './paths.js';
import { pledgeCatalog } from './catalog.js';
import es from './messages/es.json' with { type: 'json' };
import en from './messages/en.json' with { type: 'json' };
import pt from './messages/pt.json' with { type: 'json' };
import fr from './messages/fr.json' with { type: 'json' };

export const pledgesModule = defineModule({
  name: 'pledges',
  migrations: { '2026_12_02_1700_pledges_create': create, '2026_12_02_1710_pledges_reminded': reminded, '2026_12_02_1730_pledges_dashboard_indexes': dashboardIndexes, '2026_12_02_2200_pledges_catalog_version': catalogVersion },
  messages: { es, en, pt, fr },
  routes: pledgesRoutes,
  api: pledgesApi,
  // The dashboard's figures on a body's, an objective's and an organization's page, and in the reports.
  bodySections,
  objectiveSections,
  organizationSections,
  reportSections: [pledgesReport],
  audit: pledgesAudit,
  demo: demoPledges,
  nav: [
    { path: paths.list.pattern, label: 'pledges.nav', area: 'main', order: 14 },
    { path: paths.mine.pattern, label: 'pledges.mine.nav', area: 'account', order: 14 },
  ],
  uploadLimits: [
    { path: paths.create.pattern, maxBytes: UPLOAD_LIMIT },
    { path: paths.edit.pattern, maxBytes: UPLOAD_LIMIT },
  ],
  // Every day: the pledging organizations of each published pledge whose progress update is due are reminded once.
  jobs: [{ name: 'pledges.remind', handler: async (_payload, { deps, now }) => void (await remindDuePledges(deps, now.toISOString())) }],
  schedules: [{ name: 'pledges.remind', cron: '0 7 * * *', job: 'pledges.remind' }],
  // The catalog of the published pledges (the list's and the dashboard's figures) built at start, not by the first reader.
  warm: ({ db, log }) =>
    pledgeCatalog(db).then(
      () => undefined,
      (err) => log.warn({ err }, 'pledges: the catalog could not be built at start; the first reader builds it'),
    ),
  notifications: [
    { kind: 'pledges.confirm', label: 'pledges.notifications.confirm' },
    { kind: 'pledges.submitted', label: 'pledges.notifications.submitted' },
    { kind: 'pledges.reviewed', label: 'pledges.notifications.reviewed' },
    { kind: 'pledges.reminder', label: 'pledges.notifications.reminder' },
  ],
  // Other modules (plans, consultations, reports…) may link to a published pledge.
  linkTargets: [
    {
      type: 'pledges.pledge',
      label: 'pledges.linkTarget',
      resolve: async ({ db, locale }, ids) => {
        const found = (await pledgesByIds(db, ids)).filter((p) => p.state === 'published' || p.state === 'withdrawn');
        return new Map(found.map((p) => [p.id, { title: `${p.ref} · ${pickTranslated(p.title, locale)?.text ?? ''}`, href: paths.pledge.href(locale, { id: p.id }) }]));
      },
      search: async ({ db, locale }, q, limit) => (await searchPublished(db, q, limit)).map((p) => ({ id: p.id, title: `${p.ref} · ${pickTranslated(p.title, locale)?.text ?? ''}` })),
    },
  ],
  updates: [
    {
      kind: 'pledges.published',
      label: 'pledges.updates.published',
      order: 40,
      items: async ({ db, locale, since, until, baseUrl, limit }) => {
        const rows = await db.selectFrom('pledges').select(['id', 'ref', 'title', 'published_at']).where('state', '=', 'published').where('published_at', '>=', since).where('published_at', '<', until).orderBy('published_at', 'desc').limit(limit).execute();
        return rows.map((p) => ({ title: `${p.ref} · ${pickTranslated(p.title, locale)?.text ?? ''}`, href: baseUrl ? paths.pledge.url(baseUrl, locale, { id: p.id }) : paths.pledge.href(locale, { id: p.id }), at: p.published_at! }));
      },
      count: async ({ db, since, until }) => {
        const r = await db.selectFrom('pledges').select((e) => e.fn.countAll<number>().as('n')).where('state', '=', 'published').where('published_at', '>=', since).where('published_at', '<', until).executeTakeFirst();
        return Number(r?.n ?? 0);
      },
    },
  ],
  personalData,
});
