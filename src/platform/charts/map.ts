/**
 * @module Choropleth map of Latin America and the Caribbean, rendered on the server
 *
 * `renderLacChoropleth` returns a self-contained SVG string: the 33 states coloured by value in up
 * to five classes, states with zero drawn hatched ("no members yet: expansion target"), the
 * neighbouring land in faint grey, a legend with text labels, and — for the Eastern Caribbean states
 * too small to see — callout circles in the Atlantic joined to their real place by a leader line.
 *
 * The geometry is projected once per process (see geometry.ts); a render only joins cached strings,
 * well under a millisecond. No client JavaScript; no inline styles, so a strict CSP is fine.
 *
 * Accessibility: the root is `role="img"` named by its title and description when the map has no
 * links, and `role="group"` when it has (focusable content inside role=img is an axe violation).
 * Each link carries an `aria-label` ("Mexico: 3"), each shape a `<title>` for the mouse tooltip.
 * A map is never the only way to the numbers: always render the data table next to it.
 */
import { classify } from './classes.ts';
import { escapeXml, safeHref } from './escape.ts';
import { CALLOUT_RADIUS, lacGeometry, type LacShape } from './geometry.ts';
import { MUTED, TEXT, openSvg, sanitizeId, textWidth, truncate, wrapText } from './svg.ts';

/** Options of renderLacChoropleth. */
export interface LacChoroplethOptions {
  /** Value per state, keyed by ISO 3166-1 alpha-2 ('AR'). Missing states count as 0. */
  values: Readonly<Record<string, number>>;
  /** Accessible name of the map (the page shows its own heading). */
  title: string;
  /** Accessible description: what is coloured, and where the data table is. */
  desc: string;
  /** Heading of the legend, e.g. "Member organizations". */
  legendLabel: string;
  /** Legend entry for zero, e.g. "0 – no members yet (expansion target)". Defaults to formatNumber(0). */
  zeroLabel?: string;
  /** Formats counts in the reader's language, e.g. new Intl.NumberFormat('es').format. */
  formatNumber: (n: number) => string;
  /** The state's name in the reader's language. */
  countryName: (alpha2: string) => string;
  /** A link per state (its page, a filtered list…); undefined for no link. */
  linkFor?: (alpha2: string) => string | undefined;
  /** Prefix of the ids inside the SVG; give each map on a page its own. Default 'lac-map'. */
  idPrefix?: string;
}

const ZERO_PATTERN_STROKE = '#8c8c8c';
const BORDER = MUTED;
const CONTEXT_FILL = '#e4e4e4';
/** Callout labels longer than this many characters are cut with an ellipsis (full name in <title>). */
const CALLOUT_LABEL_CHARS = 22;

/**
 * Renders the LAC choropleth as an SVG string. Put it into hono/jsx with `raw()` from 'hono/html':
 * `<figure>{raw(renderLacChoropleth({...}))}<figcaption>…</figcaption></figure>`, and render the
 * same numbers as a table beside it.
 */
export function renderLacChoropleth(opts: LacChoroplethOptions): string {
  return mapParts(opts, (k) => k.text).join('');
}

/**
 * The same SVG as `renderLacChoropleth`, in parts: the text written for these values, and the geometry (three
 * quarters of the map, the same on every render) as UTF-8 bytes encoded once per process — for a page that writes
 * its parts as bytes (platform/views/fragment.tsx `writtenBytes`) without encoding the shapes again on each request.
 */
export function renderLacChoroplethParts(opts: LacChoroplethOptions): (string | Uint8Array)[] {
  return mapParts(opts, (k) => k.bytes);
}

/** The map's parts, its constant markup given as `pick` takes it (text or bytes). */
function mapParts<P extends string | Uint8Array>(opts: LacChoroplethOptions, pick: (k: Constant) => P): (string | P)[] {
  const geo = lacGeometry();
  const fixed = constantMarkup();
  const id = sanitizeId(opts.idPrefix ?? 'lac-map');
  const fmt = opts.formatNumber;
  const valueOf = (alpha2: string): number => {
    const v = opts.values[alpha2];
    return typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : 0;
  };
  const classes = classify(geo.shapes.map((s) => valueOf(s.alpha2)), fmt);
  const zeroFill = `url(#${id}-none)`;

  let anyLink = false;
  const parts: (string | P)[] = [];
  // The text since the last constant part.
  let text = '';
  geo.shapes.forEach((shape, i) => {
    const value = valueOf(shape.alpha2);
    const fill = classes.classOf(value)?.colour ?? zeroFill;
    const name = opts.countryName(shape.alpha2);
    const label = escapeXml(`${name}: ${fmt(value)}`);
    const href = opts.linkFor ? opts.linkFor(shape.alpha2) : undefined;
    const safe = href === undefined ? undefined : safeHref(href);
    const hidden = safe ? ' aria-hidden="true"' : '';
    if (safe) {
      anyLink = true;
      text += `<a href="${safe}" aria-label="${label}">`;
    }
    if (shape.d) {
      parts.push(text, pick(fixed.shapes[i]!));
      text = `${fill}"${hidden}><title>${label}</title></path>`;
    }
    if (shape.callout) text += callout(shape, fill, label, escapeXml(truncate(name, CALLOUT_LABEL_CHARS)), hidden);
    if (safe) text += '</a>';
  });

  parts.unshift(
    openSvg({ id, width: geo.width, height: geo.height, className: 'chart-map', interactive: anyLink, title: opts.title, desc: opts.desc }) +
      `<defs><pattern id="${id}-none" width="5" height="5" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">` +
      `<rect width="5" height="5" fill="#f7f7f7"/><line x1="0" y1="0" x2="0" y2="5" stroke="${ZERO_PATTERN_STROKE}" stroke-width="1.6"/>` +
      `</pattern></defs>`,
    pick(fixed.context),
  );
  parts.push(text + '</g>' + legend(geo.legendAt, opts.legendLabel, classes.classes, opts.zeroLabel ?? fmt(0), zeroFill) + '</svg>');
  return parts;
}

