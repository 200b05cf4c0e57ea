/**
 * @module Page layout
 * Skip link, header with the Mechanism's name, main navigation (behind a "Menu" disclosure on phones, see
 * decisions/0008), language switcher that keeps you on the same page, account links, flash message, main
 * content and footer. Every page goes through it via
 * `c.render(content, { title })`.
 */
import { jsx, type Child } from 'hono/jsx';
import { RequestContext } from 'hono/jsx-renderer';
import { html } from 'hono/html';
import { resolveCallback, HtmlEscapedCallbackPhase, type HtmlEscapedString } from 'hono/utils/html';
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../http/env.js';
import { LOCALES, LOCALE_NAMES } from '../i18n/locales.js';
import { readFlash } from '../http/flash.js';
import { csrfToken } from '../http/csrf.js';
import { pageTitleText } from './components.js';
import { escapeHtml as esc, pageBytes } from './fragment.js';
import { paths, apiPaths } from '../paths.js';
import { platformPolicy } from '../policy.js';
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';

/** The stylesheet's address, versioned by its content: browsers keep assets a week, and never an old stylesheet. */
export const STYLESHEET = `/assets/app.css?v=${createHash('sha256')
  .update(readFileSync(new URL('./assets/app.css', import.meta.url)))
  .digest('hex')
  .slice(0, 10)}`;

declare module 'hono' {
  interface ContextRenderer {
    (content: Child, props: PageProps): Response | Promise<Response>;
  }
}

export interface PageProps {
  title: string;
  /** Meta description for search engines and link previews. */
  description?: string;
  /** Breadcrumb trail: [label, href][] (a path's `.href(locale)`, or a path after the language); the current page is not included. */
  crumbs?: [string, string][];
  /** Prevents search engines from indexing private pages. */
  noindex?: boolean;
  /** Atom feeds of this page (platform/feeds.ts), announced in the head for feed readers (autodiscovery). */
  feeds?: { title: string; href: string }[];
}

/** The path of the same page in another language (query string kept). */
export function switchLocalePath(c: Context<AppEnv>, target: string): string {
  return localePaths(new URL(c.req.url))(target);
}

/** switchLocalePath for one parsed URL, for the layout's eight links (one URL parse per page, not eight). */
function localePaths(url: URL): (target: string) => string {
  const parts = url.pathname.split('/');
  return (target) => {
    parts[1] = target;
    return parts.join('/') + url.search;
  };
}

const attr = (name: string, value: string | undefined) => (value === undefined ? '' : ` ${name}="${esc(value)}"`);

/**
 * What the layout writes the same way on every page of a language (the head's assets, the header up to the menu, the
 * menu's entries, the footer), made once per language and set of modules: a page only fills in its title, the
 * language links, which entry is the current one, the account menu and its own body (decisions/0007, "The layout as
 * strings").
 */
interface Chrome {
  head: string;
  headerStart: string;
  main: { path: string; href: string; label: string }[];
  account: { nav: { path: string; href: string; label: string }[]; admin: string; mineStart: string };
  toolsStart: string;
  langs: { l: string; code: string; name: string }[];
  accountStart: string;
  signedIn: { accountHref: string; account: string; signOutHref: string; signOut: string };
  signedOut: string;
  mainStart: string;
  breadcrumbs: string;
  footer: string;
}

const chromes = new WeakMap<object, Map<string, Chrome>>();

