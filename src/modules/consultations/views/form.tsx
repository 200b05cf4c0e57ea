/** @module Consultations views: designing a consultation, and adding a question to it. */
import { Form, Button, ErrorSummary, TextField, TextArea, ChoiceField, SelectField, Checkbox, TranslationDetails, type FormState } from '../../../platform/views/components.js';
import { useView } from '../../../platform/views/context.js';
import { LOCALES, LOCALE_NAMES, type Locale } from '../../../platform/i18n/locales.js';
import { pickTranslated, type Translated } from '../../../platform/i18n/translated.js';
import { translationStatus } from '../translation.js';
import type { BodyRow } from '../../bodies/index.js';
import { KINDS, SOURCES, SCALE, RELEASES, type Resolved } from '../model.js';
import type { Consultation } from '../queries.js';

/** The original language chosen in a form (else the reader's), and the form's texts as translated values. */
const originalOf = (form: FormState, fallback: Locale): Locale => {
  const v = String(form.values.original_lang ?? '');
  return (LOCALES as readonly string[]).includes(v) ? (v as Locale) : fallback;
};
const typed = (form: FormState, name: string): Translated => Object.fromEntries(LOCALES.filter((l) => String(form.values[`${name}_${l}`] ?? '').trim()).map((l) => [l, String(form.values[`${name}_${l}`])]));

/** The consultation's texts in its original language, then one section per other language with its state. */
function ConsultationTexts(props: { form: FormState }) {
  const { t, locale } = useView();
  const { form } = props;
  const orig = originalOf(form, locale);
  const status = translationStatus(orig, ['title', 'purpose', 'instructions'].map((n) => typed(form, n)));
  const texts = (l: Locale) => (
    <>
      <TextField name={`title_${l}`} label={t('consultations.form.title')} form={form} maxlength={200} />
      <TextArea name={`purpose_${l}`} label={t('consultations.form.purpose')} form={form} rows={3} maxlength={4000} lang={l} />
      <TextArea name={`instructions_${l}`} label={t('consultations.form.instructions')} form={form} rows={3} maxlength={4000} lang={l} />
    </>
  );
  return (
    <>
      <fieldset>
        <legend>{t('consultations.form.texts')}</legend>
        <SelectField name="original_lang" label={t('consultations.form.originalLang')} hint={t('consultations.form.originalLangHint')} form={form} options={LOCALES.map((l) => ({ value: l, label: LOCALE_NAMES[l] }))} />
        <div lang={orig}>{texts(orig)}</div>
      </fieldset>
      <fieldset>
        <legend>{t('consultations.form.translations')}</legend>
        <p class="hint">{t('consultations.form.translationsHint')}</p>
        <TranslationDetails
          locales={LOCALES.filter((l) => l !== orig)}
          names={['title', 'purpose', 'instructions']}
          form={form}
          summary={(l) => t('consultations.form.translationIn', { language: LOCALE_NAMES[l] })}
          state={(l) => t(`consultations.translation.${status[l]}`)}
          fields={texts}
        />
      </fieldset>
    </>
  );
}

export function ConsultationFormPage(props: { title: string; action: string; bodies: BodyRow[]; form: FormState }) {
  const { t, locale } = useView();
  const { form } = props;
  return (
    <>
      <h1>{props.title}</h1>
      <ErrorSummary errors={form.errors} />
      <Form action={props.action}>
        <SelectField name="body" label={t('consultations.form.body')} hint={t('consultations.form.bodyHint')} form={form} options={props.bodies.map((b) => ({ value: b.slug, label: pickTranslated(b.name, locale)?.text ?? b.slug }))} />
        <ConsultationTexts form={form} />
        <ChoiceField
          name="audience"
          legend={t('consultations.form.audience')}
          form={form}
          options={[
            { value: 'members', label: t('consultations.audience.members') },
            { value: 'body', label: t('consultations.audience.body') },
            { value: 'link', label: t('consultations.audience.link') },
          ]}
        />
        <Checkbox name="publish_answers" label={t('consultations.form.publishAnswers')} hint={t('consultations.form.publishAnswersHint')} form={form} />
        <ChoiceField
          name="results_release"
          legend={t('consultations.form.release')}
          hint={t('consultations.form.releaseHint')}
          form={form}
          options={RELEASES.map((r) => ({ value: r, label: t(`consultations.release.${r}`) }))}
        />
        <TextField name="opens_on" type="date" label={t('consultations.form.opensOn')} hint={t('consultations.form.opensHint')} form={form} />
        <TextField name="closes_on" type="date" label={t('consultations.form.closesOn')} hint={t('consultations.form.closesHint')} form={form} />
        <Button>{t('consultations.form.submit')}</Button>
      </Form>
    </>
  );
}

