/** @module Pages: the home page (what the Mechanism is, its bodies, what is new) and the about page. Public and cached. */
import { Hono } from 'hono';
import type { AppEnv } from '../../platform/http/env.js';
import { MECHANISM } from '../../platform/reference/data/mechanism.js';
import { listBodies } from '../bodies/index.js';
import { paths, membershipPaths } from './paths.js';
import { HomePage } from './views/home.js';
import { AboutPage } from './views/about.js';
import { z } from 'zod';
import type { Context } from 'hono';
import { action } from '../../platform/http/action.js';
import { requireUser, authorize } from '../../platform/authz/authz.js';
import { emptyForm, type FormState } from '../../platform/views/components.js';
import { translatedFromForm } from '../../platform/i18n/translated.js';
import { LOCALES } from '../../platform/i18n/locales.js';
import { pagesPolicy } from './policy.js';
import { SinceLastVisit } from '../../platform/digest/visits.js';
import { renderPublic, html, sectionContext } from '../../platform/views/fragment.js';
import { SITE_PAGES, isSitePage, sitePageTexts, saveSitePage, type SitePage } from './site-pages.js';
import { SitePageView, SitePagesAdmin, SitePageForm } from './views/site-pages.js';

export const pagesRoutes = new Hono<AppEnv>({ strict: false });

pagesRoutes.get(paths.home.pattern, async (c) => {
  const t = c.get('t');
  const l = c.get('locale');
  const { db, dialect, modules, cache } = c.get('deps');
  // What every reader sees — the bodies, the live figures and the modules' sections, none of which depends on the
  // reader — rendered once per language and kept as long as the cached public page would be (emptied by every
  // write). Two forms: with the "what is new" part (where a signed-in reader's "since your last visit" goes first),
  // and without it, for when nothing is new and the reader is signed out or on a first visit.
  const page = await cache.fragment(`pages.home:${l}`, async () => {
    const bodies = (await listBodies(db)).filter((b) => !b.parentId);
    const ctx = { db, dialect, locale: l, t };
    const sections = (await Promise.all(modules.filter((m) => m.homeSections).map((m) => m.homeSections!(ctx, {})))).filter(Boolean);
    // Live figures, counted now: the page never claims a number the directory contradicts.
    const figures = (await Promise.all(modules.filter((m) => m.homeFigures).map((m) => m.homeFigures!(ctx)))).flat().sort((a, b) => a.order - b.order);
    // The membership module's application form, when it is installed (its nav declares the path).
    const join = modules.some((m) => m.name === 'membership') ? membershipPaths.join.href(l) : undefined;
    const withNew = await renderPublic(c, <HomePage bodies={bodies} sections={[html(SINCE_HERE), ...sections]} figures={figures} join={join} />);
    return { withNew: withNew.split(SINCE_HERE) as [string, string], plain: sections.length ? null : await renderPublic(c, <HomePage bodies={bodies} sections={[]} figures={figures} join={join} />) };
  });
  // Signed in: what is new since the previous visit, from every module's `updates`, first (never cached: the page
  // cache keeps anonymous pages only).
  const since = await SinceLastVisit(c);
  c.set('cacheable', true);
  const head = { title: t('nav.home'), description: t('pages.home.lead') };
  if (!since && page.plain !== null) return c.render(html(page.plain), head);
  return c.render(
    <>
      {html(page.withNew[0])}
      {since}
      {html(page.withNew[1])}
    </>,
    head,
  );
});

/** Where a signed-in reader's "since your last visit" goes in the stored home page. */
const SINCE_HERE = '<!--dialogo:since-->';

pagesRoutes.get(paths.about.pattern, async (c) => {
  const t = c.get('t');
  const { db, dialect, modules } = c.get('deps');
  // The Mechanism's plan (a module's about section) replaces the static axes; without one, the factsheet's text.
  // The sections are the same for every reader (no user given): they may keep what they render (`shared`).
  const { shared } = sectionContext(c);
  const sections = (await Promise.all(modules.filter((m) => m.aboutSections).map((m) => m.aboutSections!({ db, dialect, locale: c.get('locale'), t, shared }, {})))).filter(Boolean);
  c.set('cacheable', true);
  return c.render(<AboutPage sections={sections} />, { title: t('pages.about.title'), description: MECHANISM.about[c.get('locale')] });
});

/** The trust pages: public, in the reader's language, the Technical Group's address filled in. */
for (const slug of SITE_PAGES) {
  pagesRoutes.get(paths[slug].pattern, async (c) => {
    const t = c.get('t');
    const { db, config } = c.get('deps');
    const text = (await sitePageTexts(db, slug))[c.get('locale')].replaceAll('{{adminEmail}}', config.adminEmail);
    c.set('cacheable', true);
    return c.render(<SitePageView title={t(`pages.site.${slug}`)} markdown={text} />, { title: t(`pages.site.${slug}`) });
  });
}

pagesRoutes.get(paths.adminSitePages.pattern, (c) => {
  authorize(c, pagesPolicy.can(requireUser(c), 'editSitePages'));
  const t = c.get('t');
  return c.render(<SitePagesAdmin />, { title: t('pages.site.adminTitle'), noindex: true });
});

const slugOf = (c: Context<AppEnv>): SitePage | null => {
  const s = c.req.param('slug') ?? '';
  return isSitePage(s) ? s : null;
};

async function renderSitePageForm(c: Context<AppEnv>, slug: SitePage, form?: FormState) {
  const t = c.get('t');
  const texts = await sitePageTexts(c.get('deps').db, slug);
  const state = form ?? emptyForm(Object.fromEntries(LOCALES.map((l) => [`body_${l}`, texts[l]])));
  return c.render(<SitePageForm slug={slug} form={state} />, { title: t('pages.site.editTitle', { page: t(`pages.site.${slug}`) }), noindex: true });
}

pagesRoutes.get(paths.adminSitePage.pattern, async (c) => {
  const user = requireUser(c);
  const slug = slugOf(c);
  if (!slug) return c.notFound();
  authorize(c, pagesPolicy.can(user, 'editSitePages'));
  return renderSitePageForm(c, slug);
});

/** Each language's text; an empty one goes back to the default text. */
const SitePageInput = z.object(Object.fromEntries(LOCALES.map((l) => [`body_${l}`, z.string().max(50_000, { message: 'pages.site.tooLong' }).optional()])));

pagesRoutes.post(
  paths.adminSitePage.pattern,
  action({
    load: async (c) => slugOf(c),
    allow: (actor) => pagesPolicy.can(actor, 'editSitePages'),
    input: SitePageInput,
    run: (trx, { actor, subject, values }) => saveSitePage(trx, actor.id, subject, translatedFromForm(values, 'body')),
    form: (c, { subject, form }) => renderSitePageForm(c, subject, form),
    done: ({ locale, subject }) => ({ to: paths[subject].href(locale), flash: 'pages.site.saved' }),
  }),
);
