/**
 * The digest in the browser: a member chooses the weekly digest on the one settings page, an administrator
 * publishes a practice, the weekly digest runs (the CLI's `digest weekly --at`, as its schedule would — no web
 * trigger exists), the member's digest in the outbox lists the practice, and its unsubscribe link works without
 * signing in. axe at desktop and at 360 px on every new page.
 */
import { spawnSync } from 'node:child_process';
import { test, expect, checkA11y, checkFirstScreen, signInAsAdmin, signOut, signUpAndVerify, lastMailTo, choose, PHONE } from './support.js';


async function bothSizes(page: import('@playwright/test').Page, label: string) {
  await checkA11y(page, label);
  const size = page.viewportSize();
  await page.setViewportSize(PHONE);
  await checkA11y(page, `${label} (360 px)`);
  await checkFirstScreen(page, `${label} (360 px)`);
  if (size) await page.setViewportSize(size);
}

test('a member subscribes to the weekly digest and the digest lists a new practice', async ({ page, baseURL }) => {
  // This worker's own server (tests/e2e/support.ts): the CLI runs the digest on its database.
  const PORT = Number(new URL(baseURL!).port);
  test.setTimeout(180_000);
  const stamp = Date.now();
  const member = { name: 'Lectora del Boletín', email: `boletin-${stamp}@e2e.example`, password: 'boletin-password-1' };
  await signUpAndVerify(page, member);

  // One settings page: what is new (digests), messages about one's work, and account mail.
  await page.goto('/es/account/notifications');
  await expect(page.getByRole('heading', { name: 'Novedades de la plataforma' })).toBeVisible();
  await bothSizes(page, 'notification settings');
  await page.getByRole('group', { name: 'Buenas prácticas publicadas' }).getByLabel('Boletín semanal').check();
  await page.getByRole('group', { name: 'Próximos eventos' }).getByLabel('No enviar').check();
  await page.getByRole('button', { name: 'Guardar' }).click();
  await expect(page.locator('.notice.success')).toContainText('Guardamos');
  await expect(page.getByRole('group', { name: 'Próximos eventos' }).getByLabel('No enviar')).toBeChecked();
  await signOut(page);

  // Something is published.
  const title = `Ferias de empleo para personas refugiadas ${stamp}`;
  await signInAsAdmin(page);
  await page.goto('/es/practices/new');
  await page.locator('input[name=title_es]').fill(title);
  await page.locator('textarea[name=summary_es]').fill('Ferias con empresas locales.');
  await page.locator('textarea[name=actions_es]').fill('Ferias mensuales.');
  await page.locator('textarea[name=results_es]').fill('Doscientas personas contratadas.');
  await page.locator('input[name=scope][value=national]').check();
  await choose(page, 'countries', 'EC');
  await page.locator('input[name=start_date]').fill('2022-01-01');
  await choose(page, 'objectives', '6');
  await page.locator('input[name=principles][value=whole-of-society]').check();
  await page.locator('input[name=resource_type][value=practice]').check();
  await page.locator('input[name=contact_email]').fill('contacto@example.org');
  await page.getByRole('button', { name: 'Enviar a revisión' }).click();
  await expect(page.locator('.badge')).toContainText('Enviada');
  await page.getByRole('button', { name: 'Aprobar y publicar' }).click();
  await expect(page.locator('.notice.success')).toContainText('publicada');

  // The weekly digest of this week runs (as next Monday's schedule would).
  const at = new Date(Date.now() + 7 * 86_400_000).toISOString();
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'digest', 'weekly', '--at', at], {
    encoding: 'utf8',
    env: { ...process.env, DATA_DIR: `.tmp/e2e-data-${PORT}`, BASE_URL: `http://127.0.0.1:${PORT}`, DATABASE_URL: '', LOG_LEVEL: 'warn' },
  });
  expect(run.status, run.stderr).toBe(0);
  expect(run.stdout).toMatch(/weekly digest of \d{4}-\d{2}-\d{2}: \d+ mailed/);

  // The member's digest in the outbox lists it.
  await page.goto(`/es/admin/outbox?to=${encodeURIComponent(member.email)}`);
  await expect(page.locator('table tbody tr').first()).toContainText('Su boletín semanal');
  const mail = await lastMailTo(page, member.email);
  expect(mail).toContain('Buenas prácticas publicadas');
  expect(mail).toContain(title);
  expect(mail).not.toContain('Próximos eventos');
  await signOut(page);

  // Its unsubscribe link works without signing in.
  const link = /http:\/\/\S+\/unsubscribe\/\S+/.exec(mail.split('Dejar de recibir todos estos correos:')[1] ?? '')?.[0];
  expect(link, 'the unsubscribe-all link').toBeTruthy();
  await page.goto(new URL(link!).pathname);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dejar de recibir estos correos');
  await expect(page.locator('main')).toContainText(member.email);
  await bothSizes(page, 'unsubscribe page');
  await page.getByRole('button', { name: 'Dejar de recibirlos' }).click();
  await expect(page.locator('.notice.success')).toContainText('Listo');
  await expect(page.locator('main')).toContainText('Estos correos están desactivados');
  await bothSizes(page, 'unsubscribed page');
  // A forged link says so and changes nothing.
  await page.goto(new URL(link!).pathname.replace(/.{4}$/, 'AAAA'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Este enlace no funciona');
  await bothSizes(page, 'invalid unsubscribe link');
});
