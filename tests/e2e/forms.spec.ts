/**
 * Forms that never lose work: a failed "submit for review" leaves a saved draft and says what is missing
 * (summary focused, fields named, "Error:" in the title); the join form by keyboard alone, through its
 * grouped lists; a copy kept in the browser is offered back after the tab was closed.
 */
import { test, expect, checkA11y, signInAsAdmin, choose } from './support.js';

test('a failed practice submission leaves a saved draft', async ({ page }) => {
  await signInAsAdmin(page);
  await page.goto('/es/practices/new');
  await page.locator('textarea[name=problem_es]').fill('Niñez migrante fuera de la escuela.');
  await page.locator('textarea[name=actions_es]').fill('Talleres de nivelación.');
  await page.locator('textarea[name=results_es]').fill('Trescientas matrículas.');
  await choose(page, 'countries', 'PE');
  await page.locator('input[name=start_date]').fill('2021-03-01');
  await page.getByRole('button', { name: 'Enviar a revisión' }).click();

  const summary = page.locator('.error-summary');
  await expect(summary).toBeFocused();
  await expect(page).toHaveTitle(/^Error: /);
  await expect(summary.getByRole('link', { name: 'Título: Escribe un título antes de enviarla' })).toHaveAttribute('href', '#f-title_es');
  await expect(page.locator('.notice.info')).toContainText('Guardamos lo que escribiste como borrador');
  await checkA11y(page, 'failed submission');

  // Leave the page: the draft is in the database with everything typed.
  const edit = await page.locator('form[data-keep]').getAttribute('action');
  expect(edit).toMatch(/^\/es\/practices\/[^/]+\/edit$/);
  await page.goto('/es/practices/mine');
  await page.goto(edit!);
  await expect(page.locator('textarea[name=problem_es]')).toHaveValue('Niñez migrante fuera de la escuela.');
  await expect(page.locator('textarea[name=results_es]')).toHaveValue('Trescientas matrículas.');
  await expect(page.locator('input[name=countries][value=PE]')).toBeChecked();
  await expect(page.locator('input[name=start_date]')).toHaveValue('2021-03-01');
});

test('the join form by keyboard alone, through its grouped lists', async ({ page }) => {
  const stamp = Date.now();
  await page.goto('/es/join');
  await checkA11y(page, 'join with groups');
  // The skip link is the first stop; following it puts the keyboard at the form, past the header's links
  // (which grow with every module), so the count below is the form's own.
  await page.keyboard.press('Tab');
  await expect(page.locator('a.skip-link:focus')).toHaveCount(1);
  await page.keyboard.press('Enter');
  let tabs = 0;
  /** Presses Tab until the focused element matches, counting the presses. */
  const tabTo = async (selector: string) => {
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab');
      tabs++;
      if ((await page.locator(`${selector}:focus`).count()) > 0) return;
    }
    throw new Error(`never reached ${selector}`);
  };
  await tabTo('input[name=name]');
  await page.keyboard.type(`Red por teclado ${stamp}`);
  await tabTo('select[name=country]');
  await page.keyboard.type('Per');
  await expect(page.locator('select[name=country]')).toHaveValue('PE');
  // The countries: filter the list, then tick the one left.
  await tabTo('input[type=search]');
  await page.keyboard.type('peru');
  await tabTo('input[name=countries][value=PE]');
  await page.keyboard.press('Space');
  await tabTo('select[name=type]');
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('select[name=type]')).not.toHaveValue('');
  // The objectives: open a theme with the keyboard, choose all of it at once.
  await tabTo('#f-objectives details:nth-of-type(1) > summary');
  await page.keyboard.press('Enter');
  await tabTo('#f-objectives [data-select-all]');
  await page.keyboard.press('Enter');
  // Spanish is ticked already (the page's language); add Portuguese.
  await tabTo('input[name=languages][value=pt]');
  await page.keyboard.press('Space');
  await expect(page.locator('input[name=languages]:checked')).toHaveCount(2);
  await tabTo('input[name=person_name]');
  await page.keyboard.type('Ana Teclado');
  await tabTo('input[name=email]');
  await page.keyboard.type(`teclado-${stamp}@example.org`);
  await tabTo('input[name=password]');
  await page.keyboard.type('una-clave-larga-123');
  await tabTo('input[name=confirm]');
  await page.keyboard.type('una-clave-larga-123');
  await tabTo('input[name=role_title]');
  await page.keyboard.type('Coordinadora');
  await tabTo('input[name=accept_principles]');
  await page.keyboard.press('Space');
  await tabTo('input[name=accept_terms]');
  await page.keyboard.press('Space');
  await tabTo('form[data-keep] button[type=submit]');
  // Counted from the skip link's target, so the header's links are not in it: 54 with this journey's choices.
  expect(tabs, 'Tab presses from the skip link to the submit button').toBeLessThan(60);
  await expect(page.locator('input[name=objectives]:checked')).toHaveCount(5);
  await page.keyboard.press('Enter');
  await expect(page.locator('h1')).toHaveText('Recibimos tu solicitud');
});

test('a copy kept in the browser is offered back after the tab was closed', async ({ page }) => {
  await page.goto('/es/join');
  await page.locator('input[name=name]').fill('Red que no se pierde');
  await choose(page, 'countries', 'BO');
  await page.waitForTimeout(700);
  await page.reload();
  await expect(page.locator('input[name=name]')).toHaveValue('');
  const offer = page.locator('.keep-offer');
  await expect(offer).toContainText('¿Quieres recuperarlo?');
  await checkA11y(page, 'join with the offer');
  await offer.getByRole('button', { name: 'Recuperar lo que escribí' }).click();
  await expect(page.locator('input[name=name]')).toHaveValue('Red que no se pierde');
  await expect(page.locator('input[name=countries][value=BO]')).toBeChecked();
  await expect(offer).toHaveCount(0);
});
