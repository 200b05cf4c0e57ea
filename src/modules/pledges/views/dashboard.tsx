/**
 * @module Pledges views: the public dashboard (every figure a chart with its data table, every count a link to the
 * list filtered the same way) and the compact figures other pages show (a body's, an objective's, an organization's).
 */
import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import { Form, Button, EmptyState } from '../../../platform/views/components.js';
import { FilterPanel } from '../../../platform/views/filters.js';
import { escapeHtml as esc } from '../../../platform/views/fragment.js';
import { renderBarChart, renderColumnChart, renderLacChoropleth, renderLacChoroplethParts, LAC_ALPHA2, isLacState, type LacChoroplethOptions } from '../../../platform/charts/index.js';
import type { Formatters } from '../../../platform/i18n/i18n.js';
import type { Locale } from '../../../platform/i18n/locales.js';
import { paths } from '../paths.js';
import { pledgeForms, pledgeKinds, pledgeStatuses } from '../tables.js';
import { DIMENSIONS, filterQuery, type Dimension, type FigureNames, type PledgeFigures, type PledgeFilters } from '../dashboard.js';


interface FigureProps {
  fig: PledgeFigures;
  filters: PledgeFilters;
  names: FigureNames;
  t: (key: string, opts?: Record<string, unknown>) => string;
  fmt: Formatters;
  locale: Locale;
  /** How a chart or a table written as HTML is put into the page (`raw`; the dashboard's route: `writtenBytes`, which takes it in parts too). */
  part?: (html: string | readonly (string | Uint8Array)[]) => Child;
}

interface Row {
  key: string;
  label: string;
  value: number;
  href: string;
  /** `href` escaped for an attribute. */
  hrefHtml: string;
}

// The figure tables are written as one string each (the platform Table's markup): a dashboard has some
// hundred counts, and building them as elements cost more than counting them.

/** A data table (caption for screen readers only) whose cells are HTML already escaped. */
function tableHtml(caption: string, head: { label: string; num?: boolean }[], rows: string[][]): string {
  const c = esc(caption);
  let out = `<div class="table-wrap" role="group" aria-label="${c}" tabindex="0"><table><caption class="visually-hidden">${c}</caption><thead><tr>`;
  for (const h of head) out += `<th scope="col"${h.num ? ' class="num"' : ''}>${esc(h.label)}</th>`;
  out += '</tr></thead><tbody>';
  for (const r of rows) {
    out += '<tr>';
    for (let i = 0; i < r.length; i++) out += `<td${head[i]?.num ? ' class="num"' : ''}>${r[i]}</td>`;
    out += '</tr>';
  }
  return `${out}</tbody></table></div>`;
}

/**
 * A count's link text for screen readers ("Objective 7: 12 pledges"): the translation is asked once per language and
 * plural category (Intl's, as i18next chooses) with markers for the number and the name, kept, then filled in per row.
 */
const countTemplates = new Map<Locale, { rules: Intl.PluralRules; categories: string[]; byCategory: Map<string, string> }>();
function countLabelHtml(p: FigureProps, count: number, nHtml: string, whatHtml: string): string {
  let k = countTemplates.get(p.locale);
  if (!k) countTemplates.set(p.locale, (k = { rules: new Intl.PluralRules(p.locale), categories: [], byCategory: new Map() }));
  // A count's category asked of Intl once (the counts are whole numbers, mostly small).
  const cat = count === 0 ? 'zero' : count < 10_000 ? (k.categories[count] ??= k.rules.select(count)) : k.rules.select(count);
  let tpl = k.byCategory.get(cat);
  // Escaped once (escaping leaves the markers, and the escape of a whole is the escapes of its parts).
  if (tpl === undefined) k.byCategory.set(cat, (tpl = esc(p.t('pledges.dashboard.countLink', { count, n: '\u0001', what: '\u0002' }))));
  return tpl.replace('\u0001', () => nHtml).replace('\u0002', () => whatHtml);
}

/**
 * Labels as HTML: the dashboard writes the same labels (objectives, countries, kinds…) on every request of a language,
 * each escaped once and kept (at most 10,000).
 */
const escapedLabels = new Map<string, string>();
function labelHtml(label: string): string {
  let e = escapedLabels.get(label);
  if (e === undefined) {
    if (escapedLabels.size >= 10_000) escapedLabels.clear();
    escapedLabels.set(label, (e = esc(label)));
  }
  return e;
}

