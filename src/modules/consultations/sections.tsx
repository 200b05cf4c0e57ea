/**
 * @module Consultations on other pages: a body's page lists the consultations it runs — open ones with their
 * closing day, closed ones whose results are public. Drafts stay with their organizers.
 */
import type { SectionContext } from '../../platform/module.js';
import { pickTranslated } from '../../platform/i18n/translated.js';
import { formatters } from '../../platform/i18n/i18n.js';
import { listConsultations, resultsPublic } from './queries.js';
import { paths } from './paths.js';

/** How many closed consultations a body's page lists (the consultations page has them all). */
const CLOSED_SHOWN = 5;

export async function bodyConsultations({ db, locale, t }: SectionContext, body: { id: string }) {
  const all = await listConsultations(db, { bodyId: body.id });
  const open = all.filter((k) => k.status === 'open');
  const closed = all.filter((k) => k.status === 'closed' && resultsPublic(k)).slice(0, CLOSED_SHOWN);
  if (!open.length && !closed.length) return null;
  const fmt = formatters(locale);
  const title = (k: { title: string; id: string }) => pickTranslated(k.title, locale)?.text ?? k.id;
  return (
    <section aria-labelledby="body-consultations">
      <h2 id="body-consultations">{t('consultations.body.title')}</h2>
      <ul>
        {open.map((k) => (
          <li>
            <a href={paths.consultation.href(locale, { id: k.id })}>{title(k)}</a> — {k.closesAt ? t('consultations.body.open', { date: fmt.date(k.closesAt) }) : t('consultations.body.openNoDate')}
          </li>
        ))}
        {closed.map((k) => (
          <li>
            <a href={paths.results.href(locale, { id: k.id })}>{title(k)}</a> — {t('consultations.body.closed', { date: fmt.date(k.closedAt ?? k.createdAt) })}
          </li>
        ))}
      </ul>
    </section>
  );
}
