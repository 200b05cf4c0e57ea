/** Trust pages and a person's data: privacy, terms and contact in four languages, their editor, the account's data section — accessible on desktop and on a 360 px phone. */
import { test, expect, checkA11y, signInAsAdmin } from './support.js';

for (const locale of ['es', 'en', 'pt', 'fr']) {
  test(`trust pages in ${locale} are linked from the footer and accessible`, async ({ page }) => {
    if (locale === 'pt') await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`/${locale}/`);
    for (const p of ['privacy', 'terms', 'contact']) {
      await expect(page.locator(`footer a[href="/${locale}/${p}"]`)).toBeVisible();
      const res = await page.goto(`/${locale}/${p}`);
      expect(res?.status(), p).toBe(200);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await checkA11y(page, `/${locale}/${p}`);
      await page.goto(`/${locale}/`);
    }
    await checkA11y(page, `/${locale}/ with live figures`);
  });
}

test('the site pages editor and the account page’s data section are accessible', async ({ page }) => {
  await signInAsAdmin(page, 'en');
  for (const p of ['/en/admin/pages', '/en/admin/pages/privacy', '/en/account']) {
    const res = await page.goto(p);
    expect(res?.status(), p).toBe(200);
    await checkA11y(page, p);
  }
  await expect(page.getByRole('link', { name: 'Download my data (JSON)' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Delete my account' })).toBeVisible();
});
