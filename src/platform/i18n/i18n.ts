/**
 * @module Interface strings
 * i18next with one resource tree per locale: the platform's catalog at the root and each module's under
 * its name (`bodies.title`). Strings are never HTML; the views escape them.
 *
 * People's text is never read as a message: a text value passed to `t()` (a name, a title) reaches i18next
 * as an inert token and is put back after i18next is done, so `{{email}}`, `{{- x}}`, `{{count}}` or
 * `$t(key)` inside it shows literally and never fills in another value (i18next's own `skipOnVariables`
 * lets a value's `{{…}}` take the next placeholder's value: "Hola {{name}} ({{email}})" with the name
 * `{{email}}` became "Hola ana@… ({{email}})").
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
    fixed.set(l, templated(tf, l));
  }
  return { t: (locale) => fixed.get(locale)!, catalogs };
}

/** i18next's own options: not values for placeholders. */
const I18NEXT_OPTIONS = new Set(['context', 'defaultValue', 'lng', 'lngs', 'ns', 'fallbackLng', 'keySeparator', 'nsSeparator', 'returnObjects', 'returnDetails', 'ordinal', 'interpolation', 'postProcess', 'replace']);
/** Private-use characters around a value's index: nothing i18next reads as syntax (stripped from values). */
const OPEN = '\uE000';
const CLOSE = '\uE001';
const TOKEN = /\uE000(\d+)\uE001/g;
const token = (i: number) => `${OPEN}${i}${CLOSE}`;
const clean = (v: string) => v.replace(/[\uE000\uE001]/g, '');
/** A translation with its tokens replaced by the values, in order. */
const fill = (text: string, values: string[]) => text.replace(TOKEN, (_, i: string) => values[Number(i)] ?? '');

/** Templates kept per language at most (a key, a plural form and the names of its values each). */
const TEMPLATES_MAX = 20_000;

/**
 * The translator of one language. A string without options is kept for good (only keys that exist: a missing key comes
 * back as itself, and keys can come from a cookie). A string with values is made from a template kept per key, plural
 * form and names of the values: i18next is asked once, with each value replaced by a token (a count first as itself,
 * to learn which plural key it takes, then by a token), and each call puts its values in place of the tokens. So a
 * lookup (25–130 µs of i18next on the benchmark machine, decisions/0006) is made once per template, not once per
 * new value — a search's count, its text in the title — and the values never reach i18next: `{{email}}`, `{{- x}}`,
 * `{{count}}` or `$t(key)` inside a value shows literally and never fills in another value (i18next's own
 * `skipOnVariables` lets a value's `{{…}}` take the next placeholder's value: "Hola {{name}} ({{email}})" with the
 * name `{{email}}` became "Hola ana@… ({{email}})"). Numbers and booleans are written as i18next writes them.
 * Options that are i18next's own (context, ordinal…) and values of other kinds are asked of i18next each time.
 */
function templated(tf: TFunction, locale: Locale): T {
  const plain = new Map<string, string>();
  const templates = new Map<string, string | null>();
  const rules = new Intl.PluralRules(locale);
  const ask = (key: string, opts?: Record<string, unknown>) => tf(key, opts as any) as unknown as string;
  return (key, opts) => {
    if (!opts) {
      let s = plain.get(key);
      if (s !== undefined) return s;
      s = ask(key);
      if (s !== key) plain.set(key, s);
      return s;
    }
    let id = key;
    const values: string[] = [];
    const safe: Record<string, unknown> = {};
    let count: number | undefined;
    for (const k in opts) {
      const v = opts[k];
      if (I18NEXT_OPTIONS.has(k)) return direct(ask, key, opts);
      if (v === undefined || v === null) {
        safe[k] = v;
        id += `\u0000${k}\u0000${v === null ? 'n' : 'u'}`;
      } else if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') {
        safe[k] = token(values.length);
        values.push(typeof v === 'string' ? clean(v) : String(v));
        if (k === 'count' && typeof v === 'number') {
          count = v;
          id += `\u0000count\u0000${v === 0 ? 'zero' : Number.isFinite(v) ? rules.select(v) : String(v)}`;
        } else id += `\u0000${k}\u0000${typeof v === 'string' ? 's' : 'v'}`;
      } else return direct(ask, key, opts);
    }
    let tpl = templates.get(id);
    if (tpl === undefined) {
      // The plural key a count takes (it needs the number itself), then that key's text with every value a token.
      const exact = count === undefined ? key : (ask(key, { ...safe, count, returnDetails: true }) as unknown as { exactUsedKey?: string; res?: unknown }).exactUsedKey;
      const made = exact === undefined ? key : ask(exact, safe);
      // A key i18next does not know comes back as itself: asked again each time (no template for it).
      tpl = made === exact || made === key ? null : made;
      if (templates.size >= TEMPLATES_MAX) templates.clear();
      templates.set(id, tpl);
    }
    if (tpl === null) return direct(ask, key, opts);
    return fill(tpl, values);
  };
}

