/**
 * Reports in the browser: an administrator generates the Mechanism's report for this year from the reports
 * page (a scope it cannot read first: refused at its field), reads the live report, publishes it; a visitor
 * finds the edition on the home page and the reports page, opens it in Portuguese and downloads the Portuguese
 * PDF, whose text is read back — with axe on every new page at desktop width and on a 360 px phone.
 */
import { readFileSync } from 'node:fs';
import { test, expect, checkA11y, signInAsAdmin, PHONE } from './support.js';
import { pdfText } from '../support/pdf-text.js';

/** axe at desktop width, then on a phone, then back. */
async function bothSizes(page: import('@playwright/test').Page, label: string) {
  await checkA11y(page, `${label} (desktop)`);
  const size = page.viewportSize();
  await page.setViewportSize(PHONE);
  await checkA11y(page, `${label} (phone)`);
  if (size) await page.setViewportSize(size);
}

test("an administrator publishes the Mechanism's report; a visitor downloads it in Portuguese", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const year = String(new Date().getUTCFullYear());
  await signInAsAdmin(page);
  await page.goto('/es/reports');
  await expect(page.locator('h1')).toHaveText('Informes');
  await bothSizes(page, 'reports page with the form');

  // A body's report without a body is refused at its field.
  await page.locator('input[name=kind][value=body]').check();
  await page.locator('form[action$="/reports/preview"] button[type=submit]').click();
  await expect(page.locator('.error-summary')).toBeVisible();
  await expect(page.locator('#f-body-error')).toContainText('Elige una Mesa.');
  await bothSizes(page, 'reports form with an error');

  await page.locator('input[name=kind][value=mechanism]').check();
  await page.locator('input[name=period][value=year]').check();
  await page.locator('input[name=year]').fill(year);
  await page.locator('form[action$="/reports/preview"] button[type=submit]').click();
  await expect(page).toHaveURL(/\/es\/reports\/preview\?/);
  await expect(page.locator('h1')).toHaveText('Hoja informativa del Mecanismo de Diálogo');
  await expect(page.locator('.report-period')).toHaveText(`Año ${year}`);
  await expect(page.getByRole('heading', { name: 'Membresía y cobertura' })).toBeVisible();
  await bothSizes(page, 'live report');

  await page.getByRole('button', { name: 'Publicar esta edición' }).click();
  await expect(page).toHaveURL(/\/es\/reports\/[0-9a-z]{16}$/);
  const id = /\/reports\/([0-9a-z]{16})$/.exec(page.url())![1]!;
  await expect(page.locator('.report-head .hint')).toContainText('Edición publicada el');
  await bothSizes(page, 'published edition');

  // A visitor: the home page shows the latest edition; the reports page lists it.
  const visitorCtx = await browser.newContext({ baseURL: new URL(page.url()).origin, acceptDownloads: true });
  const visitor = await visitorCtx.newPage();
  await visitor.goto('/es/');
  await expect(visitor.getByRole('heading', { name: 'Último informe publicado' })).toBeVisible();
  await visitor.goto('/es/reports');
  await expect(visitor.getByRole('link', { name: 'Hoja informativa del Mecanismo de Diálogo', exact: true })).toBeVisible();
  await bothSizes(visitor, 'reports page (visitor)');
  await visitor.getByRole('link', { name: 'Português' }).click();
  await expect(visitor).toHaveURL(/\/pt\/reports$/);
  await visitor.getByRole('link', { name: 'Folha informativa do Mecanismo de Diálogo', exact: true }).click();
  await expect(visitor).toHaveURL(new RegExp(`/pt/reports/${id}$`));
  await expect(visitor.getByRole('heading', { name: 'Filiação e cobertura' })).toBeVisible();
  await bothSizes(visitor, 'published edition in Portuguese (visitor)');

  const [download] = await Promise.all([visitor.waitForEvent('download'), visitor.locator(`li[lang=pt] a[href$="/pt/reports/${id}/report.pdf"]`).click()]);
  expect(download.suggestedFilename()).toMatch(/-pt\.pdf$/);
  const pdf = await pdfText(new Uint8Array(readFileSync((await download.path())!)));
  expect(pdf.pages).toBeGreaterThanOrEqual(3);
  const flat = pdf.text.replace(/\s+/g, ' ');
  for (const words of ['Folha informativa do Mecanismo de Diálogo', `Ano ${year}`, 'Conteúdo', 'Filiação e cobertura', 'Boas práticas publicadas', 'Edição publicada em']) expect(flat).toContain(words);
  await visitorCtx.close();
});
