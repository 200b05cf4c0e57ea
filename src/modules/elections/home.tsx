/** @module Elections on the home page: how many elections are under way, and which. */
import type { HomeFigure, SectionContext } from '../../platform/module.js';
import { formatters } from '../../platform/i18n/i18n.js';
import { listElections, titleOf } from './queries.js';
import { paths } from './paths.js';

/** Elections taking nominations or votes now. */
const UNDER_WAY = ['nomination', 'voting'] as const;

export async function electionFigures({ db, locale, t }: SectionContext): Promise<HomeFigure[]> {
  const n = (await listElections(db, { statuses: [...UNDER_WAY] })).length;
  return [{ value: n, label: t('elections.home.underWay', { count: n }), href: paths.list.href(locale), order: 40 }];
}

/** The elections under way, each with what stage it is at. */
export async function electionsSection({ db, locale, t }: SectionContext) {
  const list = (await listElections(db, { statuses: [...UNDER_WAY] })).slice(0, 5);
  if (!list.length) return null;
  const fmt = formatters(locale);
  return (
    <section>
      <h3>{t('elections.home.title')}</h3>
      <ul>
        {list.map((e) => (
          <li>
            <a href={paths.election.href(locale, { id: e.id })}>{titleOf(e, locale)}</a>{' '}
            <span class="muted small">· {t(`elections.home.stage.${e.status}`, { date: fmt.dateTimeIn(e.status === 'voting' ? e.votingClosesAt : e.nominationsCloseAt, e.timeZone) })}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
