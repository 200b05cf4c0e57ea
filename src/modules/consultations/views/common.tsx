/** @module Consultations views: small shared parts. */
import { Notice } from '../../../platform/views/components.js';
import { useView } from '../../../platform/views/context.js';
import type { TranslationState } from '../translation.js';
import { pickTranslated } from '../../../platform/i18n/translated.js';
import { paths } from '../paths.js';
import type { Consultation } from '../queries.js';
import type { Question, Resolved } from '../model.js';

export function ConsultationLink(props: { k: Consultation }) {
  const { locale } = useView();
  return <a href={paths.consultation.href(locale, { id: props.k.id })}>{pickTranslated(props.k.title, locale)?.text ?? props.k.id}</a>;
}

/** "Answer only if question 2 is 'Yes'": the condition, in words, for pages without JavaScript. */
export function ConditionNote(props: { q: Question; all: Resolved[] }) {
  const { t, locale } = useView();
  if (!props.q.showIf) return null;
  const on = props.all.find((x) => x.id === props.q.showIf!.questionId);
  if (!on) return null;
  const value = on.items.find((i) => i.key === props.q.showIf!.value)?.label ?? props.q.showIf.value;
  return <p class="hint">{t('consultations.answer.onlyIf', { n: on.position, question: pickTranslated(on.prompt, locale)?.text ?? '', value })}</p>;
}

/** To a reader whose language the consultation is not (fully) translated into: what they see instead. */
export function TranslationNotice(props: { k: Consultation; status: Record<string, TranslationState> }) {
  const { t, locale } = useView();
  const state = props.status[locale];
  if (state !== 'missing' && state !== 'partial') return null;
  const lang = (l: string) => t(`languageNames.${l}`);
  return <Notice type="info">{t(state === 'missing' ? 'consultations.page.notTranslated' : 'consultations.page.partlyTranslated', { language: lang(locale), original: lang(props.k.originalLang) })}</Notice>;
}
