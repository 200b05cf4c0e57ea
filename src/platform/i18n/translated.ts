/**
 * @module Text written by people, per language
 * What users write is stored per language (`{"es": "…", "pt": "…"}` as JSON text). Reading it in a
 * language that has no text yet falls back honestly: to Spanish, then to any language there is, and
 * says so, so the page can show a "not yet translated" notice with the language actually shown.
 */
import { z } from 'zod';
import { LOCALES, DEFAULT_LOCALE, type Locale } from './locales.js';

export type Translated = Partial<Record<Locale, string>>;

export interface Picked {
  text: string;
  /** The language of `text`. */
  lang: Locale;
  /** True when `text` is not in the language asked for. */
  fallback: boolean;
}

/** Parses stored JSON text (or an object) into a Translated, dropping empty entries. */
export function parseTranslated(value: string | Translated | null | undefined): Translated {
  if (!value) return {};
  let obj: unknown = value;
  if (typeof value === 'string') {
    try {
      obj = JSON.parse(value);
    } catch {
      return { [DEFAULT_LOCALE]: value };
    }
  }
  const out: Translated = {};
  if (obj && typeof obj === 'object') {
    for (const l of LOCALES) {
      const v = (obj as Record<string, unknown>)[l];
      if (typeof v === 'string' && v.trim()) out[l] = v;
    }
  }
  return out;
}

/** Serializes for storage. */
export function stringifyTranslated(t: Translated): string {
  return JSON.stringify(parseTranslated(t));
}

/** The text in `locale`, or the honest fallback. */
export function pickTranslated(value: string | Translated | null | undefined, locale: Locale): Picked | null {
  const t = parseTranslated(value);
  if (t[locale]) return { text: t[locale]!, lang: locale, fallback: false };
  for (const l of [DEFAULT_LOCALE, ...LOCALES]) {
    if (t[l]) return { text: t[l]!, lang: l, fallback: true };
  }
  return null;
}

/** Which languages have text. */
export function languagesOf(value: string | Translated | null | undefined): Locale[] {
  const t = parseTranslated(value);
  return LOCALES.filter((l) => !!t[l]);
}

/**
 * A zod schema for a translatable field in a form: fields named `${name}_${locale}`; at least one
 * language required when `required`, each at most `max` characters.
 */
export function translatedFromForm(form: Record<string, unknown>, name: string): Translated {
  const out: Translated = {};
  for (const l of LOCALES) {
    const v = form[`${name}_${l}`];
    if (typeof v === 'string' && v.trim()) out[l] = v.trim();
  }
  return out;
}

export const TranslatedSchema = z.object({
  es: z.string().max(20000).optional(),
  en: z.string().max(20000).optional(),
  pt: z.string().max(20000).optional(),
  fr: z.string().max(20000).optional(),
});
