/** @module Consultations views: the list (open, then closed; drafts only for those who design them). */
import { Table, EmptyState, TText } from '../../../platform/views/components.js';
import { useView } from '../../../platform/views/context.js';
import type { BodyRow } from '../../bodies/index.js';
import { paths } from '../paths.js';
import type { Consultation } from '../queries.js';
import { ConsultationLink } from './common.js';

export function ConsultationsListPage(props: { open: Consultation[]; closed: Consultation[]; drafts: Consultation[]; bodies: Map<string, BodyRow>; canCreate: boolean }) {
  const { t, locale, fmt } = useView();
  const head = [t('consultations.list.consultation'), t('consultations.list.body'), t('consultations.list.status'), t('consultations.list.closes')];
  const rows = (list: Consultation[]) => list.map((k) => [<ConsultationLink k={k} />, <TText value={props.bodies.get(k.bodyId)?.shortName} />, t(`consultations.status.${k.status}`), (k.closesAt ?? k.closedAt) ? fmt.date((k.closesAt ?? k.closedAt)!) : '—']);
  return (
    <>
      <h1>{t('consultations.list.title')}</h1>
      <p class="lead">{t('consultations.list.lead')}</p>
      {props.canCreate ? (
        <p>
          <a class="button" href={paths.create.href(locale)}>
            {t('consultations.list.create')}
          </a>
        </p>
      ) : null}
      <h2>{t('consultations.list.open')}</h2>
      {props.open.length ? <Table caption={t('consultations.list.open')} captionHidden head={head} rows={rows(props.open)} /> : <EmptyState>{t('consultations.list.noOpen')}</EmptyState>}
      <h2>{t('consultations.list.closed')}</h2>
      {props.closed.length ? <Table caption={t('consultations.list.closed')} captionHidden head={head} rows={rows(props.closed)} /> : <EmptyState>{t('consultations.list.noClosed')}</EmptyState>}
      {props.drafts.length ? (
        <>
          <h2>{t('consultations.list.drafts')}</h2>
          <Table caption={t('consultations.list.drafts')} captionHidden head={head} rows={rows(props.drafts)} />
        </>
      ) : null}
    </>
  );
}
