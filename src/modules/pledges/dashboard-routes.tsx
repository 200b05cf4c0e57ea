/**
 * @module Pledges: the public dashboard. Filters in the URL (the list's parameters), every count a link to the
 * list filtered the same way; cached for signed-out visitors, keyed by the filter parameters only.
 */
import { Hono } from 'hono';
import type { AppEnv } from '../../platform/http/env.js';
import { pickTranslated } from '../../platform/i18n/translated.js';
import { listCountries } from '../../platform/reference/queries.js';
import { LAC_ALPHA2 } from '../../platform/charts/index.js';
import { listBodies } from '../bodies/index.js';
import { getOrganization } from '../membership/index.js';
import { paths } from './paths.js';
import { FILTER_PARAMS, figureNames, filterQuery, parseFilters, pledgeFigures, type PledgeFilters } from './dashboard.js';
import { DashboardPage } from './views/dashboard.js';

export const dashboardRoutes = new Hono<AppEnv>({ strict: false });

dashboardRoutes.get(paths.dashboard.pattern, async (c) => {
  const t = c.get('t');
  const l = c.get('locale');
  const fmt = c.get('fmt');
  const { db } = c.get('deps');
  const filters: PledgeFilters = await parseFilters(db, (k) => c.req.query(k));
  // One address per set of filters: the filter form's empty fields, values that are no filter and other
  // parameters are dropped, in the list's order — so the URL is short to share and the page cache keeps it.
  const canonical = filterQuery(filters);
  const asked = new URL(c.req.url).searchParams.toString();
  if (asked !== new URLSearchParams(Object.entries(canonical).map(([k, v]): [string, string] => [k, String(v)])).toString()) return c.redirect(paths.dashboard.href(l, {}, canonical), 302);
  const [fig, names, bodies, allCountries, org] = await Promise.all([
    pledgeFigures(db, filters),
    figureNames(db, l),
    listBodies(db),
    listCountries(db, l),
    filters.orgId ? getOrganization(db, filters.orgId) : Promise.resolve(undefined),
  ]);
  const lac = new Set<string>(LAC_ALPHA2);
  const bodyOptions = bodies.map((b) => ({ value: b.slug, label: pickTranslated(b.name, l)?.text ?? b.slug }));
  const objectiveOptions = names.objectives.map((o) => ({ value: String(o.n), label: t('pledges.dashboard.objectiveLabel', { n: o.n, title: o.short }) }));
  const principleOptions = names.principles.map((p, i) => ({ value: String(i + 1), label: p.name }));
  const countryOptions = allCountries.filter((x) => lac.has(x.alpha2) || fig.country[x.alpha2] || x.alpha2 === filters.country).map((x) => ({ value: x.alpha2, label: x.name }));
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
      options={{ objectives: objectiveOptions, principles: principleOptions, countries: countryOptions, bodies: bodyOptions, years: yearOptions }}
    />,
    { title: t('pledges.dashboard.title'), description: t('pledges.dashboard.lead') },
  );
});
