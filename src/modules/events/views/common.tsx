/** @module Events views: pieces shared by the module's pages. */
import { TText } from '../../../platform/views/components.js';
import { useView } from '../../../platform/views/context.js';
import { paths } from '../paths.js';
import type { Event } from '../queries.js';

/** A link to an event's page, under its title in the reader's language. */
export function EventLink(props: { e: Pick<Event, 'id' | 'title'> }) {
  const { locale } = useView();
  return (
    <a href={paths.event.href(locale, { id: props.e.id })}>
      <TText value={props.e.title} />
    </a>
  );
}
