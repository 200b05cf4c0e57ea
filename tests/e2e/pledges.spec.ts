/**
 * Pledges in the browser: two organizations make a joint pledge (the lead writes and submits it, the other
 * confirms), the Mesa Técnica's reviewer publishes it, it is updated to "in progress", and a visitor finds it on
 * the dashboard through the objective filter, follows the count to the list and the pledge, and downloads its
 * UN-form PDF. Axe on every new page (the form, the pledge page, the dashboard, the list, the figures on an
 * objective's, a body's and an organization's page), at desktop width and on a 360 px phone.
 */
import type { Page } from '@playwright/test';
import { test, expect, checkA11y, checkFirstScreen, signInAsAdmin, signUpAndVerify, representNewOrganization, choose, PHONE, applyForOrganization, approveOrganization } from './support.js';

const LONG =
  'Las dos organizaciones abrimos una ventanilla conjunta de orientación para personas migrantes en Lima y Santiago: personal capacitado, materiales en cuatro idiomas, derivación a servicios públicos y un informe anual público con resultados medibles sobre las personas atendidas. ';

/** Axe at desktop width and on a phone (and the phone's first screen shows the heading). */
async function bothWidths(page: Page, label: string) {
  await page.setViewportSize({ width: 1280, height: 900 });
  await checkA11y(page, `${label} (desktop)`);
  await page.setViewportSize(PHONE);
  await checkA11y(page, `${label} (phone)`);
  await checkFirstScreen(page, `${label} (phone)`);
  await page.setViewportSize({ width: 1280, height: 900 });
}

