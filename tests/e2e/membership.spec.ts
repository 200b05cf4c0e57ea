/**
 * Membership in the browser: an organization applies (creating its account), the Technical Group asks for
 * more information, the applicant edits and sends it again, the Technical Group approves, and the
 * organization's public page shows what it chose to make public. axe runs on every page of the module,
 * in Spanish and English.
 */
import { test, expect, checkA11y, signIn, signInAsAdmin, lastMailTo, choose } from './support.js';

test('apply, answer a request for information, get approved, appear in the directory', async ({ page, browser, baseURL }) => {
  test.setTimeout(240_000);
  const stamp = Date.now();
  const name = `Red de Acogida Andina ${stamp}`;
  const email = `coord-${stamp}@acogida.example`;
  const password = 'una-clave-larga-123';

  // ---- The application form, with errors first.
  await page.goto('/es/join');
  await checkA11y(page, 'join (es)');
  await page.locator('input[name=name]').fill(name);
  await page.getByRole('button', { name: 'Enviar la solicitud' }).click();
  await expect(page.locator('.error-summary')).toContainText('Acepta los términos de participación');
  await expect(page.locator('input[name=name]')).toHaveValue(name);
  await checkA11y(page, 'join with errors (es)');
  await page.locator('select[name=country]').selectOption('PE');
  await choose(page, 'countries', 'PE');
  await choose(page, 'countries', 'BO');
  await page.locator('input[name=city]').fill('Cusco');
  await page.locator('select[name=type]').selectOption('network');
  await choose(page, 'objectives', '7');
  await choose(page, 'objectives', '16');
  await page.locator('input[name=languages][value=es]').check();
  await page.locator('textarea[name=description]').fill('Acogida y orientación para personas migrantes en los Andes.');
  await page.locator('input[name=person_name]').fill('Rosa Quispe');
  await page.locator('input[name=email]').fill(email);
  await page.locator('input[name=password]').fill(password);
  await page.locator('input[name=confirm]').fill(password);
  await page.locator('input[name=role_title]').fill('Coordinadora');
  await page.locator('input[name=accept_principles]').check();
  await page.locator('input[name=accept_terms]').check();
  await page.getByRole('button', { name: 'Enviar la solicitud' }).click();
  await expect(page.locator('h1')).toHaveText('Recibimos tu solicitud');
  await checkA11y(page, 'application sent');

  // ---- Confirm the address and sign in.
  const mail = await lastMailTo(page, email);
  const verify = /https?:\/\/\S+verify-email\?token=\S+/.exec(mail)![0];
  await page.goto(new URL(verify).pathname + new URL(verify).search);
  await signIn(page, email, password);
  await page.goto('/es/my/organizations');
  await checkA11y(page, 'my organizations');
  await page.getByRole('link', { name }).click();
  const orgUrl = new URL(page.url()).pathname;
  await expect(page.locator('.badge')).toContainText('Solicitud en revisión');
  await checkA11y(page, 'organization page (applicant)');

  // ---- The Technical Group asks for more information.
  const adminCtx = await browser.newContext({ baseURL });
  const admin = await adminCtx.newPage();
  await signInAsAdmin(admin);
  await admin.goto('/es/admin/applications');
  await checkA11y(admin, 'applications (es)');
  await admin.getByRole('link', { name }).click();
  await checkA11y(admin, 'review page');
  await admin.locator('textarea[name=reason_request_info]').fill('Indiquen su sitio web y una persona de contacto.');
  await admin.getByRole('button', { name: 'Pedir más información' }).click();
  await expect(admin.locator('.notice.success')).toBeVisible();
  const ask = await lastMailTo(page, email);
  expect(ask).toContain('Indiquen su sitio web');

  // ---- The applicant edits the profile and sends it again.
  await page.goto(orgUrl);
  await expect(page.locator('blockquote')).toContainText('Indiquen su sitio web');
  await page.getByRole('link', { name: 'Editar el perfil' }).first().click();
  await checkA11y(page, 'edit profile');
  await page.locator('input[name=website]').fill(`https://acogida-${stamp}.example.org`);
  await page.locator('textarea[name=description_en]').fill('Reception and guidance for migrants in the Andes.');
  await page.locator('input[name=contact_name]').fill('Rosa Quispe');
  await page.getByRole('button', { name: 'Guardar' }).click();
  await expect(page.locator('.notice.success')).toBeVisible();
  await page.getByRole('button', { name: 'Enviar de nuevo la solicitud' }).click();
  await expect(page.locator('.badge')).toContainText('Solicitud en revisión');

  // ---- Approval.
  await admin.reload();
  await admin.getByRole('button', { name: 'Aprobar' }).click();
  await expect(admin.locator('.notice.success')).toContainText('ya es miembro');
  await admin.goto('/en/admin/import');
  await checkA11y(admin, 'import (en)');
  await admin.goto('/en/admin/applications?status=member');
  await checkA11y(admin, 'applications (en)');
  await adminCtx.close();

  // ---- The public page, the directory and the coverage map, as an anonymous visitor.
  const anonCtx = await browser.newContext({ baseURL });
  const anon = await anonCtx.newPage();
  await anon.goto(`/es/members?q=${encodeURIComponent('Acogida Andina')}&country=BO`);
  await checkA11y(anon, 'directory filtered (es)');
  await anon.getByRole('link', { name }).click();
  await expect(anon.locator('h1')).toContainText(name);
  await expect(anon.locator('main')).toContainText('Acogida y orientación');
  await expect(anon.locator('main')).not.toContainText(email);
  await checkA11y(anon, 'member page (es)');
  await anon.goto(anon.url().replace('/es/', '/en/'));
  await expect(anon.locator('main')).toContainText('Reception and guidance');
  await checkA11y(anon, 'member page (en)');
  for (const p of ['/en/members', '/es/coverage', '/en/coverage', '/en/join']) {
    await anon.goto(p);
    await checkA11y(anon, p);
  }
  await anonCtx.close();
});
