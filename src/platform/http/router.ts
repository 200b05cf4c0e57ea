/**
 * @module Router
 * hono's TrieRouter, with the answers to the last few thousand (method, path) questions kept.
 *
 * hono's default router tries its RegExpRouter first and falls back to the TrieRouter when a route is one the
 * regular expression cannot order (a static segment beside a parameter: `/events/new` and `/events/:id`, `/healthz`
 * and `/:lang/…`). Every app of ours has such routes, so every request searched the trie: 30–45 µs a request with our
 * ~360 routes (measured), the same search for the same path again and again, while a page's address (without its
 * query string: hono matches the path alone) repeats. A match depends only on the method and the path, and the routes
 * are fixed once the app serves, so a kept answer is the same answer. Bounded: at most MAX_KEPT answers, the least
 * recently asked dropped first, whatever paths arrive (decisions/0007, "The router's answers").
 */
import type { Router, Result } from 'hono/router';
import { TrieRouter } from 'hono/router/trie-router';

/** How many (method, path) answers are kept. */
export const MAX_KEPT = 2000;

export class KeptAnswersRouter<T> implements Router<T> {
  name = 'KeptAnswersRouter(TrieRouter)';
  readonly #trie = new TrieRouter<T>();
  readonly #kept = new Map<string, Result<T>>();

  add(method: string, path: string, handler: T): void {
    this.#trie.add(method, path, handler);
    // A route added after requests were answered (tests build apps as they go) may change any answer.
    this.#kept.clear();
  }

  match(method: string, path: string): Result<T> {
    const key = `${method} ${path}`;
    const kept = this.#kept.get(key);
    if (kept) {
      // Least recently asked first out: a page asked often stays.
      this.#kept.delete(key);
      this.#kept.set(key, kept);
      return kept;
    }
    const answer = this.#trie.match(method, path);
    if (this.#kept.size >= MAX_KEPT) this.#kept.delete(this.#kept.keys().next().value!);
    this.#kept.set(key, answer);
    return answer;
  }

  /** How many answers are kept (tests). */
  get size(): number {
    return this.#kept.size;
  }
}
