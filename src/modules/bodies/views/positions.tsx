/** @module Bodies views: a body's position holders (current, then history), on the public page and the members' area. */
import { useView } from '../../../platform/views/context.js';
import { Table, EmptyState } from '../../../platform/views/components.js';
import type { PositionHolding } from '../queries.js';
import { } from '../paths.js';
import { paths as electionsPaths } from '../../elections/paths.js';

/** Current position holders, then the history of past holders. */
export function PositionsTables(props: { holdings: PositionHolding[]; orgNames: Map<string, string> }) {
  const { t, locale, fmt } = useView();
  const current = props.holdings.filter((h) => h.current);
  const past = props.holdings.filter((h) => !h.current);
  const term = (h: PositionHolding) => (h.endsOn ? t('bodies.positions.term', { from: fmt.date(h.startsOn), to: fmt.date(h.endsOn) }) : t('bodies.positions.since', { from: fmt.date(h.startsOn) }));
  const origin = (h: PositionHolding) =>
    h.source === 'election' && h.electionId ? <a href={electionsPaths.election.href(locale, { id: h.electionId })}>{t('bodies.positions.elected')}</a> : t('bodies.positions.appointed');
  const row = (h: PositionHolding) => [t(`bodies.positions.names.${h.position}`), h.holderName, props.orgNames.get(h.orgId) ?? '—', term(h), origin(h)];
  const head = [t('bodies.positions.position'), t('bodies.positions.person'), t('bodies.positions.org'), t('bodies.positions.termLabel'), t('bodies.positions.source')];
  return (
    <>
      <h2 id="positions">{t('bodies.positions.title')}</h2>
      {current.length ? <Table caption={t('bodies.positions.current')} head={head} rows={current.map(row)} /> : <EmptyState>{t('bodies.positions.none')}</EmptyState>}
      {past.length ? (
        <>
          <h3>{t('bodies.positions.history')}</h3>
          <Table caption={t('bodies.positions.history')} captionHidden head={head} rows={past.map(row)} />
        </>
      ) : null}
    </>
  );
}
