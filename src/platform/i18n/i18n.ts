/**
 * @module Interface strings
 * i18next with one resource tree per locale: the platform's catalog at the root and each module's under
 * its name (`bodies.title`). Strings are never HTML; the views escape them.
 */
import i18next, { type TFunction } from 'i18next';
import { LOCALES, INTL_TAG, DEFAULT_LOCALE, type Locale } from './locales.js';
import type { Catalog } from '../module.js';
import es from './messages/es.json' with { type: 'json' };
import en from './messages/en.json' with { type: 'json' };
import pt from './messages/pt.json' with { type: 'json' };
import fr from './messages/fr.json' with { type: 'json' };

export const PLATFORM_MESSAGES: Record<Locale, Catalog> = { es, en, pt, fr };

export type T = (key: string, opts?: Record<string, unknown>) => string;

export interface I18n {
  t(locale: Locale): T;
  /** Every catalog, merged, per locale (for the completeness test). */
  catalogs: Record<Locale, Catalog>;
}

/** Builds the translator from the platform catalog and the modules' catalogs. */
export function createI18n(modules: { name: string; messages?: Record<Locale, Catalog> }[]): I18n {
  const catalogs = {} as Record<Locale, Catalog>;
  for (const locale of LOCALES) {
    const tree: Catalog = { ...PLATFORM_MESSAGES[locale] };
    for (const m of modules) {
      if (m.messages) tree[m.name] = m.messages[locale];
    }
    catalogs[locale] = withManyPlurals(tree);
  }
  const instance = i18next.createInstance();
  void instance.init({
    resources: Object.fromEntries(LOCALES.map((l) => [l, { translation: catalogs[l] }])),
    lng: DEFAULT_LOCALE,
    fallbackLng: false,
    supportedLngs: [...LOCALES],
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
    showSupportNotice: false,
  } as any);
  const fixed = new Map<Locale, T>();
  for (const l of LOCALES) {
    const tf: TFunction = instance.getFixedT(l);
    // A string without options never changes once the catalogs are loaded: looked up once per locale (an
    // i18next lookup cost 25–50 µs on the benchmark machine and a page makes dozens; decisions/0006).
    const plain = new Map<string, string>();
    fixed.set(l, (key, opts) => {
      if (opts) return tf(key, opts as any) as unknown as string;
      let s = plain.get(key);
      if (s !== undefined) return s;
      s = tf(key) as unknown as string;
      // Only keys that exist are kept (a missing key comes back as itself): keys can come from a cookie.
      if (s !== key) plain.set(key, s);
      return s;
    });
  }
  return { t: (locale) => fixed.get(locale)!, catalogs };
}

/**
 * CLDR gives Spanish, Portuguese and French a 'many' plural for large round numbers (1 000 000 de …);
 * i18next then looks for `key_many` and, without it, shows the bare key. Catalogs write `_one` and
 * `_other`; `_many` is filled from `_other` where it is missing.
 */
function withManyPlurals(tree: Catalog): Catalog {
  const out: Catalog = {};
  for (const [k, v] of Object.entries(tree)) {
    out[k] = typeof v === 'string' ? v : withManyPlurals(v);
  }
  for (const [k, v] of Object.entries(tree)) {
    if (k.endsWith('_other') && typeof v === 'string') {
      const many = `${k.slice(0, -'_other'.length)}_many`;
      if (!(many in out)) out[many] = v;
    }
  }
  return out;
}

/** Dates, numbers and lists formatted with Intl for a locale; formatters are cached. */
export interface Formatters {
  date(d: Date | string | null | undefined): string;
  dateTime(d: Date | string | null | undefined): string;
  number(n: number): string;
  percent(n: number): string;
  month(d: Date | string): string;
  list(items: string[]): string;
}

const fmtCache = new Map<Locale, Formatters>();
export function formatters(locale: Locale): Formatters {
  const cached = fmtCache.get(locale);
  if (cached) return cached;
  const tag = INTL_TAG[locale];
  const date = new Intl.DateTimeFormat(tag, { dateStyle: 'long', timeZone: 'UTC' });
  const dateTime = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
  const month = new Intl.DateTimeFormat(tag, { month: 'short', year: 'numeric', timeZone: 'UTC' });
  const number = new Intl.NumberFormat(tag);
  const percent = new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 1 });
  const list = new Intl.ListFormat(tag, { type: 'conjunction' });
  const asDate = (d: Date | string) => (d instanceof Date ? d : new Date(d));
  const f: Formatters = {
    date: (d) => (d ? date.format(asDate(d)) : ''),
    dateTime: (d) => (d ? `${dateTime.format(asDate(d))} UTC` : ''),
    number: (n) => number.format(n),
    percent: (n) => percent.format(n),
    month: (d) => month.format(asDate(d)),
    list: (items) => list.format(items),
  };
  fmtCache.set(locale, f);
  return f;
}
