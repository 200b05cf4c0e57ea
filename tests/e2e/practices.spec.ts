/**
 * Good practices in the browser: draft (missing title/objective refused on submit), submit, review with a
 * request for changes, fix and resubmit, approve, then find it by a misspelled, unaccented search and by
 * its objective's Hub filter. axe runs on every page of the module.
 * (The administrator documents the practice here: joining an organization belongs to the membership journey.)
 */
import { test, expect, checkA11y, signInAsAdmin, choose } from './support.js';

test('document, review and find a good practice', async ({ page }) => {
  test.setTimeout(150_000);
  const stamp = Date.now();
  const title = `Escuelas de acogida para niñez migrante ${stamp}`;
  await signInAsAdmin(page);

  await page.goto('/es/practices/new');
  await checkA11y(page, 'new practice form');
  await page.locator('textarea[name=summary_es]').fill('Nivelación escolar y apoyo psicosocial en escuelas públicas.');
  // Submitting without a title or an objective is refused, and the form says why.
  await page.getByRole('button', { name: 'Enviar a revisión' }).click();
  await expect(page.locator('.error-summary')).toContainText('Escribe un título antes de enviarla');
  await expect(page.locator('.error-summary')).toContainText('Elige al menos un objetivo antes de enviarla');
  await expect(page.locator('textarea[name=summary_es]')).toHaveValue('Nivelación escolar y apoyo psicosocial en escuelas públicas.');
  await checkA11y(page, 'form with errors');
  // It can be saved as a draft.
  await page.getByRole('button', { name: 'Guardar borrador' }).click();
  await expect(page.locator('.notice.success')).toBeVisible();
  await expect(page.locator('.badge')).toContainText('Borrador');
  await checkA11y(page, 'draft page');

  await page.getByRole('link', { name: 'Editar', exact: true }).click();
  await page.locator('input[name=title_es]').fill(title);
  await page.locator('textarea[name=actions_es]').fill('Talleres de nivelación y acompañamiento a familias.');
  await page.locator('textarea[name=results_es]').fill('Trescientas niñas y niños matriculados.');
  await page.locator('input[name=scope][value=national]').check();
  await choose(page, 'countries', 'PE');
  await page.locator('input[name=start_date]').fill('2021-03-01');
  await choose(page, 'objectives', '16');
  await page.locator('input[name=principles][value=child-sensitive]').check();
  await page.locator('input[name=resource_type][value=practice]').check();
  await page.locator('input[name=contact_email]').fill('contacto@example.org');
  await page.getByRole('button', { name: 'Enviar a revisión' }).click();
  await expect(page.locator('.notice.success')).toBeVisible();
  await expect(page.locator('.badge')).toContainText('Enviada');

  // The review queue lists it; the reviewer asks for changes.
  await page.goto('/es/practices/review');
  await checkA11y(page, 'review queue');
  await page.getByRole('link', { name: title }).click();
  await page.getByRole('button', { name: 'Empezar la revisión' }).click();
  await expect(page.locator('.badge')).toContainText('En revisión');
  await page.locator('textarea[name=comment]').first().fill('Agreguen cómo replicarla.');
  await page.getByRole('button', { name: 'Pedir cambios' }).click();
  await expect(page.locator('.badge')).toContainText('Devuelta para cambios');
  await expect(page.locator('table')).toContainText('Agreguen cómo replicarla.');
  await checkA11y(page, 'returned practice');

  // Fixed and submitted again, then approved.
  await page.getByRole('link', { name: 'Editar', exact: true }).click();
  await page.locator('textarea[name=replication_es]').fill('Se necesita un acuerdo con la secretaría de educación.');
  await page.getByRole('button', { name: 'Enviar a revisión' }).click();
  await expect(page.locator('.badge')).toContainText('Enviada');
  await page.getByRole('button', { name: 'Aprobar y publicar' }).click();
  await expect(page.locator('.notice.success')).toContainText('publicada');
  const url = page.url();

  // Anyone finds it: no accents, one typo, and by its objective's Hub id.
  await page.context().clearCookies();
  await page.goto('/es/practices?text=escuelas+acojida');
  await expect(page.getByRole('link', { name: title })).toBeVisible();
  await checkA11y(page, 'search results');
  await page.goto('/es/practices?gcm_objectives=294');
  await expect(page.getByRole('link', { name: title })).toBeVisible();
  await page.goto(url);
  await checkA11y(page, 'published practice');
  await page.getByRole('link', { name: /Objetivo 16/ }).first().click();
  await expect(page).toHaveURL(/gcm_objectives=294/);
  for (const l of ['en', 'pt', 'fr']) {
    await page.goto(`/${l}/practices`);
    await checkA11y(page, `/${l}/practices`);
  }
  await page.goto('/es/objectives/16');
  await expect(page.getByRole('link', { name: title })).toBeVisible();
});
