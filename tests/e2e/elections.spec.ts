/**
 * A whole election in the browser, from call to certification: an administrator applies for an organization
 * (membership's /join), approves it, names themself its voter, joins Mesa 3 with it, calls an election, stands,
 * opens voting, votes (receipt shown once), closes, looks up the receipt, certifies — with axe on every page.
 */
import { test, expect, checkA11y, signInAsAdmin, choose } from './support.js';

test('an election from call to certification', async ({ page }) => {
  await signInAsAdmin(page);
  // An organization whose person is the administrator.
  await page.goto('/es/join');
  await page.locator('input[name=name]').fill('Red de prueba e2e');
  await page.locator('select[name=country]').selectOption('CL');
  await page.locator('select[name=type]').selectOption({ index: 1 });
  await choose(page, 'objectives', '1');
  await page.locator('input[name=languages]').first().check();
  await page.locator('input[name=role_title]').fill('Coordinación');
  await page.locator('input[name=accept_principles]').check();
  await page.locator('input[name=accept_terms]').check();
  await page.locator('form[action$="/join"] button[type=submit]').click();
  await expect(page).toHaveURL(/\/es\/organizations\/[0-9a-z]{16}/);
  const orgId = /organizations\/([0-9a-z]{16})/.exec(page.url())![1]!;
  await page.goto(`/es/admin/organizations/${orgId}`);
  await page.locator(`form[action$="/admin/organizations/${orgId}/approve"] button`).click();
  await page.goto(`/es/organizations/${orgId}`);
  const voterRadio = page.locator('input[name=voter]').first();
  if (!(await voterRadio.isChecked())) {
    await voterRadio.check();
    await page.locator(`form[action$="/organizations/${orgId}/people"] button[type=submit]`).click();
  }

  // The body: join and approve.
  await page.goto('/es/bodies/mt3/area');
  await checkA11y(page, 'members area');
  await page.locator('form[action$="/bodies/mt3/join"] button').click();
  await page.locator('form[action$="/bodies/mt3/requests"] button[value=approve]').first().click();
  await expect(page.locator('.notice.success')).toBeVisible();

  // Call.
  await page.goto('/es/elections/new?body=mt3');
  await checkA11y(page, 'call form');
  await page.locator('input[name=quorum_pct]').fill('');
  await page.locator('form[action$="/elections/new"] button[type=submit]').click();
  await expect(page.locator('.error-summary')).toBeVisible();
  await checkA11y(page, 'call form with errors');
  await page.locator('input[name=quorum_pct]').fill('50');
  await page.locator('form[action$="/elections/new"] button[type=submit]').click();
  await expect(page).toHaveURL(/\/es\/elections\/[0-9a-z]{16}$/);
  const url = new URL(page.url()).pathname;
  await checkA11y(page, 'election page (nomination)');

  // Stand for the three positions.
  for (const position of ['secretary', 'principal_delegate', 'alternate_delegate']) {
    await page.goto(`${url}/nominate`);
    await page.locator('select[name=position]').selectOption(position);
    await page.locator('input[name=who][value=self]').check();
    if (position === 'secretary') {
      await page.locator('textarea[name=statement]').fill('Trabajaré por la transparencia de la mesa.');
      await checkA11y(page, 'nomination form');
    }
    await page.locator(`form[action$="/nominate"] button[type=submit]`).click();
    await expect(page.locator('.notice.success')).toBeVisible();
  }

  // Open, vote, close.
  await page.locator('form[action$="/open"] button').click();
  await expect(page.locator('.notice.success')).toBeVisible();
  await page.goto(`${url}/vote`);
  await checkA11y(page, 'ballot');
  for (const race of ['secretary', 'principal_delegate', 'alternate_delegate']) await page.locator(`input[name=race_${race}]`).first().check();
  await page.locator('form[action$="/vote"] button[type=submit]').click();
  const notice = await page.locator('.notice.success').textContent();
  const receipt = /[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/.exec(notice ?? '')?.[0];
  expect(receipt).toBeTruthy();
  await checkA11y(page, 'after voting');
  await page.goto(url);
  await page.locator('form[action$="/close"] button').click();
  await expect(page.locator('.notice.success')).toBeVisible();
  await checkA11y(page, 'election page (closed)');

  // Receipt lookup and the record.
  await page.goto(`${url}/receipt`);
  await page.locator('input[name=code]').fill(receipt!.toLowerCase());
  await page.locator('form[action$="/receipt"] button').click();
  await expect(page.locator('.notice.success')).toContainText(receipt!);
  await checkA11y(page, 'receipt');
  const record = await page.request.get(`${url}/record.json`);
  expect(record.status()).toBe(200);
  expect((await record.json()).ballotCount).toBe(1);

  // Certify: positions assigned and visible on the body page.
  await page.goto(url);
  await page.locator('form[action$="/certify"] button').click();
  await expect(page.locator('.notice.success')).toBeVisible();
  await page.goto('/es/bodies/mt3');
  await expect(page.locator('#positions')).toBeVisible();
  await expect(page.locator('table').first()).toContainText('Secretaría');
  await checkA11y(page, 'body page with positions');
});

test('public election pages are accessible in four languages', async ({ page }) => {
  for (const l of ['es', 'en', 'pt', 'fr']) {
    for (const p of ['/elections', '/elections/how-it-works', '/bodies/mt1']) {
      const res = await page.goto(`/${l}${p}`);
      expect(res?.status(), p).toBe(200);
      await checkA11y(page, `/${l}${p}`);
    }
  }
});