/** A count that leads to the list filtered the same way, named for screen readers ("Objective 7: 12 pledges"). */
function countLinkHtml(p: FigureProps, row: Row, current: boolean): string {
  const n = esc(p.fmt.number(row.value));
  return `<a href="${row.hrefHtml}" aria-label="${countLabelHtml(p, row.value, n, labelHtml(row.label))}"${current ? ' aria-current="true"' : ''}>${n}</a>`;
}
const collators = new Map<string, Intl.Collator>();
const collator = (l: string) => collators.get(l) ?? collators.set(l, new Intl.Collator(l)).get(l)!;

/**
 * The list's address under the page's filters with `dim` set to a value: written once per dimension with a marker
 * where the value goes, and filled in per row (a dashboard has some hundred links). A value the query string would
 * encode (none of the dimensions' values) is written the long way. The address comes with its escape for an attribute
 * (a plain value needs none: the escape of the whole is its parts').
 */
function listHref(p: Pick<FigureProps, 'filters' | 'locale'>, dim: Dimension): (v: string | number) => { href: string; hrefHtml: string } {
  const tpl = paths.list.href(p.locale, {}, filterQuery(p.filters, { [dim]: '\u0001' }));
  const at = tpl.indexOf('%01');
  const head = tpl.slice(0, at);
  const tail = tpl.slice(at + 3);
  const headHtml = esc(head);
  const tailHtml = esc(tail);
  return (v) => {
    const s = String(v);
    if (PLAIN.test(s)) return { href: head + s + tail, hrefHtml: headHtml + s + tailHtml };
    const href = paths.list.href(p.locale, {}, filterQuery(p.filters, { [dim]: v }));
    return { href, hrefHtml: esc(href) };
  };
}
/** What URLSearchParams writes as it is. */
const PLAIN = /^[A-Za-z0-9*._-]+$/;

/** The rows of one dimension, in its natural order (objectives 1–23, the kinds as the initiative lists them…). */
export function dimensionRows(p: FigureProps, dim: Exclude<Dimension, 'year'>, withZeros: boolean): Row[] {
  const { fig, names, t, locale: l } = p;
  const href = listHref(p, dim);
  const counts = fig[dim];
  let rows: Row[];
  switch (dim) {
    case 'objective':
      rows = names.objectives.map((o, i) => ({ key: String(o.n), label: names.objectiveLabels?.[i] ?? t('pledges.dashboard.objectiveLabel', { n: o.n, title: o.short }), value: counts[String(o.n)] ?? 0, ...href(o.n) }));
      break;
    case 'principle':
      rows = names.principles.map((x, i) => ({ key: String(i + 1), label: x.name, value: counts[String(i + 1)] ?? 0, ...href(i + 1) }));
      break;
    case 'kind':
      rows = pledgeKinds.map((k) => ({ key: k, label: t(`pledges.kinds.${k}`), value: counts[k] ?? 0, ...href(k) }));
      break;
    case 'form':
      rows = pledgeForms.map((k) => ({ key: k, label: t(`pledges.forms.${k}`), value: counts[k] ?? 0, ...href(k) }));
      break;
    case 'status':
      rows = pledgeStatuses.map((k) => ({ key: k, label: t(`pledges.statuses.${k}`), value: counts[k] ?? 0, ...href(k) }));
      break;
    case 'country':
      rows = Object.keys(counts)
        .map((a) => ({ key: a, label: names.countries.get(a) ?? a, value: counts[a] ?? 0, ...href(a) }))
        .sort((a, b) => b.value - a.value || collator(l).compare(a.label, b.label));
      break;
  }
  return withZeros ? rows : rows.filter((r) => r.value > 0);
}

/** The years with pledges, oldest first, each with its quarters. */
function yearRows(p: FigureProps) {
  const years = Object.keys(p.fig.year).sort();
  const href = listHref(p, 'year');
  return years.map((y) => ({
    year: y,
    value: p.fig.year[y] ?? 0,
    ...href(Number(y)),
    quarters: [1, 2, 3, 4].map((q) => p.fig.quarter[`${y}-Q${q}`] ?? 0),
  }));
}

