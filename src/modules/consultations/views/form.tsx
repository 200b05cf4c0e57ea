/** @module Consultations views: designing a consultation, and adding a question to it. */
import { Form, Button, ErrorSummary, TextField, TextArea, ChoiceField, SelectField, Checkbox, type FormState } from '../../../platform/views/components.js';
import { useView } from '../../../platform/views/context.js';
import { LOCALES, LOCALE_NAMES } from '../../../platform/i18n/locales.js';
import { pickTranslated } from '../../../platform/i18n/translated.js';
import type { BodyRow } from '../../bodies/index.js';
import { KINDS, SOURCES, SCALE, RELEASES, type Resolved } from '../model.js';
import type { Consultation } from '../queries.js';

export function ConsultationFormPage(props: { title: string; action: string; bodies: BodyRow[]; form: FormState }) {
  const { t, locale } = useView();
  const { form } = props;
  return (
    <>
      <h1>{props.title}</h1>
      <ErrorSummary errors={form.errors} />
      <Form action={props.action}>
        <SelectField name="body" label={t('consultations.form.body')} hint={t('consultations.form.bodyHint')} form={form} options={props.bodies.map((b) => ({ value: b.slug, label: pickTranslated(b.name, locale)?.text ?? b.slug }))} />
        <fieldset>
          <legend>{t('consultations.form.title')}</legend>
          <p class="hint">{t('consultations.form.translateHint')}</p>
          {LOCALES.map((l) => (
            <TextField name={`title_${l}`} label={t('consultations.form.in', { language: LOCALE_NAMES[l] })} form={form} maxlength={200} />
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('consultations.form.purpose')}</legend>
          {LOCALES.map((l) => (
            <TextArea name={`purpose_${l}`} label={t('consultations.form.in', { language: LOCALE_NAMES[l] })} form={form} rows={3} maxlength={4000} lang={l} />
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('consultations.form.instructions')}</legend>
          {LOCALES.map((l) => (
            <TextArea name={`instructions_${l}`} label={t('consultations.form.in', { language: LOCALE_NAMES[l] })} form={form} rows={3} maxlength={4000} lang={l} />
          ))}
        </fieldset>
        <ChoiceField
          name="audience"
          legend={t('consultations.form.audience')}
          form={form}
          options={[
            { value: 'members', label: t('consultations.audience.members') },
            { value: 'body', label: t('consultations.audience.body') },
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

/** The "add a question" form: kind, texts in four languages, items, limits, scale labels, a condition. */
export function QuestionFormPage(props: { k: Consultation; action: string; earlier: Resolved[]; form: FormState }) {
  const { t, locale } = useView();
  const { form } = props;
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
        <fieldset>
          <legend>{t('consultations.question.prompt')}</legend>
          {LOCALES.map((l) => (
            <TextField name={`prompt_${l}`} label={t('consultations.form.in', { language: LOCALE_NAMES[l] })} form={form} maxlength={500} />
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('consultations.question.help')}</legend>
          {LOCALES.map((l) => (
            <TextField name={`help_${l}`} label={t('consultations.form.in', { language: LOCALE_NAMES[l] })} form={form} maxlength={1000} />
          ))}
        </fieldset>
        <SelectField name="source" label={t('consultations.question.source')} hint={t('consultations.question.sourceHint')} form={form} empty={t('consultations.question.noItems')} options={SOURCES.map((s) => ({ value: s, label: t(`consultations.sources.${s}`) }))} />
        <fieldset>
          <legend>{t('consultations.question.items')}</legend>
          <p class="hint">{t('consultations.question.itemsHint')}</p>
          {LOCALES.map((l) => (
            <TextArea name={`items_${l}`} label={t('consultations.form.in', { language: LOCALE_NAMES[l] })} form={form} rows={4} maxlength={6000} lang={l} />
          ))}
        </fieldset>
        <TextField name="min_n" type="number" inputmode="numeric" label={t('consultations.question.minN')} hint={t('consultations.question.minNHint')} form={form} />
        <TextField name="max_n" type="number" inputmode="numeric" label={t('consultations.question.maxN')} hint={t('consultations.question.maxNHint')} form={form} />
        <fieldset>
          <legend>{t('consultations.question.scaleLabels')}</legend>
          {LOCALES.map((l) => (
            <TextField name={`low_${l}`} label={t('consultations.question.lowIn', { language: LOCALE_NAMES[l] })} form={form} maxlength={100} />
          ))}
          {LOCALES.map((l) => (
            <TextField name={`high_${l}`} label={t('consultations.question.highIn', { language: LOCALE_NAMES[l] })} form={form} maxlength={100} />
          ))}
        </fieldset>
        {conditions.length ? <SelectField name="show_if" label={t('consultations.question.showIf')} hint={t('consultations.question.showIfHint')} form={form} empty={t('consultations.question.always')} options={conditions} /> : null}
        <Button>{t('consultations.question.submit')}</Button>
      </Form>
    </>
  );
}

function TTitle(props: { k: Consultation }) {
  const { locale } = useView();
  return <strong>{pickTranslated(props.k.title, locale)?.text ?? ''}</strong>;
}
