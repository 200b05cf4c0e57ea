/**
 * @module News: pages, feeds and form posts. GET: load (404, also for a draft the reader may not see) → the
 * policy's named rule (401/403) → render. POST: `action()` (sign-in → load → rule → zod input → command in one
 * transaction → redirect with a flash).
 */
import { Hono, type Context } from 'hono';
import type { AppEnv, CurrentUser } from '../../platform/http/env.js';
import { action } from '../../platform/http/action.js';
import { authorize, requireUser, isAdmin } from '../../platform/authz/authz.js';
import { emptyForm, type FormState, type FormValues, type Option } from '../../platform/views/components.js';
import { pickTranslated } from '../../platform/i18n/translated.js';
import { LOCALES } from '../../platform/i18n/locales.js';
import { pageParam } from '../../platform/http/page.js';
import { atomResponse, feedId } from '../../platform/feeds.js';
import { utcToZoned } from '../../platform/i18n/zones.js';
import { renderMarkdown } from '../../platform/views/markdown.js';
import { listBodies, getBodyBySlug, paths as bodiesPaths } from '../bodies/index.js';
import { newsPolicy, type WriterFacts } from './policy.js';
import { writerFacts } from './facts.js';
import { getPost, listPublished, countPublished, listUnpublished, publishedIn, type Post } from './queries.js';
import { savePost, withdrawPost } from './commands/save.js';
import { attachmentsOf, addAttachment, removeAttachment, deleteStoredFile, readAttachment } from './commands/attachments.js';
import { PostForm, postInput } from './schemas.js';
import { storeImage, readImage, removeImage, postedFile, IMAGE_NAME } from './image.js';
import { paths } from './paths.js';
import { NewsListPage, PostPage, DraftsPage, PostFormPage } from './views/pages.js';

export const newsRoutes = new Hono<AppEnv>({ strict: false });

export const PER_PAGE = 10;
const FEED_SIZE = 30;

/** Bodies by id, named in the reader's language. */
async function bodyNames(c: Context<AppEnv>): Promise<Map<string, string>> {
  const l = c.get('locale');
  return new Map((await listBodies(c.get('deps').db)).map((b) => [b.id, pickTranslated(b.name, l)?.text ?? b.slug]));
}

/** The post and the facts about the reader; null (404) when there is none or the reader may not see it. */
async function loadPost(c: Context<AppEnv>, user: CurrentUser | null) {
  const { db } = c.get('deps');
  const p = await getPost(db, c.req.param('id') ?? '');
  if (!p) return null;
  const f = await writerFacts(db, user?.id);
  return newsPolicy.can(user, 'view', { p, f }) ? { p, f } : null;
}

// ------------------------------------------------------------------------------------------------
// Reading: the news page, a body's news, the feeds, a post, its image
// ------------------------------------------------------------------------------------------------

/** The news page: published posts, newest first, ten a page. */
newsRoutes.get(paths.list.pattern, async (c) => {
  const { db } = c.get('deps');
  const user = c.get('user');
  const t = c.get('t');
  const l = c.get('locale');
  const total = await countPublished(db);
  const pages = Math.max(1, Math.ceil(total / PER_PAGE));
  const page = Math.min(pageParam(c), pages);
  const posts = await listPublished(db, { limit: PER_PAGE, offset: (page - 1) * PER_PAGE });
  c.set('cacheable', true);
  c.set('cacheParams', ['page']);
  return c.render(<NewsListPage posts={posts} page={page} pages={pages} bodyNames={await bodyNames(c)} canWrite={newsPolicy.can(user, 'create', await writerFacts(db, user?.id))} />, {
    title: t('news.list.title'),
    description: t('news.list.lead'),
    feeds: [{ title: t('news.feed.all'), href: paths.feed.href(l) }],
  });
});

/** One body's news: its published posts, paged, with its own feed. */
newsRoutes.get(paths.body.pattern, async (c) => {
  const { db } = c.get('deps');
  const user = c.get('user');
  const t = c.get('t');
  const l = c.get('locale');
  const body = await getBodyBySlug(db, c.req.param('slug'));
  if (!body) return c.notFound();
  const name = pickTranslated(body.name, l)?.text ?? body.slug;
  const total = await countPublished(db, { bodyId: body.id });
  const pages = Math.max(1, Math.ceil(total / PER_PAGE));
  const page = Math.min(pageParam(c), pages);
  const posts = await listPublished(db, { bodyId: body.id, limit: PER_PAGE, offset: (page - 1) * PER_PAGE });
  c.set('cacheable', true);
  c.set('cacheParams', ['page']);
  return c.render(
    <NewsListPage
      posts={posts}
      page={page}
      pages={pages}
      bodyNames={new Map()}
      body={{ name, slug: body.slug, href: bodiesPaths.body.href(l, { slug: body.slug }) }}
      canWrite={newsPolicy.can(user, 'create', await writerFacts(db, user?.id))}
    />,
    {
      title: t('news.body.title', { body: name }),
      crumbs: [[t('news.list.title'), paths.list.href(l)]],
      feeds: [
        { title: t('news.feed.body', { body: name }), href: paths.bodyFeed.href(l, { slug: body.slug }) },
        { title: t('news.feed.all'), href: paths.feed.href(l) },
      ],
    },
  );
});

