/** @module Events views: my events (registered, waitlisted, waiting for approval) and my secret calendar address. */
import { Form, Button, Table, EmptyState } from '../../../platform/views/components.js';
import { useView } from '../../../platform/views/context.js';
import { paths } from '../paths.js';
import type { Event } from '../queries.js';
import { EventLink } from './common.js';
import { When } from '../../../platform/views/when.js';

export function MyEventsPage(props: { items: { event: Event; status: string }[]; feedUrl: string | null; reader: string | null }) {
  const { t, locale: l } = useView();
  return (
    <>
      <h1>{t('events.mine.title')}</h1>
      {props.items.length ? (
        <Table
          caption={t('events.mine.title')}
          captionHidden
          head={[t('events.list.event'), t('events.list.when'), t('events.registrations.status')]}
          rows={props.items.map(({ event: e, status }) => [<EventLink e={e} />, <When at={e.startsAt} zone={e.timeZone} reader={props.reader} />, t(`events.registrationStatus.${status}`)])}
        />
      ) : (
        <EmptyState>{t('events.mine.none')}</EmptyState>
      )}
      <h2>{t('events.mine.calendar')}</h2>
      <p>{t('events.mine.calendarLead')}</p>
      {props.feedUrl ? (
        <p>
          <code>{props.feedUrl}</code>
        </p>
      ) : null}
      <Form action={paths.mineFeed.href(l)}>
        <Button variant="secondary">{t(props.feedUrl ? 'events.mine.renew' : 'events.mine.create')}</Button>
      </Form>
    </>
  );
}
