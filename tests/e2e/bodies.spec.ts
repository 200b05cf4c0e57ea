/** Bodies in the browser: public pages, the administrator's edit page and members' area, with axe. */
import { test, expect, checkA11y, signInAsAdmin } from './support.js';

test('an administrator edits a body in four languages and appoints from the members area', async ({ page }) => {
  await signInAsAdmin(page);
  await page.goto('/es/bodies/mt4/edit');
  await checkA11y(page, 'edit body');
  await page.locator('input[name=name_en]').fill('Working Group 4 (edited)');
  await page.locator('form[action$="/bodies/mt4/edit"] button[type=submit]').click();
  await expect(page).toHaveURL(/\/es\/bodies\/mt4$/);
  await expect(page.locator('.notice.success')).toBeVisible();
  await page.goto('/en/bodies/mt4');
  await expect(page.locator('h1')).toContainText('Working Group 4 (edited)');
  await page.goto('/es/bodies/mt4/area');
  await checkA11y(page, 'members area (admin)');
  await page.locator('input[name=email]').fill('nobody@example.org');
  await page.locator('form[action*="/appoint"] button[type=submit]').click();
  await expect(page.locator('.error-summary')).toBeVisible();
  await checkA11y(page, 'appoint with errors');
});

test('body pages are accessible in four languages', async ({ page }) => {
  for (const l of ['es', 'en', 'pt', 'fr']) {
    for (const p of ['/bodies', '/bodies/mt1', '/bodies/mt4-1', '/bodies/mv', '/bodies/mtec']) {
      const res = await page.goto(`/${l}${p}`);
      if (res?.status() === 404) continue;
      expect(res?.status(), p).toBe(200);
      await checkA11y(page, `/${l}${p}`);
    }
  }
});
