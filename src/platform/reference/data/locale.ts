/**
 * @module Reference data: languages
 * The four languages every reference string is written in (the interface's own list), and the type of a
 * text given in all of them.
 */
import type { Locale } from '../../i18n/locales.js';

export { LOCALES, type Locale } from '../../i18n/locales.js';

/** A text given in every language. */
export type Localized = Readonly<Record<Locale, string>>;
