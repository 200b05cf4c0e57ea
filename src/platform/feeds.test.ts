/**
 * Atom feeds (RFC 4287) read back by an independent parser (fast-xml-parser): the feed and every entry have a
 * stable absolute id, an RFC 3339 `updated`, absolute links (rel="self" and "alternate"), an author, the
 * language; titles that look like markup come back as the same text; the response is Atom in UTF-8.
 */
import { describe, it, expect } from 'vitest';
import { Hono } from 'hono';
import { XMLParser } from 'fast-xml-parser';
import type { AppEnv } from './http/env.js';
import { atomResponse, atomXml, feedId, type AtomFeed } from './feeds.js';

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => name === 'entry' || name === 'link' || name === 'author' });
const absolute = (u: string) => {
  const url = new URL(u); // throws on a relative link
  return ['http:', 'https:', 'tag:'].includes(url.protocol);
};

const base = 'https://dialogo.example.org';
const sample: AtomFeed = {
  id: feedId(base, 'news/es'),
  title: 'Noticias · Mecanismo',
  selfUrl: `${base}/es/news/feed.atom?body=abc&x=1`,
  alternateUrl: `${base}/es/news`,
  updated: '2026-01-01T00:00:00.000Z',
  entries: [
    {
      id: feedId(base, 'news/aaaaaaaaaaaaaaaa/es'),
      title: 'Migración & <b>narrativas</b>',
      summary: 'Un resumen con "comillas" & ampersand',
      content: '<p>Cuerpo <strong>seguro</strong></p>',
      href: `${base}/es/news/aaaaaaaaaaaaaaaa`,
      updated: '2026-03-02T10:00:00.000Z',
      published: '2026-03-01T09:00:00.000Z',
      author: 'Mesa Temática 1',
    },
    { id: feedId(base, 'news/bbbbbbbbbbbbbbbb/es'), title: 'Otra', href: `${base}/es/news/bbbbbbbbbbbbbbbb`, updated: new Date('2026-02-01T00:00:00Z') },
  ],
};

describe('atomXml', () => {
  it('is a valid Atom feed: ids, RFC 3339 dates, absolute links, self and alternate, one language', () => {
    const doc = parser.parse(atomXml({ ...sample, language: 'es', author: 'Mecanismo' }));
    const feed = doc.feed;
    expect(feed['@xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(feed['@xml:lang']).toBe('es');
    expect(feed.id).toBe('tag:dialogo.example.org,2026:news/es');
    expect(feed.title).toBe('Noticias · Mecanismo');
    // The feed's updated is its newest entry's, so an unchanged feed keeps the same bytes.
    expect(feed.updated).toBe('2026-03-02T10:00:00.000Z');
    expect(feed.updated).toMatch(RFC3339);
    expect(feed.author[0].name).toBe('Mecanismo');
    const rels = Object.fromEntries(feed.link.map((l: Record<string, string>) => [l['@rel'], l['@href']]));
    expect(rels.self).toBe(`${base}/es/news/feed.atom?body=abc&x=1`);
    expect(rels.alternate).toBe(`${base}/es/news`);
    expect(feed.entry).toHaveLength(2);
    const ids = new Set<string>();
    for (const e of feed.entry) {
      expect(absolute(e.id)).toBe(true);
      ids.add(e.id);
      expect(e.updated).toMatch(RFC3339);
      for (const l of e.link) expect(absolute(l['@href'])).toBe(true);
    }
    expect(ids.size).toBe(2);
    const [first] = feed.entry;
    expect(first.published).toMatch(RFC3339);
    expect(first.author[0].name).toBe('Mesa Temática 1');
    // type="html" titles and summaries: the text is escaped once, so a reader shows exactly what was written.
    expect(first.title['@type']).toBe('html');
    expect(first.title['#text']).toBe('Migración &amp; &lt;b&gt;narrativas&lt;/b&gt;');
    expect(first.summary['#text']).toBe('Un resumen con &quot;comillas&quot; &amp; ampersand');
    expect(first.content['#text']).toBe('<p>Cuerpo <strong>seguro</strong></p>');
  });

  it('an empty feed is still valid, dated by the given time', () => {
    const doc = parser.parse(atomXml({ ...sample, entries: [], author: 'Mecanismo' }));
    expect(doc.feed.updated).toBe('2026-01-01T00:00:00.000Z');
    expect(doc.feed.entry).toBeUndefined();
    expect(doc.feed.id).toMatch(/^tag:/);
  });

  it('drops control characters XML forbids', () => {
    const xml = atomXml({ ...sample, entries: [{ ...sample.entries[1]!, title: 'a\u0001b\u000bc' }] });
    expect(xml).not.toMatch(/[\u0001\u000b]/);
    expect(parser.parse(xml).feed.entry[0].title['#text']).toBe('abc');
  });

  it('feedId is a tag: URI on the deployment host, the same every time', () => {
    expect(feedId('http://localhost:3000', 'events/es')).toBe('tag:localhost,2026:events/es');
    expect(feedId(base, 'a b')).toBe(feedId(base, 'a b'));
    expect(feedId(base, 'a b')).toBe('tag:dialogo.example.org,2026:a%20b');
  });
});

describe('atomResponse', () => {
  it('answers Atom in UTF-8, marked cacheable, in the page language with the Mechanism as author', async () => {
    const app = new Hono<AppEnv>();
    let cacheable = false;
    app.use('*', async (c, next) => {
      c.set('locale', 'pt');
      c.set('t', ((k: string) => (k === 'site.name' ? 'Mecanismo' : k)) as never);
      await next();
      cacheable = c.get('cacheable');
    });
    app.get('/feed', (c) => atomResponse(c, sample));
    const res = await app.request('/feed');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    expect(cacheable).toBe(true);
    const doc = parser.parse(await res.text());
    expect(doc.feed['@xml:lang']).toBe('pt');
    expect(doc.feed.author[0].name).toBe('Mecanismo');
  });
});
