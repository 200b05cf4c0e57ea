/**
 * @module Reference data: languages
 * The four languages every reference string is written in, Spanish first (the default).
 * Structurally identical to `Locale` in src/platform/i18n/locales.ts (data.test.ts checks that the
 * two stay equal); kept here so the reference data has no dependency on the i18n layer.
 */
export const LOCALES = ['es', 'en', 'pt', 'fr'] as const;
export type Locale = (typeof LOCALES)[number];

/** A text given in every language. */
export type Localized = Readonly<Record<Locale, string>>;
