/**
 * Security suite (issue 9): an XSS payload corpus — script tags, event handlers, javascript: and data: URLs,
 * SVG, attribute and element breakers, markdown link and image injections, CSS, template placeholders — is
 * put into every field people type that the browser can reach: the join form (organization and person), the
 * organization's profile, the administrator's own name, a practice's every text field, an attachment's file
 * name, a Mesa's name and mandate, an election's title, and organizations imported by CSV. Then every page
 * that shows them is loaded in Chromium (public pages signed out, the rest as the administrator) and nothing
 * may run: a `window.__xss` hook the payloads call, no dialog, and no injected element or attribute in the DOM.
 *
 * Data goes in through HTTP (the real forms' posts, with the CSRF token), not by clicking, to keep it fast.
 * docs/security.md lists what this covers.
 */
import type { APIRequestContext, BrowserContext, Page } from '@playwright/test';
import { test, expect, signInAsAdmin, checkA11y } from './support.js';

/** Each payload calls `__xss(tag)` if it ever runs. */
const CORPUS = [
  `<script>__xss('script')</script>`,
  `<img src=x onerror="__xss('img')">`,
  `<svg onload="__xss('svg')"><circle r=1 /></svg>`,
  `"><img src=x onerror=__xss('attr-dq')>`,
  `'><svg/onload=__xss('attr-sq')>`,
  `</textarea></title></style></script><script>__xss('breakout')</script>`,
  `javascript:__xss('js-url')`,
  `[link](javascript:__xss('md-link'))`,
  `![image](javascript:__xss('md-img'))`,
  `[data](data:text/html;base64,PHNjcmlwdD5wYXJlbnQuX194c3MoJ2RhdGEnKTwvc2NyaXB0Pg==)`,
  `<a href="javascript:__xss('a-href')">click</a>`,
  `<a href="&#106;avascript:__xss('entity')">entity</a>`,
  `<iframe srcdoc="<script>parent.__xss('iframe')</script>"></iframe>`,
  `<details open ontoggle=__xss('details')>x</details>`,
  `<style>body{background:url("javascript:__xss('css')")}</style>`,
  `<div style="background-image:url(javascript:__xss('style-attr'))">x</div>`,
  `<math><mtext><table><mglyph><style><img src=x onerror=__xss('mxss')>`,
  `<img src="x" alt="\` onerror=__xss('backtick')">`,
  `{{constructor.constructor('__xss(1)')()}} {{email}} {{- url}} $t(nav.home) \${__xss('tpl')}`,
];
/** All of it, for long text fields. */
const FULL = CORPUS.join('\n\n');
/** A short mix for names and titles (fields of 120–200 characters). */
const short = (tag: string) => `"><img src=x onerror=__xss('${tag}')><svg onload=__xss('${tag}')>{{email}} $t(nav.home)`;

/**
 * What a payload left in the DOM if it got through as markup (run in the page; a string, since the project's
 * TypeScript has no DOM types).
 */
const INJECTED = `(() => {
  const found = [];
  for (const el of Array.from(document.querySelectorAll('*'))) {
    for (const a of Array.from(el.attributes)) {
      const v = a.value.trim().toLowerCase();
      if (a.name.startsWith('on')) found.push(el.tagName + ' ' + a.name);
      if (['href', 'src', 'action', 'formaction', 'xlink:href', 'srcdoc'].includes(a.name) && (v.startsWith('javascript:') || v.startsWith('data:text/html') || a.name === 'srcdoc')) found.push(el.tagName + ' ' + a.name + '=' + v.slice(0, 40));
      if (a.name === 'style' && v.includes('javascript')) found.push(el.tagName + ' style');
    }
    if (['IFRAME', 'OBJECT', 'EMBED', 'MATH', 'BASE'].includes(el.tagName)) found.push(el.tagName);
    if ((el.tagName === 'SCRIPT' || el.tagName === 'STYLE') && (el.textContent || '').includes('__xss')) found.push(el.tagName + ' with the payload');
    if (el.tagName === 'IMG' && el.getAttribute('src') === 'x') found.push('IMG src=x');
  }
  return found;
})()`;
const injected = (page: Page) => page.evaluate<string[]>(INJECTED);

