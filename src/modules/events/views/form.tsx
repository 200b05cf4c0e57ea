/** @module Events views: the event form (create, edit). Times are wall-clock times in the chosen zone. */
import { Form, Button, ErrorSummary, TextField, TextArea, SelectField, ChoiceField, type FormState, type FormValues, type Option } from '../../../platform/views/components.js';
import { useView } from '../../../platform/views/context.js';
import { LOCALES, LOCALE_NAMES } from '../../../platform/i18n/locales.js';
import { EVENT_KINDS, EVENT_FORMATS, VISIBILITIES, REGISTRATION_MODES, EXTERNAL_BY } from '../tables.js';
import { toLocalInput } from '../core/time.js';
import { AGENDA_ROWS } from '../schemas.js';
import type { Event, AgendaItem } from '../queries.js';

export function EventFormPage(props: { title: string; action: string; form: FormState; bodies: Option[]; objectives: Option[]; countries: Option[]; zones: readonly string[] }) {
  const { t } = useView();
  const { form } = props;
  const opts = (list: readonly string[], prefix: string) => list.map((v) => ({ value: v, label: t(`${prefix}.${v}`) }));
  return (
    <>
      <h1>{props.title}</h1>
      <ErrorSummary errors={form.errors} />
      <Form action={props.action}>
        <SelectField name="kind" label={t('events.fields.kind')} form={form} options={opts(EVENT_KINDS, 'events.kinds')} />
        <SelectField name="external_by" label={t('events.external.label')} form={form} options={opts(EXTERNAL_BY, 'events.external.by')} empty={t('events.external.none')} />
        <TextField name="external_organizer" label={t('events.external.organizer')} hint={t('events.external.organizerHint')} form={form} maxlength={300} />
        <fieldset>
          <legend>{t('events.form.texts')}</legend>
          <p class="hint">{t('events.form.textsHint')}</p>
          <SelectField name="original_lang" label={t('events.fields.originalLang')} form={form} options={LOCALES.map((l) => ({ value: l, label: LOCALE_NAMES[l] }))} />
          {LOCALES.map((l) => (
            <>
              <TextField name={`title_${l}`} label={t('events.form.titleIn', { language: LOCALE_NAMES[l] })} form={form} maxlength={200} />
              <TextArea name={`description_${l}`} label={t('events.form.descriptionIn', { language: LOCALE_NAMES[l] })} form={form} maxlength={10000} lang={l} rows={4} />
            </>
          ))}
        </fieldset>
        <ChoiceField name="bodies" legend={t('events.fields.bodies')} hint={t('events.form.bodiesHint')} form={form} multiple options={props.bodies} />
        <ChoiceField name="objectives" legend={t('events.fields.objectives')} form={form} multiple columns options={props.objectives} />
        <fieldset>
          <legend>{t('events.form.whenWhere')}</legend>
          <SelectField name="time_zone" label={t('events.fields.timeZone')} hint={t('events.form.zoneHint')} form={form} options={props.zones.map((z) => ({ value: z, label: z }))} />
          <TextField name="starts_at" type="datetime-local" label={t('events.fields.starts')} form={form} />
          <TextField name="ends_at" type="datetime-local" label={t('events.fields.ends')} form={form} />
          <ChoiceField name="format" legend={t('events.fields.format')} form={form} options={opts(EVENT_FORMATS, 'events.formats')} />
          <TextField name="venue_address" label={t('events.fields.address')} form={form} maxlength={300} />
          <TextField name="venue_city" label={t('events.fields.city')} form={form} maxlength={120} />
          <SelectField name="venue_country" label={t('events.fields.country')} form={form} options={props.countries} empty="—" />
          <TextField name="online_url" type="url" label={t('events.fields.onlineUrl')} hint={t('events.form.linkHint')} form={form} maxlength={500} />
        </fieldset>
        <fieldset>
          <legend>{t('events.form.access')}</legend>
          <ChoiceField name="visibility" legend={t('events.fields.visibility')} form={form} options={opts(VISIBILITIES, 'events.visibilities')} />
          <SelectField name="visibility_body" label={t('events.fields.visibilityBody')} form={form} options={props.bodies} empty="—" />
          <ChoiceField name="registration_mode" legend={t('events.fields.registrationMode')} form={form} options={opts(REGISTRATION_MODES, 'events.modes')} />
          <TextField name="capacity" type="number" inputmode="numeric" label={t('events.fields.capacity')} hint={t('events.form.capacityHint')} form={form} />
          <TextField name="registration_closes_at" type="datetime-local" label={t('events.fields.registrationCloses')} hint={t('events.form.closesHint')} form={form} />
        </fieldset>
        <fieldset>
          <legend>{t('events.page.agenda')}</legend>
          <p class="hint">{t('events.form.agendaHint')}</p>
          {Array.from({ length: AGENDA_ROWS }, (_, i) => (
            <div class="agenda-row">
              <TextField name={`agenda_${i}_at`} type="datetime-local" label={t('events.form.agendaAt', { n: i + 1 })} form={form} />
              <TextField name={`agenda_${i}_title`} label={t('events.form.agendaTitle', { n: i + 1 })} form={form} maxlength={300} />
              <TextField name={`agenda_${i}_speakers`} label={t('events.form.agendaSpeakers', { n: i + 1 })} form={form} maxlength={300} />
            </div>
          ))}
        </fieldset>
        <Button>{t('events.form.submit')}</Button>
      </Form>
    </>
  );
}

/** An event's values as the form shows them (wall times in its zone). */
export function formValuesOf(e: Event, agenda: AgendaItem[]): FormValues {
  const z = e.timeZone;
  const v: FormValues = {
    kind: e.kind,
    original_lang: e.originalLang,
    bodies: e.bodyIds,
    objectives: e.objectives.map(String),
    time_zone: z,
    starts_at: toLocalInput(e.startsAt, z),
    ends_at: toLocalInput(e.endsAt, z),
    format: e.format,
    venue_address: e.venue.address ?? '',
    venue_city: e.venue.city ?? '',
    venue_country: e.venue.country ?? '',
    online_url: e.onlineUrl ?? '',
    visibility: e.visibility,
    visibility_body: e.visibilityBodyId ?? '',
    registration_mode: e.registrationMode,
    capacity: e.capacity === null ? '' : String(e.capacity),
    registration_closes_at: e.registrationClosesAt ? toLocalInput(e.registrationClosesAt, z) : '',
    external_by: e.external?.by ?? '',
    external_organizer: e.external?.organizer ?? '',
  };
  for (const l of LOCALES) {
    v[`title_${l}`] = e.title[l] ?? '';
    v[`description_${l}`] = e.description[l] ?? '';
  }
  agenda.forEach((a, i) => {
    v[`agenda_${i}_at`] = toLocalInput(a.startsAt, z);
    v[`agenda_${i}_title`] = a.title;
    v[`agenda_${i}_speakers`] = a.speakers ?? '';
  });
  return v;
}
