/**
 * @module Consultations views: the answer form — one page, every question, plain fields (a number per item
 * to rank, a number of points per item), so it works on a phone and without JavaScript.
 */
import { Form, Button, Notice, ErrorSummary, TextField, TextArea, ChoiceField, SelectField, TText, fieldId, type FormState } from '../../../platform/views/components.js';
import { useView } from '../../../platform/views/context.js';
import { pickTranslated } from '../../../platform/i18n/translated.js';
import { paths } from '../paths.js';
import type { Consultation, StoredAnswer } from '../queries.js';
import { fieldOf, SCALE, type Resolved } from '../model.js';
import { translationStatus, consultationParts } from '../translation.js';
import { TranslationNotice } from './common.js';

export function AnswerPage(props: { k: Consultation; questions: Resolved[]; orgs: { id: string; name: string }[]; current?: StoredAnswer; submittedByName?: string; form: FormState; draftAt?: string }) {
  const { t, locale, fmt } = useView();
  const { form, k } = props;
  return (
    <>
      <h1>{t('consultations.answer.title', { title: pickTranslated(k.title, locale)?.text ?? '' })}</h1>
      <TranslationNotice k={k} status={translationStatus(k.originalLang, consultationParts(k, props.questions))} />
      <TText value={k.instructions} as="div" />
      {props.current ? <p class="hint">{t('consultations.answer.current', { version: props.current.version, at: fmt.dateTime(props.current.submittedAt), who: props.submittedByName ?? '' })}</p> : null}
      <p class="hint">{t('consultations.answer.changeUntilClose')}</p>
      {props.draftAt ? <Notice type="info">{t('consultations.answer.draftShown', { at: fmt.dateTime(props.draftAt) })}</Notice> : null}
      <ErrorSummary errors={form.errors} />
      <Form action={paths.answer.href(locale, { id: k.id })}>
        {k.audience === 'link' ? (
          <fieldset>
            <legend>{t('consultations.answer.who')}</legend>
            <p class="hint">{t('consultations.answer.whoHint')}</p>
            <TextField name="name" label={t('consultations.answer.name')} form={form} autocomplete="name" />
            <TextField name="email" type="email" label={t('consultations.answer.email')} form={form} autocomplete="email" />
          </fieldset>
        ) : props.orgs.length > 1 ? (
          <SelectField name="org" label={t('consultations.answer.org')} form={form} options={props.orgs.map((o) => ({ value: o.id, label: o.name }))} />
        ) : (
          <>
            <input type="hidden" name="org" value={props.orgs[0]?.id ?? ''} />
            <p>{t('consultations.answer.forOrg', { org: props.orgs[0]?.name ?? '' })}</p>
          </>
        )}
        {props.questions.map((q) => (
          <QuestionField q={q} all={props.questions} form={form} />
        ))}
        <p class="actions">
          <Button>{t('consultations.answer.submit')}</Button>{' '}
          {k.audience === 'link' ? null : (
            <Button variant="secondary" formAction={paths.saveDraft.href(locale, { id: k.id })}>
              {t('consultations.answer.saveDraft')}
            </Button>
          )}
        </p>
        <p class="hint">{t(k.audience === 'link' ? 'consultations.answer.confirmHint' : 'consultations.answer.draftHint')}</p>
      </Form>
    </>
  );
}

function QuestionField(props: { q: Resolved; all: Resolved[]; form: FormState }) {
  const { t, locale } = useView();
  const { q, form } = props;
  const f = fieldOf(q);
  const label = `${q.position}. ${pickTranslated(q.prompt, locale)?.text ?? ''}${q.required ? '' : ` (${t('consultations.answer.optional')})`}`;
  const help = pickTranslated(q.help, locale)?.text;
  const cond = q.showIf ? (() => {
    const on = props.all.find((x) => x.id === q.showIf!.questionId);
    const value = on?.items.find((i) => i.key === q.showIf!.value)?.label ?? q.showIf!.value;
    return on ? t('consultations.answer.onlyIf', { n: on.position, question: pickTranslated(on.prompt, locale)?.text ?? '', value }) : '';
  })() : '';
  const hint = [help, cond].filter(Boolean).join(' ') || undefined;
  switch (q.kind) {
    case 'one':
      return <ChoiceField name={f} legend={label} hint={hint} form={form} options={q.items.map((i) => ({ value: i.key, label: i.label }))} />;
    case 'many':
      return <ChoiceField name={f} legend={label} hint={[hint, limits(t, q.minN, q.maxN)].filter(Boolean).join(' ')} form={form} multiple options={q.items.map((i) => ({ value: i.key, label: i.label }))} />;
    case 'scale': {
      const low = pickTranslated(q.lowLabel, locale)?.text;
      const high = pickTranslated(q.highLabel, locale)?.text;
      const options = SCALE.map((n) => ({ value: String(n), label: n === 1 && low ? `1 — ${low}` : n === 5 && high ? `5 — ${high}` : String(n) }));
      return <ChoiceField name={f} legend={label} hint={hint} form={form} options={options} />;
    }
    case 'short':
      return <TextField name={f} label={label} hint={hint} form={form} maxlength={300} />;
    case 'long':
      return <TextArea name={f} label={label} hint={hint} form={form} rows={5} maxlength={5000} />;
    case 'rank':
    case 'points': {
      const error = form.errors[f];
      const id = fieldId(f);
      const how =
        q.kind === 'rank'
          ? t('consultations.answer.rankHow', { max: Math.min(q.maxN ?? q.items.length, q.items.length) })
          : t('consultations.answer.pointsHow', { total: q.maxN ?? 10 });
      return (
        <div class={`field${error ? ' has-error' : ''}`} id={id} tabindex={-1}>
          <fieldset aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}>
            <legend>{label}</legend>
            <span class="hint" id={`${id}-hint`}>
              {[hint, how].filter(Boolean).join(' ')}
            </span>
            {error ? (
              <span class="error-message" id={`${id}-error`}>
                <span class="visually-hidden">{t('form.errorPrefix')}</span> {error}
              </span>
            ) : null}
            {q.items.map((i) => (
              <TextField name={fieldOf(q, i.key)} type="number" inputmode="numeric" label={i.label} form={form} />
            ))}
          </fieldset>
        </div>
      );
    }
  }
}

function limits(t: (k: string, p?: Record<string, unknown>) => string, min: number | null, max: number | null) {
  if (min && max) return t('consultations.answer.between', { min, max });
  if (max) return t('consultations.answer.atMost', { max });
  if (min) return t('consultations.answer.atLeast', { min });
  return '';
}

/** The page behind the confirmation link: what is being confirmed, and the one button that does it. */
export function ConfirmAnswerPage(props: { title: string; email: string; action: string }) {
  const { t } = useView();
  return (
    <>
      <h1>{t('consultations.confirm.title')}</h1>
      <p>{t('consultations.confirm.lead', { title: props.title, email: props.email })}</p>
      <Form action={props.action}>
        <Button>{t('consultations.confirm.submit')}</Button>
      </Form>
    </>
  );
}