function chromeFor(ctx: Context<AppEnv>): Chrome {
  const deps = ctx.get('deps');
  const locale = ctx.get('locale');
  let byLocale = chromes.get(deps.modules);
  if (!byLocale) chromes.set(deps.modules, (byLocale = new Map()));
  const have = byLocale.get(locale);
  if (have) return have;
  const t = ctx.get('t');
  const nav = deps.modules.flatMap((m) => m.nav ?? []);
  const main = [{ path: '/', label: 'nav.home', area: 'main' as const, order: 0 }, ...nav.filter((n) => n.area === 'main')].sort((a, b) => (a.order ?? 50) - (b.order ?? 50));
  const h = (p: string) => `/${locale}${p}`;
  const chrome: Chrome = {
    head:
      `<link rel="stylesheet" href="${esc(STYLESHEET)}"/><link rel="icon" href="/assets/favicon.svg" type="image/svg+xml"/>` +
      `<script src="/assets/forms.js?v=1" defer=""></script>`,
    headerStart:
      `</head><body><a class="skip-link" href="#main">${esc(t('layout.skip'))}</a><header class="site-header"><div class="wrap head">` +
      `<a class="brand" href="${esc(paths.home.href(locale))}">${esc(t('site.name'))}<small>${esc(t('site.tagline'))}</small></a>` +
      // The navigation sits in a disclosure: on phones it is behind the "Menu" button (no JavaScript needed); on wide
      // screens the stylesheet shows its content and hides the button.
      `<details class="menu"><summary><svg class="menu-icon" aria-hidden="true" focusable="false" width="18" height="14" viewBox="0 0 18 14">` +
      `<path d="M0 1h18M0 7h18M0 13h18" stroke="currentColor" stroke-width="2"></path></svg>${esc(t('layout.menu'))}</summary>` +
      `<div class="menu-panel"><nav class="nav" aria-label="${esc(t('layout.mainNav'))}"><ul>`,
    main: main.map((n) => ({ path: n.path, href: esc(h(n.path)), label: esc(t(n.label)) })),
    account: {
      nav: nav.filter((n) => n.area === 'account').map((n) => ({ path: h(n.path), href: esc(h(n.path)), label: esc(t(n.label)) })),
      admin: paths.admin.href(locale),
      mineStart: `<nav class="nav mine" aria-label="${esc(t('layout.mineNav'))}"><ul>`,
    },
    toolsStart: `</div></details><div class="tools"><nav class="langs" aria-label="${esc(t('layout.languages'))}"><ul>`,
    langs: LOCALES.map((l) => ({ l, code: l.toUpperCase(), name: esc(LOCALE_NAMES[l]) })),
    accountStart: `</ul></nav><nav class="account-nav" aria-label="${esc(t('layout.accountNav'))}"><ul>`,
    signedIn: { accountHref: paths.account.href(locale), account: esc(t('nav.account')), signOutHref: esc(paths.signOut.href(locale)), signOut: esc(t('nav.signOut')) },
    signedOut: `<li><a href="${esc(paths.signIn.href(locale))}">${esc(t('nav.signIn'))}</a></li><li><a href="${esc(paths.signUp.href(locale))}">${esc(t('nav.signUp'))}</a></li>`,
    mainStart: `</ul></nav></div></div></header><main id="main" tabindex="-1"><div class="wrap">`,
    breadcrumbs: `<nav class="breadcrumbs" aria-label="${esc(t('layout.breadcrumbs'))}"><ol>`,
    footer:
      `</div></main><footer class="site-footer"><div class="wrap"><p>${esc(t('footer.about'))}</p>` +
      `<p><a href="${esc(paths.about.href(locale))}">${esc(t('nav.about'))}</a> · <a href="${esc(paths.objectives.href(locale))}">${esc(t('nav.objectives'))}</a> · ` +
      `<a href="${esc(apiPaths.docs)}">${esc(t('footer.api'))}</a></p>` +
      `<p><a href="${esc(paths.privacy.href(locale))}">${esc(t('footer.privacy'))}</a> · <a href="${esc(paths.terms.href(locale))}">${esc(t('footer.terms'))}</a> · ` +
      `<a href="${esc(paths.contact.href(locale))}">${esc(t('footer.contact'))}</a></p></div></footer></body></html>`,
  };
  byLocale.set(locale, chrome);
  return chrome;
}

/**
 * The layout: the page's body rendered with hono/jsx (under hono's RequestContext, so `useRequestContext` works as
 * with hono's jsxRenderer), then the layout around it written as strings from the language's `Chrome`, and the whole
 * page encoded to UTF-8 once (bytes a route kept and put into it with `keptBytes` are copied, not encoded again). Two
 * things matter for speed (decisions/0007): the layout's fixed parts are not rendered again for every page, and the
 * response's body is a `Buffer` — @hono/node-server sends a primitive body on its fast path, where a `String` object
 * (what jsxRenderer hands `c.html()`) makes it build a full web Response. The bytes are kept in `c.get('rendered')`
 * with the response made from them, for compression and the page cache.
 */
export const layout: MiddlewareHandler<AppEnv> = (c, next) => {
  c.setRenderer(async (content: Child, props: PageProps) => {
    // HTML already made (a kept template filled: fragment.tsx `keptTemplate`) is put in as it is; JSX is rendered.
    const body = isMade(content) ? content : await resolveCallback(html`${jsx(RequestContext.Provider, { value: c }, content)}`, HtmlEscapedCallbackPhase.Stringify, false, {});
    const bytes = pageBytes(c, page(c, props, `${body}`));
    const res = c.body(bytes, undefined, { 'Content-Type': 'text/html; charset=UTF-8' });
    c.set('rendered', { res, bytes });
    return res;
  });
  return next();
};