/** A feed's entries: the posts written in the feed's language, their text as sanitized HTML. */
function entries(c: Context<AppEnv>, posts: Post[], names: Map<string, string>) {
  const { config } = c.get('deps');
  const l = c.get('locale');
  return posts.map((p) => ({
    id: feedId(config.baseUrl, `news/${p.id}/${l}`),
    title: p.title[l]!,
    summary: p.summary[l],
    content: p.body[l] ? renderMarkdown(p.body[l]!, { minHeading: 2 }) : undefined,
    href: paths.post.url(config.baseUrl, l, { id: p.id }),
    updated: p.updatedAt > (p.publishedAt ?? '') ? p.updatedAt : p.publishedAt!,
    published: p.publishedAt ?? undefined,
    author: p.bodyId ? names.get(p.bodyId) : undefined,
  }));
}

newsRoutes.get(paths.feed.pattern, async (c) => {
  const { db, config } = c.get('deps');
  const l = c.get('locale');
  const t = c.get('t');
  const posts = await publishedIn(db, l, { limit: FEED_SIZE });
  return atomResponse(c, {
    id: feedId(config.baseUrl, `news/${l}`),
    title: `${t('news.list.title')} · ${t('site.name')}`,
    selfUrl: paths.feed.url(config.baseUrl, l),
    alternateUrl: paths.list.url(config.baseUrl, l),
    updated: '2026-01-01T00:00:00.000Z',
    entries: entries(c, posts, await bodyNames(c)),
  });
});

newsRoutes.get(paths.bodyFeed.pattern, async (c) => {
  const { db, config } = c.get('deps');
  const l = c.get('locale');
  const t = c.get('t');
  const body = await getBodyBySlug(db, c.req.param('slug'));
  if (!body) return c.notFound();
  const name = pickTranslated(body.name, l)?.text ?? body.slug;
  const posts = await publishedIn(db, l, { bodyId: body.id, limit: FEED_SIZE });
  return atomResponse(c, {
    id: feedId(config.baseUrl, `news/body/${body.id}/${l}`),
    title: `${t('news.body.title', { body: name })} · ${t('site.name')}`,
    selfUrl: paths.bodyFeed.url(config.baseUrl, l, { slug: body.slug }),
    alternateUrl: paths.body.url(config.baseUrl, l, { slug: body.slug }),
    updated: '2026-01-01T00:00:00.000Z',
    entries: entries(c, posts, new Map([[body.id, name]])),
  });
});

/** Drafts and scheduled posts the reader may edit (administrators: all; secretaries: their bodies'). */
newsRoutes.get(paths.drafts.pattern, async (c) => {
  const user = requireUser(c);
  const { db } = c.get('deps');
  const f = await writerFacts(db, user.id);
  authorize(c, newsPolicy.can(user, 'drafts', f));
  const posts = await listUnpublished(db, isAdmin(user) ? { all: true } : { bodyIds: f.secretaryOf });
  return c.render(<DraftsPage posts={posts} bodyNames={await bodyNames(c)} />, { title: c.get('t')('news.drafts.title'), noindex: true });
});

newsRoutes.get(paths.post.pattern, async (c) => {
  const loaded = await loadPost(c, c.get('user'));
  if (!loaded) return c.notFound();
  return renderPost(c, loaded);
});

/** A post's page (with the attachment form's problems, when an upload was refused). */
async function renderPost(c: Context<AppEnv>, { p, f }: { p: Post; f: WriterFacts }, form?: FormState) {
  const user = c.get('user');
  const l = c.get('locale');
  const t = c.get('t');
  const { db } = c.get('deps');
  const body = p.bodyId ? (await listBodies(db)).find((b) => b.id === p.bodyId) : undefined;
  const bodyName = body ? (pickTranslated(body.name, l)?.text ?? body.slug) : null;
  const summary = pickTranslated(p.summary, l)?.text;
  if (p.status === 'published' && !form) c.set('cacheable', true);
  const attachments = await attachmentsOf(db, p.id);
  return c.render(<PostPage p={p} bodyName={bodyName} bodyHref={body ? bodiesPaths.body.href(l, { slug: body.slug }) : null} canEdit={newsPolicy.can(user, 'edit', { p, f })} attachments={attachments} form={form} />, {
    title: pickTranslated(p.title, l)?.text ?? '',
    description: summary,
    noindex: p.status !== 'published',
    crumbs: [[t('news.list.title'), paths.list.href(l)]],
    feeds: [
      ...(body && bodyName ? [{ title: t('news.feed.body', { body: bodyName }), href: paths.bodyFeed.href(l, { slug: body.slug }) }] : []),
      { title: t('news.feed.all'), href: paths.feed.href(l) },
    ],
  });
}

