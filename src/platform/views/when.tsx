/**
 * @module When
 * An instant stated on the clocks of its own zone (an event's, an election's deadlines'), with that zone's
 * name, and, when the reader's zone shows another time at that moment, the reader's time beside it.
 */
import { useView } from './context.js';
import { offsetMinutes, zoneLabel } from '../i18n/zones.js';

/**
 * "10 Mar 2027, 18:00 CST (America/Mexico City) (21:00 GMT-3 in your time zone)". `reader` is the reader's
 * zone, or null to show only the own zone; by default the platform's (`c.get('timeZone')`) for someone signed
 * in and none for others (their pages are shared, and their zone is only the Mechanism's).
 */
export function When(props: { at: string; zone: string; reader?: string | null }) {
  const { fmt, t, c } = useView();
  const reader = props.reader !== undefined ? props.reader : c.get('user') ? c.get('timeZone') : null;
  const d = new Date(props.at);
  const own = fmt.dateTimeIn(d, props.zone);
  const differs = reader && reader !== props.zone && offsetMinutes(d, reader) !== offsetMinutes(d, props.zone);
  return (
    <>
      <time datetime={d.toISOString()}>{own}</time>
      {props.zone !== 'UTC' ? <span class="zone"> ({zoneLabel(props.zone)})</span> : null}
      {differs ? <span class="muted"> ({t('content.yourTime', { time: fmt.dateTimeIn(d, reader!) })})</span> : null}
    </>
  );
}
