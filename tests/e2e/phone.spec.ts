/**
 * A phone, by keyboard and without JavaScript: the header's navigation is behind a "Menu" button that opens and
 * leads on; on a wide screen the same links show without the button. The directory's filters are behind a
 * "Filters" button on a phone, and the filters in force are summarized above the results.
 */
import { test, expect, checkA11y, checkFirstScreen, signInAsAdmin, PHONE } from './support.js';

// The journeys run without JavaScript (axe needs it, so the open menu and filters are checked in a test of their own).
test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a phone user reaches another page through the header menu with the keyboard alone', async ({ page }) => {
    await page.setViewportSize(PHONE);
    await page.goto('/pt/');
    const menu = page.locator('header details.menu');
    const button = menu.locator('summary');
    const coverage = page.getByRole('navigation', { name: 'Navegação principal' }).getByRole('link', { name: 'Cobertura' });
    await expect(button).toBeVisible();
    await expect(button).toHaveText('Menu');
    await expect(coverage).toBeHidden();
    // The languages and the account links share one row under the name and the button; the header leaves the page room.
    const [langs, account] = [await page.locator('header .langs').boundingBox(), await page.locator('header .account-nav').boundingBox()];
    expect(Math.abs(langs!.y + langs!.height / 2 - (account!.y + account!.height / 2))).toBeLessThan(4);
    expect((await page.locator('header').boundingBox())!.height).toBeLessThan(140);

    // Skip link, the Mechanism's name, then the menu button.
    const focused = () => page.evaluate(() => (globalThis as any).document.activeElement?.textContent?.trim() ?? '');
    for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
    expect(await focused()).toBe('Menu');
    await expect(button).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(menu).toHaveAttribute('open', '');
    await expect(coverage).toBeVisible();
    // Tab through the menu's links to "Cobertura" (at most the number of links in the menu).
    for (let i = 0; i < 12 && (await focused()) !== 'Cobertura'; i++) await page.keyboard.press('Tab');
    await expect(coverage).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/pt\/coverage$/);
    await expect(page.locator('h1')).toHaveText('Cobertura e expansão');
    // The new page starts with the menu closed and its heading on the first screen.
    await expect(page.locator('header details.menu')).not.toHaveAttribute('open', '');
    await checkFirstScreen(page);

    // Space opens and closes the menu too.
    await page.locator('header details.menu summary').focus();
    await page.keyboard.press('Space');
    await expect(page.locator('header details.menu')).toHaveAttribute('open', '');
    await page.keyboard.press('Space');
    await expect(page.locator('header details.menu')).not.toHaveAttribute('open', '');
  });

  test('a signed-in phone user finds their own places in the menu and the account links in the header row', async ({ page }) => {
    await page.setViewportSize(PHONE);
    await signInAsAdmin(page, 'fr');
    await page.goto('/fr/');
    await expect(page.locator('header .account-nav').getByRole('link', { name: 'Mon compte' })).toBeVisible();
    await expect(page.locator('header .account-nav').getByRole('button', { name: 'Se déconnecter' })).toBeVisible();
    const mine = page.getByRole('navigation', { name: 'Votre espace' });
    await expect(mine.getByRole('link', { name: 'Administration' })).toBeHidden();
    await page.locator('header details.menu summary').click();
    await expect(mine.getByRole('link', { name: 'Administration' })).toBeVisible();
    await checkFirstScreen(page);
  });

  test('on a wide screen the navigation shows without a menu button', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto('/es/');
    await expect(page.locator('header details.menu summary')).toBeHidden();
    const nav = page.getByRole('navigation', { name: 'Navegación principal' });
    await expect(nav.getByRole('link', { name: 'Cobertura' })).toBeVisible();
    // Languages by name, not code.
    await expect(page.getByRole('navigation', { name: 'Idioma' }).getByRole('link', { name: 'Português' })).toBeVisible();
    await nav.getByRole('link', { name: 'Cobertura' }).click();
    await expect(page).toHaveURL(/\/es\/coverage$/);
  });

  test('directory filters sit behind a Filters button on a phone, with the filters in force above the results', async ({ page }) => {
    await page.setViewportSize(PHONE);
    await page.goto('/es/members?country=PY&type=youth');
    const panel = page.locator('details.filter-panel');
    await expect(panel.locator('> summary')).toHaveText('Filtros (en uso: 2)');
    await expect(page.getByLabel('Tipo de organización')).toBeHidden();
    await expect(page.locator('.active-filters')).toContainText('Filtrado por:');
    await expect(page.locator('.active-filters')).toContainText('Paraguay');
    await expect(page.locator('.active-filters')).toContainText('Organización juvenil');
    await checkFirstScreen(page);
    await panel.locator('> summary').focus();
    await page.keyboard.press('Enter');
    await expect(page.getByLabel('Tipo de organización')).toBeVisible();
    await page.locator('.active-filters').getByRole('link', { name: 'Quitar filtros' }).click();
    await expect(page).toHaveURL(/\/es\/members$/);
    await expect(page.locator('.active-filters')).toHaveCount(0);
    await expect(page.locator('details.filter-panel > summary')).toHaveText('Filtros');

    // On a wide screen the form shows without the button.
    await page.setViewportSize({ width: 1280, height: 800 });
    await expect(page.locator('details.filter-panel > summary')).toBeHidden();
    await expect(page.getByLabel('Tipo de organización')).toBeVisible();
  });
});

test('the open menu and the open filters have no accessibility violations on a phone', async ({ page }) => {
  await page.setViewportSize(PHONE);
  await page.goto('/pt/');
  await page.locator('header details.menu summary').click();
  await checkA11y(page, '/pt/ with the menu open');
  await page.goto('/pt/practices?country=BR');
  await page.locator('details.filter-panel > summary').click();
  await checkA11y(page, '/pt/practices with the filters open');
});
