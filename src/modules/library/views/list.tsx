/** @module Library views: the library — search with facets (counts over what the reader may see), results, pages. */
import { useView } from '../../../platform/views/context.js';
import { FilterPanel, activeFilters, type FilterField } from '../../../platform/views/filters.js';
import { Form, Button, EmptyState, Pagination, SelectField, TextField, type FormState, type Option } from '../../../platform/views/components.js';
import { LOCALES, LOCALE_NAMES } from '../../../platform/i18n/locales.js';
import { DOC_KINDS } from '../tables.js';
import type { LibraryResult, Facet } from '../search.js';
import type { Child } from 'hono/jsx';
import { paths } from '../paths.js';

export interface ListPageData {
  r: LibraryResult;
  /** This page's results, each as its card's HTML (`DocumentItem`, kept per document and language: routes.tsx). */
  items: Child[];
  form: FormState;
  params: URLSearchParams;
  bodies: Option[];
  objectives: Option[];
  countries: Option[];
  canCreate: boolean;
}

export function LibraryPage({ r, items, form, params, bodies, objectives, countries, canCreate }: ListPageData) {
  const { t, locale: l } = useView();
  const count = (f: Facet, v: string) => r.facets[f][v] ?? 0;
  const chosen = (name: string) => {
    const v = form.values[name];
    return typeof v === 'string' ? v : '';
  };
  /** A facet's choices with their counts; choices with none are left out, except the one chosen. */
  const withCounts = (f: Facet, name: string, opts: Option[]) =>
    opts.filter((o) => count(f, o.value) > 0 || chosen(name) === o.value).map((o) => ({ value: o.value, label: `${o.label} (${count(f, o.value)})` }));
  const kinds = DOC_KINDS.map((k) => ({ value: k, label: t(`library.kinds.${k}`) }));
  const langs = LOCALES.map((x) => ({ value: x, label: LOCALE_NAMES[x] }));
  const years = Object.keys(r.facets.year)
    .sort()
    .reverse()
    .map((y) => ({ value: y, label: y }));
  if (chosen('year') && !years.some((y) => y.value === chosen('year'))) years.push({ value: chosen('year'), label: chosen('year') });
  const fields: FilterField[] = [
    { name: 'q', label: t('library.search.text') },
    { name: 'kind', label: t('library.fields.kind'), options: kinds },
    { name: 'body', label: t('library.fields.body'), options: bodies },
    { name: 'objective', label: t('library.fields.objective'), options: objectives },
    { name: 'country', label: t('library.fields.country'), options: countries },
    { name: 'lang', label: t('library.fields.language'), options: langs },
    { name: 'year', label: t('library.fields.year'), options: years },
  ];
  const any = t('library.search.any');
  return (
    <>
      <h1>{t('library.title')}</h1>
      <p class="lead">{t('library.lead')}</p>
      <p class="actions">
        {canCreate ? (
          <a class="button" href={paths.create.href(l)}>
            {t('library.create')}
          </a>
        ) : null}
        <a href={paths.feed.href(l)}>{t('library.feed')}</a>
      </p>
      <FilterPanel active={activeFilters(form, fields)} clearHref={paths.list.href(l)}>
        <Form action={paths.list.href(l)} method="get" class="filters">
          <TextField name="q" type="search" label={t('library.search.text')} hint={t('library.search.textHint')} form={form} />
          <div class="row">
            <SelectField name="kind" label={t('library.fields.kind')} form={form} empty={any} options={withCounts('kind', 'kind', kinds)} />
            <SelectField name="body" label={t('library.fields.body')} form={form} empty={any} options={withCounts('body', 'body', bodies)} />
            <SelectField name="objective" label={t('library.fields.objective')} form={form} empty={any} options={withCounts('objective', 'objective', objectives)} />
            <SelectField name="country" label={t('library.fields.country')} form={form} empty={any} options={withCounts('country', 'country', countries)} />
            <SelectField name="lang" label={t('library.fields.language')} form={form} empty={any} options={withCounts('lang', 'lang', langs)} />
            <SelectField name="year" label={t('library.fields.year')} form={form} empty={any} options={withCounts('year', 'year', years)} />
            <SelectField
              name="sort"
              label={t('library.search.sort')}
              form={form}
              options={[
                { value: '', label: t('library.search.sortDefault') },
                { value: 'newest', label: t('library.search.sortNewest') },
                { value: 'oldest', label: t('library.search.sortOldest') },
              ]}
            />
          </div>
          <div class="actions">
            <Button>{t('form.search')}</Button>
          </div>
        </Form>
      </FilterPanel>
      <h2 id="results">{t('library.search.results', { count: r.total })}</h2>
      {r.corrected.length ? <p class="muted">{t('library.search.corrected', { words: r.corrected.join(', ') })}</p> : null}
      {items.length ? (
        <div class="grid">{items}</div>
      ) : (
        <EmptyState>{t('library.search.none')}</EmptyState>
      )}
      <Pagination page={r.page} pages={r.pages} baseUrl={paths.list.href(l)} params={params} />
    </>
  );
}
