/**
 * @module Pledges: the public dashboard. Filters in the URL (the list's parameters), every count a link to the
 * list filtered the same way; cached for signed-out visitors, keyed by the filter parameters only.
 */
import { Hono } from 'hono';
import type { AppEnv } from '../../platform/http/env.js';
import { pickTranslated } from '../../platform/i18n/translated.js';
import { listCountries } from '../../platform/reference/queries.js';
import { isLacState } from '../../platform/charts/index.js';
import { listBodies } from '../bodies/index.js';
import { paths } from './paths.js';
import { FILTER_PARAMS, figureNames, filterQuery, parseFilters, pledgeFigures, type PledgeFilters } from './dashboard.js';
import { DashboardPage } from './views/dashboard.js';
import { keptSlugLookup } from './filters.js';
import { keptSelect } from '../../platform/views/kept-select.js';
import { writtenBytes } from '../../platform/views/fragment.js';
import { pledgeForms, pledgeKinds, pledgeStatuses } from './tables.js';

export const dashboardRoutes = new Hono<AppEnv>({ strict: false });

dashboardRoutes.get(paths.dashboard.pattern, async (c) => {
  const t = c.get('t');
  const l = c.get('locale');
  const fmt = c.get('fmt');
  const { db } = c.get('deps');
  const lookup = await keptSlugLookup(c);
  const filters: PledgeFilters = await parseFilters(db, (k) => c.req.query(k), lookup);
  // One address per set of filters: the filter form's empty fields, values that are no filter and other
  // parameters are dropped, in the list's order — so the URL is short to share and the page cache keeps it.
  const canonical = filterQuery(filters);
  const asked = new URL(c.req.url).searchParams.toString();
  if (asked !== new URLSearchParams(Object.entries(canonical).map(([k, v]): [string, string] => [k, String(v)])).toString()) return c.redirect(paths.dashboard.href(l, {}, canonical), 302);
  const { cache } = c.get('deps');
  // What the filter form offers is the same for every reader of a language (but the countries and years, which
  // follow the figures): a page-cache fragment, emptied by every write.
  const [fig, choices, org] = await Promise.all([
    pledgeFigures(db, filters),
    cache.fragment(`pledges.dashboard.choices:${l}`, async () => {
      const [names, bodies, allCountries] = await Promise.all([figureNames(db, l), listBodies(db), listCountries(db, l)]);
      const objectiveOptions = names.objectives.map((o) => ({ value: String(o.n), label: t('pledges.dashboard.objectiveLabel', { n: o.n, title: o.short }) }));
      // The countries offered: Latin America and the Caribbean's, and others when they have pledges (or are the
      // filter), in the reference list's order (each country's place in it kept: a page looks up a few, not ~250).
      const countryAt = new Map(allCountries.map((x, i) => [x.alpha2, { i, option: { value: x.alpha2, label: x.name } }]));
      return {
        // The objectives' labels are the figures' row labels as well.
        names: { ...names, objectiveLabels: objectiveOptions.map((o) => o.label) },
        countryAt,
        lacCountries: [...countryAt.values()].filter((x) => isLacState(x.option.value)),
        bodyOptions: bodies.map((b) => ({ value: b.slug, label: pickTranslated(b.name, l)?.text ?? b.slug })),
        objectiveOptions,
        principleOptions: names.principles.map((p, i) => ({ value: String(i + 1), label: p.name })),
      };
    }),
    filters.org ? lookup.org(filters.org) : Promise.resolve(undefined),
  ]);
  const { names, countryAt, lacCountries, bodyOptions, objectiveOptions, principleOptions } = choices;
  const others = new Set(Object.keys(fig.country).filter((a) => fig.country[a] && !isLacState(a)));
  if (filters.country && !isLacState(filters.country)) others.add(filters.country);
  const countryOptions = (others.size ? [...lacCountries, ...[...others].flatMap((a) => countryAt.get(a) ?? [])].sort((a, b) => a.i - b.i) : lacCountries).map((x) => x.option);
  const years = [...new Set([...Object.keys(fig.year), ...(filters.year ? [String(filters.year)] : [])])].sort().reverse();
  const yearOptions = years.map((y) => ({ value: y, label: y }));
  const labelOf = (opts: { value: string; label: string }[], v: unknown) => opts.find((o) => o.value === String(v))?.label ?? String(v);
  const active: [string, string][] = [];
  for (const k of FILTER_PARAMS) {
    const v = filters[k];
    if (v === undefined) continue;
    const label = t(`pledges.dashboard.column.${k}`);
    const shown =
      k === 'objective' ? labelOf(objectiveOptions, v)
      : k === 'principle' ? labelOf(principleOptions, v)
      : k === 'kind' ? t(`pledges.kinds.${v}`)
      : k === 'form' ? t(`pledges.forms.${v}`)
      : k === 'status' ? t(`pledges.statuses.${v}`)
      : k === 'country' ? (names.countries.get(String(v)) ?? String(v))
      : k === 'body' ? labelOf(bodyOptions, v)
      : k === 'org' ? (org?.name ?? t('pledges.dashboard.unknownOrg'))
      : String(v);
    active.push([label, shown]);
  }
  // The filter form's selects as HTML, kept per language (the countries and years by the choices they offer), the
  // chosen options marked per request (platform/views/kept-select.tsx).
  const any = t('pledges.dashboard.any');
  const label = (k: string) => t(`pledges.dashboard.column.${k}`);
  const fields = [
    { name: 'objective', options: objectiveOptions, key: '' },
    { name: 'principle', options: principleOptions, key: '' },
    { name: 'kind', options: pledgeKinds.map((k) => ({ value: k, label: t(`pledges.kinds.${k}`) })), key: '' },
    { name: 'form', options: pledgeForms.map((k) => ({ value: k, label: t(`pledges.forms.${k}`) })), key: '' },
    { name: 'status', options: pledgeStatuses.map((k) => ({ value: k, label: t(`pledges.statuses.${k}`) })), key: '' },
    { name: 'country', options: countryOptions, key: countryOptions.filter((o) => !isLacState(o.value)).map((o) => o.value).join(',') },
    { name: 'body', options: bodyOptions, key: '' },
    { name: 'year', options: yearOptions, key: years.join(',') },
  ];
  const chosen = (k: string) => (canonical as Record<string, unknown>)[k];
  const selects = (
    await Promise.all(fields.map((f) => keptSelect(c, `pledges.select:dashboard:${l}:${f.name}:${f.key}`, { name: f.name, label: label(f.name), options: f.options, empty: any }, chosen(f.name) === undefined ? undefined : String(chosen(f.name)))))
  ).join('');
  c.set('cacheable', true);
  c.set('cacheParams', FILTER_PARAMS);
  return c.render(
    <DashboardPage
      fig={fig}
      filters={filters}
      names={names}
      t={t}
      fmt={fmt}
      locale={l}
      active={active}
      selects={selects}
      part={(h) => writtenBytes(c, h)}
    />,
    { title: t('pledges.dashboard.title'), description: t('pledges.dashboard.lead') },
  );
});
