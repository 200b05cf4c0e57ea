import { describe, expect, it } from 'vitest';
import { lacGeometry, MAP_WIDTH } from './geometry.ts';
import { LAC_ALPHA2, isLacState } from './lac.ts';
import { renderLacChoropleth, renderLacChoroplethParts, type LacChoroplethOptions } from './map.ts';

const EASTERN_CARIBBEAN = ['AG', 'BB', 'DM', 'GD', 'KN', 'LC', 'VC'];

function options(overrides: Partial<LacChoroplethOptions> = {}): LacChoroplethOptions {
  const values: Record<string, number> = {};
  LAC_ALPHA2.forEach((a, i) => (values[a] = i % 4 === 0 ? 0 : i));
  return {
    values,
    title: 'Member organizations by country',
    desc: 'The table below lists the same numbers.',
    legendLabel: 'Member organizations',
    zeroLabel: 'No members yet (expansion target)',
    formatNumber: (n) => String(n),
    countryName: (a) => `Name ${a}`,
    ...overrides,
  };
}

/** Checks that start and end tags balance: enough to catch broken markup without an XML parser. */
function expectBalanced(svg: string): void {
  const stack: string[] = [];
  for (const m of svg.matchAll(/<(\/?)([a-zA-Z]+)\b[^>]*?(\/?)>/g)) {
    const [, closing, name, selfClosing] = m;
    if (selfClosing) continue;
    if (closing) expect(stack.pop()).toBe(name);
    else stack.push(name!);
  }
  expect(stack).toEqual([]);
}

/** The markup of each state's link, keyed by alpha-2 (links are /c/XX in these tests). */
function linkChunks(svg: string): Map<string, string> {
  const chunks = new Map<string, string>();
  for (const m of svg.matchAll(/<a href="\/c\/([A-Z]{2})"[^>]*>([\s\S]*?)<\/a>/g)) chunks.set(m[1]!, m[2]!);
  return chunks;
}

describe('isLacState', () => {
  it('knows the 33 states and no other code', () => {
    expect(LAC_ALPHA2).toHaveLength(33);
    expect(LAC_ALPHA2.every(isLacState)).toBe(true);
    expect(['ES', 'FR', 'US', 'DE', '', 'cl', 'XX'].some(isLacState)).toBe(false);
  });
});

