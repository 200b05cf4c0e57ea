/** @module Consultations module: the Mechanism asks its member organizations, counts the answers fairly and publishes them. */
import { consultationLinks } from './links.js';
import { consultationsAudit } from './audit.js';
import { defineModule } from '../../platform/module.js';
import { consultationsReport } from './report.js';
import * as create from './migrations/2026_12_02_1030_consultations_create.js';
import * as releaseDrafts from './migrations/2026_12_02_1500_consultations_release_drafts.js';
import * as linkAudience from './migrations/2026_12_02_1510_consultations_link_audience.js';
import * as originalLang from './migrations/2026_12_02_2200_consultations_original_lang.js';
import { consultationsRoutes } from './routes.js';
import { consultationsApi } from './api.js';
import { paths } from './paths.js';
import { consultationClock } from './jobs.js';
import { demoConsultations } from './seed.js';
import { listConsultations } from './queries.js';
import { bodyConsultations, bodyAreaConsultations } from './sections.js';
import { pickTranslated } from '../../platform/i18n/translated.js';
import es from './messages/es.json' with { type: 'json' };
import en from './messages/en.json' with { type: 'json' };
import pt from './messages/pt.json' with { type: 'json' };
import fr from './messages/fr.json' with { type: 'json' };
import { consultationsUpdates } from './updates.js';

export const consultationsModule = defineModule({
  name: 'consultations',
  linkTargets: [consultationLinks],
  reportSections: [consultationsReport],
  audit: consultationsAudit,
  migrations: {
    '2026_12_02_1030_consultations_create': create,
    '2026_12_02_1500_consultations_release_drafts': releaseDrafts,
    '2026_12_02_1510_consultations_link_audience': linkAudience,
    '2026_12_02_2200_consultations_original_lang': originalLang,
  },
  messages: { es, en, pt, fr },
  routes: consultationsRoutes,
  api: consultationsApi,
  demo: demoConsultations,
  nav: [{ path: paths.list.pattern, label: 'consultations.nav', area: 'main', order: 13 }],
  // The clock opens and closes consultations on time and sends the one reminder, even if nobody visits.
  jobs: [{ name: 'consultations.clock', handler: async (_payload, { deps, now }) => consultationClock(deps, now.toISOString()) }],
  schedules: [{ name: 'consultations.clock', cron: '* * * * *', job: 'consultations.clock' }],
  bodySections: bodyConsultations,
  bodyAreaSections: bodyAreaConsultations,
  // The home page lists the open consultations (the same for everyone: the page cache keeps it).
  homeSections: async ({ db, locale, t }) => {
    const open = (await listConsultations(db)).filter((k) => k.status === 'open');
    if (!open.length) return null;
    return (
      <section>
        <h2>{t('consultations.home.open')}</h2>
        <ul>
          {open.slice(0, 5).map((k) => (
            <li>
              <a href={paths.consultation.href(locale, { id: k.id })}>{pickTranslated(k.title, locale)?.text ?? k.id}</a>
            </li>
          ))}
        </ul>
        <p>
          <a href={paths.list.href(locale)}>{t('consultations.home.all')}</a>
        </p>
      </section>
    );
  },
  updates: consultationsUpdates,
  notifications: [
    { kind: 'consultations.opened', label: 'consultations.notifications.opened' },
    { kind: 'consultations.reminder', label: 'consultations.notifications.reminder' },
    // The confirmation of an answer given through the link: asked for by the person, always sent.
    { kind: 'consultations.confirmAnswer', label: 'consultations.notifications.confirmAnswer', mandatory: true },
  ],
});
