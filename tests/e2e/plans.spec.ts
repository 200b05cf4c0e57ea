/**
 * A Mesa's work plan in the browser: the administrator appoints a new person secretary of Mesa 4 (through the
 * Mesa's members' area, for an organization of the Mesa) and an event of the Mesa exists; the secretary starts the
 * Mesa's plan, imports it from CSV (a file with a mistake first: refused with its line, nothing changed), previews
 * and confirms it, reports two indicator values, links the event to an activity, approves the plan and publishes
 * the Mesa's report for the year; a visitor finds the plan on the Mesa's page and downloads the report's Portuguese
 * PDF, whose text has the plan's progress; on a 360 px phone the secretary adds an activity and changes an
 * indicator without the spreadsheet — with axe on every new page, at desktop width and on a 360 px phone.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { pdfText } from '../support/pdf-text.js';
import { test, expect, checkA11y, signIn, signInAsAdmin, signOut, signUpAndVerify, PHONE, applyForOrganization, approveOrganization } from './support.js';

const SECRETARY = { name: 'Secretaria de Planes', email: 'secretaria-planes@e2e.example', password: 'planes-e2e-password-1' };
const HEAD = 'kind,code,parent,title_es,title_en,title_pt,title_fr,weight,body,people,starts_on,ends_on,status,objectives,links,unit,baseline,target,direction';
const PLAN = [
  HEAD,
  'axis,1,,Incidencia en políticas públicas,Policy advocacy,,,1,,,,,,,,,,,',
  'result,1.1,1,Insumos consolidados para la revisión regional,,,,1,,,,,,,,,,,',
  'activity,1.1.1,1.1,Seminario sobre datos migratorios,,,,1,mt4,Equipo de la Mesa,2027-03-01,2027-03-31,in_progress,17;23,,,,,',
  'activity,1.1.2,1.1,Documento de posición,,,,2,mt4,,2027-04-01,2027-06-30,planned,1,,,,,',
  'indicator,I1,1.1,Organizaciones que aportan datos,,,,1,,,,,,,,number,5,25,rise',
  'indicator,I2,1.1,Semanas de demora en publicar datos,,,,1,,,,,,,,number,12,4,fall',
].join('\n');

async function a11yBoth(page: Page, label: string) {
  await page.setViewportSize({ width: 1280, height: 900 });
  await checkA11y(page, `${label} (desktop)`);
  await page.setViewportSize(PHONE);
  await checkA11y(page, `${label} (360 px)`);
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** Posts a form the way the page would (its CSRF token read from `from`). */
async function postForm(page: Page, from: string, to: string, form: Record<string, string>) {
  await page.goto(from);
  const csrf = await page.locator('input[name=_csrf]').first().inputValue();
  const res = await page.request.post(to, { form: { _csrf: csrf, ...form }, maxRedirects: 0 });
  expect(res.status(), `POST ${to}`).toBe(303);
  return res.headers().location ?? '';
}

