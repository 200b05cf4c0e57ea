/**
 * @module Page parameter
 * The one way a paged route reads `?page=`: any text becomes a whole number between 1 and MAX_PAGE
 * (`abc`, `-1`, `0`, `1.5` → 1 or its whole part; `1e20`, `99999999999` → MAX_PAGE), so no offset a
 * database cannot bind reaches SQL. Queries may clamp further to their own last page.
 */
import type { Context } from 'hono';

/** The highest page any list serves. */
export const MAX_PAGE = 10_000;

/** A page number from a query value: 1 when missing or not a number, clamped to [1, max]. */
export function parsePage(raw: string | null | undefined, max = MAX_PAGE): number {
  const n = Math.floor(Number((raw ?? '').trim() || '1'));
  if (Number.isNaN(n)) return 1;
  return Math.min(Math.max(n, 1), max);
}

/** The request's `?page=` as a page number (see parsePage). */
export const pageParam = (c: Context, max = MAX_PAGE): number => parsePage(c.req.query('page'), max);