/** i18next asked as it is, the text values as inert tokens put back after (see `templated`). */
function direct(ask: (key: string, opts?: Record<string, unknown>) => string, key: string, opts: Record<string, unknown>): string {
  const values: string[] = [];
  const safe: Record<string, unknown> = {};
  for (const k in opts) {
    const v = opts[k];
    if (typeof v === 'string' && !I18NEXT_OPTIONS.has(k)) {
      safe[k] = token(values.length);
      values.push(clean(v));
    } else safe[k] = v;
  }
  if (!values.length) return ask(key, opts);
  return fill(ask(key, safe), values);
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
  /** A calendar date ("2026-12-01") as itself; an instant's day in the reader's zone. */
  date(d: Date | string | null | undefined): string;
  /** An instant in the reader's zone, with the zone's short name ("15 dic 2026, 23:59 GMT-5"; "… UTC" in UTC). */
  dateTime(d: Date | string | null | undefined): string;
  /** A date and time in a named IANA time zone, with the zone's short name ("14:00 GMT-3"). */
  dateTimeIn(d: Date | string | null | undefined, timeZone: string): string;
  number(n: number): string;
  percent(n: number): string;
  month(d: Date | string): string;
  list(items: string[]): string;
}

const ZONED: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'short' };
const zonedCache = new Map<string, Intl.DateTimeFormat>();
/** One formatter per language tag and zone; an unknown zone falls back to UTC rather than throwing. */
function zoned(tag: string, timeZone: string): Intl.DateTimeFormat {
  const key = `${tag}|${timeZone}`;
  let f = zonedCache.get(key);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat(tag, { ...ZONED, timeZone });
    } catch {
      f = new Intl.DateTimeFormat(tag, { ...ZONED, timeZone: 'UTC' });
    }
    if (zonedCache.size < 2000) zonedCache.set(key, f);
  }
  return f;
}

const fmtCache = new Map<string, Formatters>();
/**
 * Counts are written by the hundred on some pages (a dashboard, a consultation's results), mostly small and the same
 * from one request to the next: whole numbers below KEPT_NUMBERS are formatted once per language (~1 µs a call with
 * Intl) and kept, at most 4 × 10,000 short strings.
 */
const KEPT_NUMBERS = 10_000;
const keptNumbers = new Map<string, string[]>();
/** A calendar date without a time ("2026-12-01"): the same day in every zone. */
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Formatters for a language and the reader's time zone (default UTC). `dateTime` shows an instant in that
 * zone with the zone's short name; `date` shows an instant's day in that zone, and a calendar date
 * ("2026-12-01", a date of office) as itself. The request's `c.get('fmt')` is already in the reader's zone
 * (platform/http/middleware.ts `readerZone`).
 */
export function formatters(locale: Locale, timeZone = 'UTC'): Formatters {
  const key = `${locale}|${timeZone}`;
  const cached = fmtCache.get(key);
  if (cached) return cached;
  const tag = INTL_TAG[locale];
  const utcDate = new Intl.DateTimeFormat(tag, { dateStyle: 'long', timeZone: 'UTC' });
  let zonedDate = utcDate;
  try {
    zonedDate = new Intl.DateTimeFormat(tag, { dateStyle: 'long', timeZone });
  } catch {
    timeZone = 'UTC';
  }
  const dateTime = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
  const month = new Intl.DateTimeFormat(tag, { month: 'short', year: 'numeric', timeZone: 'UTC' });
  const number = new Intl.NumberFormat(tag);
  let numbers = keptNumbers.get(tag);
  if (!numbers) keptNumbers.set(tag, (numbers = []));
  const percent = new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 1 });
  const list = new Intl.ListFormat(tag, { type: 'conjunction' });
  const asDate = (d: Date | string) => (d instanceof Date ? d : new Date(d));
  const f: Formatters = {
    date: (d) => (d ? (typeof d === 'string' && DATE_ONLY.test(d) ? utcDate : zonedDate).format(asDate(d)) : ''),
    dateTime: (d) => (d ? (timeZone === 'UTC' ? `${dateTime.format(asDate(d))} UTC` : zoned(tag, timeZone).format(asDate(d))) : ''),
    number: (n) => (Number.isInteger(n) && n >= 0 && n < KEPT_NUMBERS && !Object.is(n, -0) ? (numbers[n] ??= number.format(n)) : number.format(n)),
    percent: (n) => percent.format(n),
    month: (d) => month.format(asDate(d)),
    dateTimeIn: (d, zone) => (d ? zoned(tag, zone).format(asDate(d)) : ''),
    list: (items) => list.format(items),
  };
  if (fmtCache.size < 2000) fmtCache.set(key, f);
  return f;
}
