/** @module News module: posts per language by administrators and body secretaries — drafts, scheduling, feeds. */
import { sharedSection } from '../../platform/views/fragment.js';
import { defineModule, type SectionContext } from '../../platform/module.js';
import { pickTranslated } from '../../platform/i18n/translated.js';
import { formatters } from '../../platform/i18n/i18n.js';
import * as create from './migrations/2026_12_02_1400_news_create.js';
import { newsRoutes } from './routes.js';
import { newsApi } from './api.js';
import { demoNews } from './demo.js';
import { paths } from './paths.js';
import { listPublished, publishedBetween, countPublishedBetween, getPostsByIds, searchPublished, type Post } from './queries.js';
import { publishDue, PUBLISH_JOB } from './commands/save.js';
import { writerFacts } from './facts.js';
import { newsPolicy } from './policy.js';
import { IMAGE_MAX_BYTES } from './image.js';
import { ATTACHMENT_MAX_BYTES } from './commands/attachments.js';
import { PostItem } from './views/common.js';
import es from './messages/es.json' with { type: 'json' };
import en from './messages/en.json' with { type: 'json' };
import pt from './messages/pt.json' with { type: 'json' };
import fr from './messages/fr.json' with { type: 'json' };

/** The latest posts as a section of another page (home, a body's page), with the way to all of them. */
function Latest(props: { ctx: SectionContext; posts: Post[]; heading: string; all: string }) {
  const { locale: l, t } = props.ctx;
  const fmt = formatters(l);
  return (
    <section>
      <h2>{props.heading}</h2>
      <ul class="grid">
        {props.posts.map((p) => (
          <li>
            <PostItem p={p} l={l} t={t} fmt={fmt} level="h3" />
          </li>
        ))}
      </ul>
      <p class="actions">
        <a href={props.all}>{t('news.home.all')}</a>
      </p>
    </section>
  );
}

export const newsModule = defineModule({
  name: 'news',
  migrations: { '2026_12_02_1400_news_create': create },
  messages: { es, en, pt, fr },
  routes: newsRoutes,
  api: newsApi,
  demo: demoNews,
  nav: [{ path: paths.list.pattern, label: 'news.nav', area: 'main', order: 12 }],
  // The post form carries an image (5 MB) and texts in four languages.
  uploadLimits: [
    { path: paths.create.pattern, maxBytes: IMAGE_MAX_BYTES + 1024 * 1024 },
    { path: paths.edit.pattern, maxBytes: IMAGE_MAX_BYTES + 1024 * 1024 },
    { path: paths.attachments.pattern, maxBytes: ATTACHMENT_MAX_BYTES + 64 * 1024 },
  ],
  audit: {
    prefix: 'news.',
    names: {
      news: async (db, ids, locale) =>
        new Map((await db.selectFrom('news_posts').select(['id', 'title']).where('id', 'in', ids).execute()).map((p) => [p.id, pickTranslated(p.title, locale)?.text ?? p.id])),
    },
  },
  // The posts a person wrote (their texts belong to the body or the Mechanism and stay when the account goes).
  personalData: async (db, userId) =>
    (await db.selectFrom('news_posts').select(['id', 'title', 'status', 'created_at']).where('created_by', '=', userId).orderBy('created_at').execute()).map((p) => ({
      id: p.id,
      title: pickTranslated(p.title, 'es')?.text ?? '',
      status: p.status,
      createdAt: p.created_at,
    })),
  forgetPerson: async (db, userId) => {
    await db.updateTable('news_posts').set({ created_by: null }).where('created_by', '=', userId).execute();
  },
  homeSections: async (ctx) => {
    const posts = await listPublished(ctx.db, { limit: 3 });
    if (!posts.length) return null;
    return <Latest ctx={ctx} posts={posts} heading={ctx.t('news.home.latest')} all={paths.list.href(ctx.locale)} />;
  },
  // Published posts are public: the same for every reader (the page cache's fragments).
  bodySections: async (ctx, { id, slug }) =>
    sharedSection(ctx, `news.body:${id}`, async () => {
      const posts = await listPublished(ctx.db, { bodyId: id, limit: 3 });
      if (!posts.length) return null;
      return <Latest ctx={ctx} posts={posts} heading={ctx.t('news.home.bodyNews')} all={paths.body.href(ctx.locale, { slug })} />;
    }),
  linkTargets: [
    {
      type: 'news.post',
      label: 'news.linkLabel',
      resolve: async (ctx, ids) => {
        const f = await writerFacts(ctx.db, ctx.user?.id);
        const out = new Map<string, { title: string; href: string }>();
        for (const p of await getPostsByIds(ctx.db, ids)) {
          if (!newsPolicy.can(ctx.user ?? null, 'view', { p, f })) continue;
          out.set(p.id, { title: pickTranslated(p.title, ctx.locale)?.text ?? '', href: paths.post.href(ctx.locale, { id: p.id }) });
        }
        return out;
      },
      search: async (ctx, q, limit) => (await searchPublished(ctx.db, q, limit)).map((p) => ({ id: p.id, title: pickTranslated(p.title, ctx.locale)?.text ?? '' })),
    },
  ],
  updates: [
    {
      kind: 'news.published',
      label: 'news.updates.published',
      order: 80,
      // Published news is public: every reader sees every post.
      items: async ({ db, locale, since, until, baseUrl, limit }) =>
        (await publishedBetween(db, since, until, limit)).map((p) => {
          const summary = pickTranslated(p.summary, locale)?.text;
          return {
            title: pickTranslated(p.title, locale)?.text ?? '',
            href: baseUrl ? paths.post.url(baseUrl, locale, { id: p.id }) : paths.post.href(locale, { id: p.id }),
            at: p.publishedAt!,
            note: summary && summary.length > 160 ? `${summary.slice(0, 157)}…` : summary,
          };
        }),
      count: ({ db, since, until }) => countPublishedBetween(db, since, until),
    },
  ],
  // A scheduled post goes out at its time (one job each, enqueued with the change); a schedule every five
  // minutes publishes anything due whose job was lost. Both are the same conditional update: once each.
  jobs: [
    {
      name: PUBLISH_JOB,
      handler: async (payload: { id?: string }, { deps, now }) => {
        const published = await deps.db.transaction().execute((trx) => publishDue(trx, now, payload?.id));
        // Public pages (news, home, a body's page, feeds) are cached for visitors: they show the post from now on.
        if (published.length) deps.cache.clear();
      },
    },
  ],
  schedules: [{ name: 'news.publishDue', cron: '*/5 * * * *', job: PUBLISH_JOB }],
});
