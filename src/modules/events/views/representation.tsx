/** @module Events views: the Mechanism's representation at an external event — the organizers' form and the section on the event page. */
import { Form, Button, ErrorSummary, TextArea, ChoiceField, EmptyState, TText, type FormState, type Option } from '../../../platform/views/components.js';
import { useView } from '../../../platform/views/context.js';
import { LOCALES, LOCALE_NAMES } from '../../../platform/i18n/locales.js';
import { pickTranslated } from '../../../platform/i18n/translated.js';
import { renderMarkdown } from '../../../platform/views/markdown.js';
import { paths } from '../paths.js';
import type { Event, Representation } from '../queries.js';

export function RepresentationFormPage(props: { e: Event; form: FormState; candidates: Option[] }) {
  const { t, locale: l } = useView();
  const { form } = props;
  return (
    <>
      <h1>{t('events.representation.title')}</h1>
      <p>
        <a href={paths.event.href(l, { id: props.e.id })}>
          <TText value={props.e.title} />
        </a>
      </p>
      <p>{t('events.representation.lead')}</p>
      <ErrorSummary errors={form.errors} />
      <Form action={paths.representation.href(l, { id: props.e.id })} keep>
        {props.candidates.length ? (
          <ChoiceField name="representatives" legend={t('events.representation.representatives')} hint={t('events.representation.representativesHint')} form={form} multiple options={props.candidates} />
        ) : (
          <p>{t('events.representation.noCandidates')}</p>
        )}
        {LOCALES.map((x) => (
          <fieldset>
            <legend>{LOCALE_NAMES[x]}</legend>
            <TextArea name={`mandate_${x}`} label={t('events.representation.mandateIn', { language: LOCALE_NAMES[x] })} form={form} lang={x} rows={4} maxlength={20000} />
            <TextArea name={`report_${x}`} label={t('events.representation.reportIn', { language: LOCALE_NAMES[x] })} hint={t('events.representation.reportHint')} form={form} lang={x} rows={5} maxlength={20000} />
          </fieldset>
        ))}
        <Button>{t('events.representation.save')}</Button>
      </Form>
    </>
  );
}

/** On an external event's page: who represents the Mechanism, the mandate, the report (Markdown through the sanitizer). */
export function RepresentationSection(props: { r: Representation | undefined; bodyName: Map<string, string> }) {
  const { t, locale } = useView();
  const r = props.r;
  const mandate = r && pickTranslated(r.mandate, locale);
  const report = r && pickTranslated(r.report, locale);
  return (
    <section aria-labelledby="representation">
      <h2 id="representation">{t('events.representation.title')}</h2>
      {r?.representatives.length ? (
        <ul>
          {r.representatives.map((p) => (
            <li>
              {p.name} — {props.bodyName.get(p.bodyId) ?? ''}
            </li>
          ))}
        </ul>
      ) : (
        <EmptyState>{t('events.representation.none')}</EmptyState>
      )}
      {mandate ? (
        <>
          <h3>{t('events.representation.mandate')}</h3>
          <div class="prose" lang={mandate.lang} dangerouslySetInnerHTML={{ __html: renderMarkdown(mandate.text, { minHeading: 4 }) }} />
        </>
      ) : null}
      <h3>{t('events.representation.report')}</h3>
      {report ? <div class="prose" lang={report.lang} dangerouslySetInnerHTML={{ __html: renderMarkdown(report.text, { minHeading: 4 }) }} /> : <p>{t('events.representation.noReport')}</p>}
    </section>
  );
}
