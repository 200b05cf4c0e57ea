/** @module Practices: the practice form (new and edit) and its page. */
import { useView } from '../../../platform/views/context.js';
import { TextField, TextArea, SelectField, ChoiceField, Button, Form, ErrorSummary, Notice, type FormState, type Option } from '../../../platform/views/components.js';
import { LOCALES, LOCALE_NAMES, type Locale } from '../../../platform/i18n/locales.js';
import type { Objective, Principle, Country } from '../../../platform/reference/queries.js';
import { TEXT_FIELDS, SCOPES, RESOURCE_TYPES, RECOMMENDED_START } from '../model.js';
import { MAX } from '../schemas.js';
import type { Practice } from '../queries.js';
import { paths } from '../paths.js';
import { lacCountryOptions, objectiveOptions } from '../../../platform/reference/options.js';

export interface FormOptions {
  orgs: Option[];
  objectives: Objective[];
  principles: Principle[];
  countries: Country[];
}

/** The practice form: metadata, then the text in the original language, then translations. */
export function PracticeFormView(props: { action: string; form: FormState; opts: FormOptions; cancel: string }) {
  const { t, locale, fmt } = useView();
  const { form, opts } = props;
  const orig = (String(form.values.original_lang ?? '') || locale) as Locale;
  const textFields = (l: Locale) =>
    TEXT_FIELDS.map((f) =>
      f === 'title' ? (
        <TextField name={`title_${l}`} label={t('practices.fields.title')} hint={l === orig ? t('practices.hints.title') : undefined} form={form} maxlength={MAX.title} />
      ) : (
        <TextArea name={`${f}_${l}`} label={t(`practices.fields.${f}`)} hint={l === orig ? t(`practices.hints.${f}`) : undefined} form={form} maxlength={MAX[f]} rows={f === 'summary' ? 4 : 6} lang={l} />
      ),
    );
  return (
    <Form action={props.action} keep>
      <ErrorSummary errors={form.errors} />
      <p class="hint">{t('practices.form.draftHint')}</p>
      <h2>{t('practices.form.about')}</h2>
      <SelectField name="org_id" label={t('practices.fields.org')} form={form} options={opts.orgs} empty={t('practices.form.chooseOrg')} />
      <SelectField
        name="original_lang"
        label={t('practices.fields.originalLang')}
        hint={t('practices.hints.originalLang')}
        form={form}
        options={LOCALES.map((l) => ({ value: l, label: LOCALE_NAMES[l] }))}
      />
      <h2>{t('practices.form.text', { language: t(`languageNames.${orig}`) })}</h2>
      {textFields(orig)}
      <h2>{t('practices.form.where')}</h2>
      <TextArea name="implementers" label={t('practices.fields.implementers')} hint={t('practices.hints.implementers')} form={form} rows={2} maxlength={1000} />
      <TextArea name="partners" label={t('practices.fields.partners')} form={form} rows={2} maxlength={1000} />
      <ChoiceField name="scope" legend={t('practices.fields.scope')} form={form} options={SCOPES.map((s) => ({ value: s, label: t(`practices.scopes.${s}`) }))} />
      <ChoiceField name="countries" legend={t('practices.fields.countries')} hint={t('practices.hints.countries')} form={form} multiple columns options={lacCountryOptions(opts.countries, t)} />
      <SelectField
        name="country_other"
        label={t('practices.fields.countryOther')}
        form={form}
        empty={t('practices.form.none')}
        options={opts.countries.filter((c) => !c.lac).map((c) => ({ value: c.alpha2, label: c.name }))}
      />
      <TextField name="start_date" type="date" label={t('practices.fields.startDate')} hint={t('practices.hints.startDate', { date: fmt.date(RECOMMENDED_START) })} form={form} />
      <TextField name="end_date" type="date" label={t('practices.fields.endDate')} hint={t('practices.hints.endDate')} form={form} />
      <h2>{t('practices.form.gcm')}</h2>
      <ChoiceField
        name="objectives"
        legend={t('practices.fields.objectives')}
        hint={t('practices.hints.objectives')}
        form={form}
        multiple
        columns
        options={objectiveOptions(opts.objectives, t)}
      />
      <ChoiceField name="principles" legend={t('practices.fields.principles')} form={form} multiple columns options={opts.principles.map((p) => ({ value: p.key, label: p.name }))} />
      <ChoiceField name="resource_type" legend={t('practices.fields.type')} form={form} options={RESOURCE_TYPES.map((r) => ({ value: r, label: t(`practices.types.${r}`) }))} />
      <h2>{t('practices.form.more')}</h2>
      <TextArea name="links" label={t('practices.fields.links')} hint={t('practices.hints.links')} form={form} rows={3} />
      <TextField name="contact_name" label={t('practices.fields.contactName')} form={form} autocomplete="name" />
      <TextField name="contact_email" type="email" label={t('practices.fields.contactEmail')} hint={t('practices.hints.contactEmail')} form={form} autocomplete="email" />
      <h2>{t('practices.form.translations')}</h2>
      <p class="hint">{t('practices.hints.translations')}</p>
      {LOCALES.filter((l) => l !== orig).map((l) => (
        <details open={TEXT_FIELDS.some((f) => !!form.values[`${f}_${l}`] || !!form.errors[`${f}_${l}`])}>
          <summary>{t('practices.form.translationIn', { language: t(`languageNames.${l}`) })}</summary>
          <div lang={l}>{textFields(l)}</div>
        </details>
      ))}
      <div class="actions">
        <Button name="action" value="save" variant="secondary">
          {t('practices.form.saveDraft')}
        </Button>
        <Button name="action" value="submit">
          {t('practices.form.submit')}
        </Button>
        <a href={props.cancel}>{t('form.cancel')}</a>
      </div>
    </Form>
  );
}

/** The form's page: a new practice, or the edit of an existing one (with a notice when it came back from review). */
export function FormPage(props: { form: FormState; opts: FormOptions; p?: Practice; kept?: boolean }) {
  const { t, locale } = useView();
  const { p } = props;
  return (
    <>
      <h1>{p ? t('practices.edit.title') : t('practices.new.title')}</h1>
      {p?.status === 'returned' ? <Notice type="warning">{t('practices.edit.returned')}</Notice> : null}
      {props.kept ? <Notice type="info">{t('practices.form.keptDraft')}</Notice> : null}
      <PracticeFormView
        action={p ? paths.edit.href(locale, { id: p.id }) : paths.create.href(locale)}
        form={props.form}
        opts={props.opts}
        cancel={p ? paths.practice.href(locale, { id: p.id }) : paths.mine.href(locale)}
      />
    </>
  );
}
