/**
 * Every page a person can reach by following links — anonymously, and as an administrator — answers
 * 200, has no accessibility violations, shows its heading on the first screen and does not scroll sideways,
 * in two languages each: one at desktop width, the other on a 360 × 740 phone (so both widths are crawled
 * without crawling twice).
 */
import type { Page } from '@playwright/test';
import { test, expect, checkA11y, checkFirstScreen, signInAsAdmin, PHONE } from './support.js';

const SKIP = /\/(api|assets)\/|\.(json|csv|pdf|svg|png|jpe?g|webp|m?js|css|ics)(\?|$)|\/download|\/export|\/logo|\/attachments?\//;

async function crawl(page: Page, start: string, locale: string, limit = 70) {
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
      queue.push(clean);
    }
  }
  return seen.size;
}

// The four crawls are independent: they spread over the workers.
test.describe.configure({ mode: 'parallel' });

for (const [locale, phone] of [['es', false], ['fr', true]] as const) {
  test(`every page reachable by the public in ${locale} is accessible${phone ? ' on a 360 px phone' : ''}`, async ({ page }) => {
    test.setTimeout(600_000); // about 4 minutes on a quiet machine; a shared, busy one needs more
    if (phone) await page.setViewportSize(PHONE);
    const n = await crawl(page, `/${locale}/`, locale);
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
