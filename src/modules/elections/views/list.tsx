/** @module Elections views: the list of elections (all, or one body's), open ones first. */
import { Table, EmptyState, TText } from '../../../platform/views/components.js';
import { useView } from '../../../platform/views/context.js';
import { When } from '../../../platform/views/when.js';
import type { BodyRow } from '../../bodies/index.js';
import { paths } from '../paths.js';
import type { Election } from '../queries.js';
import { ElectionLink } from './common.js';

export function ElectionsListPage(props: { title: string; body?: BodyRow; open: Election[]; past: Election[]; bodies: Map<string, BodyRow> }) {
  const { t, locale } = useView();
  const rows = (list: Election[]) =>
    list.map((e) => [
      <ElectionLink e={e} />,
      <TText value={props.bodies.get(e.bodyId)?.shortName} />,
      e.positions.map((p) => t(`bodies.positions.names.${p}`)).join(', '),
      t(`elections.status.${e.status}`),
      e.votingClosesAt || e.closedAt ? <When at={(e.votingClosesAt ?? e.closedAt)!} zone={e.timeZone} /> : '—',
    ]);
  const head = [t('elections.list.election'), t('elections.list.body'), t('elections.list.positions'), t('elections.list.status'), t('elections.list.closes')];
  return (
    <>
      <h1>{props.title}</h1>
      <p class="lead">{t('elections.list.lead')}</p>
      <p>
        <a href={paths.security.href(locale)}>{t('elections.security.link')}</a>
        {props.body ? (
          <>
            {' · '}
            <a href={paths.list.href(locale)}>{t('elections.list.all')}</a>
          </>
        ) : null}
      </p>
      <h2>{t('elections.list.open')}</h2>
      {props.open.length ? <Table caption={t('elections.list.open')} captionHidden head={head} rows={rows(props.open)} /> : <EmptyState>{t('elections.list.noOpen')}</EmptyState>}
      <h2>{t('elections.list.past')}</h2>
      {props.past.length ? <Table caption={t('elections.list.past')} captionHidden head={head} rows={rows(props.past)} /> : <EmptyState>{t('elections.list.noPast')}</EmptyState>}
    </>
  );
}
