/**
 * A consultation in the browser: an administrator designs one (a ranking of the GCM objectives, a choice and a
 * question asked only after one of its answers), opens it, answers it for an organization they represent on a
 * 360 px phone (a refused ranking first), closes it and reads the results — with axe on every page, at desktop
 * width and on the phone.
 */
import { test, expect, checkA11y, signInAsAdmin, representNewOrganization } from './support.js';

const PHONE = { width: 360, height: 740 };

test('a consultation from design to results', async ({ page }) => {
  test.setTimeout(180_000);
  await signInAsAdmin(page);
  // An organization the administrator represents (its designated voter).
  await representNewOrganization(page, 'Red consultada e2e', 'PE');

  // Design.
  await page.goto('/es/consultations');
  await checkA11y(page, 'consultations');
  await page.locator('a.button[href$="/consultations/new"]').click();
  await checkA11y(page, 'new consultation');
  await page.locator('select[name=body]').selectOption('mt3');
  await page.locator('form[action$="/consultations/new"] button[type=submit]').click();
  await expect(page.locator('.error-summary')).toBeVisible();
  await checkA11y(page, 'new consultation with errors');
  await page.locator('input[name=title_es]').fill('Áreas prioritarias 2027');
  await page.locator('textarea[name=purpose_es]').fill('Preparar el próximo conversatorio.');
  await page.locator('input[name=audience][value=members]').check();
  await page.locator('form[action$="/consultations/new"] button[type=submit]').click();
  await expect(page).toHaveURL(/\/es\/consultations\/[0-9a-z]{16}$/);
  const url = new URL(page.url()).pathname;
  await checkA11y(page, 'consultation (draft)');

  const addQuestion = async (fill: () => Promise<void>) => {
    await page.goto(`${url}/questions/new`);
    await fill();
    await page.locator('form[action$="/questions/new"] button[type=submit]').click();
    await expect(page).toHaveURL(new RegExp(`${url}$`));
  };
  await page.goto(`${url}/questions/new`);
  await checkA11y(page, 'question form');
  await addQuestion(async () => {
    await page.locator('select[name=kind]').selectOption('rank');
    await page.locator('input[name=prompt_es]').fill('Sus tres objetivos prioritarios');
    await page.locator('select[name=source]').selectOption('objectives');
    await page.locator('input[name=max_n]').fill('3');
  });
  await addQuestion(async () => {
    await page.locator('select[name=kind]').selectOption('one');
    await page.locator('input[name=prompt_es]').fill('¿Organiza actividades con personas migrantes?');
    await page.locator('select[name=source]').selectOption('custom');
    await page.locator('textarea[name=items_es]').fill('Sí\nNo');
  });
  await addQuestion(async () => {
    await page.locator('select[name=kind]').selectOption('short');
    await page.locator('input[name=prompt_es]').fill('¿Cuáles?');
    await page.locator('select[name=source]').selectOption('');
    await page.locator('select[name=show_if]').selectOption({ label: '2. ¿Organiza actividades con personas migrantes? = Sí' });
  });
  await expect(page.locator('ol.questions > li')).toHaveCount(3);
  await page.locator(`form[action$="${url}/open"] button`).click();
  await expect(page.locator('.notice.success')).toBeVisible();
  await checkA11y(page, 'consultation (open)');

  // Answer on a phone.
  await page.setViewportSize(PHONE);
  await page.goto(`${url}/answer`);
  await checkA11y(page, 'answer form (phone)');
  await page.locator('input[name$="_4"]').first().fill('1');
  await page.locator('input[name$="_8"]').first().fill('1');
  await page.locator('input[type=radio][value="1"]').first().check();
  // Saved on the server as a draft, then found again on a new visit (another device, or after the connection dropped).
  await page.getByRole('button', { name: 'Guardar borrador' }).click();
  await expect(page.locator('.notice.success')).toBeVisible();
  await page.goto(`${url}/answer`);
  await expect(page.locator('.notice.info')).toContainText('borrador');
  await expect(page.locator('input[name$="_8"]').first()).toHaveValue('1');
  await page.locator('form[action$="/answer"] button[type=submit]').first().click();
  await expect(page.locator('.error-summary')).toBeVisible();
  await checkA11y(page, 'answer form with errors (phone)');
  await page.locator('input[name$="_8"]').first().fill('2');
  await page.locator('input[name$="_13"]').first().fill('3');
  const text = page.locator('input[type=text][name^="q_"]');
  await text.fill('Talleres de orientación');
  await page.getByRole('button', { name: 'Enviar la respuesta' }).click();
  await expect(page).toHaveURL(new RegExp(`${url}$`));
  await expect(page.locator('.notice.success').first()).toBeVisible();
  await checkA11y(page, 'consultation after answering (phone)');

  // Close and read the results, on the phone and at desktop width.
  await page.locator(`form[action$="${url}/close"] button`).click();
  // The results wait for the organizers: they publish them once reviewed.
  await checkA11y(page, 'closed, results not yet published');
  await page.locator(`form[action$="${url}/results/publish"] button`).click();
  await expect(page.locator('.notice.success')).toBeVisible();
  await page.goto(`${url}/results`);
  await expect(page.locator('h2').first()).toContainText('Sus tres objetivos prioritarios');
  await expect(page.locator('svg').first()).toBeVisible();
  await checkA11y(page, 'results (phone)');
  await page.setViewportSize({ width: 1280, height: 900 });
  await checkA11y(page, 'results');
  await page.goto('/es/consultations');
  await checkA11y(page, 'consultations with a closed one');

  // Into the agenda: a conversatorio drafted from the ranking, its rows the top objectives, times left to set.
  await page.goto(`${url}/results`);
  await page.getByRole('link', { name: 'Preparar la agenda de un conversatorio con el resultado de la pregunta 1' }).click();
  await expect(page.locator('input[name=agenda_0_title]')).toHaveValue(/^4\. /);
  await checkA11y(page, 'event form drafted from a consultation');
  const day = new Date(Date.now() + 20 * 86400000).toISOString().slice(0, 10);
  await page.locator('input[name=starts_at]').fill(`${day}T09:00`);
  await page.locator('input[name=ends_at]').fill(`${day}T13:00`);
  await page.locator('input[name=venue_city]').fill('Santiago');
  for (const [i, hour] of ['09:10', '09:40', '10:10', '10:40', '11:10', '11:40', '12:10', '12:40'].entries()) if (await page.locator(`input[name=agenda_${i}_title]`).inputValue()) await page.locator(`input[name=agenda_${i}_at]`).fill(`${day}T${hour}`);
  await page.locator('form[action$="/events/new"] button[type=submit]').click();
  await expect(page.locator('.notice.success')).toBeVisible();
  await expect(page.locator('main')).toContainText('4. ');
});