/** An attachment, as a download with safe headers: only of a post the reader may see (others: 404). */
newsRoutes.get(paths.file.pattern, async (c) => {
  const loaded = await loadPost(c, c.get('user'));
  if (!loaded) return c.notFound();
  const found = await readAttachment(c.get('deps').db, c.get('deps').config.dataDir, loaded.p.id, c.req.param('aid'));
  if (!found) return c.notFound();
  const { row, bytes } = found;
  const ascii = row.name.replace(/[^\x20-\x7e]/g, '_').replace(/[\\"]/g, '_');
  return c.body(new Uint8Array(bytes), 200, {
    'Content-Type': row.type,
    'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(row.name)}`,
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "default-src 'none'; sandbox",
    'Cache-Control': loaded.p.status === 'published' ? 'public, max-age=3600' : 'private, no-store',
    'Cross-Origin-Resource-Policy': 'same-origin',
  });
});

/** A post's image: only for a post the reader may see (others: 404, its existence not revealed). */
newsRoutes.get(paths.image.pattern, async (c) => {
  const { db, config } = c.get('deps');
  const file = c.req.param('file');
  if (!IMAGE_NAME.test(file)) return c.notFound();
  const large = file.replace(/-s\.webp$/, '.webp');
  const row = await db.selectFrom('news_posts').select(['id']).where('image_file', '=', large).executeTakeFirst();
  if (!row) return c.notFound();
  const p = (await getPost(db, row.id))!;
  const user = c.get('user');
  if (!newsPolicy.can(user, 'view', { p, f: await writerFacts(db, user?.id) })) return c.notFound();
  const buf = await readImage(config.dataDir, file);
  if (!buf) return c.notFound();
  const pub = p.status === 'published';
  return c.body(new Uint8Array(buf), 200, {
    'Content-Type': 'image/webp',
    'Content-Disposition': 'inline',
    'Content-Security-Policy': "default-src 'none'; sandbox",
    'Cache-Control': pub ? 'public, max-age=86400' : 'private, no-store',
    'Cross-Origin-Resource-Policy': 'same-origin',
  });
});

// ------------------------------------------------------------------------------------------------
// Writing: the form, saving (draft, now, scheduled), withdrawing
// ------------------------------------------------------------------------------------------------

/** The bodies the writer may post for, and (administrators) the Mechanism's own news. */
async function bodyChoices(c: Context<AppEnv>, user: CurrentUser, f: WriterFacts): Promise<Option[]> {
  const names = await bodyNames(c);
  const own = [...names].filter(([id]) => isAdmin(user) || f.secretaryOf.includes(id)).map(([value, label]) => ({ value, label }));
  return isAdmin(user) ? [{ value: '', label: c.get('t')('news.form.mechanism') }, ...own] : own;
}

/** The form's values from a post (editing), in the zone the reader chooses times in. */
function formValuesOf(p: Post, zone: string): FormValues {
  const v: FormValues = { body: p.bodyId ?? '', original_lang: p.originalLang, image_alt: p.imageAlt[p.originalLang] ?? '', publish: p.status === 'published' ? 'now' : p.status === 'scheduled' ? 'schedule' : 'draft' };
  for (const l of LOCALES) {
    v[`title_${l}`] = p.title[l] ?? '';
    v[`summary_${l}`] = p.summary[l] ?? '';
    v[`body_${l}`] = p.body[l] ?? '';
  }
  if (p.publishAt) {
    const local = utcToZoned(new Date(p.publishAt), zone);
    v.publish_at_on = local.date;
    v.publish_at_time = local.time;
    v.publish_at_zone = zone;
  }
  return v;
}

async function renderForm(c: Context<AppEnv>, user: CurrentUser, f: WriterFacts, form: FormState, post?: Post) {
  const t = c.get('t');
  const l = c.get('locale');
  const title = post ? t('news.form.editTitle') : t('news.form.newTitle');
  return c.render(
    <PostFormPage title={title} action={post ? paths.edit.href(l, { id: post.id }) : paths.create.href(l)} form={form} bodies={await bodyChoices(c, user, f)} hasImage={!!post?.imageFile} />,
    { title, noindex: true, crumbs: [[t('news.list.title'), paths.list.href(l)]] },
  );
}

newsRoutes.get(paths.create.pattern, async (c) => {
  const user = requireUser(c);
  const f = await writerFacts(c.get('deps').db, user.id);
  authorize(c, newsPolicy.can(user, 'create', f));
  return renderForm(c, user, f, emptyForm({ body: isAdmin(user) ? '' : (f.secretaryOf[0] ?? ''), original_lang: c.get('locale'), publish: 'draft', publish_at_zone: c.get('timeZone') }));
});

/** Saves a post (new or edited): the image first (checked by its bytes and resized), then the post. */
const save = (editing: boolean) =>
  action({
    load: async (c, actor) => {
      const f = await writerFacts(c.get('deps').db, actor.id);
      if (!editing) return { f, p: null as Post | null };
      const p = await getPost(c.get('deps').db, c.req.param('id') ?? '');
      return p && newsPolicy.can(actor, 'view', { p, f }) ? { f, p: p as Post | null } : null;
    },
    allow: (actor, s) => (s.p ? newsPolicy.can(actor, 'edit', { p: s.p, f: s.f }) : newsPolicy.can(actor, 'create', s.f)),
    input: PostForm,
    run: async (trx, { c, deps, actor, subject, input }) => {
      const file = postedFile((await c.req.parseBody()).image);
      let image: string | undefined;
      if (file) {
        const stored = await storeImage(deps.config.dataDir, file);
        if (!stored.ok) return stored;
        image = stored.file;
      }
      const r = await savePost(trx, actor, subject.f, { id: subject.p?.id, input: postInput(input), image });
      if (!r.ok && image) await removeImage(deps.config.dataDir, image);
      return r;
    },
    after: ({ deps, value }) => removeImage(deps.config.dataDir, value.unusedImage),
    form: (c, { actor, subject, form }) => renderForm(c, actor, subject.f, form, subject.p ?? undefined),
    done: ({ locale, value }) => ({
      to: paths.post.href(locale, { id: value.id }),
      flash: value.status === 'published' ? 'news.flash.published' : value.status === 'scheduled' ? 'news.flash.scheduled' : 'news.flash.saved',
    }),
  });

newsRoutes.post(paths.create.pattern, save(false));

newsRoutes.get(paths.edit.pattern, async (c) => {
  const user = requireUser(c);
  const loaded = await loadPost(c, user);
  if (!loaded) return c.notFound();
  authorize(c, newsPolicy.can(user, 'edit', loaded));
  return renderForm(c, user, loaded.f, emptyForm(formValuesOf(loaded.p, c.get('timeZone'))), loaded.p);
});

newsRoutes.post(paths.edit.pattern, save(true));

newsRoutes.post(
  paths.withdraw.pattern,
  action({
    load: loadPost,
    allow: (actor, s) => newsPolicy.can(actor, 'edit', s),
    run: (trx, { actor, subject }) => withdrawPost(trx, actor, subject.p.id),
    done: ({ locale, subject }) => ({ to: paths.post.href(locale, { id: subject.p.id }), flash: 'news.flash.withdrawn' }),
  }),
);

newsRoutes.post(
  paths.attachments.pattern,
  action({
    load: loadPost,
    allow: (actor, s) => newsPolicy.can(actor, 'edit', s),
    run: async (trx, { c, deps, actor, subject }) => {
      const file = (await c.req.parseBody()).file;
      const bytes = file instanceof File ? new Uint8Array(await file.arrayBuffer()) : new Uint8Array();
      return addAttachment(trx, actor, deps.config.dataDir, subject.p.id, { name: file instanceof File ? file.name : '', bytes });
    },
    form: (c, { subject, form }) => renderPost(c, subject, form),
    done: ({ locale, subject }) => ({ to: paths.post.href(locale, { id: subject.p.id }), flash: 'news.flash.attached' }),
  }),
);

newsRoutes.post(
  paths.detach.pattern,
  action({
    load: loadPost,
    allow: (actor, s) => newsPolicy.can(actor, 'edit', s),
    run: (trx, { c, actor, subject }) => removeAttachment(trx, actor, subject.p.id, c.req.param('aid') ?? ''),
    after: ({ deps, value }) => deleteStoredFile(deps.config.dataDir, value.file),
    done: ({ locale, subject }) => ({ to: paths.post.href(locale, { id: subject.p.id }), flash: 'news.flash.detached' }),
  }),
);
