/**
 * @module Consultations: translation status per language, as practices show it. A consultation is written in
 * one language (its original); every text written in it — the title, purpose and instructions, and each
 * question's prompt, help, scale labels and own items — is a part. In another language the consultation is
 * `complete` when every part is there too, `partial` when some are, `missing` when none is (the reader then sees
 * the original, with a notice). Pure.
 */
import { LOCALES, type Locale } from '../../platform/i18n/locales.js';
import { parseTranslated, type Translated } from '../../platform/i18n/translated.js';
import type { Question } from './model.js';

export type TranslationState = 'original' | 'complete' | 'partial' | 'missing';

/** The translatable texts of a consultation and its questions. */
export function consultationParts(k: { title: string | Translated; purpose: string | Translated; instructions: string | Translated }, questions: Pick<Question, 'prompt' | 'help' | 'lowLabel' | 'highLabel' | 'customItems'>[] = []): Translated[] {
  return [
    parseTranslated(k.title),
    parseTranslated(k.purpose),
    parseTranslated(k.instructions),
    ...questions.flatMap((q) => [q.prompt, q.help, q.lowLabel, q.highLabel, ...q.customItems.map((i) => i.label)]),
  ];
}

/** Each language's state over the parts written in the original language. */
export function translationStatus(original: Locale, parts: Translated[]): Record<Locale, TranslationState> {
  const written = parts.filter((p) => !!p[original]);
  const out = {} as Record<Locale, TranslationState>;
  for (const l of LOCALES) {
    if (l === original) out[l] = 'original';
    else {
      const have = written.filter((p) => !!p[l]).length;
      out[l] = written.length && have === written.length ? 'complete' : have ? 'partial' : 'missing';
    }
  }
  return out;
}