/** One dimension: a bar chart (unless `table` only) and its data table, each count a link. */
function DimensionBlock(props: FigureProps & { dim: Exclude<Dimension, 'year' | 'country'>; id: string; level: 2 | 3; chart: boolean; withZeros: boolean }) {
  const { t, fmt, dim } = props;
  const rows = dimensionRows(props, dim, props.withZeros);
  const heading = t(`pledges.dashboard.by.${dim}`);
  const H = props.level === 2 ? 'h2' : 'h3';
  const current = props.filters[dim] !== undefined ? String(props.filters[dim]) : undefined;
  return (
    <section aria-labelledby={props.id}>
      <H id={props.id}>{heading}</H>
      {rows.length ? (
        <>
          {props.chart ? (
            <figure class="chart">
              {(props.part ?? raw)(renderBarChart({ title: heading, desc: t('pledges.dashboard.chartDesc'), rows: rows.map((r) => ({ label: r.label, value: r.value, href: r.href })), formatNumber: fmt.number, idPrefix: props.id }))}
            </figure>
          ) : null}
          {(props.part ?? raw)(
            tableHtml(
              heading,
              [{ label: t(`pledges.dashboard.column.${dim}`) }, { label: t('pledges.dashboard.pledges'), num: true }],
              rows.map((r) => [r.key === current ? `<strong>${labelHtml(r.label)}</strong>` : labelHtml(r.label), countLinkHtml(props, r, r.key === current)]),
            ),
          )}
        </>
      ) : (
        <p>{t('pledges.dashboard.noneHere')}</p>
      )}
    </section>
  );
}

function CountryBlock(props: FigureProps & { id: string; level: 2 | 3; map: boolean }) {
  const { t, fmt, names, fig } = props;
  const rows = dimensionRows(props, 'country', false);
  const H = props.level === 2 ? 'h2' : 'h3';
  const heading = t('pledges.dashboard.by.country');
  const hrefOf = new Map(rows.map((r) => [r.key, r.href]));
  const outside = rows.filter((r) => !isLacState(r.key));
  const map: LacChoroplethOptions | undefined = !props.map ? undefined : {
    values: Object.fromEntries(LAC_ALPHA2.map((a) => [a, fig.country[a] ?? 0])),
    title: t('pledges.dashboard.mapTitle'),
    desc: t('pledges.dashboard.mapDesc'),
    legendLabel: t('pledges.dashboard.pledges'),
    zeroLabel: t('pledges.dashboard.mapZero'),
    formatNumber: fmt.number,
    countryName: (a) => names.countries.get(a) ?? a,
    linkFor: (a) => hrefOf.get(a),
    idPrefix: `${props.id}-map`,
  };
  return (
    <section aria-labelledby={props.id}>
      <H id={props.id}>{heading}</H>
      {map ? (
        <figure class="chart">
          {props.part ? props.part(renderLacChoroplethParts(map)) : raw(renderLacChoropleth(map))}
          <figcaption>{t('pledges.dashboard.mapCaption')}</figcaption>
        </figure>
      ) : null}
      {rows.length ? (
        (props.part ?? raw)(
          tableHtml(
            heading,
            [{ label: t('pledges.dashboard.column.country') }, { label: t('pledges.dashboard.pledges'), num: true }],
            rows.map((r) => [r.key === props.filters.country ? `<strong>${labelHtml(r.label)}</strong>` : labelHtml(r.label), countLinkHtml(props, r, r.key === props.filters.country)]),
          )
        )
      ) : (
        <p>{t('pledges.dashboard.noneHere')}</p>
      )}
      {outside.length ? <p class="small">{t('pledges.dashboard.outside', { count: outside.length, n: fmt.number(outside.length) })}</p> : null}
    </section>
  );
}

function TimeBlock(props: FigureProps & { id: string; level: 2 | 3; chart: boolean }) {
  const { t, fmt } = props;
  const years = yearRows(props);
  const H = props.level === 2 ? 'h2' : 'h3';
  const heading = t('pledges.dashboard.by.year');
  const q = [1, 2, 3, 4].map((n) => t('pledges.dashboard.quarter', { n }));
  return (
    <section aria-labelledby={props.id}>
      <H id={props.id}>{heading}</H>
      {years.length ? (
        <>
          {props.chart ? (
            <figure class="chart">
              {(props.part ?? raw)(
                renderColumnChart({
                  title: heading,
                  desc: t('pledges.dashboard.chartDesc'),
                  categories: years.map((y) => y.year),
                  series: [{ name: t('pledges.dashboard.published'), values: years.map((y) => y.value) }],
                  formatNumber: fmt.number,
                  idPrefix: props.id,
                }),
              )}
            </figure>
          ) : null}
          {(props.part ?? raw)(
            tableHtml(
              heading,
              [{ label: t('pledges.dashboard.column.year') }, { label: t('pledges.dashboard.pledges'), num: true }, ...q.map((label) => ({ label, num: true }))],
              years.map((y) => [esc(y.year), countLinkHtml(props, { key: y.year, label: y.year, value: y.value, href: y.href, hrefHtml: y.hrefHtml }, String(props.filters.year) === y.year), ...y.quarters.map((n) => esc(fmt.number(n)))]),
            ),
          )}
          <p class="small">{t('pledges.dashboard.quartersNote')}</p>
        </>
      ) : (
        <p>{t('pledges.dashboard.noneHere')}</p>
      )}
    </section>
  );
}

