/** @module Events views: pieces shared by the module's pages. */
import { TText } from '../../../platform/views/components.js';
import { useView } from '../../../platform/views/context.js';
import { offsetMinutes } from '../core/time.js';
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

/**
 * A time in the event's zone and, when the reader's zone differs at that moment, in the reader's too
 * ("18:00 GMT-3 (15:00 GMT-6 your time)").
 */
export function When(props: { at: string; zone: string; reader: string | null }) {
  const { fmt, t } = useView();
  const d = new Date(props.at);
  const own = fmt.dateTimeIn(d, props.zone);
  const differs = props.reader && props.reader !== props.zone && offsetMinutes(d, props.reader) !== offsetMinutes(d, props.zone);
  return (
    <>
      <time datetime={d.toISOString()}>{own}</time>
      {differs ? <span class="muted"> ({t('events.page.yourTime', { time: fmt.dateTimeIn(d, props.reader!) })})</span> : null}
    </>
  );
}
