/**
 * @module Library: the Atom feed of public documents, one per language (platform/feeds.ts). A language's feed
 * lists the public documents with a title in it, latest added first; members-only documents never appear.
 */
import type { Context } from 'hono';
import type { AppEnv } from '../../platform/http/env.js';
import { atomResponse, feedId } from '../../platform/feeds.js';
import { readerScope } from './policy.js';
import { NO_READER_BODIES } from '../bodies/index.js';
import { visibleDocuments } from './search.js';
import { documentsByIds } from './queries.js';
import { paths } from './paths.js';

const FEED_SIZE = 50;

export async function libraryAtomFeed(c: Context<AppEnv>): Promise<Response> {
  const { db, config } = c.get('deps');
  const l = c.get('locale');
  const t = c.get('t');
  const { items } = await visibleDocuments(db, readerScope(null, NO_READER_BODIES), () => true, Number.MAX_SAFE_INTEGER);
  const newest = items.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.id < b.id ? -1 : 1));
  const docs = (await documentsByIds(db, newest.slice(0, FEED_SIZE * 4).map((d) => d.id))).filter((d) => !!d.title[l]).slice(0, FEED_SIZE);
  return atomResponse(c, {
    id: feedId(config.baseUrl, `library/${l}`),
    title: `${t('library.title')} · ${t('site.name')}`,
    selfUrl: paths.feed.url(config.baseUrl, l),
    alternateUrl: paths.list.url(config.baseUrl, l),
    updated: '2026-01-01T00:00:00.000Z',
    entries: docs.map((d) => ({
      id: feedId(config.baseUrl, `library/${d.id}/${l}`),
      title: d.title[l]!,
      summary: `${t(`library.kinds.${d.kind}`)} · ${d.summary[l] ?? ''}`.replace(/ · $/, ''),
      href: paths.document.url(config.baseUrl, l, { id: d.id }),
      updated: d.updatedAt,
      published: d.createdAt,
    })),
  });
}