test('a joint pledge: written, confirmed, published, updated, found on the dashboard, downloaded as the UN form', async ({ page, browser }) => {
  test.setTimeout(300_000);
  // The lead organization: the administrator represents it (applied for and approved here).
  await signInAsAdmin(page);
  const leadOrg = await representNewOrganization(page, 'Red Andina de Acogida E2E', 'CL');
  const origin = new URL(page.url()).origin;

  // The co-pledging organization: another person applies for it, and the administrator approves it.
  const repCtx = await browser.newContext({ baseURL: origin });
  const rep = await repCtx.newPage();
  await signUpAndVerify(rep, { name: 'Persona de la Casa', email: 'rep-pledges@e2e.test', password: 'a-long-password-1' });
  const coOrg = await applyForOrganization(rep, { name: 'Casa del Migrante del Pacífico E2E', country: 'PE', objective: '16', role: 'Dirección' });
  await approveOrganization(page, coOrg);

  // The lead writes the joint pledge.
  await page.goto('/es/pledges/new');
  await bothWidths(page, 'pledge form');
  await page.locator('select[name=lead_org]').selectOption(leadOrg);
  await choose(page, 'co_orgs', coOrg);
  await page.locator('select[name=body]').selectOption('mt3');
  await choose(page, 'kind', 'partnership');
  await page.locator('input[name=title_es]').fill('Ventanilla conjunta de orientación E2E');
  await page.locator('textarea[name=description_es]').fill(LONG + LONG);
  await choose(page, 'forms', 'process');
  await choose(page, 'objectives', '16');
  await choose(page, 'principles', '6');
  await choose(page, 'scope', 'regional');
  await choose(page, 'countries', 'PE');
  await choose(page, 'countries', 'CL');
  await page.locator('input[name=starts_on]').fill('2026-01-01');
  await page.locator('input[name=ends_on]').fill('2027-12-31');
  await page.locator('form[action$="/pledges/new"] button[type=submit]').click();
  await expect(page).toHaveURL(/\/es\/pledges\/[0-9a-z]{16}$/);
  const pledgePath = new URL(page.url()).pathname;
  await expect(page.locator('h1')).toContainText('Ventanilla conjunta de orientación E2E');
  await bothWidths(page, 'pledge page (draft)');
  await page.locator(`form[action$="${pledgePath}/submit"] button[type=submit]`).click();
  await expect(page.locator('.notice').first()).toBeVisible();

  // The co-pledging organization confirms: the pledge goes to the Mesa Técnica.
  await rep.goto(pledgePath);
  await rep.locator(`form[action$="${pledgePath}/confirm"] button[type=submit]`).click();
  await expect(rep.locator('.notice.success').first()).toBeVisible();

  // The Mesa Técnica's reviewer (here the administrator) publishes it.
  await page.goto(pledgePath);
  await choose(page, 'decision', 'publish');
  await page.locator(`form[action$="${pledgePath}/review"] button[type=submit]`).click();
  await expect(page.locator('.notice.success').first()).toBeVisible();

  // The co-pledging organization reports progress: in progress.
  await rep.goto(pledgePath);
  await rep.locator(`form[action$="${pledgePath}/updates"] select[name=status]`).selectOption('in_progress');
  await rep.locator(`form[action$="${pledgePath}/updates"] textarea[name=note_es]`).fill('La ventanilla abrió en Lima; Santiago abre en marzo.');
  await rep.locator(`form[action$="${pledgePath}/updates"] button[type=submit]`).click();
  await expect(rep.locator('.notice.success').first()).toBeVisible();
  await expect(rep.locator('main')).toContainText('La ventanilla abrió en Lima');

  // A visitor opens the dashboard and filters by the objective.
  const visitorCtx = await browser.newContext({ baseURL: origin });
  const visitor = await visitorCtx.newPage();
  await visitor.goto('/es/pledges/dashboard');
  await expect(visitor.locator('h1')).toHaveText('Panel de compromisos');
  await bothWidths(visitor, 'dashboard');
  // The filters are in a disclosure on phones, always open on wide screens.
  const summary = visitor.locator('details.filter-panel summary');
  if (await summary.isVisible()) await summary.click();
  await visitor.locator('select[name=objective]').selectOption('16');
  await visitor.locator('form[action$="/pledges/dashboard"] button[type=submit]').click();
  await expect(visitor).toHaveURL(/\/es\/pledges\/dashboard\?objective=16$/);
  await expect(visitor.locator('main')).toContainText('1 compromiso publicado coincide.');
  await bothWidths(visitor, 'dashboard filtered by objective');
  // The status table counts it as in progress; that count leads to the list filtered the same way.
  await visitor.locator('#pl-status').locator('..').getByRole('link', { name: 'En curso: 1 compromiso' }).click();
  await expect(visitor).toHaveURL(/\/es\/pledges\?objective=16&status=in_progress$/);
  await expect(visitor.locator('p[role=status]')).toHaveText('1 compromiso');
  await bothWidths(visitor, 'pledge list (filtered from the dashboard)');
  await visitor.getByRole('link', { name: /Ventanilla conjunta de orientación E2E/ }).click();
  await expect(visitor).toHaveURL(new RegExp(`${pledgePath}$`));
  await expect(visitor.locator('main')).toContainText('En curso');
  await bothWidths(visitor, 'pledge page (published, visitor)');
  // The UN-form PDF downloads.
  const pdfHref = await visitor.locator(`a[href$="${pledgePath}/pledge.pdf"]`).getAttribute('href');
  expect(pdfHref).toBeTruthy();
  const pdf = await visitor.request.get(pdfHref!);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toContain('application/pdf');
  expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');

  // The same figures on the objective's, the body's and each organization's page.
  await visitor.goto('/es/objectives/16');
  await expect(visitor.locator('main')).toContainText('Compromisos sobre este objetivo');
  await bothWidths(visitor, 'objective page with pledge figures');
  await visitor.goto('/es/bodies/mt3');
  await expect(visitor.locator('main')).toContainText('Compromisos de esta instancia');
  await bothWidths(visitor, 'body page with pledge figures');
  await visitor.goto('/es/members');
  await visitor.getByRole('link', { name: 'Casa del Migrante del Pacífico E2E' }).first().click();
  await expect(visitor.locator('main')).toContainText('Compromisos de esta organización');
  await bothWidths(visitor, 'member page with pledge figures');

  await repCtx.close();
  await visitorCtx.close();
});
