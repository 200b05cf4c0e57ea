/** @module Membership on the home page: how many member organizations, in how many countries, and the newest members. */
import type { HomeFigure, SectionContext } from '../../platform/module.js';
import { countryNames } from '../../platform/reference/queries.js';
import { paths } from './paths.js';

/** Member organizations in good standing, and the countries they are registered in — counted now. */
export async function membershipFigures({ db, locale, t }: SectionContext): Promise<HomeFigure[]> {
  const r = await db
    .selectFrom('organizations')
    .select((e) => [e.fn.countAll<number>().as('n'), e.fn.count<number>('country').distinct().as('countries')])
    .where('status', '=', 'member')
    .executeTakeFirst();
  const n = Number(r?.n ?? 0);
  const countries = Number(r?.countries ?? 0);
  return [
    { value: n, label: t('membership.home.members', { count: n }), href: paths.members.href(locale), order: 10 },
    { value: countries, label: t('membership.home.countries', { count: countries }), href: paths.coverage.href(locale), order: 20 },
  ];
}

/** The organizations that became members most recently (none: nothing to show). */
export async function newMembersSection({ db, locale, t }: SectionContext) {
  const rows = await db
    .selectFrom('organizations')
    .select(['id', 'name', 'country', 'status_changed_at'])
    .where('status', '=', 'member')
    .orderBy('status_changed_at', 'desc')
    .orderBy('id')
    .limit(5)
    .execute();
  if (!rows.length) return null;
  const names = await countryNames(db, locale);
  return (
    <section>
      <h3>{t('membership.home.newMembers')}</h3>
      <ul>
        {rows.map((o) => (
          <li>
            <a href={paths.org.href(locale, { id: o.id })}>{o.name}</a> <span class="muted small">· {names.get(o.country) ?? o.country}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
