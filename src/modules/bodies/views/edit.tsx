/** @module Bodies views: the administrators' edit form (name, short name and mandate in four languages, objectives). */
import { useView } from '../../../platform/views/context.js';
import { objectiveOptions } from '../../../platform/reference/options.js';
import { Form, Button, ErrorSummary, TextField, TextArea, ChoiceField, type FormState } from '../../../platform/views/components.js';
import { LOCALES, LOCALE_NAMES } from '../../../platform/i18n/locales.js';
import { pickTranslated } from '../../../platform/i18n/translated.js';
import type { BodyRow } from '../queries.js';
import { paths } from '../paths.js';

export function EditPage(props: { body: BodyRow; objectives: { n: number; short: string }[]; form: FormState }) {
  const { t, locale: l } = useView();
  const { body, form } = props;
  return (
    <>
      <h1>{t('bodies.edit.title', { body: pickTranslated(body.name, l)?.text ?? body.slug })}</h1>
      <ErrorSummary errors={form.errors} />
      <Form action={paths.edit.href(l, { slug: body.slug })}>
        {LOCALES.map((lang) => (
          <fieldset>
            <legend>{LOCALE_NAMES[lang]}</legend>
            <TextField name={`name_${lang}`} label={t('bodies.edit.name', { language: t(`languageNames.${lang}`) })} form={form} maxlength={300} />
            <TextField name={`short_name_${lang}`} label={t('bodies.edit.shortName', { language: t(`languageNames.${lang}`) })} form={form} maxlength={300} />
            <TextArea name={`mandate_${lang}`} label={t('bodies.edit.mandate', { language: t(`languageNames.${lang}`) })} form={form} rows={6} maxlength={5000} lang={lang} />
          </fieldset>
        ))}
        <ChoiceField
          name="objectives"
          legend={t('bodies.objectives')}
          form={form}
          multiple
          columns
          options={objectiveOptions(props.objectives, t)}
        />
        <Button>{t('form.save')}</Button>
      </Form>
    </>
  );
}
