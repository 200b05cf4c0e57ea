/** @module Practices: what the digest and "since your last visit" list — practices published (public to everyone). */
import type { UpdateKind, UpdateContext } from '../../platform/module.js';
import { pickTranslated } from '../../platform/i18n/translated.js';
import { paths } from './paths.js';

const published = (ctx: UpdateContext) =>
  ctx.db.selectFrom('practices').where('status', '=', 'published').where('published_at', '>=', ctx.since).where('published_at', '<', ctx.until);

export const practicesUpdates: UpdateKind[] = [
  {
    kind: 'practices.new',
    label: 'practices.updates.published',
    order: 20,
    href: (l) => paths.search.href(l),
    items: async (ctx) => {
      const rows = await published(ctx).select(['id', 'title', 'published_at']).orderBy('published_at', 'desc').orderBy('id').limit(ctx.limit).execute();
      return rows.map((r) => ({
        title: pickTranslated(r.title, ctx.locale)?.text ?? '',
        href: ctx.baseUrl ? paths.practice.url(ctx.baseUrl, ctx.locale, { id: r.id }) : paths.practice.href(ctx.locale, { id: r.id }),
        at: r.published_at!,
      }));
    },
    count: async (ctx) => Number((await published(ctx).select((eb) => eb.fn.countAll().as('n')).executeTakeFirst())?.n ?? 0),
  },
];
