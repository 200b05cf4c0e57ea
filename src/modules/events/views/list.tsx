/**
 * @module Events views: the list of events, upcoming or past (one at a time, a page of 20), with the filters, the
 * list and the page in the URL: every link (the other list, the pages) keeps the filters; works without JavaScript.
 */
import { raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import { Form, Button, Table, TableRow, EmptyState, Pagination } from '../../../platform/views/components.js';
import { useView } from '../../../platform/views/context.js';
import { paths } from '../paths.js';
import type { Event, Paged } from '../queries.js';
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

export function EventsListPage(props: {
  /** The page's rows as HTML (`EventRow`'s). */
  list: Paged<HtmlEscapedString>;
  when: 'upcoming' | 'past';
  /** The filters in force (for the links to the other list and to the pages). */
  params: URLSearchParams;
  /** The filter form's selects as HTML (platform/views/kept-select.tsx: the same markup as SelectField's). */
  selects: string;
  canCreate: boolean;
  filtered: boolean;
}) {
  const { t, locale: l } = useView();
  const pageParams = new URLSearchParams(props.params);
  if (props.when === 'past') pageParams.set('when', 'past');
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
        {raw(props.selects)}
        {props.when === 'past' ? <input type="hidden" name="when" value="past" /> : null}
        <div class="actions">
          <Button variant="secondary">{t('form.filter')}</Button>
          {props.filtered ? <a href={props.when === 'past' ? paths.list.href(l, {}, { when: 'past' }) : paths.list.href(l)}>{t('form.clear')}</a> : null}
        </div>
      </Form>
      <nav aria-label={t('events.list.which')}>
        <ul class="pagination">
          {(['upcoming', 'past'] as const).map((w) => {
            const q = new URLSearchParams(props.params);
            if (w === 'past') q.set('when', 'past');
            const s = q.toString();
            return <li>{w === props.when ? <span aria-current="page">{t(`events.list.${w}`)}</span> : <a href={s ? `${paths.list.href(l)}?${s}` : paths.list.href(l)}>{t(`events.list.${w}`)}</a>}</li>;
          })}
        </ul>
      </nav>
      <h2>{t(`events.list.${props.when}`)}</h2>
      {props.list.total ? (
        <>
          <p class="muted">{t('events.list.total', { count: props.list.total })}</p>
          <Table caption={t(`events.list.${props.when}`)} captionHidden head={head} rows={props.list.items} />
          <Pagination page={props.list.page} pages={props.list.pages} baseUrl={paths.list.href(l)} params={pageParams} />
        </>
      ) : (
        <EmptyState>{t(props.when === 'past' ? 'events.list.noPast' : 'events.list.noUpcoming')}</EmptyState>
      )}
    </>
  );
}
