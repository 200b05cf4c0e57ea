/**
 * A whole election in the browser, from call to certification: an administrator applies for an organization
 * (membership's /join), approves it, names themself its voter, joins Mesa 3 with it, calls an election, stands,
 * opens voting, reviews and casts a ballot (receipt shown once, saved as a file), closes, checks the record in the
 * browser against the downloadable verifier (intact and four tampered copies), looks up the receipt, certifies —
 * with axe on every page.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, checkA11y, signInAsAdmin, representNewOrganization } from './support.js';
import { TAMPERINGS } from '../../src/modules/elections/core/factories.js';
import type { ElectionRecord } from '../../src/modules/elections/core/types.js';

test('an election from call to certification', async ({ page }) => {
  test.setTimeout(240_000); // a long journey with axe on some twenty pages, on a shared machine
  await signInAsAdmin(page);
  // An organization whose person is the administrator.
  await representNewOrganization(page, 'Red de prueba e2e', 'CL');

  // The body: join and approve.
  await page.goto('/es/bodies/mt3/area');
  await checkA11y(page, 'members area');
  // The administrator may represent other organizations made by earlier journeys on the same server: ask for this one.
  await page.locator('form[action$="/bodies/mt3/join"] button', { hasText: 'Red de prueba e2e' }).click();
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
  // Review before casting: change goes back to the filled-in ballot; confirm casts.
  await page.locator('form[action$="/vote"] button[value=review]').click();
  await expect(page.locator('h1')).toHaveText('Revisa tu voto antes de emitirlo');
  await checkA11y(page, 'ballot review');
  await page.locator('form[action$="/vote"] button[value=change]').click();
  await expect(page.locator('input[name=race_secretary]').first()).toBeChecked();
  await page.locator('form[action$="/vote"] button[value=review]').click();
  await page.locator('form[action$="/vote"] button[value=confirm]').click();
  const receipt = (await page.locator('[data-receipt]').textContent())?.trim();
  expect(receipt).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  const ballotHash = (await page.locator('[data-ballot-hash]').textContent())?.trim();
  // Keep it: the print button (shown by the page's script) and a text file.
  await expect(page.locator('button[data-print]')).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('a[download^="receipt-"]').click()]);
  const saved = readFileSync((await download.path())!, 'utf8');
  expect(saved).toContain(receipt!);
  expect(saved).toContain(ballotHash!);
  await checkA11y(page, 'after voting');
  await page.setViewportSize({ width: 360, height: 740 });
  await checkA11y(page, 'after voting (360 px)');
  await page.setViewportSize({ width: 1280, height: 720 });
  // Coming back to the ballot: told the organization has voted.
  await page.goto(`${url}/vote`);
  await expect(page.locator('h1')).toHaveText('Tu organización ya votó');
  await checkA11y(page, 'already voted');
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
  const published = (await record.json()) as ElectionRecord;
  expect(published.ballotCount).toBe(1);

  // The record checked in the browser: the same report, word for word, as the downloadable verifier run with
  // plain node, on the published record and on four tampered copies chosen as local files.
  const dir = mkdtempSync(join(tmpdir(), 'ballots-e2e-'));
  const verifier = await page.request.get('/es/elections/verifier.mjs');
  writeFileSync(join(dir, 'verifier.mjs'), await verifier.body());
  const viaNode = (name: string, text: string) => {
    writeFileSync(join(dir, name), text);
    const r = spawnSync(process.execPath, ['verifier.mjs', name], { cwd: dir, encoding: 'utf8' });
    return { ok: r.status === 0, out: r.stdout.trimEnd() };
  };
  const id = url.split('/').pop()!;
  await page.goto(`${url}/check`);
  const browserBox = page.locator('[data-browser-check]');
  await expect(browserBox.locator('[data-verdict]').first()).toHaveAttribute('data-ok', 'true');
  const intact = viaNode(`election-${id}.json`, await record.text());
  expect(intact.ok).toBe(true);
  await expect.poll(() => browserBox.locator('[data-report]').first().textContent()).toBe(intact.out);
  await expect(page.locator('[data-server-verdict]')).toHaveAttribute('data-server-verdict', 'true');
  await checkA11y(page, 'record check');
  const local = page.locator('[data-local-check]');
  for (const [name, tamper] of Object.entries(TAMPERINGS)) {
    const file = `tampered-${name.replace(/ /g, '-')}.json`;
    const text = JSON.stringify(tamper(published), null, 2);
    const expected = viaNode(file, text);
    expect(expected.ok, name).toBe(false);
    await page.locator('[data-local-file]').setInputFiles({ name: file, mimeType: 'application/json', buffer: Buffer.from(text) });
    await expect.poll(() => local.locator('[data-report]').textContent(), { message: name }).toBe(expected.out);
    await expect(local.locator('[data-verdict]')).toHaveAttribute('data-ok', 'false');
  }
  await checkA11y(page, 'record check with a tampered copy');
  await page.setViewportSize({ width: 360, height: 740 });
  await checkA11y(page, 'record check (360 px)');
  await page.setViewportSize({ width: 1280, height: 720 });
  rmSync(dir, { recursive: true, force: true });

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