test('no payload typed, imported or uploaded runs on any page that shows it', async ({ page, context, playwright, baseURL }) => {
  test.setTimeout(120_000);
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await context.addInitScript({ content: 'window.__xssHits = []; window.__xss = (tag) => window.__xssHits.push(String(tag));' });

  const problems: string[] = [];
  const visit = async (path: string) => {
    const res = await page.goto(path, { waitUntil: 'load' });
    expect(res?.status(), path).toBeLessThan(400);
    const hits = await page.evaluate<string[]>('window.__xssHits');
    for (const h of hits) problems.push(`${path}: ran ${String(h)}`);
    for (const x of await injected(page)) problems.push(`${path}: ${x}`);
  };

  // ---- The join form, signed out: the organization and the person applying ----
  const anon = await playwright.request.newContext({ baseURL });
  await anon.get('/es/join');
  const stamp = Date.now();
  const applicant = { email: `xss-${stamp}@example.org`, password: 'una frase larga de prueba 9' };
  const joined = await postForm(anon, '/es/join', {
    name: `Org ${stamp} ${short('org-name')}`,
    acronym: '<b>X</b>',
    country: 'CL',
    countries: 'PE',
    city: short('city'),
    type: 'ngo',
    objectives: '1',
    languages: 'es',
    website: '',
    social: '',
    description: FULL,
    description_lang: 'es',
    role_title: short('role'),
    person_name: short('person'),
    email: applicant.email,
    password: applicant.password,
    confirm: applicant.password,
    accept_principles: 'on',
    accept_terms: 'on',
  });
  expect(joined.status(), await joined.text().then((t) => t.slice(0, 500))).toBe(303);

  // ---- The administrator: approves it, edits its profile, imports, documents a practice, edits a Mesa, calls an election ----
  await signInAsAdmin(page);
  const req = page.request;
  expect((await postForm(req, '/es/account/profile', { name: short('admin-name'), locale: 'es' }, context)).status()).toBe(303);
  const apps = await (await req.get('/es/admin/applications')).text();
  const orgId = /\/admin\/organizations\/([0-9a-z]{16})/.exec(apps)?.[1];
  expect(orgId, 'the application is listed').toBeTruthy();
  expect((await postForm(req, `/es/admin/organizations/${orgId}/approve`, {}, context)).status()).toBe(303);
  const profile = await postForm(
    req,
    `/es/organizations/${orgId}/edit`,
    {
      name: `Org ${stamp} ${short('org-name')}`,
      acronym: 'XSS',
      country: 'CL',
      countries: 'PE',
      city: short('city'),
      type: 'ngo',
      objectives: '1',
      languages: 'es',
      website: '',
      social: '',
      description_es: FULL,
      description_en: FULL,
      public_fields: ['acronym', 'city', 'description', 'countries', 'objectives', 'languages', 'type'],
      contact_name: short('contact'),
      contact_email: 'contacto@example.org',
      contact_phone: '<script>__xss("phone")</script>',
      contact_role: short('contact-role'),
    },
    context,
  );
  expect(profile.status(), await profile.text().then((t) => /<div class="error-summary[\s\S]*?<\/div>/.exec(t)?.[0] ?? t.slice(0, 300))).toBe(303);

  const csv = `name,country,city\n${CORPUS.slice(0, 6).map((p, i) => `"Importada ${i} ${p.replaceAll('"', '""')}",PE,"${short(`csv-${i}`).replaceAll('"', '""')}"`).join('\n')}\n`;
  const preview = await req.post('/es/admin/import', { multipart: { _csrf: await csrf(context), file: { name: 'orgs.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) } }, maxRedirects: 0 });
  expect(preview.status()).toBe(303);
  const importPage = preview.headers().location!;
  expect((await postForm(req, importPage, {}, context)).status()).toBe(303);

  const texts: Record<string, string> = { title_es: short('title'), title_en: short('title-en') };
  for (const f of ['summary', 'problem', 'actions', 'results', 'lessons', 'replication']) texts[`${f}_es`] = FULL;
  const created = await postForm(
    req,
    '/es/practices/new',
    {
      action: 'save',
      org_id: orgId!,
      original_lang: 'es',
      ...texts,
      implementers: FULL.slice(0, 1000),
      partners: short('partners'),
      scope: 'national',
      countries: 'PE',
      start_date: '2021-03-01',
      resource_type: 'practice',
      links: '',
      contact_name: short('practice-contact'),
      contact_email: 'contacto@example.org',
      objectives: '16',
      principles: 'child-sensitive',
    },
    context,
  );
  expect(created.status(), await created.text().then((t) => t.slice(0, 300))).toBe(303);
  const practiceId = /\/practices\/([0-9a-z]{16})/.exec(created.headers().location!)![1]!;
  const upload = await req.post(`/es/practices/${practiceId}/attachments`, {
    multipart: { _csrf: await csrf(context), file: { name: `"><img src=x onerror=__xss('file')><svg onload=__xss('file2')>.pdf`, mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%xss\n') } },
    maxRedirects: 0,
  });
  expect(upload.status()).toBe(303);
  // The draft's form and page (values written back into inputs and textareas), before it is published.
  await visit(`/es/practices/${practiceId}/edit`);
  await visit(`/es/practices/${practiceId}`);
  expect((await postForm(req, `/es/practices/${practiceId}/workflow`, { action: 'submit' }, context)).status()).toBe(303);
  expect((await postForm(req, `/es/practices/${practiceId}/workflow`, { action: 'approve' }, context)).status()).toBe(303);

  const mesa = await postForm(req, '/es/bodies/mt1/edit', { name_es: short('mesa-name'), short_name_es: short('mesa-short'), mandate_es: FULL, objectives: '5' }, context);
  expect(mesa.status(), await mesa.text().then((t) => t.slice(0, 300))).toBe(303);
  const called = await postForm(req, '/es/elections/new', { body: 'mt1', title_es: short('election'), title_en: short('election-en'), positions: 'secretary', quorum_pct: '50', term_start: '2031-01-01' }, context);
  expect(called.status(), await called.text().then((t) => t.slice(0, 300))).toBe(303);
  const electionId = /\/elections\/([0-9a-z]{16})/.exec(called.headers().location!)![1]!;

  // The applicant confirms their address (the link from the outbox), joins the Mesa for the organization and
  // stands as a candidate with a statement.
  const outbox = await (await req.get(`/es/admin/outbox?to=${encodeURIComponent(applicant.email)}`)).text();
  let verifyToken: string | undefined;
  for (const [, mailId] of outbox.matchAll(/\/admin\/outbox\/([0-9a-z]{16})"/g)) {
    verifyToken ??= /verify-email\?token=([A-Za-z0-9._-]+)/.exec(await (await req.get(`/es/admin/outbox/${mailId}`)).text())?.[1];
  }
  expect(verifyToken, 'the verification link is in the outbox').toBeTruthy();
  expect((await anon.get(`/es/verify-email?token=${verifyToken}`, { maxRedirects: 0 })).status()).toBe(303);
  expect((await postForm(anon, '/es/sign-in', applicant)).status()).toBe(303);
  expect((await postForm(anon, '/es/bodies/mt1/join', { org: orgId! })).status()).toBe(303);
  expect((await postForm(req, '/es/bodies/mt1/requests', { org: orgId!, decision: 'approve' }, context)).status()).toBe(303);
  const nominated = await postForm(anon, `/es/elections/${electionId}/nominate`, { position: 'secretary', who: 'self', org: orgId!, statement: FULL, statement_lang: 'es' });
  expect(nominated.status(), await nominated.text().then((t) => /<div class="error-summary[\s\S]*?<\/div>/.exec(t)?.[0] ?? t.slice(0, 300))).toBe(303);
  await anon.dispose();

  const slug = /\/es\/members\/([a-z0-9-]+)"/.exec(await (await req.get(`/es/members?q=${stamp}`)).text())?.[1];
  expect(slug, 'the approved organization is in the directory').toBeTruthy();

  // ---- Every page that shows them ----
  const signedInPages = [
    `/es/organizations/${orgId}`,
    `/es/organizations/${orgId}/edit`,
    '/es/my/organizations',
    '/es/admin/applications',
    `/es/admin/organizations/${orgId}`,
    importPage,
    '/es/admin/users',
    '/es/admin/audit',
    '/es/admin/outbox',
    '/es/account',
    '/es/practices/review',
    '/es/bodies/mt1/area',
    '/es/bodies/mt1/edit',
    `/es/elections/${electionId}/edit`,
    `/es/elections/new?body=mt1`,
  ];
  const publicPages = [
    '/es/',
    '/es/members',
    `/es/members?q=${encodeURIComponent('<script>__xss("q")</script>')}`,
    `/es/members/${slug}`,
    '/en/members/' + slug,
    '/es/coverage',
    '/es/practices',
    `/es/practices?text=${encodeURIComponent(`"><img src=x onerror=__xss('search')>`)}`,
    `/es/practices/${practiceId}`,
    `/en/practices/${practiceId}`,
    '/es/bodies',
    '/es/bodies/mt1',
    '/es/elections',
    `/es/elections/${electionId}`,
    '/es/objectives/16',
    '/es/objectives/1',
  ];
  for (const p of signedInPages) await visit(p);
  // The payloads are on the pages, shown as text (so the checks above are looking at them).
  await page.goto(`/es/practices/${practiceId}`);
  await expect(page.locator('main')).toContainText(`onerror=__xss('title')`);
  await expect(page.locator('main')).toContainText(`onerror=__xss('file')`);
  await context.clearCookies();
  for (const p of publicPages) await visit(p);
  await page.goto(`/es/members/${slug}`);
  await expect(page.locator('main')).toContainText(`__xss('script')`);
  await page.goto('/es/bodies/mt1');
  await expect(page.locator('main')).toContainText(`__xss('md-link')`);
  await page.goto(`/es/elections/${electionId}`);
  await expect(page.locator('main')).toContainText(`__xss('iframe')`); // the candidate's statement

  expect(problems).toEqual([]);
  expect(dialogs).toEqual([]);
});

test('a locked sign-in offers a link by mail; its pages are accessible at desktop and phone widths', async ({ page, context }) => {
  const email = `locked-${Date.now()}@example.org`;
  await page.goto('/es/sign-in');
  for (let i = 0; i < 8; i++) expect((await postForm(page.request, '/es/sign-in', { email, password: `wrong-password-${i}` }, context)).status()).toBe(401);
  await page.locator('input[name=email]').fill(email);
  await page.locator('input[name=password]').fill('another-wrong-password');
  await page.locator('form[action$="/sign-in"] button[type=submit]').click();
  await expect(page.locator('form[action$="/sign-in/link"] button')).toBeVisible();
  for (const width of [1280, 360]) {
    await page.setViewportSize({ width, height: 800 });
    await checkA11y(page, `locked sign-in at ${width}px`);
  }
  await page.locator('form[action$="/sign-in/link"] button').click();
  await expect(page).toHaveURL(/\/es\/check-email/);
  for (const path of ['/es/sign-in/link', '/fr/sign-in/link/use?token=abc']) {
    await page.goto(path);
    for (const width of [1280, 360]) {
      await page.setViewportSize({ width, height: 800 });
      await checkA11y(page, `${path} at ${width}px`);
    }
  }
  await page.locator('form[action$="/sign-in/link/use"] button').click();
  await expect(page.locator('h1')).toContainText("Le lien n'est pas valide");
});

/** The CSRF cookie of a browser context (the forms' double-submit token). */
async function csrf(context: BrowserContext): Promise<string> {
  return (await context.cookies()).find((c) => c.name === 'dialogo.csrf')?.value ?? '';
}

/** Posts a form as the browser would (repeated fields for lists), without following the redirect. */
async function postForm(req: APIRequestContext, path: string, fields: Record<string, string | string[]>, context?: BrowserContext) {
  const token = context ? await csrf(context) : ((await req.storageState()).cookies.find((c) => c.name === 'dialogo.csrf')?.value ?? '');
  const body = new URLSearchParams({ _csrf: token });
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) body.append(k, x);
  return req.post(path, { data: body.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' }, maxRedirects: 0 });
}
