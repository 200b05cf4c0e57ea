/** @module Membership views: the coverage page (where members are, of which kinds, on which objectives, over time). */
import { raw } from 'hono/html';
import { Table, EmptyState } from '../../../platform/views/components.js';
import { useView } from '../../../platform/views/context.js';
import { renderBarChart, renderColumnChart } from '../../../platform/charts/index.js';
import { ORG_TYPES } from '../schemas.js';
import { paths } from '../paths.js';
import type { CoverageBy } from '../queries.js';

export interface CoverageData {
  /** Where an organization counts: every country where it works, or only its country of registration. */
  by: CoverageBy;
  stats: { byType: Record<string, number>; applied: Record<string, number>; admitted: Record<string, number> };
  names: Map<string, string>;
  totalMembers: number;
  lacRows: string[];
  lacValues: Record<string, number>;
  /** Member organizations counted outside the region (each once). */
  outside: number;
  typeRows: { label: string; value: number; href: string }[];
  objRows: { label: string; value: number; href: string }[];
  few: number;
  countryTargets: string[];
  typeTargets: (typeof ORG_TYPES)[number][];
  months: string[];
}

export function CoveragePage(props: CoverageData) {
  const { t, fmt, locale: l } = useView();
  const { by, stats, names, totalMembers, lacRows, lacValues, outside, typeRows, objRows, few, countryTargets, typeTargets, months } = props;
  const views: CoverageBy[] = ['works', 'registration'];
  return (
    <>
      <h1>{t('membership.coverage.title')}</h1>
      <p class="lead">{t('membership.coverage.lead', { n: fmt.number(totalMembers) })}</p>
      <section aria-labelledby="cov-map">
        <h2 id="cov-map">{t('membership.coverage.byCountry')}</h2>
        <p class="segmented" role="group" aria-labelledby="cov-view">
          <span id="cov-view">{t('membership.coverage.view')}</span>{' '}
          {views.map((v) => (
            <a href={paths.coverage.href(l, {}, v === 'works' ? {} : { by: v })} aria-current={v === by ? 'true' : undefined}>
              {t(`membership.coverage.by.${v}.label`)}
            </a>
          ))}
        </p>
        <p>{t(`membership.coverage.by.${by}.note`, { n: fmt.number(totalMembers) })}</p>
        <figure class="chart">
          <img src={paths.coverageMap.href(l, {}, by === 'works' ? {} : { by })} alt={t('membership.coverage.mapDesc')} width={600} />
          <figcaption>{t('membership.coverage.mapCaption')}</figcaption>
        </figure>
        <Table
          caption={t(`membership.coverage.by.${by}.table`)}
          head={[t(`membership.coverage.by.${by}.column`), { label: t('membership.coverage.members'), num: true }]}
          numeric={[1]}
          rows={[
            ...lacRows.map((a) => [<a href={paths.members.href(l, {}, { country: a })}>{names.get(a) ?? a}</a>, fmt.number(lacValues[a] ?? 0)]),
            ...(outside ? [[t(`membership.coverage.by.${by}.outside`), fmt.number(outside)]] : []),
          ]}
        />
      </section>
      <section aria-labelledby="cov-targets">
        <h2 id="cov-targets">{t('membership.coverage.targets')}</h2>
        <p>{t('membership.coverage.targetsLead', { count: few })}</p>
        <h3>{t('membership.coverage.targetCountries')}</h3>
        {countryTargets.length ? (
          <ul class="small">
            {countryTargets.map((a) => (
              <li>
                {names.get(a) ?? a}: {fmt.number(lacValues[a] ?? 0)}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('membership.coverage.noTargets')}</p>
        )}
        <h3>{t('membership.coverage.targetTypes')}</h3>
        {typeTargets.length ? (
          <ul class="small">
            {typeTargets.map((ty) => (
              <li>
                {t(`membership.types.${ty}`)}: {fmt.number(stats.byType[ty] ?? 0)}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('membership.coverage.noTargets')}</p>
        )}
        <p>
          <a href={paths.join.href(l)}>{t('membership.directory.join')}</a>
        </p>
      </section>
      <section aria-labelledby="cov-type">
        <h2 id="cov-type">{t('membership.coverage.byType')}</h2>
        <figure class="chart">
          {raw(renderBarChart({ title: t('membership.coverage.byType'), desc: t('membership.coverage.chartDesc'), rows: typeRows, formatNumber: fmt.number, idPrefix: 'by-type' }))}
        </figure>
        <Table
          caption={t('membership.coverage.byType')}
          captionHidden
          head={[t('membership.fields.type'), { label: t('membership.coverage.members'), num: true }]}
          numeric={[1]}
          rows={typeRows.map((r) => [r.label, fmt.number(r.value)])}
        />
      </section>
      <section aria-labelledby="cov-obj">
        <h2 id="cov-obj">{t('membership.coverage.byObjective')}</h2>
        <figure class="chart">
          {raw(renderBarChart({ title: t('membership.coverage.byObjective'), desc: t('membership.coverage.chartDesc'), rows: objRows, formatNumber: fmt.number, idPrefix: 'by-objective' }))}
        </figure>
        <Table
          caption={t('membership.coverage.byObjective')}
          captionHidden
          head={[t('membership.fields.objective'), { label: t('membership.coverage.members'), num: true }]}
          numeric={[1]}
          rows={objRows.map((r) => [r.label, fmt.number(r.value)])}
        />
      </section>
      <section aria-labelledby="cov-time">
        <h2 id="cov-time">{t('membership.coverage.overTime')}</h2>
        {months.length ? (
          <>
            <figure class="chart">
              {raw(
                renderColumnChart({
                  title: t('membership.coverage.overTime'),
                  desc: t('membership.coverage.chartDesc'),
                  categories: months.map((m) => fmt.month(`${m}-01T00:00:00Z`)),
                  series: [
                    { name: t('membership.coverage.applications'), values: months.map((m) => stats.applied[m] ?? 0) },
                    { name: t('membership.coverage.admissions'), values: months.map((m) => stats.admitted[m] ?? 0) },
                  ],
                  formatNumber: fmt.number,
                  idPrefix: 'over-time',
                }),
              )}
            </figure>
            <Table
              caption={t('membership.coverage.overTime')}
              captionHidden
              head={[t('membership.coverage.month'), { label: t('membership.coverage.applications'), num: true }, { label: t('membership.coverage.admissions'), num: true }]}
              numeric={[1, 2]}
              rows={months.map((m) => [fmt.month(`${m}-01T00:00:00Z`), fmt.number(stats.applied[m] ?? 0), fmt.number(stats.admitted[m] ?? 0)])}
            />
          </>
        ) : (
          <EmptyState>{t('membership.coverage.noHistory')}</EmptyState>
        )}
      </section>
    </>
  );
}
