/** @module Practices: the member's own practices and the reviewers' queue. */
import { useView } from '../../../platform/views/context.js';
import { EmptyState, Notice, Pagination, Table } from '../../../platform/views/components.js';
import type { Objective } from '../../../platform/reference/queries.js';
import type { Paged, Practice } from '../queries.js';
import { paths } from '../paths.js';
import { PracticeItem, StatusBadge, titleOf } from './parts.js';

export function MinePage(props: { list: Paged<Practice>; objectives: Objective[]; names: Map<string, string>; canCreate: boolean }) {
  const { t, locale } = useView();
  const { items, page, pages } = props.list;
  return (
    <>
      <h1>{t('practices.mine.title')}</h1>
      {props.canCreate ? (
        <p>
          <a class="button" href={paths.create.href(locale)}>
            {t('practices.new.title')}
          </a>
        </p>
      ) : (
        <Notice>{t('practices.mine.noOrg')}</Notice>
      )}
      {items.length ? (
        <div class="grid">
          {items.map((p) => (
            <PracticeItem p={p} objectives={props.objectives} countries={props.names} showStatus />
          ))}
        </div>
      ) : (
        <EmptyState>{t('practices.mine.empty')}</EmptyState>
      )}
      <Pagination page={page} pages={pages} baseUrl={paths.mine.href(locale)} />
    </>
  );
}

export function ReviewPage(props: { queue: Paged<Practice>; canExport: boolean }) {
  const { t, locale, fmt } = useView();
  const { items, page, pages } = props.queue;
  return (
    <>
      <h1>{t('practices.review.title')}</h1>
      <p class="lead">{t('practices.review.lead')}</p>
      {items.length ? (
        <Table
          caption={t('practices.review.caption')}
          head={[t('practices.fields.title'), t('practices.fields.status'), t('practices.fields.objectives'), t('practices.review.submitted')]}
          rows={items.map((p) => [
            <a href={paths.practice.href(locale, { id: p.id })}>{titleOf(p, locale, t('practices.untitled'))}</a>,
            <StatusBadge status={p.status} />,
            p.objectives.join(', '),
            fmt.date(p.submittedAt),
          ])}
        />
      ) : (
        <EmptyState>{t('practices.review.empty')}</EmptyState>
      )}
      <Pagination page={page} pages={pages} baseUrl={paths.review.href(locale)} />
      {props.canExport ? (
        <p>
          <a href={paths.exportCsv.href(locale)}>{t('practices.review.exportCsv')}</a>
        </p>
      ) : null}
    </>
  );
}
