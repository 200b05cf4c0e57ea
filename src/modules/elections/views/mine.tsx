/** @module Elections views: the reader's elections — where they can vote now, and nominations awaiting their answer. */
import { EmptyState, TText } from '../../../platform/views/components.js';
import { useView } from '../../../platform/views/context.js';
import { paths } from '../paths.js';
import type { Election } from '../queries.js';
import { ElectionLink } from './common.js';

export function MyElectionsPage(props: { canVote: Election[]; pending: { id: string; position: string; election_id: string; title: string }[] }) {
  const { t, locale } = useView();
  return (
    <>
      <h1>{t('elections.mine.title')}</h1>
      <h2>{t('elections.mine.vote')}</h2>
      {props.canVote.length ? (
        <ul>
          {props.canVote.map((e) => (
            <li>
              <ElectionLink e={e} to="vote" />
            </li>
          ))}
        </ul>
      ) : (
        <EmptyState>{t('elections.mine.noVote')}</EmptyState>
      )}
      <h2>{t('elections.mine.nominations')}</h2>
      {props.pending.length ? (
        <ul>
          {props.pending.map((p) => (
            <li>
              <a href={paths.candidacy.href(locale, { id: p.election_id, cid: p.id })}>
                {t(`bodies.positions.names.${p.position}`)}: <TText value={p.title} />
              </a>
            </li>
          ))}
        </ul>
      ) : (
        <EmptyState>{t('elections.mine.noNominations')}</EmptyState>
      )}
    </>
  );
}
