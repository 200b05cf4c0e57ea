/** @module Events views: the minutes form (organizers) and the published minutes on the event page. */
import { Form, Button, ErrorSummary, TextField, TextArea, SelectField, Checkbox, Table, TText, type FormState, type Option } from '../../../platform/views/components.js';
import { useView } from '../../../platform/views/context.js';
import { LOCALES, LOCALE_NAMES } from '../../../platform/i18n/locales.js';
import { pickTranslated } from '../../../platform/i18n/translated.js';
import { renderMarkdown } from '../../../platform/views/markdown.js';
import { paths } from '../paths.js';
import { ACTION_ROWS } from '../schemas.js';
import type { Event, Minutes } from '../queries.js';

export function MinutesFormPage(props: { e: Event; form: FormState; bodies: Option[] }) {
  const { t, locale: l } = useView();
  const { form } = props;
  return (
    <>
      <h1>{t('events.minutes.title')}</h1>
      <p>
        <a href={paths.event.href(l, { id: props.e.id })}>
          <TText value={props.e.title} />
        </a>
      </p>
      <ErrorSummary errors={form.errors} />
      <Form action={paths.minutes.href(l, { id: props.e.id })}>
        <p class="hint">{t('events.minutes.hint')}</p>
        {LOCALES.map((x) => (
          <fieldset>
            <legend>{LOCALE_NAMES[x]}</legend>
            <TextArea name={`summary_${x}`} label={t('events.minutes.summaryIn', { language: LOCALE_NAMES[x] })} form={form} lang={x} rows={6} maxlength={20000} />
            <TextArea name={`agreements_${x}`} label={t('events.minutes.agreementsIn', { language: LOCALE_NAMES[x] })} form={form} lang={x} rows={4} maxlength={20000} />
          </fieldset>
        ))}
        <fieldset>
          <legend>{t('events.minutes.actions')}</legend>
          {Array.from({ length: ACTION_ROWS }, (_, i) => (
            <div class="agenda-row">
              <TextField name={`action_${i}_text`} label={t('events.minutes.actionText', { n: i + 1 })} form={form} maxlength={500} />
              <SelectField name={`action_${i}_body`} label={t('events.minutes.actionBody', { n: i + 1 })} form={form} options={props.bodies} empty="—" />
              <TextField name={`action_${i}_due`} type="date" label={t('events.minutes.actionDue', { n: i + 1 })} form={form} />
            </div>
          ))}
        </fieldset>
        <Checkbox name="publish" label={t('events.minutes.publish')} hint={t('events.minutes.publishHint')} form={form} />
        <Button>{t('events.minutes.save')}</Button>
      </Form>
    </>
  );
}

/** The published minutes: Markdown through the platform's sanitizer, then the follow-up actions. */
export function MinutesSection(props: { m: Minutes; bodyName: Map<string, string> }) {
  const { t, locale, fmt } = useView();
  const summary = pickTranslated(props.m.summary, locale);
  const agreements = pickTranslated(props.m.agreements, locale);
  return (
    <section aria-labelledby="minutes">
      <h2 id="minutes">{t('events.minutes.heading')}</h2>
      {summary ? <div class="prose" lang={summary.lang} dangerouslySetInnerHTML={{ __html: renderMarkdown(summary.text, { minHeading: 3 }) }} /> : null}
      {agreements ? (
        <>
          <h3>{t('events.minutes.agreements')}</h3>
          <div class="prose" lang={agreements.lang} dangerouslySetInnerHTML={{ __html: renderMarkdown(agreements.text, { minHeading: 4 }) }} />
        </>
      ) : null}
      {props.m.actions.length ? (
        <Table
          caption={t('events.minutes.actions')}
          head={[t('events.minutes.action'), t('events.minutes.responsible'), t('events.minutes.due')]}
          rows={props.m.actions.map((a) => [a.text, a.bodyId ? props.bodyName.get(a.bodyId) ?? '' : '', a.dueOn ? fmt.date(a.dueOn) : ''])}
        />
      ) : null}
    </section>
  );
}
