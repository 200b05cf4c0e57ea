/** @module Elections views: pieces shared by the module's pages. */
import { TText } from '../../../platform/views/components.js';
import { useView } from '../../../platform/views/context.js';
import { paths } from '../paths.js';
import type { Election } from '../queries.js';

/** A link to an election's page (or its voting page), under its title in the reader's language. */
export function ElectionLink(props: { e: Pick<Election, 'id' | 'title'>; to?: 'vote' }) {
  const { locale } = useView();
  const href = props.to === 'vote' ? paths.vote.href(locale, { id: props.e.id }) : paths.election.href(locale, { id: props.e.id });
  return (
    <a href={href}>
      <TText value={props.e.title} />
    </a>
  );
}

