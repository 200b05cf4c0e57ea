/**
 * Events in the browser: an administrator creates a hybrid conversatorio with one seat; a member registers
 * and takes it; a person without an account registers, confirms by mail and is waitlisted; the member
 * cancels and the waitlisted person is promoted; attendance is taken by check-in code; minutes are published;
 * the event shows in the list, its .ics downloads — with axe
 * on every page, at desktop width and on a 360 px phone.
 */
import { test, expect, checkA11y, signInAsAdmin, signUpAndVerify, lastMailTo } from './support.js';

const PHONE = { width: 360, height: 740 };
const inDays = (n: number, hour: string) => `${new Date(Date.now() + n * 86400000).toISOString().slice(0, 10)}T${hour}`;

test('an event: create, register, waitlist and promotion, list, calendar file', async ({ page, browser }) => {
  test.setTimeout(180_000);
  await signInAsAdmin(page);
  await page.goto('/es/events/new');
  await checkA11y(page, 'event form');
  await page.locator('select[name=kind]').selectOption('conversatorio');
  await page.locator('input[name=title_es]').fill('Conversatorio multiactoral e2e');
  await page.locator('textarea[name=description_es]').fill('Con gobiernos y la Red Regional de las Naciones Unidas.');
  await page.locator('select[name=time_zone]').selectOption('America/Santiago');
  await page.locator('input[name=starts_at]').fill(inDays(12, '10:00'));
  await page.locator('input[name=ends_at]').fill(inDays(12, '09:00'));
  await page.locator('input[name=format][value=hybrid]').check();
  await page.locator('input[name=venue_city]').fill('Santiago');
  await page.locator('input[name=online_url]').fill('https://meet.example.org/e2e');
  await page.locator('input[name=capacity]').fill('1');
  await page.locator('form[action$="/events/new"] button[type=submit]').click();
  // The end before the start is refused at its field.
  await expect(page.locator('.error-summary')).toBeVisible();
  await expect(page.locator('#f-ends_at-error')).toBeVisible();
  await checkA11y(page, 'event form with errors');
  await page.locator('input[name=ends_at]').fill(inDays(12, '13:00'));
  await page.locator('form[action$="/events/new"] button[type=submit]').click();
  await expect(page).toHaveURL(/\/es\/events\/[0-9a-z]{16}$/);
  const eventPath = new URL(page.url()).pathname;
  await expect(page.locator('h1')).toContainText('Conversatorio multiactoral e2e');
  await checkA11y(page, 'event page (organizer)');

  // A member registers and gets the only seat (and the link).
  const memberCtx = await browser.newContext({ baseURL: new URL(page.url()).origin });
  const member = await memberCtx.newPage();
  await signUpAndVerify(member, { name: 'Persona Miembro', email: 'member-events@e2e.test', password: 'a-long-password-1' });
  await member.goto(eventPath);
  await member.locator('select[name=sector]').selectOption('civil_society');
  await member.locator('form[action$="/register"] button[type=submit]').click();
  await expect(member.locator('.notice.success').first()).toBeVisible();
  await expect(member.getByRole('link', { name: 'https://meet.example.org/e2e' })).toBeVisible();
  await checkA11y(member, 'event page (registered)');

  // Someone without an account registers, confirms through the mail, and is waitlisted.
  const guestCtx = await browser.newContext({ baseURL: new URL(page.url()).origin });
  const guest = await guestCtx.newPage();
  await guest.setViewportSize(PHONE);
  await guest.goto(eventPath);
  await checkA11y(guest, 'event page (visitor, phone)');
  await guest.locator('input[name=name]').fill('Ana Gobierno');
  await guest.locator('input[name=email]').fill('ana-events@e2e.test');
  await guest.locator('select[name=sector]').selectOption('government');
  await guest.locator('form[action$="/guest"] button[type=submit]').click();
  await expect(guest.locator('.notice.success')).toBeVisible();
  const mail = await lastMailTo(page, 'ana-events@e2e.test');
  const link = /https?:\/\/\S+\/r\/[0-9a-z]{32}/.exec(mail)?.[0];
  expect(link, 'confirmation link in the mail').toBeTruthy();
  await guest.goto(new URL(link!).pathname);
  await checkA11y(guest, 'guest registration (phone)');
  await guest.locator('form[action$="/confirm"] button').click();
  await expect(guest.locator('main')).toContainText('lista de espera');

  // The member cancels: the guest is promoted.
  await member.locator('form[action$="/unregister"] button').click();
  await expect(member.locator('.notice.success').first()).toBeVisible();
  await guest.reload();
  await expect(guest.locator('main')).toContainText('Estás inscrita o inscrito');

  // The organizer's list of registrations; attendance taken at the door by the guest's code.
  const code = /: ([0-9A-Z]{6})/.exec((await guest.locator('main').textContent()) ?? '')?.[1];
  expect(code, 'check-in code on the guest page').toBeTruthy();
  await page.goto(`${eventPath}/registrations`);
  await expect(page.locator('main')).toContainText('Ana Gobierno');
  await page.locator('input[name=code]').fill(code!);
  await page.locator('form[action$="/check-in"] button').click();
  await expect(page.locator('.notice.success')).toContainText('Ana Gobierno');
  await checkA11y(page, 'registrations');

  // Minutes, published.
  await page.goto(`${eventPath}/minutes`);
  await checkA11y(page, 'minutes form');
  await page.locator('textarea[name=summary_es]').fill('Se consolidaron **insumos** para la Red Regional.');
  await page.locator('input[name=action_0_text]').fill('Enviar los insumos');
  await page.locator('input[name=publish]').check();
  await page.locator('form[action$="/minutes"] button[type=submit]').click();
  await expect(page.locator('#minutes')).toBeVisible();
  await expect(page.locator('main')).toContainText('Enviar los insumos');
  await checkA11y(page, 'event page with minutes and attendance');
  await page.goto(`${eventPath}/registrations`);
  await page.setViewportSize(PHONE);
  await checkA11y(page, 'registrations (phone)');
  await page.goto(eventPath);
  await checkA11y(page, 'event page (phone)');

  // The list shows it; the calendar file downloads.
  await member.goto('/es/events');
  await expect(member.getByRole('link', { name: 'Conversatorio multiactoral e2e' })).toBeVisible();
  await checkA11y(member, 'events list');
  await member.goto(eventPath);
  const [download] = await Promise.all([member.waitForEvent('download'), member.locator('a[href$="/event.ics"]').click()]);
  const fs = await import('node:fs/promises');
  const text = await fs.readFile((await download.path())!, 'utf8');
  expect(text).toContain('BEGIN:VEVENT');
  expect(text).toContain('SUMMARY:Conversatorio multiactoral e2e');
  await memberCtx.close();
  await guestCtx.close();
});

