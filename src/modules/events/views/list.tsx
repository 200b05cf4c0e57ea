/** @module Events views: the list of events (upcoming and past), with filters in the URL. */
import { Form, Button, SelectField, Table, EmptyState, type FormState, type Option } from '../../../platform/views/components.js';
import { useView } from '../../../platform/views/context.js';
import { paths } from '../paths.js';
import { EVENT_KINDS, EVENT_FORMATS } from '../tables.js';
import type { Event } from '../queries.js';
import { EventLink } from './common.js';
import { When } from '../../../platform/views/when.js';

export function EventsListPage(props: {
  upcoming: Event[];
  past: Event[];
  form: FormState;
  bodies: Option[];
  objectives: Option[];
  countries: Option[];
  bodyName: Map<string, string>;
  canCreate: boolean;
  filtered: boolean;
  reader: string | null;
}) {
  const { t, locale: l } = useView();
  const head = [t('events.list.event'), t('events.fields.kind'), t('events.list.when'), t('events.fields.bodies'), t('events.fields.format')];
  const rows = (list: Event[]) =>
    list.map((e) => [
      <>
        <EventLink e={e} />
        {e.status === 'cancelled' ? <strong> ({t('events.status.cancelled')})</strong> : null}
      </>,
      t(`events.kinds.${e.kind}`),
      <When at={e.startsAt} zone={e.timeZone} reader={props.reader} />,
      e.bodyIds.map((b) => props.bodyName.get(b) ?? '').filter(Boolean).join(', ') || '—',
      t(`events.formats.${e.format}`),
    ]);
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
        <SelectField name="kind" label={t('events.fields.kind')} form={props.form} options={EVENT_KINDS.map((k) => ({ value: k, label: t(`events.kinds.${k}`) }))} empty={t('events.list.any')} />
        <SelectField name="body" label={t('events.fields.body')} form={props.form} options={props.bodies} empty={t('events.list.any')} />
        <SelectField name="objective" label={t('events.fields.objective')} form={props.form} options={props.objectives} empty={t('events.list.any')} />
        <SelectField name="format" label={t('events.fields.format')} form={props.form} options={EVENT_FORMATS.map((k) => ({ value: k, label: t(`events.formats.${k}`) }))} empty={t('events.list.any')} />
        <SelectField name="country" label={t('events.fields.country')} form={props.form} options={props.countries} empty={t('events.list.any')} />
        <div class="actions">
          <Button variant="secondary">{t('form.filter')}</Button>
          {props.filtered ? <a href={paths.list.href(l)}>{t('form.clear')}</a> : null}
        </div>
      </Form>
      <h2>{t('events.list.upcoming')}</h2>
      {props.upcoming.length ? <Table caption={t('events.list.upcoming')} captionHidden head={head} rows={rows(props.upcoming)} /> : <EmptyState>{t('events.list.noUpcoming')}</EmptyState>}
      <h2>{t('events.list.past')}</h2>
      {props.past.length ? <Table caption={t('events.list.past')} captionHidden head={head} rows={rows(props.past)} /> : <EmptyState>{t('events.list.noPast')}</EmptyState>}
    </>
  );
}
