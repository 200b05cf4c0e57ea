/**
 * The library in the browser: a person's organization is approved and joins Mesa 1, and an administrator
 * appoints them its secretary; the secretary adds a
 * study with its Portuguese version (real PDFs with text, made here with pdfmake) after a file whose bytes are
 * not a PDF is refused; the text is read in the background; another person finds the study by a word that is
 * only inside the PDF, typed without accents — with axe on every library page, at desktop width and at 360 px.
 */
import { test, expect, checkA11y, signInAsAdmin, signUpAndVerify, PHONE, applyForOrganization, approveOrganization, appointSecretaryOfMesa1 } from './support.js';
import { textPdf } from '../../src/modules/library/pdf.js';

const SECRETARY = { name: 'Secretaria Biblioteca', email: 'secretaria-library@e2e.test', password: 'a-long-password-1' };
const READER = { name: 'Lectora Biblioteca', email: 'lectora-library@e2e.test', password: 'a-long-password-1' };

async function bothWidths(page: import('@playwright/test').Page, label: string) {
  await checkA11y(page, `${label} (desktop)`);
  const size = page.viewportSize();
  await page.setViewportSize(PHONE);
  await checkA11y(page, `${label} (phone)`);
  if (size) await page.setViewportSize(size);
}

test('a secretary adds a study in two languages and a reader finds it by a word inside the PDF', async ({ page, browser }) => {
  test.setTimeout(240_000);
  const origin = () => new URL(page.url()).origin;
  // The secretary-to-be has an account.
  await signInAsAdmin(page);
  const secCtx = await browser.newContext({ baseURL: origin() });
  const sec = await secCtx.newPage();
  await signUpAndVerify(sec, SECRETARY);

  // The secretary's organization is approved, joins Mesa 1, and the person is appointed its secretary.
  const orgId = await applyForOrganization(sec, { name: 'Red biblioteca e2e', country: 'CL', objective: '17', role: 'Comunicaciones' });
  await approveOrganization(page, orgId);
  await appointSecretaryOfMesa1(page, sec, orgId, SECRETARY.email);

  // The secretary adds the study.
  await sec.goto('/es/library');
  await expect(sec.locator('h1')).toHaveText('Biblioteca');
  await bothWidths(sec, 'library');
  await sec.getByRole('link', { name: 'Añadir un documento' }).click();
  await expect(sec).toHaveURL(/\/es\/library\/new$/);
  await bothWidths(sec, 'document form');
  await sec.locator('select[name=kind]').selectOption('study');
  await sec.locator('input[name=title_es]').fill('Narrativas sobre la niñez migrante en la prensa');
  await sec.locator('textarea[name=summary_es]').fill('Cómo la prensa de la región cuenta la migración de niñas y niños.');
  await sec.locator('input[name=title_pt]').fill('Narrativas sobre a infância migrante na imprensa');
  const es = await textPdf('Estudio de narrativas', ['La cobertura periodística de la niñez migrante en tránsito fue analizada en ocho países.']);
  const pt = await textPdf('Estudo de narrativas', ['A cobertura jornalística da infância migrante em trânsito foi analisada em oito países.']);
  // First a file whose bytes are not a PDF: refused beside its field, what was typed kept.
  await sec.locator('input[name=file_es]').setInputFiles({ name: 'estudio.pdf', mimeType: 'application/pdf', buffer: Buffer.from('<html>no soy un PDF</html>') });
  await sec.locator('form[action$="/library/new"] button[type=submit]').click();
  await expect(sec.locator('.error-summary')).toBeVisible();
  await expect(sec.locator('#f-file_es-error')).toContainText('El archivo debe ser un PDF');
  await expect(sec.locator('input[name=title_es]')).toHaveValue('Narrativas sobre la niñez migrante en la prensa');
  await bothWidths(sec, 'document form with errors');
  await sec.locator('input[name=file_es]').setInputFiles({ name: 'estudio.pdf', mimeType: 'application/pdf', buffer: es });
  await sec.locator('input[name=file_pt]').setInputFiles({ name: 'estudo.pdf', mimeType: 'application/pdf', buffer: pt });
  await sec.locator('form[action$="/library/new"] button[type=submit]').click();
  await expect(sec).toHaveURL(/\/es\/library\/[0-9a-z]{16}$/);
  const docPath = new URL(sec.url()).pathname;
  await expect(sec.locator('h1')).toContainText('Narrativas sobre la niñez migrante');
  await expect(sec.getByRole('link', { name: 'Descargar estudo.pdf' })).toBeVisible();
  await bothWidths(sec, 'document page (secretary)');
  await sec.goto(`${docPath}/edit`);
  await bothWidths(sec, 'document edit form');

  // Another person finds it by a word only inside the PDF, typed without accents.
  const readerCtx = await browser.newContext({ baseURL: origin() });
  const reader = await readerCtx.newPage();
  await signUpAndVerify(reader, READER);
  await expect
    .poll(
      async () => {
        await reader.goto('/es/library?q=periodistica+transito');
        return reader.locator(`a[href="${docPath}"]`).count();
      },
      { timeout: 60_000, intervals: [1000] },
    )
    .toBe(1);
  await bothWidths(reader, 'library search results');
  await reader.locator(`a[href="${docPath}"]`).click();
  await expect(reader.locator('h1')).toContainText('Narrativas sobre la niñez migrante');
  await expect(reader.getByText('Se busca en su texto').first()).toBeVisible();
  await bothWidths(reader, 'document page (reader)');
  await readerCtx.close();
  await secCtx.close();
});
