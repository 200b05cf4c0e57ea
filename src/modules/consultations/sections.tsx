/**
 * @module Consultations on other pages: a body's page lists the consultations it runs — open ones with their
 * closing day, closed ones whose results are public. Drafts stay with their organizers.
 */
import { keptData, sharedSection } from '../../platform/views/fragment.js';
import type { SectionContext } from '../../platform/module.js';
import { pickTranslated } from '../../platform/i18n/translated.js';
import { formatters } from '../../platform/i18n/i18n.js';
import { organizationsOfUser } from '../membership/index.js';
import { bodyMemberOrgIds } from '../bodies/index.js';
import { listConsultations, resultsPublic, answeredBy } from './queries.js';
import { paths } from './paths.js';

/** How many closed consultations a body's page lists (the consultations page has them all). */
const CLOSED_SHOWN = 5;

/** A body's consultations: the same for every reader (drafts are never listed), so made once per language. */
export async function bodyConsultations(ctx: SectionContext, body: { id: string }) {
  return sharedSection(ctx, `consultations.body:${body.id}`, () => bodyConsultationsFor(ctx, body));
}

async function bodyConsultationsFor({ db, locale, t }: SectionContext, body: { id: string }) {
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

/**
 * In a body's members' area: the body's open consultations that the reader's organizations have yet to answer
 * ("your organization has 1 consultation to answer"), each linked to its answer form. Nothing when there is none.
 */
export async function bodyAreaConsultations(ctx: SectionContext, body: { id: string }) {
  const { db, locale, t, user } = ctx;
  if (!user) return null;
  // The body's open consultations are the same for every reader (a clock's opening or closing empties the fragments).
  const open = await keptData(ctx, `consultations.open:${body.id}`, async () => (await listConsultations(db, { bodyId: body.id })).filter((k) => k.status === 'open'));
  if (!open.length) return null;
  const mine = (await organizationsOfUser(db, user.id)).filter((o) => o.status === 'member' && (o.isRepresentative || o.isVoter));
  if (!mine.length) return null;
  const inBody = new Set(await bodyMemberOrgIds(db, body.id));
  const pending: { k: (typeof open)[number]; orgs: string[] }[] = [];
  for (const k of open) {
    const asked = mine.filter((o) => k.audience !== 'body' || inBody.has(o.id));
    const done = await answeredBy(db, k.id, asked.map((o) => o.id));
    const left = asked.filter((o) => !done.has(o.id)).map((o) => o.name);
    if (left.length) pending.push({ k, orgs: left });
  }
  if (!pending.length) return null;
  const fmt = formatters(locale);
  return (
    <section aria-labelledby="area-consultations">
      <h2 id="area-consultations">{t('consultations.area.title', { count: pending.length })}</h2>
      <ul>
        {pending.map(({ k, orgs }) => (
          <li>
            <a href={paths.answer.href(locale, { id: k.id })}>{pickTranslated(k.title, locale)?.text ?? k.id}</a> — {t('consultations.area.for', { orgs: fmt.list(orgs) })}
            {k.closesAt ? <> · {t('consultations.body.open', { date: fmt.date(k.closesAt) })}</> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
