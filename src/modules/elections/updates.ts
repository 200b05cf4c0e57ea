/** @module Elections: what the digest and "since your last visit" list — elections called (their pages are public). */
import type { UpdateKind, UpdateContext } from '../../platform/module.js';
import { pickTranslated } from '../../platform/i18n/translated.js';
import { paths } from './paths.js';

const called = (ctx: UpdateContext) =>
  ctx.db.selectFrom('elections').where('status', '<>', 'cancelled').where('created_at', '>=', ctx.since).where('created_at', '<', ctx.until);

export const electionsUpdates: UpdateKind[] = [
  {
    kind: 'elections.announced',
    label: 'elections.updates.announced',
    order: 60,
    href: (l) => paths.list.href(l),
    items: async (ctx) => {
      const rows = await called(ctx).select(['id', 'title', 'created_at', 'voting_opens_at', 'time_zone']).orderBy('created_at', 'desc').orderBy('id').limit(ctx.limit).execute();
      return rows.map((r) => ({
        title: pickTranslated(r.title, ctx.locale)?.text ?? '',
        href: ctx.baseUrl ? paths.election.url(ctx.baseUrl, ctx.locale, { id: r.id }) : paths.election.href(ctx.locale, { id: r.id }),
        at: r.created_at,
        note: r.voting_opens_at ? ctx.t('elections.updates.votingOpens', { when: when(r.voting_opens_at, ctx.locale, r.time_zone) }) : undefined,
      }));
    },
    count: async (ctx) => Number((await called(ctx).select((eb) => eb.fn.countAll().as('n')).executeTakeFirst())?.n ?? 0),
  },
];

function when(iso: string, locale: string, zone: string): string {
  try {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: zone, timeZoneName: 'short' }).format(new Date(iso));
  } catch {
    return iso;
  }
}
