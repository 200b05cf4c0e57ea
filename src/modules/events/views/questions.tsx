/** @module Events views: the organizers' registration questions, and the questions as fields of a registration form. */
import { Form, Button, ErrorSummary, TextField, TextArea, SelectField, Checkbox, TText, type FormState } from '../../../platform/views/components.js';
import { useView } from '../../../platform/views/context.js';
import { LOCALES, LOCALE_NAMES } from '../../../platform/i18n/locales.js';
import { paths } from '../paths.js';
import { QUESTION_ROWS } from '../schemas.js';
import { QUESTION_KINDS } from '../tables.js';
import { answerField, ANSWER_MAX } from '../commands/questions.js';
import type { Event, Question } from '../queries.js';

/** What a question says: the organizers' wording, or the platform's for accessibility and interpretation. */
export const questionLabel = (q: Pick<Question, 'kind' | 'label'>, t: (k: string) => string) => q.label || t(`events.questions.default.${q.kind}`);

/** An answer as read by the organizers (an interpretation language by its name). */
export const answerText = (q: Pick<Question, 'kind'>, v: string | undefined) => (v === undefined ? '' : q.kind === 'interpretation' ? LOCALE_NAMES[v as keyof typeof LOCALE_NAMES] ?? v : v);

export function QuestionsFormPage(props: { e: Event; form: FormState }) {
  const { t, locale: l } = useView();
  const { form } = props;
  return (
    <>
      <h1>{t('events.questions.title')}</h1>
      <p>
        <a href={paths.event.href(l, { id: props.e.id })}>
          <TText value={props.e.title} />
        </a>
      </p>
      <p>{t('events.questions.lead')}</p>
      <ErrorSummary errors={form.errors} />
      <Form action={paths.questions.href(l, { id: props.e.id })} keep>
        {Array.from({ length: QUESTION_ROWS }, (_, i) => (
          <fieldset>
            <legend>{t('events.questions.row', { n: i + 1 })}</legend>
            <input type="hidden" name={`question_${i}_id`} value={String(form.values[`question_${i}_id`] ?? '')} />
            <SelectField name={`question_${i}_kind`} label={t('events.questions.kind', { n: i + 1 })} form={form} options={QUESTION_KINDS.map((k) => ({ value: k, label: t(`events.questions.kinds.${k}`) }))} empty={t('events.questions.none')} />
            <TextField name={`question_${i}_label`} label={t('events.questions.label', { n: i + 1 })} hint={t('events.questions.labelHint')} form={form} maxlength={300} />
            <TextArea name={`question_${i}_choices`} label={t('events.questions.choices', { n: i + 1 })} hint={t('events.questions.choicesHint')} form={form} rows={3} maxlength={3000} />
            <Checkbox name={`question_${i}_required`} label={t('events.questions.required', { n: i + 1 })} form={form} />
          </fieldset>
        ))}
        <Button>{t('events.questions.save')}</Button>
      </Form>
    </>
  );
}

/** The event's questions inside a registration form (a member's or a guest's). */
export function QuestionFields(props: { questions: Question[]; form: FormState }) {
  const { t } = useView();
  if (!props.questions.length) return null;
  return (
    <fieldset>
      <legend>{t('events.questions.legend')}</legend>
      {props.questions.map((q) => {
        const label = questionLabel(q, t) + (q.required ? '' : ` (${t('events.questions.optional')})`);
        const name = answerField(q);
        if (q.kind === 'choice') return <SelectField name={name} label={label} form={props.form} options={q.choices.map((c) => ({ value: c, label: c }))} empty="—" required={q.required} />;
        if (q.kind === 'interpretation') return <SelectField name={name} label={label} form={props.form} options={LOCALES.map((x) => ({ value: x, label: LOCALE_NAMES[x] }))} empty={t('events.questions.noInterpretation')} required={q.required} />;
        if (q.kind === 'accessibility') return <TextArea name={name} label={label} hint={t('events.questions.accessibilityHint')} form={props.form} rows={3} maxlength={ANSWER_MAX} required={q.required} />;
        return <TextField name={name} label={label} form={props.form} maxlength={ANSWER_MAX} required={q.required} />;
      })}
    </fieldset>
  );
}
