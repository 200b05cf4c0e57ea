/**
 * Browser-test helpers: axe-core with zero violations allowed, signing in as the seeded administrator,
 * signing up through the real forms and confirming through the mail in the outbox.
 */
import { test as base, expect, type Page, type Browser } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, openSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { E2E_ADMIN, E2E_PORT, serverEnv } from '../../playwright.config.js';

export { expect };
export const ADMIN = E2E_ADMIN;

/**
 * Each Playwright worker runs against its own server on its own port and its own fresh SQLite database
 * (E2E_PORT + the worker's index), so journeys in different files never see each other's data and the two
 * workers run side by side. The server is the real one (`npm start`'s entry point) with its background worker.
 */
export const test = base.extend<object, { server: { url: string } }>({
  server: [
    async ({}, use, workerInfo) => {
      const port = E2E_PORT + workerInfo.parallelIndex;
      // The port must be free: a server left from an earlier run would answer the health check below in place of this
      // run's own (which then fails to listen), and the tests would run against its data. A worker started again after
      // a failure waits for the previous one's server to go.
      await portFree(port);
      const dataDir = `.tmp/e2e-data-${port}`;
      rmSync(dataDir, { recursive: true, force: true });
      mkdirSync('.tmp', { recursive: true });
      const log = openSync(`.tmp/e2e-server-${port}.log`, 'w');
      const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
        env: { ...process.env, ...serverEnv(port) },
        stdio: ['ignore', 'ignore', log],
        detached: true,
      });
      const url = `http://127.0.0.1:${port}`;
      const deadline = Date.now() + 120_000;
      for (;;) {
        if (child.exitCode !== null) throw new Error(`the e2e server on ${port} exited (${child.exitCode}): see .tmp/e2e-server-${port}.log`);
        const up = await fetch(`${url}/healthz`).then((r) => r.ok, () => false);
        if (up) break;
        if (Date.now() > deadline) throw new Error(`the e2e server on ${port} did not start in 120 s: see .tmp/e2e-server-${port}.log`);
        await new Promise((r) => setTimeout(r, 250));
      }
      await use({ url });
      const exited = new Promise((resolve) => (child.exitCode !== null ? resolve(undefined) : child.once('exit', resolve)));
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {
        /* already gone */
      }
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 20_000))]);
    },
    { scope: 'worker', timeout: 150_000 },
  ],
  baseURL: async ({ server }, use) => use(server.url),
});

