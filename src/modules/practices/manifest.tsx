/** @module Practices module: good practices documented by members, reviewed, searchable and ready for the UN Network Hub. */
import { defineModule } from '../../platform/module.js';
import * as create from './migrations/2026_11_28_1300_practices_create.js';
import { practicesRoutes } from './routes.js';
import { practicesApi } from './api.js';
import { demoPractices } from './demo.js';
import { MAX_BYTES } from './commands/attachments.js';
import { latestPublished } from './queries.js';
import { listObjectives } from '../../platform/reference/queries.js';
import { TText } from '../../platform/views/components.js';
import es from './messages/es.json' with { type: 'json' };
import en from './messages/en.json' with { type: 'json' };
import pt from './messages/pt.json' with { type: 'json' };
import fr from './messages/fr.json' with { type: 'json' };
import type { Practice } from './queries.js';
import type { Locale } from '../../platform/i18n/locales.js';

function List(props: { items: Practice[]; locale: Locale }) {
  return (
    <ul>
      {props.items.map((p) => (
        <li>
          <a href={`/${props.locale}/practices/${p.id}`}>
            <TText value={p.texts.title} />
          </a>
        </li>
      ))}
    </ul>
  );
}

export const practicesModule = defineModule({
  name: 'practices',
  migrations: { '2026_11_28_1300_practices_create': create },
  messages: { es, en, pt, fr },
  routes: practicesRoutes,
  api: practicesApi,
  demo: demoPractices,
  // The file plus the form around it (multipart headers, the CSRF token).
  uploadLimits: [{ path: '/practices/:id{[0-9a-z]{16}}/attachments', maxBytes: MAX_BYTES + 64 * 1024 }],
  nav: [
    { path: '/practices', label: 'practices.nav.main', area: 'main', order: 30 },
    { path: '/practices/mine', label: 'practices.nav.mine', area: 'account', order: 30 },
    { path: '/practices/review', label: 'practices.nav.review', area: 'admin', order: 30 },
  ],
  objectiveSections: async ({ db, locale, t }, { n }) => {
    const { total, items } = await latestPublished(db, 5, n);
    const o = (await listObjectives(db, locale)).find((x) => x.n === n);
    return (
      <section>
        <h2>{t('practices.onObjective')}</h2>
        {items.length ? <List items={items} locale={locale} /> : <p class="muted">{t('practices.noneOnObjective')}</p>}
        {total ? (
          <p>
            <a href={`/${locale}/practices?gcm_objectives=${o?.hubId ?? ''}`}>{t('practices.seeAllOnObjective', { count: total })}</a>
          </p>
        ) : null}
      </section>
    );
  },
  homeSections: async ({ db, locale, t }) => {
    const { items } = await latestPublished(db, 5);
    if (!items.length) return null;
    return (
      <section>
        <h2>{t('practices.latest')}</h2>
        <List items={items} locale={locale} />
        <p>
          <a href={`/${locale}/practices`}>{t('practices.seeAll')}</a>
        </p>
      </section>
    );
  },
});
