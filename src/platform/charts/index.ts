/**
 * @module Server-rendered SVG charts and the map of Latin America and the Caribbean
 *
 * Every function here returns an SVG string; no client JavaScript, no inline styles (a strict CSP
 * holds). In a hono/jsx view, wrap it with `raw()` from 'hono/html' — the renderers escape all the
 * text they are given, so the string is safe to insert as is:
 *
 * ```tsx
 * import { raw } from 'hono/html';
 * import { renderLacChoropleth } from '../../platform/charts/index.ts';
 *
 * <figure>
 *   {raw(renderLacChoropleth({ values, title, desc, legendLabel, formatNumber, countryName, linkFor }))}
 *   <figcaption>{t('coverage.caption')}</figcaption>
 * </figure>
 * <table>…the same numbers…</table>
 * ```
 *
 * Rule: every chart is accompanied by a data table with the same numbers (callers render it; the
 * chart's `desc` should say where it is). Charts are pictures; the table is the accessible source.
 * See docs/decisions/0201-server-rendered-svg-charts.md.
 */
export { escapeXml, safeHref } from './escape.ts';
export { LAC_ALPHA2, LAC_STATES, isLacState, type LacState } from './lac.ts';
export { renderLacChoropleth, renderLacChoroplethParts, type LacChoroplethOptions } from './map.ts';
export { lacGeometry } from './geometry.ts';
export {
  renderBarChart,
  renderColumnChart,
  type BarChartOptions,
  type BarRow,
  type ColumnChartOptions,
  type ColumnSeries,
} from './bars.ts';
