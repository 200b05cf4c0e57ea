/** @module Library views: the document form (add with its files; change what it says). */
import { Form, Button, ErrorSummary, TextField, TextArea, SelectField, ChoiceField, FileField, type FormState, type Option } from '../../../platform/views/components.js';
import { useView } from '../../../platform/views/context.js';
import { ACCEPT } from '../../../platform/files.js';
import { LOCALES, LOCALE_NAMES } from '../../../platform/i18n/locales.js';
import { DOC_KINDS, DOC_VISIBILITIES, LICENCES } from '../tables.js';

export function DocumentFormPage(props: { title: string; action: string; form: FormState; withFiles: boolean; bodies: Option[]; bodyRequired: boolean; orgs: Option[]; objectives: Option[]; countries: Option[] }) {
  const { t } = useView();
  const { form } = props;
  const opts = (list: readonly string[], prefix: string) => list.map((v) => ({ value: v, label: t(`${prefix}.${v}`) }));
  return (
    <>
      <h1>{props.title}</h1>
      <ErrorSummary errors={form.errors} />
      <Form action={props.action} enctype={props.withFiles ? 'multipart/form-data' : undefined} keep>
        <SelectField name="kind" label={t('library.fields.kind')} form={form} options={opts(DOC_KINDS, 'library.kinds')} />
        <fieldset>
          <legend>{t('library.form.texts')}</legend>
          <p class="hint">{t('library.form.textsHint')}</p>
          <SelectField name="original_lang" label={t('library.fields.originalLang')} form={form} options={LOCALES.map((l) => ({ value: l, label: LOCALE_NAMES[l] }))} />
          {LOCALES.map((l) => (
            <>
              <TextField name={`title_${l}`} label={t('library.form.titleIn', { language: LOCALE_NAMES[l] })} form={form} maxlength={300} />
              <TextArea name={`summary_${l}`} label={t('library.form.summaryIn', { language: LOCALE_NAMES[l] })} form={form} maxlength={5000} lang={l} rows={4} />
            </>
          ))}
        </fieldset>
        {props.withFiles ? (
          <fieldset>
            <legend>{t('library.form.files')}</legend>
            <p class="hint">{t('library.form.filesHint')}</p>
            {LOCALES.map((l) => (
              <FileField name={`file_${l}`} label={t('library.form.fileIn', { language: LOCALE_NAMES[l] })} accept={ACCEPT} form={form} />
            ))}
          </fieldset>
        ) : null}
        <fieldset>
          <legend>{t('library.form.who')}</legend>
          <SelectField name="body_id" label={t('library.fields.body')} hint={props.bodyRequired ? t('library.form.bodyHintSecretary') : t('library.form.bodyHint')} form={form} options={props.bodies} empty={props.bodyRequired ? undefined : '—'} />
          <ChoiceField name="org_ids" legend={t('library.fields.orgs')} form={form} multiple columns options={props.orgs} />
          <TextField name="authors" label={t('library.fields.otherAuthors')} hint={t('library.form.authorsHint')} form={form} maxlength={300} />
          <TextField name="published_on" type="date" label={t('library.fields.date')} form={form} />
        </fieldset>
        <ChoiceField name="objectives" legend={t('library.fields.objectives')} form={form} multiple columns options={props.objectives} />
        <ChoiceField name="countries" legend={t('library.fields.countries')} form={form} multiple columns options={props.countries} />
        <fieldset>
          <legend>{t('library.form.access')}</legend>
          <ChoiceField name="visibility" legend={t('library.fields.visibility')} form={form} options={opts(DOC_VISIBILITIES, 'library.visibilities')} />
          <SelectField name="visibility_body_id" label={t('library.fields.visibilityBody')} form={form} options={props.bodies} empty="—" />
          <SelectField name="licence" label={t('library.fields.licence')} form={form} options={opts(LICENCES, 'library.licences')} />
        </fieldset>
        <Button>{t('library.form.save')}</Button>
      </Form>
    </>
  );
}
