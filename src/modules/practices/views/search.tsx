/** @module Practices: the public search page (filters with facet counts, results, pages). */
import { useView } from '../../../platform/views/context.js';
import { FilterPanel, activeFilters, type FilterField } from '../../../platform/views/filters.js';
import { Form, Button, EmptyState, Pagination, ChoiceField, SelectField, TextField, type FormState } from '../../../platform/views/components.js';
import { LOCALES, LOCALE_NAMES } from '../../../platform/i18n/locales.js';
import type { Objective, Principle, Country } from '../../../platform/reference/queries.js';
import { REGIONS, RESOURCE_TYPES } from '../model.js';
import type { SearchOutcome, SearchQuery } from '../search.js';
import { FACETS } from '../search.js';
import type { Child } from 'hono/jsx';
import { paths } from '../paths.js';

export interface SearchPageData {
  q: SearchQuery;
  r: SearchOutcome;
  /** This page's results, each as its card's HTML (`PracticeItem`, kept per practice and language: routes.tsx). */
  items: Child[];
  objectives: Objective[];
  principles: Principle[];
  countries: Country[];
  form: FormState;
  /** The query in the Hub's parameters, kept by the pagination links. */
  params: URLSearchParams;
}

export function SearchPage({ q, r, items, objectives, principles, countries, form, params }: SearchPageData) {
  const { t, locale } = useView();
  const count = (f: (typeof FACETS)[number], v: string) => r.facets[f][v] ?? 0;
  const withCount = (label: string, n: number) => `${label} (${n})`;
  const countryOpts = countries.filter((x) => count('country', x.alpha2) > 0 || q.country?.includes(x.alpha2));
  const filterFields: FilterField[] = [
    { name: 'text', label: t('practices.search.text') },
    { name: 'country', label: t('practices.fields.country'), options: countries.map((x) => ({ value: x.alpha2, label: x.name })) },
    { name: 'region', label: t('practices.fields.region'), options: REGIONS.map((x) => ({ value: x, label: t(`practices.regions.${x}`) })) },
    { name: 'type_of_resource', label: t('practices.fields.type'), options: RESOURCE_TYPES.map((x) => ({ value: x, label: t(`practices.types.${x}`) })) },
    { name: 'resource_language', label: t('practices.fields.language'), options: LOCALES.map((x) => ({ value: x, label: LOCALE_NAMES[x] })) },
    { name: 'gcm_objectives', label: t('practices.fields.objectives'), options: objectives.map((o) => ({ value: String(o.hubId), label: t('reference.objectives.numbered', { n: o.n, title: o.short }) })) },
    { name: 'cross_cutting_theme', label: t('practices.fields.principles'), options: principles.map((p) => ({ value: String(p.hubId), label: p.name })) },
  ];
  return (
    <>
      <h1>{t('practices.search.title')}</h1>
      <p class="lead">{t('practices.search.lead')}</p>
      <FilterPanel active={activeFilters(form, filterFields)} clearHref={paths.search.href(locale)}>
        <Form action={paths.search.href(locale)} method="get" class="filters">
          <TextField name="text" type="search" label={t('practices.search.text')} hint={t('practices.search.textHint')} form={form} />
          <div class="row">
            <SelectField
              name="country"
              label={t('practices.fields.country')}
              form={form}
              empty={t('practices.search.any')}
              options={countryOpts.map((x) => ({ value: x.alpha2, label: withCount(x.name, count('country', x.alpha2)) }))}
            />
            <SelectField name="region" label={t('practices.fields.region')} form={form} empty={t('practices.search.any')} options={REGIONS.map((x) => ({ value: x, label: withCount(t(`practices.regions.${x}`), count('region', x)) }))} />
            <SelectField name="type_of_resource" label={t('practices.fields.type')} form={form} empty={t('practices.search.any')} options={RESOURCE_TYPES.map((x) => ({ value: x, label: withCount(t(`practices.types.${x}`), count('type', x)) }))} />
            <SelectField name="resource_language" label={t('practices.fields.language')} form={form} empty={t('practices.search.any')} options={LOCALES.map((x) => ({ value: x, label: withCount(LOCALE_NAMES[x], count('lang', x)) }))} />
            <SelectField
              name="sort"
              label={t('practices.search.sort')}
              form={form}
              options={[
                { value: '', label: t('practices.search.sortDefault') },
                { value: 'newest', label: t('practices.search.sortNewest') },
                { value: 'oldest', label: t('practices.search.sortOldest') },
              ]}
            />
          </div>
          <details open={!!(q.objective?.length || q.principle?.length)}>
            <summary>{t('practices.search.moreFilters')}</summary>
            <ChoiceField
              name="gcm_objectives"
              legend={t('practices.fields.objectives')}
              form={form}
              multiple
              columns
              options={objectives.map((o) => ({ value: String(o.hubId), label: withCount(t('reference.objectives.numbered', { n: o.n, title: o.short }), count('objective', String(o.n))) }))}
            />
            <ChoiceField
              name="cross_cutting_theme"
              legend={t('practices.fields.principles')}
              form={form}
              multiple
              columns
              options={principles.map((p) => ({ value: String(p.hubId), label: withCount(p.name, count('principle', p.key)) }))}
            />
          </details>
          <div class="actions">
            <Button>{t('form.search')}</Button>
            <a href={paths.search.href(locale)}>{t('form.clear')}</a>
          </div>
        </Form>
      </FilterPanel>
      <h2 id="results">{t('practices.search.results', { count: r.total })}</h2>
      {r.corrected.length ? <p class="muted">{t('practices.search.corrected', { words: r.corrected.join(', ') })}</p> : null}
      {items.length ? (
        <div class="grid">{items}</div>
      ) : (
        <EmptyState>{t('practices.search.none')}</EmptyState>
      )}
      <Pagination page={r.page} pages={r.pages} baseUrl={paths.search.href(locale)} params={params} />
      <p class="small muted">{t('practices.search.share')}</p>
    </>
  );
}
