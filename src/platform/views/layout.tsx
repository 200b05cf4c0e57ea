/**
 * @module Page layout
 * Skip link, header with the Mechanism's name, main navigation (behind a "Menu" disclosure on phones, see
 * decisions/0008), language switcher that keeps you on the same page, account links, flash message, main
 * content and footer. Every page goes through it via
 * `c.render(content, { title })`.
 */
import { jsx, type Child } from 'hono/jsx';
import { RequestContext } from 'hono/jsx-renderer';
import { html, raw } from 'hono/html';
import { resolveCallback, HtmlEscapedCallbackPhase } from 'hono/utils/html';
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../http/env.js';
import { LOCALES, LOCALE_NAMES } from '../i18n/locales.js';
import { readFlash } from '../http/flash.js';
import { Flash, PageTitle } from './components.js';
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

/**
 * hono's jsxRenderer (the same page, under the same RequestContext), except that the page goes out as UTF-8 bytes
 * encoded once: jsxRenderer hands `c.html()` a String object, which @hono/node-server cannot send on its fast path —
 * it builds a full web Response, scans and encodes the text, and streams it (about a fifth of the time of an 80 KB
 * page under load), and even a plain string is measured for Content-Length and then encoded again (decisions/0007).
 */
function pageRenderer(component: (props: PageProps & { children?: Child }, c: Context<AppEnv>) => Child): MiddlewareHandler<AppEnv> {
  return (c, next) => {
    c.setRenderer(async (content: Child, props: PageProps) => {
      const page = html`${raw('<!DOCTYPE html>')}${jsx(RequestContext.Provider, { value: c }, jsx(() => component({ ...props, children: content }, c), {}))}`;
      // Encoded once here: a text body would be measured (Content-Length) and encoded again when written.
      const bytes = Buffer.from(`${await resolveCallback(page, HtmlEscapedCallbackPhase.Stringify, false, {})}`);
      const res = c.body(bytes, undefined, { 'Content-Type': 'text/html; charset=UTF-8' });
      c.set('rendered', { res, bytes });
      return res;
    });
    return next();
  };
}