/** The texts of an existing consultation and their translations (its organizers, at any status). */
export function TextsFormPage(props: { k: Consultation; action: string; cancel: string; form: FormState }) {
  const { t } = useView();
  return (
    <>
      <h1>{t('consultations.texts.title')}</h1>
      <p>
        <TTitle k={props.k} />
      </p>
      <ErrorSummary errors={props.form.errors} />
      <Form action={props.action}>
        <ConsultationTexts form={props.form} />
        <p class="actions">
          <Button>{t('consultations.texts.submit')}</Button> <a href={props.cancel}>{t('form.cancel')}</a>
        </p>
      </Form>
    </>
  );
}

/** The "add a question" form: kind, texts in four languages, items, limits, scale labels, a condition. */
export function QuestionFormPage(props: { k: Consultation; action: string; earlier: Resolved[]; form: FormState }) {
  const { t, locale } = useView();
  const { form } = props;
  // The question is written in the consultation's language; the others are its translations.
  const orig = props.k.originalLang;
  const status = translationStatus(orig, ['prompt', 'help', 'items', 'low', 'high'].map((n) => typed(form, n)));
  const prompts = (l: Locale) => (
    <>
      <TextField name={`prompt_${l}`} label={t('consultations.question.prompt')} form={form} maxlength={500} />
      <TextField name={`help_${l}`} label={t('consultations.question.help')} form={form} maxlength={1000} />
    </>
  );
  const labels = (l: Locale) => (
    <>
      <TextField name={`low_${l}`} label={t('consultations.question.lowIn', { language: LOCALE_NAMES[l] })} form={form} maxlength={100} />
      <TextField name={`high_${l}`} label={t('consultations.question.highIn', { language: LOCALE_NAMES[l] })} form={form} maxlength={100} />
    </>
  );
  const conditions = props.earlier.flatMap((q) => {
    const prompt = pickTranslated(q.prompt, locale)?.text ?? '';
    const values = q.kind === 'scale' ? SCALE.map((n) => ({ key: String(n), label: String(n) })) : q.kind === 'one' || q.kind === 'many' ? q.items : [];
    return values.map((v) => ({ value: `${q.id}:${v.key}`, label: `${q.position}. ${prompt} = ${v.label}` }));
  });
  return (
    <>
      <h1>{t('consultations.question.title')}</h1>
      <p>
        <TTitle k={props.k} />
      </p>
      <ErrorSummary errors={form.errors} />
      <Form action={props.action}>
        <SelectField name="kind" label={t('consultations.question.kind')} form={form} options={KINDS.map((k) => ({ value: k, label: t(`consultations.kinds.${k}`) }))} />
        <Checkbox name="required" label={t('consultations.question.required')} form={form} />
        <p class="hint">{t('consultations.question.writtenIn', { language: LOCALE_NAMES[orig] })}</p>
        <div lang={orig}>{prompts(orig)}</div>
        <SelectField name="source" label={t('consultations.question.source')} hint={t('consultations.question.sourceHint')} form={form} empty={t('consultations.question.noItems')} options={SOURCES.map((s) => ({ value: s, label: t(`consultations.sources.${s}`) }))} />
        <TextArea name={`items_${orig}`} label={t('consultations.question.items')} hint={t('consultations.question.itemsHint')} form={form} rows={4} maxlength={6000} lang={orig} />
        <TextField name="min_n" type="number" inputmode="numeric" label={t('consultations.question.minN')} hint={t('consultations.question.minNHint')} form={form} />
        <TextField name="max_n" type="number" inputmode="numeric" label={t('consultations.question.maxN')} hint={t('consultations.question.maxNHint')} form={form} />
        <fieldset>
          <legend>{t('consultations.question.scaleLabels')}</legend>
          <div lang={orig}>{labels(orig)}</div>
        </fieldset>
        {conditions.length ? <SelectField name="show_if" label={t('consultations.question.showIf')} hint={t('consultations.question.showIfHint')} form={form} empty={t('consultations.question.always')} options={conditions} /> : null}
        <fieldset>
          <legend>{t('consultations.form.translations')}</legend>
          <p class="hint">{t('consultations.question.translationsHint')}</p>
          <TranslationDetails
            locales={LOCALES.filter((l) => l !== orig)}
            names={['prompt', 'help', 'items', 'low', 'high']}
            form={form}
            summary={(l) => t('consultations.form.translationIn', { language: LOCALE_NAMES[l] })}
            state={(l) => t(`consultations.translation.${status[l]}`)}
            fields={(l) => (
              <>
                {prompts(l)}
                <TextArea name={`items_${l}`} label={t('consultations.question.items')} hint={t('consultations.question.itemsHint')} form={form} rows={4} maxlength={6000} lang={l} />
                {labels(l)}
              </>
            )}
          />
        </fieldset>
        <Button>{t('consultations.question.submit')}</Button>
      </Form>
    </>
  );
}

function TTitle(props: { k: Consultation }) {
  const { locale } = useView();
  return <strong>{pickTranslated(props.k.title, locale)?.text ?? ''}</strong>;
}