/** A piece of the map's markup the same on every render, as text and as UTF-8 bytes. */
interface Constant {
  text: string;
  bytes: Uint8Array;
}
let constant: { context: Constant; shapes: (Constant | undefined)[] } | undefined;
/** The map's constant markup, made once per process. */
function constantMarkup() {
  if (constant) return constant;
  const geo = lacGeometry();
  const keep = (text: string): Constant => ({ text, bytes: new Uint8Array(Buffer.from(text)) });
  return (constant = {
    // The neighbouring land, and the states' group opened.
    context:
      keep(`<path d="${geo.context}" fill="${CONTEXT_FILL}" fill-rule="evenodd" aria-hidden="true"/>` +
      `<g stroke="${BORDER}" stroke-width="0.4" stroke-linejoin="round" fill-rule="evenodd">`),
    // Each state's shape up to its fill.
    shapes: geo.shapes.map((shape) => (shape.d ? keep(`<path d="${shape.d}" fill="`) : undefined)),
  });
}

/** A small state's dot at its real place, the leader line, and the callout circle with its name. */
function callout(shape: LacShape, fill: string, title: string, name: string, hidden: string): string {
  const { at, marker } = shape.callout!;
  const [ax, ay] = at;
  const [mx, my] = marker;
  return (
    `<g${hidden}><title>${title}</title>` +
    `<line x1="${ax}" y1="${ay}" x2="${mx - CALLOUT_RADIUS}" y2="${my}" stroke="#767676" stroke-width="0.7"/>` +
    `<circle cx="${ax}" cy="${ay}" r="2" fill="${fill}" stroke="${TEXT}" stroke-width="0.6"/>` +
    `<circle cx="${mx}" cy="${my}" r="${CALLOUT_RADIUS}" fill="${fill}" stroke="${TEXT}" stroke-width="0.8"/>` +
    `<text x="${mx + CALLOUT_RADIUS + 4}" y="${my + 4}" font-size="11.5" fill="${TEXT}" stroke="none">${name}</text>` +
    `</g>`
  );
}

function legend(
  [x, y]: readonly [number, number],
  heading: string,
  classes: readonly { colour: string; label: string }[],
  zeroLabel: string,
  zeroFill: string,
): string {
  const fontSize = 12.5;
  const lineHeight = 15;
  const maxWidth = 280; // keeps the box in the Pacific, clear of Chile
  const maxChars = Math.floor((maxWidth - 46) / (fontSize * 0.56));
  const rows = [...classes.map((c) => ({ fill: c.colour, label: c.label })), { fill: zeroFill, label: zeroLabel }];
  const lines = rows.map((r) => wrapText(r.label, maxChars, 2));
  const headingLines = wrapText(heading, Math.floor((maxWidth - 16) / (fontSize * 0.62)), 2);
  const longest = Math.max(
    ...headingLines.map((h) => textWidth(h, fontSize) * 1.1),
    ...lines.flat().map((l) => 30 + textWidth(l, fontSize)),
  );
  const width = Math.min(maxWidth, Math.ceil(longest) + 16);
  let out = '';
  let top = 8 + headingLines.length * lineHeight;
  headingLines.forEach((h, i) => (out += `<text x="8" y="${19 + i * lineHeight}" font-weight="600">${escapeXml(h)}</text>`));
  rows.forEach((r, i) => {
    if (i === rows.length - 1 && classes.length) top += 6; // zero stands apart from the classes
    top += 4;
    out += `<rect x="8" y="${top}" width="22" height="13" fill="${r.fill}" stroke="${BORDER}" stroke-width="0.6"/>`;
    lines[i]!.forEach((l, j) => (out += `<text x="38" y="${top + 11 + j * lineHeight}">${escapeXml(l)}</text>`));
    top += Math.max(15, lines[i]!.length * lineHeight);
  });
  const height = top + 8;
  return (
    `<g aria-hidden="true" transform="translate(${x} ${y})" font-size="${fontSize}" fill="${TEXT}">` +
    `<rect width="${width}" height="${height}" rx="4" fill="#fff" fill-opacity="0.9" stroke="#bdbdbd" stroke-width="0.6"/>` +
    `${out}</g>`
  );
}
