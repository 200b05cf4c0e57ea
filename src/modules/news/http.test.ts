/**
 * News over HTTP on both engines: an administrator publishes with an image (resized, served at two sizes); a
 * body's secretary schedules a post that a job publishes at its time, once (the safety-net schedule finds nothing
 * left); the post on the news page, the body's page, the home page and the feeds (one per language, parsed
 * back); bad input refused at its field with a clear message (an image from another site, a file that is not an
 * image, another body's news, a time in the past); what the sanitizer removes; paging; the API; the updates kind
 * and link target; the history as sentences; autodiscovery links on the news, practices and events pages.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import sharp from 'sharp';
import { XMLParser } from 'fast-xml-parser';
import { createTestContext, DIALECTS, signUpAndIn, type TestContext, type TestClient } from '../../../tests/support/context.js';
import { makeOrganization, addPerson } from '../membership/factories.js';
import { addBodyMember, assignPositions, getBodyBySlug, paths as bodiesPaths } from '../bodies/index.js';
import { paths as practicesPaths } from '../practices/index.js';
import { paths as eventsPaths } from '../events/index.js';
import { historyOf } from '../../platform/audit/audit.js';
import { readHistory } from '../../platform/audit/read.js';
import { resolveLinks } from '../../platform/links.js';
import { paths, apiPaths } from './paths.js';
import { getPost } from './queries.js';
import { samplePng, makePost, SAMPLE_PDF } from './factories.js';
import { PER_PAGE } from './routes.js';
import { newsModule } from './manifest.js';
import { demoNews } from './demo.js';

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (n) => n === 'entry' || n === 'link' });
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe.each(DIALECTS)('news over HTTP (%s)', (dialect) => {
  let ctx: TestContext;
  let admin: TestClient;
  let anon: TestClient;
  let secretary: { client: TestClient; userId: string };
  let bodyId = '';
  let otherBodyId = '';

  beforeAll(async () => {
    ctx = await createTestContext(dialect);
    admin = await ctx.admin();
    anon = ctx.client();
    bodyId = (await getBodyBySlug(ctx.db, 'mt1'))!.id;
    otherBodyId = (await getBodyBySlug(ctx.db, 'mt2'))!.id;
    secretary = await signUpAndIn(ctx, 'secretaria@news.test', 'Secretaria Mesa');
    const org = await makeOrganization(ctx.db, { name: 'Org Noticias', status: 'member' });
    await addBodyMember(ctx.db, bodyId, org.id);
    await addPerson(ctx.db, org.id, secretary.userId);
    await assignPositions(ctx.db, null, { bodyId, assignments: [{ position: 'secretary', userId: secretary.userId, orgId: org.id, holderName: 'Secretaria Mesa' }], startsOn: '2020-01-01', endsOn: null, source: 'appointment' });
  }, 90_000);
  afterAll(() => ctx?.close());

  const form = (over: Record<string, string> = {}) => ({
    body: bodyId,
    original_lang: 'es',
    title_es: 'Taller sobre narrativas',
    summary_es: 'La Mesa se reunió.',
    body_es: '## Lo que pasó\n\nSe habló de **narrativas** y [el informe](https://example.org/informe).',
    publish: 'now',
    ...over,
  });
  const multipart = (fields: Record<string, string>, file?: { bytes: Uint8Array; name: string }) => {
    const fd = new FormData();
    for (const [k, v] of Object.entries(fields)) fd.append(k, v);
    if (file) fd.append('image', new File([file.bytes], file.name));
    return fd;
  };
  const idFrom = (res: Response) => /\/news\/([0-9a-z]{16})$/.exec(res.headers.get('location') ?? '')![1]!;

  it('an administrator publishes Mechanism news with an image, resized and served at two sizes', async () => {
    const png = new Uint8Array(await samplePng(2400, 1200));
    const res = await admin.postMultipart(paths.create.href('es'), multipart(form({ body: '', title_es: 'Noticia con imagen', title_en: 'News with an image', body_en: 'An **image**.', image_alt: 'Un cuadro azul' }), { bytes: png, name: 'foto.png' }));
    expect(res.status).toBe(303);
    const id = idFrom(res);
    const p = (await getPost(ctx.db, id))!;
    expect(p.status).toBe('published');
    expect(p.bodyId).toBeNull();
    expect(p.imageFile).toMatch(/^[0-9a-z]{16}\.webp$/);
    const page = await (await anon.get(paths.post.href('es', { id }))).text();
    expect(page).toContain('Noticia con imagen');
    expect(page).toContain('alt="Un cuadro azul"');
    expect(page).toMatch(/srcset="[^"]+-s\.webp 600w, [^"]+\.webp 1200w"/);
    const big = await anon.get(paths.image.href('es', { file: p.imageFile! }));
    expect(big.headers.get('content-type')).toBe('image/webp');
    expect((await sharp(Buffer.from(await big.arrayBuffer())).metadata()).width).toBe(1200);
    const small = await anon.get(paths.image.href('es', { file: p.imageFile!.replace('.webp', '-s.webp') }));
    expect((await sharp(Buffer.from(await small.arrayBuffer())).metadata()).width).toBe(600);
    // The news page, the home page and the English feed list it.
    expect(await (await anon.get(paths.list.href('es'))).text()).toContain('Noticia con imagen');
    expect(await (await anon.get('/es/')).text()).toContain('Noticia con imagen');
    const en = parser.parse(await (await anon.get(paths.feed.href('en'))).text());
    expect(en.feed.entry.map((e: { title: { '#text': string } }) => e.title['#text'])).toContain('News with an image');
  });

  it('a secretary schedules a body post; the job publishes it at its time, once, and it shows on the body page and feeds', async () => {
    const res = await secretary.client.post(paths.create.href('es'), form({ title_es: 'Noticia programada de la Mesa', publish: 'schedule', publish_at_on: day(2), publish_at_time: '10:00', publish_at_zone: 'UTC' }));
    expect(res.status).toBe(303);
    const id = idFrom(res);
    expect((await getPost(ctx.db, id))!.status).toBe('scheduled');
    // Not yet: readers get a 404, the writers see it among the drafts.
    expect((await anon.get(paths.post.href('es', { id }))).status).toBe(404);
    expect(await (await secretary.client.get(paths.drafts.href('es'))).text()).toContain('Noticia programada de la Mesa');
    expect(await (await anon.get(paths.list.href('es'))).text()).not.toContain('Noticia programada de la Mesa');
    expect(await (await anon.get(bodiesPaths.body.href('es', { slug: 'mt1' }))).text()).not.toContain('Noticia programada de la Mesa');
    await ctx.runJobs({ now: new Date(Date.now() + 86_400_000) });
    expect((await getPost(ctx.db, id))!.status).toBe('scheduled');
    // Visitors' pages are cached (not in tests: TTL 0): the job empties the cache when it publishes.
    const clear = ctx.deps.cache.clear;
    let cleared = 0;
    ctx.deps.cache.clear = () => {
      cleared++;
      clear();
    };
    await ctx.runJobs({ now: new Date(`${day(2)}T10:01:00Z`) });
    ctx.deps.cache.clear = clear;
    expect(cleared).toBeGreaterThan(0);
    const p = (await getPost(ctx.db, id))!;
    expect(p.status).toBe('published');
    // The schedule's safety net runs later and publishes nothing again.
    await ctx.runJobs({ now: new Date(`${day(2)}T10:30:00Z`) });
    const history = await historyOf(ctx.db, 'news', id);
    expect(history.filter((h) => h.action === 'news.publishedOnTime')).toHaveLength(1);
    const sentences = (await readHistory(ctx.db, ctx.deps.modules, 'en', ctx.deps.i18n.t('en'), { type: 'news', id }, history)).map((h) => h.sentence);
    expect(sentences).toContain('The post Noticia programada de la Mesa was published at its scheduled time');
    expect(sentences.some((s) => /scheduled the post Noticia programada de la Mesa/.test(s))).toBe(true);
    expect(await (await anon.get(paths.list.href('es'))).text()).toContain('Noticia programada de la Mesa');
    const bodyPage = await (await anon.get(bodiesPaths.body.href('es', { slug: 'mt1' }))).text();
    expect(bodyPage).toContain('Noticia programada de la Mesa');
    expect(await (await anon.get(paths.body.href('es', { slug: 'mt1' }))).text()).toContain('Noticia programada de la Mesa');
    const feed = parser.parse(await (await anon.get(paths.bodyFeed.href('es', { slug: 'mt1' }))).text());
    expect(feed.feed.entry.map((e: { title: { '#text': string } }) => e.title['#text'])).toContain('Noticia programada de la Mesa');
    // Written only in Spanish: not in the English feed.
    expect(await (await anon.get(paths.bodyFeed.href('en', { slug: 'mt1' }))).text()).not.toContain('Noticia programada');
  });

  it('refuses bad input at its field with a clear message, and keeps what was typed', async () => {
    const outside = await secretary.client.post(paths.create.href('es'), form({ body_es: 'Mira ![foto](https://evil.example/x.png)' }));
    expect(outside.status).toBe(422);
    const html = await outside.text();
    expect(html).toContain('Las imágenes de otros sitios no se muestran');
    expect(html).toContain('Taller sobre narrativas');
    const fake = await admin.postMultipart(paths.create.href('en'), multipart(form({ image_alt: 'x' }), { bytes: new TextEncoder().encode('#!/bin/sh\necho hi'), name: 'photo.png' }));
    expect(fake.status).toBe(422);
    expect(await fake.text()).toContain('This file is not a PNG, JPEG or WebP image.');
    const noAlt = await admin.postMultipart(paths.create.href('en'), multipart(form(), { bytes: new Uint8Array(await samplePng(100, 100)), name: 'a.png' }));
    expect(noAlt.status).toBe(422);
    expect(await noAlt.text()).toContain('Say what the image shows.');
    const other = await secretary.client.post(paths.create.href('en'), form({ body: otherBodyId }));
    expect(other.status).toBe(422);
    expect(await other.text()).toContain('You can only write news for the bodies you are secretary of.');
    const mechanism = await secretary.client.post(paths.create.href('en'), form({ body: '' }));
    expect(mechanism.status).toBe(422);
    const past = await secretary.client.post(paths.create.href('en'), form({ publish: 'schedule', publish_at_on: day(-1), publish_at_time: '10:00', publish_at_zone: 'UTC' }));
    expect(past.status).toBe(422);
    expect(await past.text()).toContain('Choose a date and time in the future.');
    const noTitle = await secretary.client.post(paths.create.href('en'), form({ title_es: '', title_en: 'Only English' }));
    expect(noTitle.status).toBe(422);
    expect(await ctx.db.selectFrom('news_posts').select('id').where('title', 'like', '%Only English%').executeTakeFirst()).toBeUndefined();
  });

  it('removes raw HTML, scripts and javascript: links when showing a post', async () => {
    const res = await secretary.client.post(paths.create.href('es'), form({ title_es: 'Noticia con HTML', body_es: 'Hola <script>alert(1)</script> <b onclick="alert(2)">negrita</b> [clic](javascript:alert(3)) <iframe src="https://evil.example"></iframe>' }));
    expect(res.status).toBe(303);
    const html = await (await anon.get(paths.post.href('es', { id: idFrom(res) }))).text();
    const prose = html.slice(html.indexOf('class="prose"'));
    expect(prose).not.toMatch(/<script|onclick|javascript:|<iframe/i);
    expect(prose).toContain('<b>negrita</b>');
  });

  it('edits, withdraws and publishes again; an edited published post keeps its date', async () => {
    const id = await makePost(ctx.db, ctx.deps.config.dataDir, secretary.userId, { bodyId, title: { es: 'Para editar' } });
    const first = (await getPost(ctx.db, id))!.publishedAt;
    expect((await secretary.client.get(paths.edit.href('es', { id }))).status).toBe(200);
    expect((await secretary.client.post(paths.edit.href('es', { id }), form({ title_es: 'Editada' }))).status).toBe(303);
    const p = (await getPost(ctx.db, id))!;
    expect(p.title.es).toBe('Editada');
    expect(p.publishedAt).toBe(first);
    expect((await secretary.client.post(paths.withdraw.href('es', { id }), {})).status).toBe(303);
    expect((await anon.get(paths.post.href('es', { id }))).status).toBe(404);
    expect((await getPost(ctx.db, id))!.status).toBe('draft');
  });

  it('attaches documents checked by their bytes, served as downloads; an executable or a disguised file is refused', async () => {
    const id = await makePost(ctx.db, ctx.deps.config.dataDir, secretary.userId, { bodyId, title: { es: 'Con documentos' } });
    const upload = (name: string, bytes: Uint8Array) => {
      const fd = new FormData();
      fd.append('file', new File([bytes], name));
      return secretary.client.postMultipart(paths.attachments.href('en', { id }), fd);
    };
    expect((await upload('acta.pdf', SAMPLE_PDF)).status).toBe(303);
    const exe = await upload('setup.exe', new Uint8Array([0x4d, 0x5a, 0x90, 0x00]));
    expect(exe.status).toBe(422);
    expect(await exe.text()).toContain('The file must be a PDF, an image or an office document');
    const disguised = await upload('informe.pdf', new TextEncoder().encode('<html><script>alert(1)</script></html>'));
    expect(disguised.status).toBe(422);
    const page = await (await anon.get(paths.post.href('es', { id }))).text();
    const href = /href="([^"]+\/files\/[0-9a-z]{16})"/.exec(page)![1]!;
    const file = await anon.get(href);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(file.headers.get('content-disposition')).toMatch(/^attachment; filename="acta.pdf"/);
    expect(file.headers.get('x-content-type-options')).toBe('nosniff');
    const aid = /files\/([0-9a-z]{16})/.exec(href)![1]!;
    expect((await secretary.client.post(paths.detach.href('es', { id, aid }), {})).status).toBe(303);
    expect((await anon.get(href)).status).toBe(404);
    const sentences = (await readHistory(ctx.db, ctx.deps.modules, 'en', ctx.deps.i18n.t('en'), { type: 'news', id }, await historyOf(ctx.db, 'news', id))).map((h) => h.sentence);
    expect(sentences).toContain('Secretaria Mesa attached acta.pdf to the post Con documentos');
    expect(sentences).toContain('Secretaria Mesa removed acta.pdf from the post Con documentos');
  });

  it('pages the news ten at a time', async () => {
    for (let i = 0; i < PER_PAGE + 2; i++) await makePost(ctx.db, ctx.deps.config.dataDir, secretary.userId, { bodyId, title: { es: `Serie ${i}` } });
    const one: any = await (await anon.get(paths.list.href('es'))).text();
    expect(one).toContain('rel="next"');
    const two = await anon.get(paths.list.href('es', {}, { page: 2 }));
    expect(two.status).toBe(200);
    expect(await two.text()).toContain('rel="prev"');
    expect((await anon.get(paths.list.href('es', {}, { page: 'x' }))).status).toBe(200);
  });

  it('the API lists published news and gives one post; drafts are not there', async () => {
    const draft = await makePost(ctx.db, ctx.deps.config.dataDir, secretary.userId, { bodyId, publish: 'draft', title: { es: 'Borrador API' } });
    const list: any = await (await anon.get(`${apiPaths.mounted(apiPaths.list)}?lang=es&body=mt1`)).json();
    expect(list.total).toBeGreaterThan(0);
    expect(list.data.every((p: { body: string }) => p.body === 'mt1')).toBe(true);
    expect(JSON.stringify(list)).not.toContain('Borrador API');
    const one: any = await (await anon.get(apiMountedPost(list.data[0].id))).json();
    expect(one.data.html).not.toMatch(/<script/);
    expect(one.data.url).toMatch(/^\/es\/news\//);
    expect((await anon.get(apiMountedPost(draft))).status).toBe(404);
    expect((await anon.get(`${apiPaths.mounted(apiPaths.list)}?body=nope`)).status).toBe(404);
  });

  it('the updates kind counts and lists what was published in a window; the link target hides drafts', async () => {
    const kind = newsModule.updates![0]!;
    const since = new Date(Date.now() - 3600_000).toISOString();
    const until = new Date(Date.now() + 60_000).toISOString();
    const base = { db: ctx.db, dialect: ctx.dialect, locale: 'es' as const, t: ctx.deps.i18n.t('es'), user: null };
    const n = await kind.count({ ...base, since, until });
    expect(n).toBeGreaterThan(PER_PAGE);
    const items = await kind.items({ ...base, since, until, baseUrl: 'https://x.example', limit: 3 });
    expect(items).toHaveLength(3);
    expect(items[0]!.href).toMatch(/^https:\/\/x\.example\/es\/news\/[0-9a-z]{16}$/);
    expect(await kind.count({ ...base, since: until, until: new Date(Date.now() + 120_000).toISOString() })).toBe(0);
    const draft = await makePost(ctx.db, ctx.deps.config.dataDir, secretary.userId, { bodyId, publish: 'draft' });
    const published = await makePost(ctx.db, ctx.deps.config.dataDir, secretary.userId, { bodyId, title: { es: 'Enlazada' } });
    const links = await resolveLinks(base, ctx.deps.modules, [
      { type: 'news.post', id: draft },
      { type: 'news.post', id: published },
    ]);
    expect(links.map((l) => l.title)).toEqual(['Enlazada']);
  });

  it('announces the feeds in the head of the news, practices and events pages; practices and events feeds parse', async () => {
    const head = async (url: string) => {
      const html = await (await anon.get(url)).text();
      return html.slice(0, html.indexOf('</head>'));
    };
    expect(await head(paths.list.href('pt'))).toContain(`<link rel="alternate" type="application/atom+xml" title="Todas as notícias (Atom)" href="${paths.feed.href('pt')}"/>`);
    expect(await head(paths.body.href('es', { slug: 'mt1' }))).toContain(paths.bodyFeed.href('es', { slug: 'mt1' }));
    expect(await head(practicesPaths.search.href('en'))).toContain(`type="application/atom+xml" title="`);
    expect(await head(practicesPaths.search.href('en'))).toContain(practicesPaths.feed.href('en'));
    expect(await head(eventsPaths.list.href('fr'))).toContain(eventsPaths.atom.href('fr'));
    for (const url of [practicesPaths.feed.href('en'), eventsPaths.atom.href('fr')]) {
      const res = await anon.get(url);
      expect(res.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
      const doc = parser.parse(await res.text());
      expect(doc.feed.id).toMatch(/^tag:localhost,2026:/);
      expect(doc.feed.link.find((l: Record<string, string>) => l['@rel'] === 'self')['@href']).toBe(`http://localhost:3000${url}`);
    }
  });

  it('demo posts are labelled as such', async () => {
    const adminId = (await ctx.db.selectFrom('users').select('id').where('role', '=', 'admin').executeTakeFirstOrThrow()).id;
    await demoNews({ db: ctx.db, dialect: ctx.dialect, log: ctx.deps.log, adminId });
    await demoNews({ db: ctx.db, dialect: ctx.dialect, log: ctx.deps.log, adminId });
    const demo = await ctx.db.selectFrom('news_posts').select(['id', 'title']).where('demo', '=', 1).execute();
    expect(demo).toHaveLength(3);
    for (const d of demo) expect(d.title).toMatch(/"es":"Demo: /);
    const page = await (await anon.get(paths.post.href('en', { id: demo[0]!.id }))).text();
    expect(page).toContain('<span class="badge warn">Demo</span>');
  });
});

const apiMountedPost = (id: string) => apiPaths.mounted(apiPaths.post).replace(':id', id);
