import { describe, expect, it } from 'vitest';
import { escapeXml, safeHref } from './escape.ts';
import { classify } from './classes.ts';
import { niceTicks } from './scale.ts';
import { wrapText } from './svg.ts';

describe('escapeXml', () => {
  it('escapes the five XML specials and leaves other text alone', () => {
    expect(escapeXml(`<a href="x">Tom & Jerry's</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;');
    expect(escapeXml('São Tomé — niñez')).toBe('São Tomé — niñez');
  });

  it('drops control characters that XML forbids', () => {
    expect(escapeXml('a\u0000b\u0008c\td\ne')).toBe('abc\td\ne');
  });
});

describe('safeHref', () => {
  it('escapes ordinary URLs', () => {
    expect(safeHref('/paises/ar?a=1&b=2')).toBe('/paises/ar?a=1&amp;b=2');
    expect(safeHref('https://example.org/')).toBe('https://example.org/');
  });

  it('refuses javascript:, vbscript: and data: however they are spelt', () => {
    for (const url of ['javascript:alert(1)', ' JaVaScRiPt:alert(1)', 'java\tscript:x', 'vbscript:x', 'data:text/html,x', '\u0001javascript:x']) {
      expect(safeHref(url)).toBeUndefined();
    }
  });

  it('writes a path as a path, escaped, whatever follows its slash', () => {
    expect(safeHref(' /es/pledges?kind=x&country=BR ')).toBe('/es/pledges?kind=x&amp;country=BR');
    expect(safeHref('/javascript:alert(1)')).toBe('/javascript:alert(1)');
    expect(safeHref('//example.org/a"b')).toBe('//example.org/a&quot;b');
    expect(safeHref('/a\u0001b<')).toBe('/ab&lt;');
  });
});

describe('classify', () => {
  const fmt = (n: number) => String(n);

  it('makes up to five integer classes over the positive values', () => {
    const c = classify([0, 1, 2, 3, 10], fmt);
    expect(c.classes.map((k) => k.label)).toEqual(['1–2', '3–4', '5–6', '7–8', '9–10']);
    expect(c.classOf(0)).toBeUndefined();
    expect(c.classOf(1)!.label).toBe('1–2');
    expect(c.classOf(10)!.label).toBe('9–10');
    expect(new Set(c.classes.map((k) => k.colour)).size).toBe(5);
  });

  it('uses fewer classes when there are fewer distinct values', () => {
    expect(classify([2, 2, 0], fmt).classes.map((k) => k.label)).toEqual(['2']);
    expect(classify([1, 3], fmt).classes.map((k) => k.label)).toEqual(['1', '2', '3']);
    expect(classify([0, 0], fmt).classes).toEqual([]);
  });

  it('splits non-integers into equal intervals', () => {
    const c = classify([0.5, 1.5, 2.5], (n) => n.toFixed(1));
    expect(c.classes).toHaveLength(5);
    expect(c.classes[0]!.label).toBe('0.5–0.9');
    expect(c.classOf(2.5)).toBe(c.classes[4]);
  });
});

describe('niceTicks', () => {
  it('steps by 1, 2 or 5 × 10ⁿ from 0 past the maximum', () => {
    expect(niceTicks(12)).toEqual([0, 5, 10, 15]);
    expect(niceTicks(3)).toEqual([0, 1, 2, 3]);
    expect(niceTicks(2500)).toEqual([0, 500, 1000, 1500, 2000, 2500]);
    expect(niceTicks(0)).toEqual([0, 1]);
    expect(niceTicks(0.3, 3, false)).toEqual([0, 0.1, 0.2, 0.3]);
  });
});

describe('wrapText', () => {
  it('wraps at spaces and cuts the last line', () => {
    expect(wrapText('one two three four', 9, 2)).toEqual(['one two', 'three fo…']);
    expect(wrapText('short', 9, 2)).toEqual(['short']);
    expect(wrapText('averyveryverylongword next', 8, 2)).toEqual(['averyve…', 'next']);
  });
});