export interface DashboardProps extends FigureProps {
  /** The filter form's selects as HTML (platform/views/kept-select.tsx: the same markup as SelectField's). */
  selects: string;
  /** The filters in force, as [label, value shown] pairs (an organization by its name). */
  active: [string, string][];
}

/** The public dashboard. */
export function DashboardPage(props: DashboardProps) {
  const { t, fmt, locale: l, fig, filters } = props;
  const listHref = paths.list.href(l, {}, filterQuery(filters));
  return (
    <>
      <h1>{t('pledges.dashboard.title')}</h1>
      <p class="lead">{t('pledges.dashboard.lead')}</p>
      <FilterPanel active={props.active} clearHref={paths.dashboard.href(l)}>
        <Form action={paths.dashboard.href(l)} method="get" class="filters">
          {raw(props.selects)}
          {filters.org ? <input type="hidden" name="org" value={filters.org} /> : null}
          <div class="actions">
            <Button variant="secondary">{t('form.filter')}</Button>
          </div>
        </Form>
      </FilterPanel>
      <p>
        <strong>{t('pledges.dashboard.total', { count: fig.total, n: fmt.number(fig.total) })}</strong>{' '}
        <a href={listHref}>{t('pledges.dashboard.seeList')}</a>
      </p>
      {fig.total === 0 ? <EmptyState>{t('pledges.dashboard.empty')}</EmptyState> : null}
      <p class="small">{t('pledges.dashboard.howCounted')}</p>
      {DIMENSIONS.map((dim) =>
        dim === 'year' ? (
          <TimeBlock {...props} id="pl-year" level={2} chart />
        ) : dim === 'country' ? (
          <CountryBlock {...props} id="pl-country" level={2} map />
        ) : (
          <DimensionBlock {...props} dim={dim} id={`pl-${dim}`} level={2} chart withZeros />
        ),
      )}
    </>
  );
}

/**
 * The same figures, compact, on another page (a body's, an objective's, an organization's): tables of what is
 * there (no zeros), the objectives as a chart, and the way to the dashboard and the list with the same filter.
 * `leave` is the dimension the page itself is about (an objective's page does not count by objective).
 */
export function PledgeFiguresSection(props: FigureProps & { heading: string; idPrefix: string; leave?: Dimension; intro?: Child }) {
  const { t, fmt, locale: l, fig, filters } = props;
  return (
    <section aria-labelledby={`${props.idPrefix}-h`} class="pledge-figures">
      <h2 id={`${props.idPrefix}-h`}>{props.heading}</h2>
      <p>
        {t('pledges.dashboard.total', { count: fig.total, n: fmt.number(fig.total) })}{' '}
        <a href={paths.list.href(l, {}, filterQuery(filters))}>{t('pledges.dashboard.seeList')}</a>
        {' · '}
        <a href={paths.dashboard.href(l, {}, filterQuery(filters))}>{t('pledges.dashboard.seeDashboard')}</a>
      </p>
      {fig.total
        ? DIMENSIONS.filter((d) => d !== props.leave).map((dim) =>
            dim === 'year' ? (
              <TimeBlock {...props} id={`${props.idPrefix}-year`} level={3} chart={false} />
            ) : dim === 'country' ? (
              <CountryBlock {...props} id={`${props.idPrefix}-country`} level={3} map={false} />
            ) : (
              <DimensionBlock {...props} dim={dim} id={`${props.idPrefix}-${dim}`} level={3} chart={dim === 'objective'} withZeros={false} />
            ),
          )
        : null}
    </section>
  );
}
