/**
 * @module Bar and column charts, rendered on the server as SVG strings
 *
 * `renderBarChart`: horizontal bars, one per row, the label on its own line above the bar (long
 * labels have the whole width before they are cut, and keep their full text in `<title>`), the value
 * written at the end of the bar. Rows with an `href` become links.
 *
 * `renderColumnChart`: values per category (per month, say) for one to four series side by side,
 * with a y axis of round ticks, category labels, and a legend naming each series.
 *
 * Both return a string: put it into hono/jsx with `raw()` from 'hono/html', and render the same
 * numbers as a table beside the chart. Values are expected to be non-negative counts; negative and
 * non-finite values are drawn as 0.
 */
import { escapeXml, safeHref } from './escape.ts';
import { niceTicks } from './scale.ts';
import { MUTED, TEXT, openSvg, r1, sanitizeId, textWidth, truncate } from './svg.ts';

/** One bar of a bar chart. */
export interface BarRow {
  /** What the bar counts, e.g. a country or a theme. */
  label: string;
  value: number;
  /** Where the bar leads (a filtered list…); omit for no link. */
  href?: string;
}

/** Options of renderBarChart. */
export interface BarChartOptions {
  /** Accessible name of the chart. */
  title: string;
  /** Accessible description: what is counted, and where the data table is. */
  desc: string;
  /** The bars, in display order (sort them before). */
  rows: readonly BarRow[];
  /** Formats values in the reader's language. */
  formatNumber: (n: number) => string;
  /** Draw only the first maxRows rows (the data table shows them all). */
  maxRows?: number;
  /** Prefix of the ids inside the SVG; give each chart on a page its own. Default 'bar-chart'. */
  idPrefix?: string;
}

/** One series of a column chart: a value per category. */
export interface ColumnSeries {
  /** Name shown in the legend, e.g. "Applications". */
  name: string;
  /** One value per category, in the order of `categories`; missing values count as 0. */
  values: readonly number[];
}

/** Options of renderColumnChart. */
export interface ColumnChartOptions {
  title: string;
  desc: string;
  /** Category labels along the x axis, already formatted, e.g. ['ene 2026', 'feb 2026', …]. */
  categories: readonly string[];
  /** One to four series drawn side by side within each category. */
  series: readonly ColumnSeries[];
  formatNumber: (n: number) => string;
  /** Caption of the value axis, e.g. "Applications per month". */
  yLabel?: string;
  /** Prefix of the ids inside the SVG. Default 'column-chart'. */
  idPrefix?: string;
}

/** Width of both charts' viewBox: text stays legible from a 320 px phone to a desktop column. */
const WIDTH = 520;
const MARGIN = 8;
const FONT_SIZE = 14;
const SMALL_FONT = 12;
/** First bar colour and series colours: Okabe–Ito hues, each 3:1 or more against white. */
const SERIES_COLOURS = ['#0072B2', '#D55E00', '#009E73', '#7B3294'] as const;

const clean = (v: number | undefined): number => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : 0);

/**
 * Renders a horizontal bar chart. Each row is its label on one line and, below it, the bar with
 * its value; a row with `href` is a link named "label: value".
 */
export function renderBarChart(opts: BarChartOptions): string {
  const id = sanitizeId(opts.idPrefix ?? 'bar-chart');
  const rows = opts.rows.slice(0, opts.maxRows === undefined ? undefined : Math.max(0, opts.maxRows));
  const fmt = opts.formatNumber;
  const values = rows.map((r) => clean(r.value));
  const formatted = values.map(fmt);
  const max = Math.max(0, ...values);
  const valueRoom = Math.max(0, ...formatted.map((f) => textWidth(f, SMALL_FONT))) + 10;
  const barMax = WIDTH - 2 * MARGIN - valueRoom;
  const labelChars = Math.floor((WIDTH - 2 * MARGIN) / (FONT_SIZE * 0.56));
  const rowHeight = 44;
  const height = MARGIN * 2 + Math.max(1, rows.length) * rowHeight - 6;

  let interactive = false;
  let body = '';
  rows.forEach((row, i) => {
    const top = MARGIN + i * rowHeight;
    const value = values[i]!;
    const length = max > 0 ? (value / max) * barMax : 0;
    // A non-zero value always shows at least a sliver of bar.
    const width = value > 0 ? Math.max(2, length) : 0;
    const full = `${row.label}: ${formatted[i]}`;
    const name = escapeXml(full);
    const href = row.href === undefined ? undefined : safeHref(row.href);
    const hidden = href ? ' aria-hidden="true"' : '';
    const inner =
      `<g${hidden}><title>${name}</title>` +
      `<text x="${MARGIN}" y="${top + 14}" font-size="${FONT_SIZE}"${href ? ' text-decoration="underline"' : ''}>${escapeXml(truncate(row.label, labelChars))}</text>` +
      `<rect x="${MARGIN}" y="${top + 20}" width="${r1(width)}" height="16" fill="${SERIES_COLOURS[0]}"/>` +
      `<text x="${r1(MARGIN + width + 6)}" y="${top + 33}" font-size="${SMALL_FONT}" font-weight="600">${escapeXml(formatted[i]!)}</text>` +
      `</g>`;
    if (href) {
      interactive = true;
      body += `<a href="${href}" aria-label="${name}">${inner}</a>`;
    } else {
      body += inner;
    }
  });

  return (
    openSvg({ id, width: WIDTH, height, className: 'chart-bars', interactive, title: opts.title, desc: opts.desc }) +
    `<g fill="${TEXT}">${body}</g></svg>`
  );
}

