/**
 * @module Practices: the Atom feed of published practices, one per language (platform/feeds.ts). A language's
 * feed lists the practices with a title written in it, newest first; drafts and practices in review never appear.
 */
import type { Context } from 'hono';
import type { AppEnv } from '../../platform/http/env.js';
import { atomResponse, feedId } from '../../platform/feeds.js';
import { latestPublished } from './queries.js';
import { paths } from './paths.js';

const FEED_SIZE = 30;

export async function practicesFeed(c: Context<AppEnv>): Promise<Response> {
  const { db, config } = c.get('deps');
  const l = c.get('locale');
  const t = c.get('t');
  const { items } = await latestPublished(db, FEED_SIZE * 4);
  const practices = items.filter((p) => p.status === 'published' && !!p.texts.title[l]).slice(0, FEED_SIZE);
  return atomResponse(c, {
    id: feedId(config.baseUrl, `practices/${l}`),
    title: `${t('practices.search.title')} · ${t('site.name')}`,
    selfUrl: paths.feed.url(config.baseUrl, l),
    alternateUrl: paths.search.url(config.baseUrl, l),
    updated: '2026-01-01T00:00:00.000Z',
    entries: practices.map((p) => ({
      id: feedId(config.baseUrl, `practices/${p.id}/${l}`),
      title: p.texts.title[l]!,
      summary: p.texts.summary[l],
      href: paths.practice.url(config.baseUrl, l, { id: p.id }),
      updated: p.updatedAt,
      published: p.publishedAt ?? undefined,
    })),
  });
}