/** Waits up to 20 s for nothing to listen on 127.0.0.1:port, then fails saying which port is taken. */
async function portFree(port: number): Promise<void> {
  const taken = () =>
    new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => (socket.destroy(), resolve(true)));
      socket.once('error', () => resolve(false));
    });
  const deadline = Date.now() + 20_000;
  while (await taken()) {
    if (Date.now() > deadline) throw new Error(`port ${port} is taken (a server left from an earlier run? \`ss -ltnp | grep :${port}\`): the browser tests start their own servers`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/**
 * Runs axe-core (WCAG 2.0/2.1/2.2 A and AA rules and best practices) and fails with the list of violations.
 * Two rules are switched on explicitly: `label-content-name-mismatch` (WCAG 2.5.3, tagged experimental, so off
 * by default) and `target-size` (WCAG 2.5.8, off unless its tag is asked for): naming them keeps them on
 * whatever tags are chosen. `options()` must come before `withTags()`, which adds to it.
 */
export async function checkA11y(page: Page, label = page.url()) {
  const results = await new AxeBuilder({ page })
    .options({ rules: { 'label-content-name-mismatch': { enabled: true }, 'target-size': { enabled: true } } })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join('\n    ')}`);
  expect(summary, `axe violations on ${label}`).toEqual([]);
}

/** A 360 × 740 phone, the narrowest screen every page is checked on. */
export const PHONE = { width: 360, height: 740 };

/**
 * The first screen shows the page's heading (the bottom of its h1 within the viewport's height, measured from the
 * top of the page), and nothing scrolls sideways (the document is no wider than the viewport).
 */
export async function checkFirstScreen(page: Page, label = page.url()) {
  const viewport = page.viewportSize()!;
  const m = await page.evaluate(() => {
    const doc = (globalThis as any).document;
    const h1 = doc.querySelector('h1');
    return { h1: h1 ? Math.round(h1.getBoundingClientRect().bottom + (globalThis as any).scrollY) : null, width: doc.scrollingElement.scrollWidth as number };
  });
  expect(m.width, `${label} scrolls sideways on a ${viewport.width} px screen`).toBeLessThanOrEqual(viewport.width);
  expect(m.h1, `${label} has an h1`).not.toBeNull();
  expect(m.h1!, `${label}: the heading ends below the first ${viewport.height} px`).toBeLessThanOrEqual(viewport.height);
}

export async function signIn(page: Page, email: string, password: string, locale = 'es') {
  await page.goto(`/${locale}/sign-in`);
  await page.locator('input[name=email]').fill(email);
  await page.locator('input[name=password]').fill(password);
  await page.locator('form[action$="/sign-in"] button[type=submit]').click();
  await expect(page.locator('.notice.success')).toBeVisible();
}

export async function signInAsAdmin(page: Page, locale = 'es') {
  await signIn(page, ADMIN.email, ADMIN.password, locale);
}

export async function signOut(page: Page) {
  await page.locator('form[action$="/sign-out"] button').click();
}

/** The text of the latest mail to an address, read from the outbox as the administrator (in a separate browser context). */
export async function lastMailTo(page: Page, email: string): Promise<string> {
  const browser = page.context().browser() as Browser;
  const ctx = await browser.newContext({ baseURL: new URL(page.url() === 'about:blank' ? `http://127.0.0.1:${E2E_PORT}` : page.url()).origin });
  const admin = await ctx.newPage();
  try {
    await signInAsAdmin(admin);
    await admin.goto(`/es/admin/outbox?to=${encodeURIComponent(email)}`);
    await admin.locator('table tbody tr').first().locator('a').click();
    return (await admin.locator('pre.mail').textContent()) ?? '';
  } finally {
    await ctx.close();
  }
}

/** Signs up through the form, opens the verification link from the outbox, and signs in. */
export async function signUpAndVerify(page: Page, who: { name: string; email: string; password: string }, locale = 'es') {
  await page.goto(`/${locale}/sign-up`);
  await page.locator('input[name=name]').fill(who.name);
  await page.locator('input[name=email]').fill(who.email);
  await page.locator('input[name=password]').fill(who.password);
  await page.locator('input[name=confirm]').fill(who.password);
  await page.locator('form[action$="/sign-up"] button[type=submit]').click();
  await expect(page.locator('h1')).toBeVisible();
  const mail = await lastMailTo(page, who.email);
  const url = /https?:\/\/\S+verify-email\?token=\S+/.exec(mail)?.[0];
  expect(url, 'verification link in the mail').toBeTruthy();
  await page.goto(new URL(url!).pathname + new URL(url!).search);
  await signIn(page, who.email, who.password, locale);
}

/** Ticks one option of a checkbox or radio list, opening its group first when the list is grouped (countries, objectives). */
export async function choose(page: Page, name: string, value: string) {
  const box = page.locator(`input[name="${name}"][value="${value}"]`);
  await box.evaluate((el) => {
    const group = el.closest('details');
    if (group) group.open = true;
  });
  await box.check();
}

/**
 * The signed-in person applies for a new organization through /join (the least the form asks: country, a type,
 * one objective, the first language, a role, both acceptances). Returns the new organization's id.
 */
export async function applyForOrganization(page: Page, org: { name: string; country: string; objective: string; role: string }): Promise<string> {
  await page.goto('/es/join');
  await page.locator('input[name=name]').fill(org.name);
  await page.locator('select[name=country]').selectOption(org.country);
  await page.locator('select[name=type]').selectOption({ index: 1 });
  await choose(page, 'objectives', org.objective);
  await page.locator('input[name=languages]').first().check();
  await page.locator('input[name=role_title]').fill(org.role);
  await page.locator('input[name=accept_principles]').check();
  await page.locator('input[name=accept_terms]').check();
  await page.locator('form[action$="/join"] button[type=submit]').click();
  await expect(page).toHaveURL(/\/es\/organizations\/[0-9a-z]{16}/);
  return /organizations\/([0-9a-z]{16})/.exec(page.url())![1]!;
}

/** The signed-in administrator approves an organization's application. */
export async function approveOrganization(admin: Page, orgId: string): Promise<void> {
  await admin.goto(`/es/admin/organizations/${orgId}`);
  await admin.locator(`form[action$="/admin/organizations/${orgId}/approve"] button`).click();
}

/**
 * The organization (represented by `member`) asks Mesa 1 to take it in, the administrator approves the request
 * and appoints the person with `email` secretary of Mesa 1 from today.
 */
export async function appointSecretaryOfMesa1(admin: Page, member: Page, orgId: string, email: string): Promise<void> {
  await member.goto('/es/bodies/mt1/area');
  await member.locator('form[action$="/bodies/mt1/join"] button').click();
  await admin.goto('/es/bodies/mt1/area');
  await admin.locator(`form[action$="/bodies/mt1/requests"]:has(input[value="${orgId}"]) button[value=approve]`).click();
  await admin.goto('/es/bodies/mt1/area');
  const appoint = admin.locator('form[action*="/bodies/mt1/appoint"]');
  await appoint.locator('select[name=position]').selectOption('secretary');
  await appoint.locator('input[name=email]').fill(email);
  await appoint.locator('select[name=org]').selectOption(orgId);
  await appoint.locator('input[name=starts_on]').fill(new Date().toISOString().slice(0, 10));
  await appoint.locator('button[type=submit]').click();
  await expect(admin.locator('.notice.success')).toBeVisible();
}

/**
 * The signed-in administrator applies for a new organization through /join (country `country`), approves it
 * and is its designated voter: what the election and consultation journeys start from. Returns its id.
 */
export async function representNewOrganization(page: Page, name: string, country: string): Promise<string> {
  const orgId = await applyForOrganization(page, { name, country, objective: '1', role: 'Coordinación' });
  await approveOrganization(page, orgId);
  await page.goto(`/es/organizations/${orgId}`);
  const voterRadio = page.locator('input[name=voter]').first();
  if (!(await voterRadio.isChecked())) {
    await voterRadio.check();
    await page.locator(`form[action$="/organizations/${orgId}/people"] button[type=submit]`).click();
  }
  return orgId;
}
