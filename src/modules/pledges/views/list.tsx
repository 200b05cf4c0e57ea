/** @module Pledges views: the public list with its filters, and a person's pledges (and the review queue). */
import { raw } from 'hono/html';
import { Form, Button, Table, EmptyState, Pagination, type FormState, type Option } from '../../../platform/views/components.js';
import { FilterPanel, activeFilters, type FilterField } from '../../../platform/views/filters.js';
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

/**
 * `rows`: the page's table rows as HTML (list-rows.tsx); `selects`: the filter form's fields as HTML
 * (platform/views/kept-select.tsx: the same markup as SelectField's).
 */
export function PledgeListPage(props: { rows: string[]; total: number; page: number; perPage: number; form: FormState; opts: FilterOptions; selects: string; params: URLSearchParams; canCreate: boolean; signedIn: boolean }) {
  const { t, locale, fmt } = useView();
  const fieldsOf = filterFields(t, props.opts);
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
        <a href={paths.dashboard.href(locale, {}, Object.fromEntries(props.params))}>{t('pledges.dashboard.seeDashboard')}</a>
      </p>
      <FilterPanel active={activeFilters(props.form, fieldsOf)} clearHref={paths.list.href(locale)}>
        <Form action={paths.list.href(locale)} method="get">
          {raw(props.selects)}
          <Button>{t('pledges.filters.apply')}</Button>
        </Form>
      </FilterPanel>
      <p role="status">{t('pledges.list.count', { count: props.total, n: fmt.number(props.total) })}</p>
      {props.rows.length ? (
        <Table
          caption={t('pledges.list.title')}
          captionHidden
          head={[t('pledges.list.pledge'), t('pledges.list.orgs'), t('pledges.fields.kind'), t('pledges.fields.status'), t('pledges.list.published')]}
          rows={props.rows.map((r) => raw(r))}
        />
      ) : (
        <EmptyState>{t('pledges.list.none')}</EmptyState>
      )}
      <Pagination page={props.page} pages={Math.max(1, Math.ceil(props.total / props.perPage))} baseUrl={paths.list.href(locale)} params={props.params} />
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