export const layout = pageRenderer(({ children, title, description, crumbs, noindex, feeds }, ctx) => {
  const t = ctx.get('t');
  const locale = ctx.get('locale');
  const user = ctx.get('user');
  const deps = ctx.get('deps');
  const url = new URL(ctx.req.url);
  const path = url.pathname;
  const inLocale = localePaths(url);
  const flash = readFlash(ctx);
  const nav = deps.modules.flatMap((m) => m.nav ?? []);
  const main = [{ path: '/', label: 'nav.home', area: 'main' as const, order: 0 }, ...nav.filter((n) => n.area === 'main')].sort(
    (a, b) => (a.order ?? 50) - (b.order ?? 50),
  );
  const h = (p: string) => `/${locale}${p}`;
  // A signed-in person's own places (administration, their organizations, elections, practices): in the menu.
  const mine: [string, string][] = user
    ? [
        ...(platformPolicy.can(user, 'administer') ? [[paths.admin.href(locale), t('nav.admin')] as [string, string]] : []),
        ...nav.filter((n) => n.area === 'account').map((n): [string, string] => [h(n.path), t(n.label)]),
      ]
    : [];
  const current = (p: string) => (p === '/' ? path === `/${locale}/` || path === `/${locale}` : path.startsWith(h(p)));
  return (
    <html lang={locale} dir="ltr">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <PageTitle c={ctx} title={`${title} · ${t('site.name')}`} />
        {description ? <meta name="description" content={description} /> : null}
        {noindex ? <meta name="robots" content="noindex" /> : null}
        <link rel="stylesheet" href={STYLESHEET} />
        <link rel="icon" href="/assets/favicon.svg" type="image/svg+xml" />
        <script src="/assets/forms.js?v=1" defer></script>
        {(feeds ?? []).map((f) => (
          <link rel="alternate" type="application/atom+xml" title={f.title} href={f.href} />
        ))}
        {LOCALES.filter((l) => l !== locale).map((l) => (
          <link rel="alternate" hreflang={l} href={inLocale(l)} />
        ))}
      </head>
      <body>
        <a class="skip-link" href="#main">
          {t('layout.skip')}
        </a>
        <header class="site-header">
          <div class="wrap head">
            <a class="brand" href={paths.home.href(locale)}>
              {t('site.name')}
              <small>{t('site.tagline')}</small>
            </a>
            {/* The navigation sits in a disclosure: on phones it is behind the "Menu" button (no JavaScript needed);
                on wide screens the stylesheet shows its content and hides the button. */}
            <details class="menu">
              <summary>
                <svg class="menu-icon" aria-hidden="true" focusable="false" width="18" height="14" viewBox="0 0 18 14">
                  <path d="M0 1h18M0 7h18M0 13h18" stroke="currentColor" stroke-width="2" />
                </svg>
                {t('layout.menu')}
              </summary>
              <div class="menu-panel">
                <nav class="nav" aria-label={t('layout.mainNav')}>
                  <ul>
                    {main.map((n) => (
                      <li>
                        <a href={h(n.path)} aria-current={current(n.path) ? 'page' : undefined}>
                          {t(n.label)}
                        </a>
                      </li>
                    ))}
                  </ul>
                </nav>
                {mine.length ? (
                  <nav class="nav mine" aria-label={t('layout.mineNav')}>
                    <ul>
                      {mine.map(([href, label]) => (
                        <li>
                          <a href={href} aria-current={path.startsWith(href) ? 'page' : undefined}>
                            {label}
                          </a>
                        </li>
                      ))}
                    </ul>
                  </nav>
                ) : null}
              </div>
            </details>
            <div class="tools">
            <nav class="langs" aria-label={t('layout.languages')}>
              <ul>
                {LOCALES.map((l) => (
                  <li>
                    {/* Phones show the code (its text stays in the link's name, WCAG 2.5.3); wide screens the name. */}
                    <a href={inLocale(l)} lang={l} hreflang={l} aria-current={l === locale ? 'true' : undefined}>
                      <span class="lang-code">{l.toUpperCase()} </span>
                      <span class="lang-name">{LOCALE_NAMES[l]}</span>
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
            <nav class="account-nav" aria-label={t('layout.accountNav')}>
              <ul>
                {user ? (
                  <>
                    <li>
                      <a href={paths.account.href(locale)} aria-current={path === paths.account.href(locale) ? 'page' : undefined}>
                        {t('nav.account')}
                      </a>
                    </li>
                    <li>
                      <form class="inline-form" method="post" action={paths.signOut.href(locale)}>
                        <input type="hidden" name="_csrf" value={ctx.get('csrf')} />
                        <button class="link-button" type="submit">
                          {t('nav.signOut')}
                        </button>
                      </form>
                    </li>
                  </>
                ) : (
                  <>
                    <li>
                      <a href={paths.signIn.href(locale)}>{t('nav.signIn')}</a>
                    </li>
                    <li>
                      <a href={paths.signUp.href(locale)}>{t('nav.signUp')}</a>
                    </li>
                  </>
                )}
              </ul>
            </nav>
            </div>
          </div>
        </header>
        <main id="main" tabindex={-1}>
          <div class="wrap">
            {crumbs && crumbs.length ? (
              <nav class="breadcrumbs" aria-label={t('layout.breadcrumbs')}>
                <ol>
                  {crumbs.map(([label, p]) => (
                    <li>
                      <a href={/^\/[a-z]{2}(\/|$)/.test(p) ? p : h(p)}>{label}</a>
                    </li>
                  ))}
                  <li aria-current="page">{title}</li>
                </ol>
              </nav>
            ) : null}
            {flash ? <Flash type={flash.type} message={t(flash.key, flash.params)} /> : null}
            {children}
          </div>
        </main>
        <footer class="site-footer">
          <div class="wrap">
            <p>{t('footer.about')}</p>
            <p>
              <a href={paths.about.href(locale)}>{t('nav.about')}</a> · <a href={paths.objectives.href(locale)}>{t('nav.objectives')}</a> ·{' '}
              <a href={apiPaths.docs}>{t('footer.api')}</a>
            </p>
            <p>
              <a href={paths.privacy.href(locale)}>{t('footer.privacy')}</a> · <a href={paths.terms.href(locale)}>{t('footer.terms')}</a> ·{' '}
              <a href={paths.contact.href(locale)}>{t('footer.contact')}</a>
            </p>
          </div>
        </footer>
      </body>
    </html>
  );
});
