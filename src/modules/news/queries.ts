/** @module News: reads. Published posts newest first; drafts for their writers. */
import type { Db } from '../../db/schema.js';
import { parseTranslated, type Translated } from '../../platform/i18n/translated.js';
import type { Locale } from '../../platform/i18n/locales.js';
import type { NewsPostsTable, NewsStatus } from './tables.js';

export interface Post {
  id: string;
  bodyId: string | null;
  title: Translated;
  summary: Translated;
  body: Translated;
  originalLang: Locale;
  status: NewsStatus;
  publishAt: string | null;
  publishedAt: string | null;
  imageFile: string | null;
  imageAlt: Translated;
  demo: boolean;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

export const toPost = (r: NewsPostsTable): Post => ({
  id: r.id,
  bodyId: r.body_id,
  title: parseTranslated(r.title),
  summary: parseTranslated(r.summary),
  body: parseTranslated(r.body),
  originalLang: r.original_lang as Locale,
  status: r.status,
  publishAt: r.publish_at,
  publishedAt: r.published_at,
  imageFile: r.image_file,
  imageAlt: parseTranslated(r.image_alt),
  demo: r.demo === 1,
  createdBy: r.created_by,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export async function getPost(db: Db, id: string): Promise<Post | undefined> {
  const r = await db.selectFrom('news_posts').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toPost(r) : undefined;
}

/** Published posts (of one body, when given), newest first. */
export async function listPublished(db: Db, opts: { bodyId?: string; limit: number; offset?: number }): Promise<Post[]> {
  let q = db.selectFrom('news_posts').selectAll().where('status', '=', 'published');
  if (opts.bodyId) q = q.where('body_id', '=', opts.bodyId);
  const rows = await q.orderBy('published_at', 'desc').orderBy('id', 'desc').limit(opts.limit).offset(opts.offset ?? 0).execute();
  return rows.map(toPost);
}

export async function countPublished(db: Db, opts: { bodyId?: string } = {}): Promise<number> {
  let q = db.selectFrom('news_posts').select((e) => e.fn.countAll<number>().as('n')).where('status', '=', 'published');
  if (opts.bodyId) q = q.where('body_id', '=', opts.bodyId);
  return Number((await q.executeTakeFirst())?.n ?? 0);
}

/** Published posts whose title is written in `locale` (a language's feed lists only what is written in it). */
export async function publishedIn(db: Db, locale: Locale, opts: { bodyId?: string; limit: number }): Promise<Post[]> {
  const posts = await listPublished(db, { bodyId: opts.bodyId, limit: opts.limit * 4 });
  return posts.filter((p) => !!p.title[locale]).slice(0, opts.limit);
}

/** Published in [since, until), newest first (the digest and "since your last visit"). */
export async function publishedBetween(db: Db, since: string, until: string, limit?: number): Promise<Post[]> {
  let q = db.selectFrom('news_posts').selectAll().where('status', '=', 'published').where('published_at', '>=', since).where('published_at', '<', until).orderBy('published_at', 'desc');
  if (limit !== undefined) q = q.limit(limit);
  return (await q.execute()).map(toPost);
}

export async function countPublishedBetween(db: Db, since: string, until: string): Promise<number> {
  const r = await db
    .selectFrom('news_posts')
    .select((e) => e.fn.countAll<number>().as('n'))
    .where('status', '=', 'published')
    .where('published_at', '>=', since)
    .where('published_at', '<', until)
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

/** Drafts and scheduled posts a writer may edit: every one (administrators) or their bodies'. */
export async function listUnpublished(db: Db, scope: { all: true } | { bodyIds: string[] }): Promise<Post[]> {
  let q = db.selectFrom('news_posts').selectAll().where('status', '!=', 'published');
  if (!('all' in scope)) {
    if (!scope.bodyIds.length) return [];
    q = q.where('body_id', 'in', scope.bodyIds);
  }
  return (await q.orderBy('updated_at', 'desc').limit(200).execute()).map(toPost);
}

/** Published posts whose title (any language) contains `q` (case-insensitive), for link pickers. */
export async function searchPublished(db: Db, q: string, limit: number): Promise<Post[]> {
  let query = db.selectFrom('news_posts').selectAll().where('status', '=', 'published');
  const needle = q.trim().toLowerCase();
  if (needle) query = query.where((e) => e(e.fn('lower', ['title']), 'like', `%${needle.replace(/[\\%_]/g, '')}%`));
  return (await query.orderBy('published_at', 'desc').limit(limit).execute()).map(toPost);
}

export async function getPostsByIds(db: Db, ids: string[]): Promise<Post[]> {
  if (!ids.length) return [];
  return (await db.selectFrom('news_posts').selectAll().where('id', 'in', ids).execute()).map(toPost);
}