test('a secretary imports the Mesa’s plan, reports indicator values, links an event and publishes the Mesa’s report; a visitor downloads the Portuguese PDF', async ({ page }) => {
  test.setTimeout(600_000);
  // The person who will be secretary applies for their organization, which the administrator approves…
  await signUpAndVerify(page, SECRETARY);
  const orgId = await applyForOrganization(page, { name: 'Red de planes e2e', country: 'CO', objective: '17', role: 'Coordinación' });
  await signOut(page);
  await signInAsAdmin(page);
  await approveOrganization(page, orgId);
  await signOut(page);
  // …and asks Mesa 4 to take it in.
  await signIn(page, SECRETARY.email, SECRETARY.password);
  await page.goto('/es/bodies/mt4/area');
  await page.locator('form[action$="/bodies/mt4/join"] button', { hasText: 'Red de planes e2e' }).click();
  await signOut(page);

  // The administrator: approves the request, appoints the person secretary, and an event of Mesa 4 exists.
  await signInAsAdmin(page);
  await page.goto('/es/bodies/mt4/area');
  await page.locator('form[action$="/bodies/mt4/requests"] button[value=approve]').first().click();
  await expect(page.locator('.notice.success')).toBeVisible();
  await page.goto('/es/bodies/mt4/area');
  await page.locator('form[action*="/bodies/mt4/appoint"] select[name=position]').selectOption('secretary');
  await page.locator('form[action*="/bodies/mt4/appoint"] input[name=email]').fill(SECRETARY.email);
  await page.locator('form[action*="/bodies/mt4/appoint"] select[name=org]').selectOption(orgId);
  await page.locator('form[action*="/bodies/mt4/appoint"] button[type=submit]').click();
  await expect(page.locator('.notice.success')).toBeVisible();
  // Mesa 4's id, from the organizing bodies offered by the events form (its option's value, by the Mesa's name).
  await page.goto('/es/events/new');
  const mt4Value = await page.getByLabel('Datos, información y políticas basadas en evidencia', { exact: true }).getAttribute('value');
  expect(mt4Value).toMatch(/^[0-9a-z]{16}$/);
  const eventUrl = await postForm(page, '/es/events/new', '/es/events/new', {
    kind: 'seminar',
    original_lang: 'es',
    title_es: 'Seminario de datos migratorios 2027',
    description_es: 'Seminario abierto de la Mesa 4.',
    bodies: mt4Value!,
    objectives: '17',
    time_zone: 'America/Bogota',
    starts_at: '2027-03-15T10:00',
    ends_at: '2027-03-15T12:00',
    format: 'online',
    online_url: 'https://meet.example.org/datos',
    visibility: 'public',
    registration_mode: 'open',
  });
  expect(eventUrl).toMatch(/\/es\/events\/[0-9a-z]{16}$/);
  await signOut(page);

  // The secretary starts the Mesa's plan.
  await signIn(page, SECRETARY.email, SECRETARY.password);
  await page.goto('/es/plans');
  await a11yBoth(page, 'plans list');
  await page.locator('a.button[href$="/plans/new"]').click();
  await a11yBoth(page, 'new plan form');
  await page.locator('input[name=title_es]').fill('Plan operativo 2027 de la Mesa 4');
  await page.locator('input[name=starts_on]').fill('2027-01-01');
  await page.locator('input[name=ends_on]').fill('2027-12-31');
  await page.locator('form[action$="/plans/new"] button[type=submit]').click();
  await expect(page).toHaveURL(/\/es\/plans\/[0-9a-z]{16}$/);
  const plan = new URL(page.url()).pathname;
  await a11yBoth(page, 'empty draft plan');

  // Import: a file with a mistake first (a date outside the period), then the right one.
  await page.locator(`a[href$="${plan}/import"]`).click();
  await a11yBoth(page, 'import form');
  await page.locator('input[name=file]').setInputFiles({ name: 'plan.csv', mimeType: 'text/csv', buffer: Buffer.from(PLAN.replace('2027-03-01', '2026-12-01'), 'utf8') });
  await page.locator(`form[action$="${plan}/import"] button[type=submit]`).click();
  await expect(page.getByText('Línea 4: starts_on: 2026-12-01 está fuera del período del plan')).toBeVisible();
  await a11yBoth(page, 'import with problems');
  await page.locator('input[name=file]').setInputFiles({ name: 'plan.csv', mimeType: 'text/csv', buffer: Buffer.from(PLAN, 'utf8') });
  await page.locator(`form[action$="${plan}/import"] button[type=submit]`).click();
  await expect(page.getByRole('heading', { name: 'El archivo tiene 6 filas, listas para importar' })).toBeVisible();
  await a11yBoth(page, 'import preview');
  await page.locator(`form[action$="${plan}/import/confirm"] button[type=submit]`).click();
  await expect(page.locator('.notice.success')).toContainText('6 agregados');
  await expect(page.getByText('Seminario sobre datos migratorios')).toBeVisible();
  await a11yBoth(page, 'plan with its contents');

  // Two indicator values.
  for (const [code, value] of [
    ['I1', '15'],
    ['I2', '8'],
  ] as const) {
    await page.goto(plan);
    await page.locator('a', { hasText: code === 'I1' ? 'Organizaciones que aportan datos' : 'Semanas de demora en publicar datos' }).click();
    await page.locator('input[name=period]').fill('2027-S1');
    await page.locator('input[name=value]').fill(code === 'I1' ? 'quince' : value);
    await page.locator('input[name=measured_on]').fill('2027-06-30');
    await page.locator('input[name=source]').fill('Informe semestral de la Mesa');
    await page.getByRole('button', { name: 'Informar el valor' }).click();
    if (code === 'I1') {
      await expect(page.locator('.error-summary')).toContainText('Escriba un número');
      await a11yBoth(page, 'indicator value refused');
      await page.locator('input[name=value]').fill(value);
      await page.getByRole('button', { name: 'Informar el valor' }).click();
    }
    await expect(page.locator('.notice.success')).toContainText('Se informó el valor.');
    await a11yBoth(page, `indicator ${code}`);
  }

  // Link the event to the seminar.
  await page.goto(plan);
  await page.locator('a', { hasText: 'Seminario sobre datos migratorios' }).click();
  await a11yBoth(page, 'activity page');
  await page.locator('select[name=link]').selectOption({ label: 'Evento: Seminario de datos migratorios 2027' });
  await page.getByRole('button', { name: 'Enlazar', exact: true }).click();
  await expect(page.locator('.notice.success')).toContainText('Se agregó el enlace.');
  await page.goto(plan);
  await expect(page.getByRole('link', { name: 'Seminario de datos migratorios 2027' })).toBeVisible();
  // I1: (15 − 5)/(25 − 5) = ½; I2: (12 − 8)/(12 − 4) = ½; activities (½·1 + 0·2)/3 = ⅙ → result ½·⅙ + ½·½ = 33 %.
  await expect(page.locator('dl.meta')).toContainText('33');
  await a11yBoth(page, 'plan with values and a link');

  // Approved, it shows on the Mesa's page, to anyone; the secretary publishes the Mesa's report for 2027.
  await page.locator(`form[action$="${plan}/approve"] button`).click();
  await expect(page.locator('.notice.success')).toBeVisible();

  // On a 360 px phone, without the spreadsheet: the secretary adds an activity (a date outside the period first:
  // refused beside its field, what was typed kept) and changes an indicator's target (below its baseline first).
  await page.setViewportSize(PHONE);
  await page.goto(plan);
  await page.getByRole('link', { name: 'Agregar una actividad' }).click();
  await checkA11y(page, 'new activity form (360 px)');
  await page.locator('input[name=code]').fill('1.1.3');
  await page.locator('input[name=title_es]').fill('Taller de validación de datos');
  await page.locator('select[name=body]').selectOption('mt4');
  await page.locator('input[name=starts_on]').fill('2028-01-10');
  await page.locator('input[name=objectives]').fill('17');
  await page.getByRole('button', { name: 'Agregar', exact: true }).click();
  await expect(page.locator('.error-summary')).toContainText('está fuera del período del plan');
  await expect(page.locator('input[name=title_es]')).toHaveValue('Taller de validación de datos');
  await checkA11y(page, 'new activity refused (360 px)');
  await page.locator('input[name=starts_on]').fill('2027-09-10');
  await page.getByRole('button', { name: 'Agregar', exact: true }).click();
  await expect(page.locator('.notice.success')).toContainText('Se agregó al plan.');
  await expect(page.getByText('Taller de validación de datos')).toBeVisible();
  await page.getByRole('link', { name: 'Cambiar I1' }).click();
  await checkA11y(page, 'indicator form (360 px)');
  await page.locator('input[name=target]').fill('3');
  await page.getByRole('button', { name: 'Guardar los cambios' }).click();
  await expect(page.locator('.error-summary')).toContainText('por debajo de la línea de base 5');
  await page.locator('input[name=target]').fill('30');
  await page.getByRole('button', { name: 'Guardar los cambios' }).click();
  await expect(page.locator('.notice.success')).toContainText('Se guardaron los cambios.');
  await expect(page.getByText('cambió el indicador I1')).toBeVisible();
  await checkA11y(page, 'plan after the changes (360 px)');
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/es/reports');
  await page.locator('input[name=kind][value=body]').check();
  await page.locator('select[name=body]').selectOption('mt4');
  await page.locator('input[name=period][value=year]').check();
  await page.locator('input[name=year]').fill('2027');
  await page.locator('form[action$="/reports/preview"] button[type=submit]').click();
  await expect(page.getByRole('heading', { name: 'Avance de los planes' })).toBeVisible();
  await page.getByRole('button', { name: 'Publicar esta edición' }).click();
  await expect(page).toHaveURL(/\/es\/reports\/[0-9a-z]{16}$/);
  const reportId = /\/reports\/([0-9a-z]{16})$/.exec(page.url())![1]!;
  await signOut(page);

  // A visitor: the Mesa's page shows its plan; the Portuguese PDF of the report has the plan's progress.
  await page.goto('/es/bodies/mt4');
  await expect(page.getByRole('heading', { name: 'Plan de trabajo' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Plan operativo 2027 de la Mesa 4' })).toBeVisible();
  await a11yBoth(page, 'body page with its plan');
  await page.goto('/es/about');
  await expect(page.getByRole('heading', { name: 'El plan del Mecanismo' })).toBeVisible();
  await a11yBoth(page, 'about page with the Mechanism’s plan');
  await page.goto(`/pt/reports/${reportId}`);
  await expect(page.getByRole('heading', { name: 'Avanço dos planos' })).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator(`li[lang=pt] a[href$="/pt/reports/${reportId}/report.pdf"]`).click()]);
  expect(download.suggestedFilename()).toMatch(/-pt\.pdf$/);
  const pdf = (await pdfText(new Uint8Array(readFileSync((await download.path())!)))).text.replace(/\s+/g, ' ');
  for (const words of ['Avanço dos planos', 'Plan operativo 2027 de la Mesa 4', 'avanço por resultado esperado']) expect(pdf).toContain(words);
});
