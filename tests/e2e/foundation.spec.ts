/** The foundation's journey: public pages in four languages, sign-up with the mailed link, sign-in, language switch, accessibility. */
import { test, expect, checkA11y, signUpAndVerify, signInAsAdmin } from './support.js';

const PUBLIC = ['/', '/about', '/bodies', '/bodies/mt2', '/bodies/mt4-1', '/objectives', '/objectives/8', '/principles', '/sign-in', '/sign-up', '/forgot-password'];

for (const locale of ['es', 'en', 'pt', 'fr']) {
  test(`public pages in ${locale} have no accessibility violations`, async ({ page }) => {
    for (const p of PUBLIC) {
      const res = await page.goto(`/${locale}${p}`);
      expect(res?.status(), p).toBe(200);
      await expect(page.locator('html')).toHaveAttribute('lang', locale);
      await checkA11y(page, `/${locale}${p}`);
    }
  });
}

test('the first visit goes to the browser language; the switcher keeps the page', async ({ browser }) => {
  const ctx = await browser.newContext({ locale: 'pt-BR', extraHTTPHeaders: { 'Accept-Language': 'pt-BR,pt;q=0.9' } });
  const page = await ctx.newPage();
  await page.goto('/');
  await expect(page).toHaveURL(/\/pt\/$/);
  await page.goto('/pt/bodies/mt3');
  await page.getByRole('navigation', { name: /idioma/i }).getByRole('link', { name: 'Français' }).click();
  await expect(page).toHaveURL(/\/fr\/bodies\/mt3$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await ctx.close();
});

test('sign up, confirm by mail, sign in, see sessions, sign out', async ({ page }) => {
  const email = `person-${Date.now()}@example.org`;
  // A form with mistakes keeps what was typed and says what is wrong.
  await page.goto('/es/sign-up');
  await page.locator('input[name=name]').fill('Ana Pérez');
  await page.locator('input[name=email]').fill('not-an-email');
  await page.locator('form[action$="/sign-up"] button[type=submit]').click();
  await expect(page.locator('.error-summary')).toBeVisible();
  await expect(page.locator('input[name=name]')).toHaveValue('Ana Pérez');
  await checkA11y(page, 'sign-up with errors');

  await signUpAndVerify(page, { name: 'Ana Pérez', email, password: 'una-contraseña-larga' });
  await page.goto('/es/account');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mi cuenta');
  await expect(page.getByText('Este dispositivo', { exact: true })).toBeVisible();
  await checkA11y(page, 'account');
  await page.locator('form[action$="/sign-out"] button').click();
  await expect(page.locator('.notice')).toContainText('Cerraste la sesión');
});

test('administration pages are accessible', async ({ page }) => {
  await signInAsAdmin(page, 'en');
  for (const p of ['/en/admin', '/en/admin/outbox', '/en/admin/users', '/en/admin/audit']) {
    const res = await page.goto(p);
    expect(res?.status(), p).toBe(200);
    await checkA11y(page, p);
  }
});

test('unknown pages get a localized 404', async ({ page }) => {
  const res = await page.goto('/fr/nowhere');
  expect(res?.status()).toBe(404);
  await expect(page.locator('h1')).toContainText('page');
  await checkA11y(page, '404');
});
