import { describe, expect, it } from 'vitest';
import { jsx } from 'hono/jsx';
import { raw } from 'hono/html';
import { renderBarChart, renderColumnChart } from './bars.ts';

const fmt = new Intl.NumberFormat('en').format;

describe('renderBarChart', () => {
  const rows = [
    { label: 'Protection of people in transit through the Darién Gap and Central America, and beyond', value: 1234 },
    { label: 'Trafficking', value: 640, href: '/themes/trafficking' },
    { label: 'Children', value: 0 },
  ];

  it('writes each label and value as text, bars proportional to the values', () => {
    const svg = renderBarChart({ title: 'By theme', desc: 'See the table.', rows, formatNumber: fmt });
    expect(svg).toContain('>1,234</text>');
    expect(svg).toContain('>640</text>');
    expect(svg).toContain('>0</text>');
    expect(svg).toContain('>Trafficking</text>');
    const widths = [...svg.matchAll(/<rect [^>]*width="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(widths[0]).toBeGreaterThan(widths[1]!);
    expect(widths[1]! / widths[0]!).toBeCloseTo(640 / 1234, 2);
    expect(widths[2]).toBe(0);
  });

  it('cuts long labels with an ellipsis and keeps the full text in <title>', () => {
    const svg = renderBarChart({ title: 't', desc: 'd', rows, formatNumber: fmt });
    expect(svg).toContain(`<title>${rows[0]!.label}: 1,234</title>`);
    expect(svg).toMatch(/>Protection of people in transit[^<]*…<\/text>/);
  });

  it('links rows with href, names the links, and becomes a group', () => {
    const svg = renderBarChart({ title: 't', desc: 'd', rows, formatNumber: fmt, idPrefix: 'themes' });
    expect(svg).toMatch(/^<svg [^>]*role="group" aria-labelledby="themes-title themes-desc"/);
    expect(svg).toContain('<a href="/themes/trafficking" aria-label="Trafficking: 640">');
    expect(svg.match(/<a /g)).toHaveLength(1);
    const plain = renderBarChart({ title: 't', desc: 'd', rows: rows.slice(0, 1), formatNumber: fmt });
    expect(plain).toMatch(/^<svg [^>]*role="img"/);
  });

  it('draws at most maxRows rows', () => {
    const svg = renderBarChart({ title: 't', desc: 'd', rows, formatNumber: fmt, maxRows: 2 });
    expect(svg).not.toContain('Children');
    expect(svg.match(/<rect /g)).toHaveLength(2);
  });

  it('escapes labels and refuses script links', () => {
    const svg = renderBarChart({
      title: '<t>',
      desc: 'd & d',
      rows: [{ label: '<script>alert(1)</script>', value: 1, href: 'javascript:alert(1)' }],
      formatNumber: fmt,
    });
    expect(svg).not.toContain('<script>');
    expect(svg).not.toContain('javascript:');
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(svg).toContain('<title id="bar-chart-title">&lt;t&gt;</title>');
    expect(svg).toContain('d &amp; d');
  });

  it('draws negative and non-finite values as 0', () => {
    const svg = renderBarChart({
      title: 't',
      desc: 'd',
      rows: [
        { label: 'a', value: -5 },
        { label: 'b', value: Number.NaN },
      ],
      formatNumber: fmt,
    });
    expect(svg.match(/>0<\/text>/g)).toHaveLength(2);
  });
});

describe('renderColumnChart', () => {
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const series = [
    { name: 'Applications', values: [3, 5, 8, 2, 0, 12, 9, 4, 6, 7, 11, 1] },
    { name: 'Admissions', values: [1, 4, 6, 2, 0, 9, 5, 3, 5, 4, 8, 1] },
  ];

  it('draws one column per series and category, each with its value', () => {
    const svg = renderColumnChart({ title: 'Per month', desc: 'd', categories: months, series, formatNumber: fmt });
    expect(svg.match(/<rect [^>]*><title>/g)).toHaveLength(24);
    expect(svg).toContain('<title>Jun, Applications: 12</title>');
    expect(svg).toContain('<title>Jun, Admissions: 9</title>');
    // Values fit above these columns, so they are written there too.
    expect(svg).toMatch(/text-anchor="middle">12<\/text>/);
  });

  it('names the series in a legend and labels both axes', () => {
    const svg = renderColumnChart({
      title: 'Per month',
      desc: 'd',
      categories: months,
      series,
      formatNumber: fmt,
      yLabel: 'Organizations',
    });
    expect(svg).toContain('>Applications</text>');
    expect(svg).toContain('>Admissions</text>');
    expect(svg).toContain('>Organizations</text>');
    // Round ticks from 0 past the maximum (12): 0, 5, 10, 15.
    for (const t of ['0', '5', '10', '15']) expect(svg).toMatch(new RegExp(`text-anchor="end"[^>]*>${t}</text>`));
    expect(svg).toContain('>Jan</text>');
    expect(svg).toMatch(/^<svg [^>]*role="img"/);
  });

  it('skips category labels that would collide, but never the columns', () => {
    const days = Array.from({ length: 60 }, (_, i) => `2026-01-${String(i + 1).padStart(2, '0')}`);
    const svg = renderColumnChart({
      title: 't',
      desc: 'd',
      categories: days,
      series: [{ name: 'Visits', values: days.map((_, i) => i) }],
      formatNumber: fmt,
    });
    expect(svg.match(/<rect [^>]*><title>/g)).toHaveLength(60);
    const shown = days.filter((d) => svg.includes(`>${d}</text>`)).length;
    expect(shown).toBeGreaterThan(3);
    expect(shown).toBeLessThan(15);
  });

  it('handles all-zero and empty data', () => {
    const zero = renderColumnChart({ title: 't', desc: 'd', categories: ['a'], series: [{ name: 's', values: [0] }], formatNumber: fmt });
    expect(zero).toContain('<title>a, s: 0</title>');
    expect(zero).not.toContain('NaN');
    const empty = renderColumnChart({ title: 't', desc: 'd', categories: [], series: [], formatNumber: fmt });
    expect(empty).toMatch(/^<svg [^>]*>.*<\/svg>$/s);
    expect(empty).not.toContain('NaN');
    expect(empty).not.toContain('Infinity');
  });

  it('escapes category and series names', () => {
    const svg = renderColumnChart({
      title: 't',
      desc: 'd',
      categories: ['<b>'],
      series: [{ name: '"x" & <y>', values: [1] }],
      formatNumber: fmt,
    });
    expect(svg).not.toContain('<b>');
    expect(svg).not.toContain('<y>');
    expect(svg).toContain('&quot;x&quot; &amp; &lt;y&gt;');
  });
});

describe('charts in hono/jsx', () => {
  it('go in unescaped through raw()', async () => {
    const svg = renderBarChart({ title: 't', desc: 'd', rows: [{ label: 'a', value: 1 }], formatNumber: fmt });
    const html = String(await jsx('figure', {}, raw(svg)));
    expect(html).toBe(`<figure>${svg}</figure>`);
  });
});