/** HTML with nothing left to render: escaped (hono's `raw`), with no callbacks waiting. */
const isMade = (content: Child): content is HtmlEscapedString => content instanceof String && (content as HtmlEscapedString).isEscaped === true && !(content as HtmlEscapedString).callbacks?.length;

/** The page around its rendered body (what the JSX layout wrote, byte for byte). */
function page(ctx: Context<AppEnv>, { title, description, crumbs, noindex, feeds }: PageProps, body: string): string {
  const t = ctx.get('t');
  const locale = ctx.get('locale');
  const user = ctx.get('user');
  const url = new URL(ctx.req.url);
  const path = url.pathname;
  const inLocale = localePaths(url);
  const flash = readFlash(ctx);
  const k = chromeFor(ctx);
  const h = (p: string) => `/${locale}${p}`;
  let out = `<!DOCTYPE html><html lang="${locale}" dir="ltr"><head><meta charset="utf-8"/><meta name="viewport" content="width=device-width, initial-scale=1"/>`;
  out += `<title>${esc(pageTitleText(ctx, `${title} · ${t('site.name')}`))}</title>`;
  if (description) out += `<meta name="description" content="${esc(description)}"/>`;
  if (noindex) out += `<meta name="robots" content="noindex"/>`;
  out += k.head;
  for (const f of feeds ?? []) out += `<link rel="alternate" type="application/atom+xml" title="${esc(f.title)}" href="${esc(f.href)}"/>`;
  for (const l of LOCALES) if (l !== locale) out += `<link rel="alternate" hreflang="${l}" href="${esc(inLocale(l))}"/>`;
  out += k.headerStart;
  const home = path === `/${locale}/` || path === `/${locale}`;
  for (const n of k.main) out += `<li><a href="${n.href}"${(n.path === '/' ? home : path.startsWith(h(n.path))) ? ' aria-current="page"' : ''}>${n.label}</a></li>`;
  out += '</ul></nav>';
  // A signed-in person's own places (administration, their organizations, elections, practices): in the menu.
  if (user) {
    const admin = platformPolicy.can(user, 'administer');
    if (admin || k.account.nav.length) {
      out += k.account.mineStart;
      if (admin) out += `<li><a href="${esc(k.account.admin)}"${path.startsWith(k.account.admin) ? ' aria-current="page"' : ''}>${esc(t('nav.admin'))}</a></li>`;
      for (const n of k.account.nav) out += `<li><a href="${n.href}"${path.startsWith(n.path) ? ' aria-current="page"' : ''}>${n.label}</a></li>`;
      out += '</ul></nav>';
    }
  }
  out += k.toolsStart;
  // Phones show the code (its text stays in the link's name, WCAG 2.5.3); wide screens the name.
  for (const x of k.langs)
    out += `<li><a href="${esc(inLocale(x.l))}" lang="${x.l}" hreflang="${x.l}"${x.l === locale ? ' aria-current="true"' : ''}><span class="lang-code">${x.code} </span><span class="lang-name">${x.name}</span></a></li>`;
  out += k.accountStart;
  if (user) {
    const a = k.signedIn;
    out += `<li><a href="${esc(a.accountHref)}"${path === a.accountHref ? ' aria-current="page"' : ''}>${a.account}</a></li>`;
    out += `<li><form class="inline-form" method="post" action="${a.signOutHref}"><input type="hidden" name="_csrf"${attr('value', csrfToken(ctx))}/><button class="link-button" type="submit">${a.signOut}</button></form></li>`;
  } else out += k.signedOut;
  out += k.mainStart;
  if (crumbs && crumbs.length) {
    out += k.breadcrumbs;
    for (const [label, p] of crumbs) out += `<li><a href="${esc(/^\/[a-z]{2}(\/|$)/.test(p) ? p : h(p))}">${esc(label)}</a></li>`;
    out += `<li aria-current="page">${esc(title)}</li></ol></nav>`;
  }
  if (flash) out += `<div class="notice ${flash.type}" role="${flash.type === 'error' ? 'alert' : 'status'}"><p>${esc(t(flash.key, flash.params))}</p></div>`;
  return out + body + k.footer;
}
