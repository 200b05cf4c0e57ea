/**
 * @module Reference options
 * Countries and objectives as the options of a form's checkbox list, grouped (the 33 LAC States by
 * sub-region; objectives by IMRF theme) so long lists are set out in groups (see `ChoiceField`).
 */
import type { T } from '../i18n/i18n.js';
import type { Option } from '../views/components.js';
import type { Country, Objective } from './queries.js';
import { LAC_SUBREGIONS, OBJECTIVE_CLUSTERS, subregionOf, clusterOf } from './data/groups.js';

const SUBREGIONS = Object.keys(LAC_SUBREGIONS) as (keyof typeof LAC_SUBREGIONS)[];
const CLUSTERS = Object.keys(OBJECTIVE_CLUSTERS) as (keyof typeof OBJECTIVE_CLUSTERS)[];

/** The 33 LAC States (in the order given, usually by name), grouped by sub-region. */
export function lacCountryOptions(countries: Country[], t: T): Option[] {
  const lac = countries.filter((c) => c.lac);
  return SUBREGIONS.flatMap((r) =>
    lac.filter((c) => subregionOf(c.alpha2) === r).map((c) => ({ value: c.alpha2, label: c.name, group: t(`reference.subregions.${r}`) })),
  );
}

/** The 23 objectives ("Objective 4: …"), grouped by theme, each theme in the objectives' order. */
export function objectiveOptions(objectives: Pick<Objective, 'n' | 'short'>[], t: T): Option[] {
  return CLUSTERS.flatMap((k) =>
    objectives
      .filter((o) => clusterOf(o.n) === k)
      .map((o) => ({ value: String(o.n), label: t('reference.objectives.numbered', { n: o.n, title: o.short }), group: t(`reference.clusters.${k}`) })),
  );
}
