/**
 * News in the browser: a Mesa's secretary (appointed by an administrator to an organization of the Mesa) writes
 * a post in Markdown — an image from another site is refused with a message — and schedules it; an administrator
 * publishes a post of the Mesa with an image; a visitor reads it on the news page, on the post's page and on the
 * Mesa's page, and the feed is announced in the head and answers Atom. axe on every new page, at desktop width
 * and on a 360 px phone.
 */
import sharp from 'sharp';
import { test, expect, checkA11y, checkFirstScreen, signInAsAdmin, signUpAndVerify, PHONE, applyForOrganization, approveOrganization, appointSecretaryOfMesa1 } from './support.js';

const tomorrow = () => new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
const today = () => new Date().toISOString().slice(0, 10);

test('news: a secretary schedules a post, an administrator publishes one with an image, a visitor reads it', async ({ page, browser }) => {
  test.setTimeout(240_000);
  const origin = () => new URL(page.url()).origin;
  await signInAsAdmin(page);

  // The secretary: an account, an organization of its own (approved), a member of Mesa 1, appointed secretary.
  const secCtx = await browser.newContext({ baseURL: origin() });
  const sec = await secCtx.newPage();
  const email = 'secretaria-news@e2e.test';
  await signUpAndVerify(sec, { name: 'Secretaria Noticias', email, password: 'a-long-password-1' });
  const orgId = await applyForOrganization(sec, { name: 'Organización Noticias e2e', country: 'CL', objective: '17', role: 'Comunicaciones' });
  await approveOrganization(page, orgId);
  await appointSecretaryOfMesa1(page, sec, orgId, email);

  // The secretary writes in Markdown; an image from another site is refused with a message at its field.
  await sec.goto('/es/news/new');
  await expect(sec.locator('h1')).toHaveText('Escribir una noticia');
  await checkA11y(sec, 'post form');
  await sec.locator('input[name=title_es]').fill('Reunión de la Mesa sobre narrativas');
  await sec.locator('textarea[name=summary_es]').fill('La Mesa prepara su estrategia de comunicación.');
  await sec.locator('textarea[name=body_es]').fill('## Acuerdos\n\n- Publicar el **manual**\n- Socializar el estudio\n\n![logo](https://evil.example/pixel.png)');
  await sec.locator('input[name=publish][value=schedule]').check();
  await sec.locator('input[name=publish_at_on]').fill(tomorrow());
  await sec.locator('input[name=publish_at_time]').fill('09:00');
  await sec.locator('select[name=publish_at_zone]').selectOption('UTC');
  await sec.locator('form[action$="/news/new"] button[type=submit]').click();
  await expect(sec.locator('.error-summary')).toContainText('Las imágenes de otros sitios no se muestran');
  await expect(sec.locator('#f-body_es-error')).toBeVisible();
  await checkA11y(sec, 'post form with errors');
  await sec.locator('textarea[name=body_es]').fill('## Acuerdos\n\n- Publicar el **manual**\n- Socializar el estudio');
  await sec.locator('form[action$="/news/new"] button[type=submit]').click();
  await expect(sec).toHaveURL(/\/es\/news\/[0-9a-z]{16}$/);
  const scheduledPath = new URL(sec.url()).pathname;
  await expect(sec.locator('.notice').first()).toContainText('programada');
  await expect(sec.locator('.prose strong')).toHaveText('manual');
  await expect(sec.locator('.prose h2')).toHaveText('Acuerdos');
  await checkA11y(sec, 'scheduled post (writer)');
  await sec.goto('/es/news/drafts');
  await expect(sec.locator('main')).toContainText('Reunión de la Mesa sobre narrativas');
  await checkA11y(sec, 'drafts');
  await sec.setViewportSize(PHONE);
  await sec.goto('/es/news/new');
  await checkA11y(sec, 'post form (phone)');
  await checkFirstScreen(sec, 'post form (phone)');

  // The administrator publishes a post of Mesa 1 with an image.
  await page.goto('/es/bodies/mt1');
  const mesa = (await page.locator('h1').textContent())!.trim();
  await page.goto('/es/news/new');
  await page.locator('select[name=body]').selectOption({ label: mesa });
  await page.locator('input[name=title_es]').fill('La Mesa publica su manual de procedimientos');
  await page.locator('textarea[name=summary_es]').fill('El manual de coordinación técnica ya está disponible.');
  await page.locator('textarea[name=body_es]').fill('El **Manual de Procedimientos** fue socializado con las organizaciones.\n\n1. Qué contiene\n2. Cómo usarlo');
  const png = await sharp({ create: { width: 1600, height: 900, channels: 3, background: '#0072B2' } }).png().toBuffer();
  await page.locator('input[name=image]').setInputFiles({ name: 'manual.png', mimeType: 'image/png', buffer: png });
  await page.locator('input[name=image_alt]').fill('Portada azul del manual');
  await page.locator('input[name=publish][value=now]').check();
  await page.locator('form[action$="/news/new"] button[type=submit]').click();
  await expect(page).toHaveURL(/\/es\/news\/[0-9a-z]{16}$/);
  const postPath = new URL(page.url()).pathname;
  await expect(page.locator('.notice.success')).toBeVisible();

  // A visitor reads it: the news page, the post, the Mesa's page; the scheduled post is not out yet.
  const visitorCtx = await browser.newContext({ baseURL: origin() });
  const visitor = await visitorCtx.newPage();
  await visitor.goto('/es/news');
  await expect(visitor.locator('main')).toContainText('La Mesa publica su manual de procedimientos');
  await expect(visitor.locator('main')).not.toContainText('Reunión de la Mesa sobre narrativas');
  const feedLink = visitor.locator('head link[rel=alternate][type="application/atom+xml"]');
  await expect(feedLink).toHaveAttribute('href', '/es/news/feed.atom');
  await checkA11y(visitor, 'news page');
  await visitor.locator('main a', { hasText: 'La Mesa publica su manual de procedimientos' }).click();
  await expect(visitor).toHaveURL(new RegExp(`${postPath}$`));
  const img = visitor.locator('main img[alt="Portada azul del manual"]');
  await expect(img).toBeVisible();
  expect(await img.evaluate((el: any) => el.naturalWidth)).toBeGreaterThan(0);
  await expect(visitor.locator('.prose strong')).toHaveText('Manual de Procedimientos');
  await checkA11y(visitor, 'post page');
  await visitor.goto('/es/bodies/mt1');
  await expect(visitor.locator('main')).toContainText('La Mesa publica su manual de procedimientos');
  await checkA11y(visitor, 'body page with news');
  await visitor.goto('/es/news/body/mt1');
  await expect(visitor.locator('head link[rel=alternate][type="application/atom+xml"]').first()).toHaveAttribute('href', '/es/news/body/mt1/feed.atom');
  await checkA11y(visitor, 'body news page');
  expect((await visitor.goto(scheduledPath))?.status()).toBe(404);
  const feed = await visitor.request.get('/es/news/feed.atom');
  expect(feed.headers()['content-type']).toBe('application/atom+xml; charset=utf-8');
  expect(await feed.text()).toContain('La Mesa publica su manual de procedimientos');

  // On a phone.
  await visitor.setViewportSize(PHONE);
  for (const [path, label] of [
    ['/es/news', 'news page (phone)'],
    [postPath, 'post page (phone)'],
    ['/es/news/body/mt1', 'body news page (phone)'],
  ]) {
    await visitor.goto(path);
    await checkA11y(visitor, label);
    await checkFirstScreen(visitor, label);
  }
  // The writers' views on a phone: the news page with its buttons, the drafts, a post with its documents form.
  await page.setViewportSize(PHONE);
  for (const [path, label] of [
    ['/es/news', 'news page (administrator, phone)'],
    ['/es/news/drafts', 'drafts (administrator, phone)'],
    [postPath, 'post page (writer, phone)'],
  ]) {
    await page.goto(path);
    await checkA11y(page, label);
    await checkFirstScreen(page, label);
  }
  await page.locator('input[name=file]').setInputFiles({ name: 'manual.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
  await page.locator('form[action$="/attachments"] button[type=submit]').click();
  await expect(page.locator('main a', { hasText: 'manual.pdf' })).toBeVisible();
  await checkA11y(page, 'post page with a document (writer, phone)');
  // The feeds of practices and events are announced on their pages too.
  await visitor.goto('/en/practices');
  await expect(visitor.locator('head link[type="application/atom+xml"]')).toHaveAttribute('href', '/en/practices/feed.atom');
  await visitor.goto('/en/events');
  await expect(visitor.locator('head link[type="application/atom+xml"]')).toHaveAttribute('href', '/en/events/feed.atom');
  await secCtx.close();
  await visitorCtx.close();
});