test('registration questions, materials and representation at an external event', async ({ page, browser }) => {
  test.setTimeout(180_000);
  await signInAsAdmin(page);
  // An external event: the Regional Network convenes, the Mechanism is represented.
  await page.goto('/es/events/new');
  await page.locator('select[name=kind]').selectOption('conversatorio');
  await page.locator('select[name=external_by]').selectOption('un_network');
  await page.locator('input[name=external_organizer]').fill('Red Regional de la ONU');
  await page.locator('input[name=title_es]').fill('Foro de la Red Regional e2e');
  await page.locator('textarea[name=description_es]').fill('Con la participación del Mecanismo.');
  await page.locator('select[name=time_zone]').selectOption('America/Mexico_City');
  await page.locator('input[name=starts_at]').fill(inDays(20, '09:00'));
  await page.locator('input[name=ends_at]').fill(inDays(20, '13:00'));
  await page.locator('input[name=format][value=online]').check();
  await page.locator('input[name=online_url]').fill('https://meet.example.org/foro');
  await page.locator('form[action$="/events/new"] button[type=submit]').click();
  await expect(page).toHaveURL(/\/es\/events\/[0-9a-z]{16}$/);
  const eventPath = new URL(page.url()).pathname;
  await expect(page.locator('main')).toContainText('Red Regional de la ONU');

  // Questions: a required text question refused without its wording, then saved with an interpretation question.
  await page.goto(`${eventPath}/questions`);
  await checkA11y(page, 'questions form');
  await page.locator('select[name=question_0_kind]').selectOption('text');
  await page.locator('form[action$="/questions"] button[type=submit]').click();
  await expect(page.locator('#f-question_0_label-error')).toBeVisible();
  await checkA11y(page, 'questions form with errors');
  await page.locator('input[name=question_0_label]').fill('¿Qué institución representas?');
  await page.locator('input[name=question_0_required]').check();
  await page.locator('select[name=question_1_kind]').selectOption('interpretation');
  await page.locator('select[name=question_2_kind]').selectOption('accessibility');
  await page.locator('form[action$="/questions"] button[type=submit]').click();
  await expect(page).toHaveURL(/\/registrations$/);

  // Materials: a PDF for everyone, a link for participants.
  await page.goto(`${eventPath}/materials`);
  await checkA11y(page, 'materials page');
  await page.locator('input[name=title]').fill('Nota conceptual');
  await page.locator('input[name=file]').setInputFiles({ name: 'nota.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%nota\n') });
  await page.locator('form[action$="/materials"] button[type=submit]').click();
  await expect(page.locator('.notice.success')).toBeVisible();
  await page.locator('input[name=title]').fill('Sala de la sesión');
  await page.locator('input[name=kind][value=link]').check();
  await page.locator('input[name=url]').fill('https://example.org/sala');
  await page.locator('select[name=audience]').selectOption('participants');
  await page.locator('form[action$="/materials"] button[type=submit]').click();
  await expect(page.locator('main')).toContainText('Sala de la sesión');
  await page.setViewportSize(PHONE);
  await checkA11y(page, 'materials page (phone)');
  await page.goto(`${eventPath}/questions`);
  await checkA11y(page, 'questions form (phone)');
  await page.setViewportSize({ width: 1280, height: 800 });

  // Representation: the mandate and the report back.
  await page.goto(`${eventPath}/representation`);
  await checkA11y(page, 'representation form');
  await page.locator('textarea[name=mandate_es]').fill('Presentar las **prioridades** de las Mesas.');
  await page.locator('textarea[name=report_es]').fill('Se acordó un seguimiento trimestral.');
  await page.locator('form[action$="/representation"] button[type=submit]').click();
  await expect(page.locator('section[aria-labelledby=representation]')).toContainText('prioridades');
  await checkA11y(page, 'external event page with representation and materials');

  // A visitor on a phone: sees the public material, not the participants' link; answers the questions.
  const guestCtx = await browser.newContext({ baseURL: new URL(page.url()).origin });
  const guest = await guestCtx.newPage();
  await guest.setViewportSize(PHONE);
  await guest.goto(eventPath);
  await expect(guest.locator('section[aria-labelledby=materials]')).toContainText('Nota conceptual');
  await expect(guest.locator('main')).not.toContainText('Sala de la sesión');
  await guest.locator('input[name=name]').fill('Luis Ministerio');
  await guest.locator('input[name=email]').fill('luis-events@e2e.test');
  await guest.locator('select[name=sector]').selectOption('government');
  await guest.locator('form[action$="/guest"] button[type=submit]').click();
  // The required question is asked again, beside its field.
  await expect(guest.locator('.error-summary')).toBeVisible();
  await checkA11y(guest, 'guest registration with a missing answer (phone)');
  await guest.getByLabel('¿Qué institución representas?').fill('Ministerio del Interior');
  await guest.getByLabel(/interpretación/).selectOption('en');
  await guest.locator('form[action$="/guest"] button[type=submit]').click();
  await expect(guest.locator('.notice.success')).toBeVisible();
  await checkA11y(guest, 'external event page (visitor, phone)');
  await guestCtx.close();

  // The organizers see the answers.
  await page.goto(`${eventPath}/registrations`);
  await expect(page.locator('main')).toContainText('Ministerio del Interior');
  await expect(page.locator('main')).toContainText('English');
  await checkA11y(page, 'registrations with answers');
});
