/** The one `?page=` parser: any text is a page between 1 and the maximum. */
import { describe, it, expect } from 'vitest';
import { parsePage, MAX_PAGE } from './page.js';

describe('parsePage', () => {
  it('reads whole numbers and clamps everything else', () => {
    expect(parsePage('3')).toBe(3);
    expect(parsePage(' 2 ')).toBe(2);
    expect(parsePage('2.7')).toBe(2);
    for (const bad of [undefined, null, '', 'abc', 'NaN', '-1', '0', '-Infinity', '\u0000']) expect(parsePage(bad), String(bad)).toBe(1);
    for (const big of ['1e20', '99999999999', 'Infinity', '9007199254740993']) expect(parsePage(big), big).toBe(MAX_PAGE);
    expect(parsePage('50', 20)).toBe(20);
  });
});
