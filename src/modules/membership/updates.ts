/** @module Membership: what the digest and "since your last visit" list — organizations admitted as members (the public directory). */
import type { UpdateKind, UpdateContext } from '../../platform/module.js';
import { paths } from './paths.js';

const admitted = (ctx: UpdateContext) =>
  ctx.db.selectFrom('organizations').where('status', '=', 'member').where('admitted_at', '>=', ctx.since).where('admitted_at', '<', ctx.until);

export const membershipUpdates: UpdateKind[] = [
  {
    kind: 'membership.joined',
    label: 'membership.updates.joined',
    order: 10,
    href: (l) => paths.members.href(l),
    items: async (ctx) => {
      const rows = await admitted(ctx).select(['slug', 'name', 'country', 'admitted_at']).orderBy('admitted_at', 'desc').orderBy('slug').limit(ctx.limit).execute();
      const countries = rows.length
        ? new Map(
            (
              await ctx.db
                .selectFrom('countries')
                .select(['alpha2', 'name_es', 'name_en', 'name_pt', 'name_fr'])
                .where('alpha2', 'in', [...new Set(rows.map((r) => r.country))])
                .execute()
            ).map((c) => [c.alpha2, c[`name_${ctx.locale}`]]),
          )
        : new Map<string, string>();
      return rows.map((r) => ({
        title: r.name,
        href: ctx.baseUrl ? paths.member.url(ctx.baseUrl, ctx.locale, { slug: r.slug }) : paths.member.href(ctx.locale, { slug: r.slug }),
        at: r.admitted_at!,
        note: countries.get(r.country),
      }));
    },
    count: async (ctx) => Number((await admitted(ctx).select((eb) => eb.fn.countAll().as('n')).executeTakeFirst())?.n ?? 0),
  },
];