describe('renderLacChoropleth', () => {
  it('shows all 33 states, each as a shape or a callout, with a "name: value" title', () => {
    const opts = options({ linkFor: (a) => `/c/${a}` });
    const svg = renderLacChoropleth(opts);
    const chunks = linkChunks(svg);
    expect([...chunks.keys()].sort()).toEqual([...LAC_ALPHA2].sort());
    for (const alpha2 of LAC_ALPHA2) {
      const chunk = chunks.get(alpha2)!;
      expect(chunk).toContain(`<title>Name ${alpha2}: ${opts.values[alpha2]}</title>`);
      expect(/<path d="M[^"]+"/.test(chunk) || /<circle /.test(chunk)).toBe(true);
    }
    expectBalanced(svg);
  });

  it('gives the Eastern Caribbean states a callout circle with their name', () => {
    const svg = renderLacChoropleth(options({ linkFor: (a) => `/c/${a}` }));
    const chunks = linkChunks(svg);
    for (const alpha2 of EASTERN_CARIBBEAN) {
      expect(chunks.get(alpha2)).toMatch(/<circle [^>]*r="7"/);
      expect(chunks.get(alpha2)).toContain(`>Name ${alpha2}</text>`);
    }
    const geo = lacGeometry();
    const markers = geo.shapes.filter((s) => s.callout).map((s) => s.callout!.marker);
    // Inside the frame, and apart enough to click.
    for (const [x, y] of markers) {
      expect(x).toBeGreaterThan(0);
      expect(x).toBeLessThan(geo.width);
      expect(y).toBeGreaterThan(0);
      expect(y).toBeLessThan(geo.height);
    }
    const ys = markers.map(([, y]) => y).sort((a, b) => a - b);
    for (let i = 1; i < ys.length; i++) expect(ys[i]! - ys[i - 1]!).toBeGreaterThanOrEqual(14);
  });

  it('draws every large state as a path and keeps the geometry to a viewBox of MAP_WIDTH', () => {
    const geo = lacGeometry();
    expect(geo.width).toBe(MAP_WIDTH);
    expect(geo.height).toBeGreaterThan(400);
    expect(geo.height).toBeLessThan(900);
    expect(geo.shapes).toHaveLength(33);
    for (const alpha2 of ['AR', 'BR', 'MX', 'CU', 'JM', 'TT', 'BS', 'HT', 'DO', 'SV', 'BZ']) {
      const shape = geo.shapes.find((s) => s.alpha2 === alpha2)!;
      expect(shape.d, alpha2).toMatch(/^M[\d.,\-lz M]+$/);
      expect(shape.callout, alpha2).toBeUndefined();
    }
    expect(geo.context.length).toBeGreaterThan(100); // the USA, French Guiana, territories…
  });

  it('styles zero as an expansion target, apart from the colour classes', () => {
    const svg = renderLacChoropleth(options({ values: { BR: 10, MX: 3 }, idPrefix: 'cov' }));
    const titles = [...svg.matchAll(/<path d="[^"]+" fill="([^"]+)"><title>Name ([A-Z]{2}):/g)];
    const fillOf = new Map(titles.map((m) => [m[2], m[1]]));
    expect(fillOf.get('AR')).toBe('url(#cov-none)');
    expect(fillOf.get('BR')).toMatch(/^#[0-9a-f]{6}$/);
    expect(fillOf.get('MX')).toMatch(/^#[0-9a-f]{6}$/);
    expect(fillOf.get('MX')).not.toBe(fillOf.get('BR'));
    expect(svg).toContain('<pattern id="cov-none"');
    expect(svg).toMatch(/<rect [^>]*fill="url\(#cov-none\)"[^>]*\/><text [^>]*>No members yet/);
    // Missing, zero, negative and NaN all count as zero.
    const odd = renderLacChoropleth(options({ values: { AR: -3, BR: Number.NaN, CL: 0 } }));
    expect(odd).not.toMatch(/fill="#[0-9a-f]{6}"><title>/);
    expect(odd).toContain('<title>Name AR: 0</title>');
  });

  it('labels the legend classes with text, not colour alone', () => {
    const values = Object.fromEntries(LAC_ALPHA2.map((a, i) => [a, i + 1]));
    const svg = renderLacChoropleth(options({ values }));
    for (const label of ['1–7', '8–14', '15–21', '22–28', '29–33']) expect(svg).toContain(`>${label}</text>`);
    expect(svg).toContain('>Member organizations</text>');
  });

  it('escapes every text it is given', () => {
    const svg = renderLacChoropleth(
      options({
        title: 'A & B <b>',
        desc: '"quoted"',
        legendLabel: '<i>legend</i>',
        countryName: (a) => (a === 'MX' ? '<script>alert(1)</script>' : a === 'DM' ? 'Dom"inica <x>' : a),
        linkFor: (a) => `/c/${a}?q="><script>`,
      }),
    );
    expect(svg).not.toContain('<script>');
    expect(svg).not.toContain('<b>');
    expect(svg).not.toContain('<i>');
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt;: ');
    expect(svg).toContain('A &amp; B &lt;b&gt;');
    expect(svg).toContain('&quot;quoted&quot;');
    expect(svg).toContain('href="/c/MX?q=&quot;&gt;&lt;script&gt;"');
    expect(svg).toContain('aria-label="Dom&quot;inica &lt;x&gt;: ');
    expectBalanced(svg);
  });

  it('links states when linkFor gives a URL, and is then a named group rather than an image', () => {
    const plain = renderLacChoropleth(options({ idPrefix: 'm1' }));
    expect(plain).toMatch(/^<svg [^>]*role="img" aria-labelledby="m1-title m1-desc"/);
    expect(plain).not.toContain('<a ');
    expect(plain).toContain('<title id="m1-title">Member organizations by country</title>');

    const linked = renderLacChoropleth(options({ linkFor: (a) => (a === 'CU' ? undefined : `/c/${a}`) }));
    expect(linked).toMatch(/^<svg [^>]*role="group"/);
    expect(linked.match(/<a href=/g)).toHaveLength(32);
    expect(linked).toContain('<a href="/c/AR" aria-label="Name AR: 1">');
    expect(linked).not.toContain('href="/c/CU"');
    // Inside a link, shapes are hidden from assistive technology: the link's label says it all.
    expect(linked).toMatch(/<a href="\/c\/AR" aria-label="[^"]+"><path d="[^"]+" fill="[^"]+" aria-hidden="true">/);
  });

  it('refuses script URLs', () => {
    const svg = renderLacChoropleth(options({ linkFor: (a) => (a === 'BR' ? ' JavaScript:alert(1)' : `/c/${a}`) }));
    expect(svg).not.toMatch(/javascript/i);
    expect(svg.match(/<a href=/g)).toHaveLength(32);
  });

  it('comes in parts too: the text of these values, and the shapes as bytes encoded once', () => {
    const o = options({ linkFor: (a) => `/es/países/${a.toLowerCase()}`, countryName: (a) => `Perú — ${a}` });
    const parts = renderLacChoroplethParts(o);
    const bytes = Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : p)));
    expect(bytes.toString()).toBe(renderLacChoropleth(o));
    const shapes = parts.filter((p) => typeof p !== 'string');
    // The neighbouring land and every state drawn as a path: the bulk of the map, the same bytes on every render.
    expect(shapes.length).toBe(1 + lacGeometry().shapes.filter((s) => s.d).length);
    expect(shapes.reduce((n, p) => n + p.byteLength, 0)).toBeGreaterThan(bytes.length / 2);
    const again = renderLacChoroplethParts(options({ values: {} }));
    expect(again.filter((p) => typeof p !== 'string')).toEqual(shapes);
    expect(again.filter((p) => typeof p !== 'string').every((p, i) => p === shapes[i])).toBe(true);
  });

  it('stays small: under 60 KB with every state linked', () => {
    const svg = renderLacChoropleth(options({ linkFor: (a) => `/es/paises/${a.toLowerCase()}` }));
    expect(Buffer.byteLength(svg)).toBeLessThan(60_000);
  });
});
