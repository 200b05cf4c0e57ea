/** @module Practices on the home page: how many practices are published. */
import type { HomeFigure, SectionContext } from '../../platform/module.js';
import { paths } from './paths.js';

export async function practiceFigures({ db, locale, t }: SectionContext): Promise<HomeFigure[]> {
  const r = await db.selectFrom('practices').select((e) => e.fn.countAll<number>().as('n')).where('status', '=', 'published').executeTakeFirst();
  const n = Number(r?.n ?? 0);
  return [{ value: n, label: t('practices.home.published', { count: n }), href: paths.search.href(locale), order: 30 }];
}
