import { describe, expect, it } from 'vitest';
import { Hono } from 'hono';
import { TrieRouter } from 'hono/router/trie-router';
import { KeptAnswersRouter, MAX_KEPT } from './router.js';

describe('KeptAnswersRouter', () => {
  const routes: [string, string][] = [
    ['ALL', '*'],
    ['GET', '/healthz'],
    ['GET', '/:lang{(?:es|en)}/events'],
    ['GET', '/:lang{(?:es|en)}/events/new'],
    ['GET', '/:lang{(?:es|en)}/events/:id{[0-9a-z]{16}}'],
    ['POST', '/:lang{(?:es|en)}/events/:id{[0-9a-z]{16}}'],
  ];
  const asked = ['/healthz', '/es/events', '/en/events/new', '/es/events/abcdefgh12345678', '/fr/events', '/es/events/short'];

  it('answers as the trie router does, the first time and when the answer is kept', () => {
    const kept = new KeptAnswersRouter<number>();
    const trie = new TrieRouter<number>();
    routes.forEach(([m, p], i) => (kept.add(m, p, i), trie.add(m, p, i)));
    for (const round of [1, 2])
      for (const method of ['GET', 'POST'])
        for (const path of asked) expect(kept.match(method, path), `${round} ${method} ${path}`).toEqual(trie.match(method, path));
    expect(kept.size).toBe(asked.length * 2);
  });

  it('keeps at most MAX_KEPT answers, and forgets them all when a route is added', () => {
    const kept = new KeptAnswersRouter<number>();
    routes.forEach(([m, p], i) => kept.add(m, p, i));
    for (let i = 0; i < MAX_KEPT + 500; i++) kept.match('GET', `/es/x${i}`);
    expect(kept.size).toBe(MAX_KEPT);
    kept.add('GET', '/es/x1', 99);
    expect(kept.size).toBe(0);
    expect(kept.match('GET', '/es/x1')[0].map(([h]) => h)).toContain(99);
  });

  it('serves an app: the params of one request are not another’s', async () => {
    const app = new Hono({ router: new KeptAnswersRouter() });
    app.get('/e/:id', (c) => c.text(c.req.param('id')));
    for (const id of ['a', 'b', 'a', 'c%20d']) expect(await (await app.request(`/e/${id}?q=${id}`)).text()).toBe(decodeURIComponent(id));
  });
});
