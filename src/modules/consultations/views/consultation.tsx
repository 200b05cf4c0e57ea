/** @module Consultations views: one consultation — what it asks, its state, and its organizers' actions. */
import { Form, Button, EmptyState, TText, Notice, HistoryTable } from '../../../platform/views/components.js';
import { useView } from '../../../platform/views/context.js';
import { pickTranslated } from '../../../platform/i18n/translated.js';
import { LOCALES } from '../../../platform/i18n/locales.js';
import { translationStatus, consultationParts } from '../translation.js';
import type { ReadItem } from '../../../platform/audit/read.js';
import { paths as bodiesPaths, type BodyRow } from '../../bodies/index.js';
import { paths } from '../paths.js';
import type { Consultation } from '../queries.js';
import type { Resolved } from '../model.js';
import { ConditionNote, TranslationNotice } from './common.js';

export interface Can {
  /** Change the texts and translations (organizers, at any status). */
  translate?: boolean;
  design: boolean;
  open: boolean;
  close: boolean;
  answer: boolean;
  results: boolean;
  export: boolean;
  publishResults: boolean;
}

export function ConsultationPage(props: { k: Consultation; body: BodyRow; questions: Resolved[]; can: Can; answeredOrgs: string[]; history: ReadItem[] }) {
  const { t, locale, fmt } = useView();
  const { k, can } = props;
  const day = (iso: string | null) => (iso ? fmt.date(iso) : '—');
  const id = { id: k.id };
  const ts = translationStatus(k.originalLang, consultationParts(k, props.questions));
  const lang = (l: string) => t(`languageNames.${l}`);
  return (
    <>
      <h1>{pickTranslated(k.title, locale) ? <TText value={k.title} /> : k.id}</h1>
      <TranslationNotice k={k} status={ts} />
      <dl class="facts">
        <dt>{t('consultations.page.status')}</dt>
        <dd>{t(`consultations.status.${k.status}`)}</dd>
        <dt>{t('consultations.page.body')}</dt>
        <dd>
          <a href={bodiesPaths.body.href(locale, { slug: props.body.slug })}>
            <TText value={props.body.name} />
          </a>
        </dd>
        <dt>{t('consultations.page.audience')}</dt>
        <dd>{t(`consultations.audience.${k.audience}`)}</dd>
        <dt>{t('consultations.page.window')}</dt>
        <dd>{t('consultations.page.windowValue', { opens: day(k.opensAt ?? k.openedAt), closes: day(k.closesAt ?? k.closedAt) })}</dd>
        <dt>{t('consultations.page.answers')}</dt>
        <dd>{fmt.number(k.answerCount)}</dd>
        <dt>{t('consultations.page.publication')}</dt>
        <dd>{t(k.publishAnswers ? 'consultations.page.publishAnswers' : 'consultations.page.aggregatesOnly')}</dd>
        <dt>{t('consultations.page.release')}</dt>
        <dd>{k.resultsPublishedAt ? t('consultations.page.releasedOn', { date: fmt.date(k.resultsPublishedAt) }) : t(`consultations.release.${k.resultsRelease}`)}</dd>
        <dt>{t('consultations.page.languages')}</dt>
        <dd>{LOCALES.map((l) => `${lang(l)} (${t(`consultations.translation.${ts[l]}`)})`).join(', ')}</dd>
      </dl>
      {pickTranslated(k.purpose, locale) ? (
        <>
          <h2>{t('consultations.page.purpose')}</h2>
          <TText value={k.purpose} as="div" />
        </>
      ) : null}
      {pickTranslated(k.instructions, locale) ? (
        <>
          <h2>{t('consultations.page.instructions')}</h2>
          <TText value={k.instructions} as="div" />
        </>
      ) : null}
      {props.answeredOrgs.length ? <Notice type="success">{t('consultations.page.answeredFor', { orgs: fmt.list(props.answeredOrgs) })}</Notice> : null}
      <p class="actions">
        {can.answer ? (
          <a class="button" href={paths.answer.href(locale, id)}>
            {t(props.answeredOrgs.length ? 'consultations.page.changeAnswer' : 'consultations.page.answer')}
          </a>
        ) : null}{' '}
        {can.results ? <a href={paths.results.href(locale, id)}>{t('consultations.page.results')}</a> : null}{' '}
        {can.export ? (
          <>
            <a href={paths.exportCsv.href(locale, id)}>{t('consultations.page.exportCsv')}</a> <a href={paths.exportJson.href(locale, id)}>{t('consultations.page.exportJson')}</a>
          </>
        ) : null}
      </p>
      {can.translate ? (
        <p>
          <a href={paths.texts.href(locale, id)}>{t('consultations.page.editTexts')}</a>
        </p>
      ) : null}
      <h2>{t('consultations.page.questions')}</h2>
      {props.questions.length ? (
        <ol class="questions">
          {props.questions.map((q) => (
            <li>
              <strong>
                <TText value={q.prompt} />
              </strong> <span class="hint">({t(`consultations.kinds.${q.kind}`)}{q.required ? `, ${t('consultations.page.required')}` : ''})</span>
              <ConditionNote q={q} all={props.questions} />
              {can.design ? (
                <Form action={paths.removeQuestion.href(locale, { id: k.id, qid: q.id })}>
                  <Button variant="secondary">{t('consultations.page.removeQuestion', { n: q.position })}</Button>
                </Form>
              ) : null}
            </li>
          ))}
        </ol>
      ) : (
        <EmptyState>{t('consultations.page.noQuestions')}</EmptyState>
      )}
      {can.design ? (
        <p>
          <a class="button secondary" href={paths.addQuestion.href(locale, id)}>
            {t('consultations.page.addQuestion')}
          </a>
        </p>
      ) : null}
      {can.open ? (
        <Form action={paths.open.href(locale, id)}>
          <Button>{t('consultations.page.open')}</Button>
        </Form>
      ) : null}
      {can.close ? (
        <Form action={paths.close.href(locale, id)}>
          <Button variant="danger">{t('consultations.page.close')}</Button>
        </Form>
      ) : null}
      {can.publishResults ? (
        <Form action={paths.publishResults.href(locale, id)}>
          <p class="hint">{t('consultations.page.publishHint')}</p>
          <Button>{t('consultations.page.publish')}</Button>
        </Form>
      ) : null}
      {can.design || can.close || can.export ? (
        <>
          <h2>{t('consultations.page.history')}</h2>
          <HistoryTable items={props.history} caption={t('consultations.page.history')} captionHidden />
        </>
      ) : null}
    </>
  );
}
