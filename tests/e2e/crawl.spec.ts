/**
 * Every page a person can reach by following links — anonymously, and as an administrator — answers
 * 200, has no accessibility violations, shows its heading on the first screen and does not scroll sideways,
 * in two languages each: one at desktop width, the other on a 360 × 740 phone (so both widths are crawled
 * without crawling twice).
 */
import type { Page } from '@playwright/test';
import { readdirSync, existsSync } from 'node:fs';
import { test, expect, checkA11y, checkFirstScreen, signInAsAdmin, PHONE } from './support.js';

/**
 * Every route the application declares (the platform's and each module's `paths.ts`), as a regular expression
 * over the path after the language. A crawl visits at most PER_ROUTE pages of one route — two organizations'
 * pages show the same template — so its budget goes to pages of different kinds, whatever modules are added.
 */
async function declaredRoutes(): Promise<RegExp[]> {
  const files = ['src/platform/paths.ts', ...readdirSync('src/modules').map((m) => `src/modules/${m}/paths.ts`).filter((f) => existsSync(f))];
  const patterns = new Set<string>();
  const walk = (v: unknown, depth: number) => {
    if (!v || typeof v !== 'object' || depth > 4) return;
    const pattern = (v as { pattern?: unknown }).pattern;
    if (typeof pattern === 'string') patterns.add(pattern);
    else for (const x of Object.values(v)) walk(x, depth + 1);
  };
  for (const f of files) walk(await import(`../../${f}`), 0);
  // The most literal first, so '/bodies/new' is preferred over '/bodies/:slug', which also matches it.
  const params = (p: string) => p.split('/').filter((x) => x.startsWith(':')).length;
  return [...patterns]
    .sort((a, b) => params(a) - params(b) || b.split('/').length - a.split('/').length)
    .map((p) => {
      const body = p
        .split('/')
        .filter(Boolean)
        .map((seg) => (seg.startsWith(':') ? (seg.endsWith('?') ? '(?:/[^/]+)?' : '/[^/]+') : `/${seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`))
        .join('');
      return new RegExp(`^${body}/?$`);
    });
}

const PER_ROUTE = 2;

const SKIP = /\/(api|assets)\/|\.(json|csv|pdf|svg|png|jpe?g|webp|m?js|css|ics|atom|xml)(\?|$)|\/download|\/export|\/files\/|\/logo|\/attachments?\//;

async function crawl(page: Page, start: string, locale: string, limit = 110) {
  const routes = await declaredRoutes();
  const perRoute = new Map<string, number>();
  /** Which declared route a path is (its pattern's source), or the path itself when none matches. */
  const routeOf = (path: string) => {
    const rest = path.split('?')[0]!.slice(locale.length + 1) || '/';
    return routes.find((r) => r.test(rest))?.source ?? rest;
  };
  const seen = new Set<string>();
  const queue = [start];
  while (queue.length && seen.size < limit) {
    const path = queue.shift()!;
    if (seen.has(path)) continue;
    seen.add(path);
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(200);
    await checkA11y(page, path);
    await checkFirstScreen(page, path);
    const hrefs = await page.$$eval('a[href]', (as: { getAttribute(n: string): string | null }[]) => as.map((a) => a.getAttribute('href') ?? ''));
    for (const href of hrefs) {
      if (!href.startsWith(`/${locale}/`) && href !== `/${locale}`) continue;
      const clean = href.split('#')[0]!;
      if (SKIP.test(clean) || seen.has(clean) || queue.includes(clean)) continue;
      // Many filter combinations lead to the same page: keep one query-string variant per path.
      const base = clean.split('?')[0]!;
      if (clean.includes('?') && [...seen, ...queue].some((p) => p.split('?')[0] === base)) continue;
      const r = routeOf(clean);
      if ((perRoute.get(r) ?? 0) >= PER_ROUTE) continue;
      perRoute.set(r, (perRoute.get(r) ?? 0) + 1);
      queue.push(clean);
    }
  }
  if (process.env.CRAWL_LOG) console.log([...seen].join('\n'));
  return seen.size;
}

// The four crawls are independent: they spread over the workers.
test.describe.configure({ mode: 'parallel' });

for (const [locale, phone] of [['es', false], ['fr', true]] as const) {
  test(`every page reachable by the public in ${locale} is accessible${phone ? ' on a 360 px phone' : ''}`, async ({ page }) => {
    test.setTimeout(600_000); // about 4 minutes on a quiet machine; a shared, busy one needs more
    if (phone) await page.setViewportSize(PHONE);
    const n = await crawl(page, `/${locale}/`, locale);
    test.info().annotations.push({ type: "pages", description: String(n) });
    expect(n).toBeGreaterThan(15);
  });
}

for (const [locale, phone] of [['en', false], ['pt', true]] as const) {
  test(`every page reachable by an administrator in ${locale} is accessible${phone ? ' on a 360 px phone' : ''}`, async ({ page }) => {
    test.setTimeout(600_000); // about 4 minutes on a quiet machine; a shared, busy one needs more
    if (phone) await page.setViewportSize(PHONE);
    await signInAsAdmin(page, locale);
    const n = await crawl(page, `/${locale}/admin`, locale);
    expect(n).toBeGreaterThan(15);
  });
}
