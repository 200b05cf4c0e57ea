/**
 * @module Paths
 * One place per URL: a module's `paths.ts` declares each of its routes once with `route('/bodies/:slug')`,
 * and routes (`.pattern`), views, mails and tests (`.href(locale, params)`) all use that declaration, so no
 * URL is written twice. Patterns are Hono's, relative to the language prefix; a parameter may carry a
 * regular expression (`:id{[0-9a-z]{16}}`).
 */
import type { Locale } from '../i18n/locales.js';

type Segments<S extends string> = S extends `${infer A}/${infer B}` ? A | Segments<B> : S;
type ParamName<Seg extends string> = Seg extends `:${infer N}{${string}` ? N : Seg extends `:${infer N}` ? N : never;
/** The parameters a pattern takes: `'/bodies/:slug{[a-z-]+}/area'` → `{ slug: string }`. */
export type PathParams<P extends string> = { [K in ParamName<Segments<P>>]: string | number };

export type Query = Record<string, string | number | boolean | null | undefined | (string | number)[]>;

export interface Route<P extends string> {
  /** The Hono pattern, for `app.get(route.pattern, …)`. */
  readonly pattern: P;
  /** The URL in a language: `route.href('es', { slug: 'mesa-1' }, { page: 2 })` → `/es/bodies/mesa-1?page=2`. */
  href(locale: Locale, ...args: keyof PathParams<P> extends never ? [params?: Record<string, never>, query?: Query] : [params: PathParams<P>, query?: Query]): string;
  /** The absolute URL (for mails): `route.url(baseUrl, 'pt', { … })`. */
  url(baseUrl: string, locale: Locale, ...args: keyof PathParams<P> extends never ? [params?: Record<string, never>, query?: Query] : [params: PathParams<P>, query?: Query]): string;
}

/** Declares a route once; see the module's paths.ts. */
export function route<const P extends string>(pattern: P): Route<P> {
  const segments = pattern.split('/');
  const build = (locale: Locale, params: Record<string, string | number> = {}, query?: Query) => {
    const path = segments
      .map((seg) => {
        if (!seg.startsWith(':')) return seg;
        const name = seg.slice(1).split('{')[0]!.replace(/\?$/, '');
        const v = params[name];
        if (v === undefined || v === null || v === '') throw new Error(`path ${pattern}: missing parameter ${name}`);
        return encodeURIComponent(String(v));
      })
      .join('/');
    return `/${locale}${path === '/' || path === '' ? '/' : path}${queryString(query)}`;
  };
  return {
    pattern,
    href: (locale, ...args) => build(locale, args[0] as Record<string, string | number> | undefined, args[1]),
    url: (baseUrl, locale, ...args) => baseUrl.replace(/\/$/, '') + build(locale, args[0] as Record<string, string | number> | undefined, args[1]),
  };
}

/** `?a=1&b=x&b=y` from a record; empty values are left out; '' when nothing remains. */
export function queryString(query?: Query): string {
  if (!query) return '';
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '' || v === false) continue;
    if (Array.isArray(v)) for (const x of v) q.append(k, String(x));
    else q.append(k, v === true ? '1' : String(v));
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}
