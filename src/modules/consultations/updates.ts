/**
 * @module Consultations: what the digest and "since your last visit" list — consultations opened, and open ones
 * closing in the span ahead (a look-ahead kind: digests only). Open and closed consultations are public.
 */
import type { UpdateKind, UpdateContext } from '../../platform/module.js';
import { pickTranslated } from '../../platform/i18n/translated.js';
import { paths } from './paths.js';

const DAY = 86_400_000;
/** The span ahead of a look-ahead kind: as long as the period, at most a month. */
export const ahead = (ctx: UpdateContext) =>
  new Date(new Date(ctx.until).getTime() + Math.min(31 * DAY, Math.max(0, new Date(ctx.until).getTime() - new Date(ctx.since).getTime()))).toISOString();

const opened = (ctx: UpdateContext) => ctx.db.selectFrom('consultations').where('status', '<>', 'draft').where('opened_at', '>=', ctx.since).where('opened_at', '<', ctx.until);
const closing = (ctx: UpdateContext) => ctx.db.selectFrom('consultations').where('status', '=', 'open').where('closes_at', '>=', ctx.until).where('closes_at', '<', ahead(ctx));

const href = (ctx: UpdateContext & { baseUrl: string }, id: string) => (ctx.baseUrl ? paths.consultation.url(ctx.baseUrl, ctx.locale, { id }) : paths.consultation.href(ctx.locale, { id }));
const date = (iso: string, locale: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC', timeZoneName: 'short' }).format(new Date(iso));

export const consultationsUpdates: UpdateKind[] = [
  {
    kind: 'consultations.new',
    label: 'consultations.updates.opened',
    order: 40,
    href: (l) => paths.list.href(l),
    items: async (ctx) => {
      const rows = await opened(ctx).select(['id', 'title', 'opened_at', 'closes_at']).orderBy('opened_at', 'desc').orderBy('id').limit(ctx.limit).execute();
      return rows.map((r) => ({
        title: pickTranslated(r.title, ctx.locale)?.text ?? '',
        href: href(ctx, r.id),
        at: r.opened_at!,
        note: r.closes_at ? ctx.t('consultations.updates.closes', { when: date(r.closes_at, ctx.locale) }) : undefined,
      }));
    },
    count: async (ctx) => Number((await opened(ctx).select((eb) => eb.fn.countAll().as('n')).executeTakeFirst())?.n ?? 0),
  },
  {
    kind: 'consultations.closingSoon',
    label: 'consultations.updates.closingSoon',
    order: 41,
    cadences: ['daily', 'weekly'],
    href: (l) => paths.list.href(l),
    items: async (ctx) => {
      const rows = await closing(ctx).select(['id', 'title', 'closes_at']).orderBy('closes_at').orderBy('id').limit(ctx.limit).execute();
      return rows.map((r) => ({
        title: pickTranslated(r.title, ctx.locale)?.text ?? '',
        href: href(ctx, r.id),
        at: r.closes_at!,
        note: ctx.t('consultations.updates.closes', { when: date(r.closes_at!, ctx.locale) }),
      }));
    },
    count: async (ctx) => Number((await closing(ctx).select((eb) => eb.fn.countAll().as('n')).executeTakeFirst())?.n ?? 0),
  },
];
