/**
 * @module Events views: the list of events, upcoming or past (one at a time, a page of 20), with the filters, the
 * list and the page in the URL: every link (the other list, the pages) keeps the filters; works without JavaScript.
 */
import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import { Form, Button, Table, TableRow, EmptyState } from '../../../platform/views/components.js';
import { useView } from '../../../platform/views/context.js';
import { paths } from '../paths.js';
import type { Event } from '../queries.js';
import { EventLink } from './common.js';
import { When } from '../../../platform/views/when.js';

/**
 * One event's row of the list: the same for every reader of a language and a zone ("your time"), whoever may see
 * the event — the route keeps it as HTML (a page-cache fragment) and decides per request which rows a reader gets.
 */
export function EventRow(props: { e: Event; bodyName: Map<string, string>; reader: string | null }) {
  const { t } = useView();
  const e = props.e;
  return (
    <TableRow
      cells={[
        <>
          <EventLink e={e} />
          {e.status === 'cancelled' ? <strong> ({t('events.status.cancelled')})</strong> : null}
        </>,
        t(`events.kinds.${e.kind}`),
        <When at={e.startsAt} zone={e.timeZone} reader={props.reader} />,
        e.bodyIds.map((b) => props.bodyName.get(b) ?? '').filter(Boolean).join(', ') || '—',
        t(`events.formats.${e.format}`),
      ]}
    />
  );
}

/** What the list's page fills in for each request (a kept template's slots: routes.tsx). */
export const LIST_SLOTS = ['selects', 'other', 'total', 'rows', 'pagination'] as const;
export type ListSlot = (typeof LIST_SLOTS)[number];

/**
 * The list's page, the same for every reader of a language but for its slots: the filter form's selects
 * (platform/views/kept-select.tsx), the address of the other list (upcoming or past) with the same filters (escaped,
 * an attribute's value), the count, the page's rows (`EventRow`s; the table is left out when `found` is false, the
 * empty state shown) and the page links.
 */
export function EventsListPage(props: { slot: Record<ListSlot, Child>; when: 'upcoming' | 'past'; found: boolean; canCreate: boolean; filtered: boolean }) {
  const { t, locale: l } = useView();
  const { slot } = props;
  const head = [t('events.list.event'), t('events.fields.kind'), t('events.list.when'), t('events.fields.bodies'), t('events.fields.format')];
  return (
    <>
      <h1>{t('events.list.title')}</h1>
      <p class="lead">{t('events.list.lead')}</p>
      <p class="actions">
        {props.canCreate ? (
          <a class="button" href={paths.create.href(l)}>
            {t('events.list.create')}
          </a>
        ) : null}
        <a href={paths.feed.href(l)}>{t('events.list.feed')}</a>
      </p>
      <Form action={paths.list.href(l)} method="get" class="filters">
        {slot.selects}
        {props.when === 'past' ? <input type="hidden" name="when" value="past" /> : null}
        <div class="actions">
          <Button variant="secondary">{t('form.filter')}</Button>
          {props.filtered ? <a href={props.when === 'past' ? paths.list.href(l, {}, { when: 'past' }) : paths.list.href(l)}>{t('form.clear')}</a> : null}
        </div>
      </Form>
      <nav aria-label={t('events.list.which')}>
        <ul class="pagination">
          {(['upcoming', 'past'] as const).map((w) => (
            <li>{w === props.when ? <span aria-current="page">{t(`events.list.${w}`)}</span> : <a href={String(slot.other)}>{t(`events.list.${w}`)}</a>}</li>
          ))}
        </ul>
      </nav>
      <h2>{t(`events.list.${props.when}`)}</h2>
      {props.found ? (
        <>
          <p class="muted">{slot.total}</p>
          <Table caption={t(`events.list.${props.when}`)} captionHidden head={head} rows={[raw(String(slot.rows))]} />
          {slot.pagination}
        </>
      ) : (
        <EmptyState>{t(props.when === 'past' ? 'events.list.noPast' : 'events.list.noUpcoming')}</EmptyState>
      )}
    </>
  );
}