/**
 * Renders a column chart: for each category, one column per series side by side, on a y axis of
 * round ticks starting at 0. Values are written above the columns when they fit, and are always in
 * each column's `<title>`.
 */
export function renderColumnChart(opts: ColumnChartOptions): string {
  const id = sanitizeId(opts.idPrefix ?? 'column-chart');
  const fmt = opts.formatNumber;
  const categories = opts.categories;
  const series = opts.series.slice(0, SERIES_COLOURS.length);
  const values = series.map((s) => categories.map((_, i) => clean(s.values[i])));
  const max = Math.max(0, ...values.flat());
  const integers = values.every((vs) => vs.every(Number.isInteger));
  const ticks = niceTicks(max, 5, integers);
  const top = ticks[ticks.length - 1]!;
  const tickLabels = ticks.map(fmt);

  // Legend: one swatch and name per series, flowing onto new lines as needed.
  let legend = '';
  let lx = MARGIN;
  let ly = MARGIN;
  for (const [i, s] of series.entries()) {
    const name = truncate(s.name, 40);
    const w = 22 + textWidth(name, SMALL_FONT) + 18;
    if (lx > MARGIN && lx + w > WIDTH - MARGIN) [lx, ly] = [MARGIN, ly + 20];
    legend +=
      `<rect x="${r1(lx)}" y="${ly + 2}" width="14" height="14" fill="${SERIES_COLOURS[i]}"/>` +
      `<text x="${r1(lx + 20)}" y="${ly + 13.5}">${escapeXml(name)}</text>`;
    lx += w;
  }
  let plotTop = (series.length ? ly + 20 : MARGIN) + 12;
  let yCaption = '';
  if (opts.yLabel) {
    yCaption = `<text x="${MARGIN}" y="${plotTop + 8}" fill="${MUTED}">${escapeXml(truncate(opts.yLabel, 70))}</text>`;
    plotTop += 22;
  }
  plotTop += SMALL_FONT / 2; // room for the top tick's label

  const plotLeft = MARGIN + Math.max(...tickLabels.map((t) => textWidth(t, SMALL_FONT))) + 8;
  const plotRight = WIDTH - MARGIN;
  const plotHeight = 200;
  const plotBottom = plotTop + plotHeight;
  const y = (v: number): number => plotBottom - (v / top) * plotHeight;

  // Category labels: every k-th one when they would collide, centred under their group.
  const band = categories.length ? (plotRight - plotLeft) / categories.length : 0;
  const widest = Math.max(0, ...categories.map((c) => textWidth(truncate(c, 16), SMALL_FONT)));
  const every = band > 0 ? Math.max(1, Math.ceil((widest + 6) / band)) : 1;
  const height = Math.ceil(plotBottom + 22 + MARGIN);

  let grid = '';
  ticks.forEach((t, i) => {
    const ty = r1(y(t));
    grid +=
      `<line x1="${r1(plotLeft)}" x2="${plotRight}" y1="${ty}" y2="${ty}" stroke="${i === 0 ? MUTED : '#e0e0e0'}" stroke-width="1"/>` +
      `<text x="${r1(plotLeft - 6)}" y="${r1(ty + 4)}" text-anchor="end" fill="${MUTED}">${escapeXml(tickLabels[i]!)}</text>`;
  });

  const inner = band * 0.8;
  const columnWidth = series.length ? inner / series.length : 0;
  let columns = '';
  let labels = '';
  categories.forEach((category, c) => {
    const groupLeft = plotLeft + c * band + (band - inner) / 2;
    series.forEach((s, k) => {
      const v = values[k]![c]!;
      const x = groupLeft + k * columnWidth;
      const h = (v / top) * plotHeight;
      const text = fmt(v);
      const title = escapeXml(`${category}, ${s.name}: ${text}`);
      columns += `<rect x="${r1(x + 0.5)}" y="${r1(plotBottom - h)}" width="${r1(Math.max(1, columnWidth - 1))}" height="${r1(h)}" fill="${SERIES_COLOURS[k]}"><title>${title}</title></rect>`;
      if (textWidth(text, 11) <= columnWidth + 1) {
        labels += `<text x="${r1(x + columnWidth / 2)}" y="${r1(plotBottom - h - 4)}" font-size="11" text-anchor="middle">${escapeXml(text)}</text>`;
      }
    });
    if (c % every === 0) {
      labels += `<text x="${r1(plotLeft + (c + 0.5) * band)}" y="${r1(plotBottom + 17)}" text-anchor="middle" fill="${MUTED}">${escapeXml(truncate(category, 16))}</text>`;
    }
  });

  return (
    openSvg({ id, width: WIDTH, height, className: 'chart-columns', interactive: false, title: opts.title, desc: opts.desc }) +
    `<g font-size="${SMALL_FONT}" fill="${TEXT}">${legend}${yCaption}${grid}${columns}${labels}</g></svg>`
  );
}
