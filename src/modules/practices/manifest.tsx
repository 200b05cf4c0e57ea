/** @module Practices module: good practices documented by members, reviewed, searchable and ready for the UN Network Hub. */
import { practiceLinks } from './links.js';
import { practiceFigures } from './home.js';
import { practicesAudit } from './audit.js';
import { defineModule } from '../../platform/module.js';
import { practicesReport } from './report.js';
import * as create from './migrations/2026_11_28_1300_practices_create.js';
import * as eventsToAudit from './migrations/2026_12_02_0600_practices_events_to_audit.js';
import * as searchPerLanguage from './migrations/2026_12_02_1500_practices_search_per_language.js';
import * as postings from './migrations/2026_12_02_2200_practices_postings.js';
import { practicesRoutes } from './routes.js';
import { practicesApi } from './api.js';
import { demoPractices } from './demo.js';
import { MAX_BYTES } from './commands/attachments.js';
import { latestPublished } from './queries.js';
import { engine as searchEngine } from './search.js';
import { listObjectives } from '../../platform/reference/queries.js';
import { TitleList } from './views/parts.js';
import { paths } from './paths.js';
import { KINDS, AWAITING_REVIEW } from './commands/notify.js';
import es from './messages/es.json' with { type: 'json' };
import en from './messages/en.json' with { type: 'json' };
import pt from './messages/pt.json' with { type: 'json' };
import fr from './messages/fr.json' with { type: 'json' };
import { practicesUpdates } from './updates.js';

export const practicesModule = defineModule({
  name: 'practices',
  linkTargets: [practiceLinks],
  reportSections: [practicesReport],
  migrations: { '2026_11_28_1300_practices_create': create, '2026_12_02_0600_practices_events_to_audit': eventsToAudit, '2026_12_02_1500_practices_search_per_language': searchPerLanguage, '2026_12_02_2200_practices_postings': postings },
  messages: { es, en, pt, fr },
  routes: practicesRoutes,
  api: practicesApi,
  demo: demoPractices,
  // The file plus the form around it (multipart headers, the CSRF token).
  uploadLimits: [{ path: '/practices/:id{[0-9a-z]{16}}/attachments', maxBytes: MAX_BYTES + 64 * 1024 }],
  nav: [
    { path: paths.search.pattern, label: 'practices.nav.main', area: 'main', order: 30 },
    { path: paths.mine.pattern, label: 'practices.nav.mine', area: 'account', order: 30 },
    { path: paths.review.pattern, label: 'practices.nav.review', area: 'admin', order: 30 },
  ],
  audit: practicesAudit,
  updates: practicesUpdates,
  warm: ({ db, log }) => searchEngine.keepWarm(db, (err) => log.warn({ err }, 'practices: the search warm-up stopped; words are asked as readers search')),
  notifications: [
    { kind: KINDS.submit, label: 'practices.notifications.submitted' },
    { kind: KINDS.start_review, label: 'practices.notifications.inReview' },
    { kind: KINDS.request_changes, label: 'practices.notifications.returned' },
    { kind: KINDS.approve, label: 'practices.notifications.published' },
    { kind: KINDS.unpublish, label: 'practices.notifications.unpublished' },
    { kind: KINDS.comment, label: 'practices.notifications.commented' },
    { kind: AWAITING_REVIEW, label: 'practices.notifications.awaitingReview' },
  ],
  objectiveSections: async ({ db, locale, t }, { n }) => {
    const { total, items } = await latestPublished(db, 5, n);
    const o = (await listObjectives(db, locale)).find((x) => x.n === n);
    return (
      <section>
        <h2>{t('practices.onObjective')}</h2>
        {items.length ? <TitleList items={items} locale={locale} /> : <p class="muted">{t('practices.noneOnObjective')}</p>}
        {total ? (
          <p>
            <a href={paths.search.href(locale, {}, { gcm_objectives: o?.hubId })}>{t('practices.seeAllOnObjective', { count: total })}</a>
          </p>
        ) : null}
      </section>
    );
  },
  homeFigures: practiceFigures,
  homeSections: async ({ db, locale, t }) => {
    const { items } = await latestPublished(db, 5);
    if (!items.length) return null;
    return (
      <section>
        <h3>{t('practices.latest')}</h3>
        <TitleList items={items} locale={locale} />
        <p>
          <a href={paths.search.href(locale)}>{t('practices.seeAll')}</a>
        </p>
      </section>
    );
  },
});
