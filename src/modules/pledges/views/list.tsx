/** @module Pledges views: the public list with its filters, and a person's pledges (and the review queue). */
import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import { Form, Button, Table, EmptyState, type Option } from '../../../platform/views/components.js';
import { FilterPanel, type FilterField } from '../../../platform/views/filters.js';
import { useView } from '../../../platform/views/context.js';
import type { OrgSummary } from '../../membership/index.js';
import type { Pledge } from '../queries.js';
import { paths } from '../paths.js';
import { OrgNames, PledgeLink } from './parts.js';

export interface FilterOptions {
  objective: Option[];
  principle: Option[];
  kind: Option[];
  form: Option[];
  status: Option[];
  country: Option[];
  body: Option[];
  org: Option[];
  year: Option[];
}

/** The list's filter fields, in the form's order, with their labels (shared by the page and its route). */
export const filterFields = (t: (key: string) => string, opts: FilterOptions): FilterField[] => (Object.keys(opts) as (keyof FilterOptions)[]).map((name) => ({ name, label: t(`pledges.filters.${name}`), options: opts[name] }));

/** What the list's page fills in for each request (a kept template's slots: routes.tsx). */
export const LIST_SLOTS = ['dashboard', 'toggle', 'active', 'selects', 'count', 'rows', 'pagination'] as const;
export type ListSlot = (typeof LIST_SLOTS)[number];

/**
 * The public list of pledges, the same for every reader of a language but for its slots: the dashboard's address with
 * the same filters (escaped, an attribute's value), the filter disclosure's summary and the filters in force
 * (platform/views/filters.tsx), the filter form's fields (platform/views/kept-select.tsx), the count, the page's table
 * rows (list-rows.tsx; the table is left out when `found` is false, the empty state shown) and the page links.
 */
export function PledgeListPage(props: { slot: Record<ListSlot, Child>; found: boolean; canCreate: boolean; signedIn: boolean }) {
  const { t, locale } = useView();
  const { slot } = props;
  return (
    <>
      <h1>{t('pledges.list.title')}</h1>
      <p class="lead">{t('pledges.list.lead')}</p>
      {props.canCreate ? (
        <p>
          <a class="button" href={paths.create.href(locale)}>
            {t('pledges.list.create')}
          </a>
        </p>
      ) : null}
      {props.signedIn ? (
        <p>
          <a href={paths.mine.href(locale)}>{t('pledges.mine.title')}</a>
        </p>
      ) : null}
      <p>
        <a href={String(slot.dashboard)}>{t('pledges.dashboard.seeDashboard')}</a>
      </p>
      <FilterPanel slots={{ toggle: slot.toggle, active: slot.active }}>
        <Form action={paths.list.href(locale)} method="get">
          {slot.selects}
          <Button>{t('pledges.filters.apply')}</Button>
        </Form>
      </FilterPanel>
      <p role="status">{slot.count}</p>
      {props.found ? (
        <Table
          caption={t('pledges.list.title')}
          captionHidden
          head={[t('pledges.list.pledge'), t('pledges.list.orgs'), t('pledges.fields.kind'), t('pledges.fields.status'), t('pledges.list.published')]}
          rows={[raw(String(slot.rows))]}
        />
      ) : (
        <EmptyState>{t('pledges.list.none')}</EmptyState>
      )}
      {slot.pagination}
      <p>
        <a href={paths.exportCsv.href(locale)}>{t('pledges.list.csv')}</a>
      </p>
    </>
  );
}

export function MinePage(props: { mine: Pledge[]; queue: Pledge[] | null; orgs: Map<string, OrgSummary>; canCreate: boolean }) {
  const { t, locale, fmt } = useView();
  const head = [t('pledges.list.pledge'), t('pledges.list.orgs'), t('pledges.fields.state'), t('pledges.list.updated')];
  const rows = (list: Pledge[]) => list.map((p) => [<PledgeLink p={p} />, <OrgNames p={p} orgs={props.orgs} confirmations />, t(`pledges.states.${p.state}`) + (p.state !== 'submitted' && p.submittedAt ? ` · ${t('pledges.page.awaitingConfirmation')}` : ''), fmt.date(p.updatedAt.slice(0, 10))]);
  return (
    <>
      <h1>{t('pledges.mine.title')}</h1>
      {props.canCreate ? (
        <p>
          <a class="button" href={paths.create.href(locale)}>
            {t('pledges.list.create')}
          </a>
        </p>
      ) : null}
      {props.queue ? (
        <>
          <h2>{t('pledges.mine.queue')}</h2>
          {props.queue.length ? <Table caption={t('pledges.mine.queue')} captionHidden head={head} rows={rows(props.queue)} /> : <EmptyState>{t('pledges.mine.queueEmpty')}</EmptyState>}
        </>
      ) : null}
      <h2>{t('pledges.mine.ours')}</h2>
      {props.mine.length ? <Table caption={t('pledges.mine.ours')} captionHidden head={head} rows={rows(props.mine)} /> : <EmptyState>{t('pledges.mine.none')}</EmptyState>}
    </>
  );
}
