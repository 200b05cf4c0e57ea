/**
 * @module Reports module: "Hojas informativas" — reports for the Mechanism, a body or a GCM objective over a
 * period, written by every module's report sections from live data, as a web page and a PDF, and published as
 * frozen editions readable in the four languages.
 */
import { defineModule } from '../../platform/module.js';
import { formatters } from '../../platform/i18n/i18n.js';
import * as create from './migrations/2026_12_02_1400_reports_create.js';
import { reportsRoutes } from './routes.js';
import { reportsApi } from './api.js';
import { reportsAudit } from './audit.js';
import { listEditions } from './queries.js';
import { reportTitle, periodLabel } from './generate.js';
import { paths } from './paths.js';
import es from './messages/es.json' with { type: 'json' };
import en from './messages/en.json' with { type: 'json' };
import pt from './messages/pt.json' with { type: 'json' };
import fr from './messages/fr.json' with { type: 'json' };

export const reportsModule = defineModule({
  name: 'reports',
  audit: reportsAudit,
  migrations: { '2026_12_02_1400_reports_create': create },
  messages: { es, en, pt, fr },
  routes: reportsRoutes,
  api: reportsApi,
  nav: [{ path: paths.list.pattern, label: 'reports.nav', area: 'main', order: 40 }],
  // The latest published report: its title, period and day, the page and the PDF in the reader's language.
  homeSections: async ({ db, locale, t }) => {
    const [e] = await listEditions(db, { limit: 1 });
    if (!e) return null;
    const fmt = formatters(locale);
    const title = reportTitle(e, locale, t).title;
    return (
      <section aria-labelledby="home-report-h">
        <h2 id="home-report-h">{t('reports.home.title')}</h2>
        <p>
          <a href={paths.edition.href(locale, { id: e.id })}>{title}</a> — {periodLabel(e.scope, fmt, t)} · {t('reports.home.published', { date: fmt.date(e.editionDate) })}
        </p>
        <p>
          <a href={paths.pdf.href(locale, { id: e.id })}>{t('reports.home.pdf', { title })}</a> · <a href={paths.list.href(locale)}>{t('reports.home.all')}</a>
        </p>
      </section>
    );
  },
});
