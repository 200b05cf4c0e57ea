/**
 * @module Library views: the library — search with facets (counts over what the reader may see), results, pages — as a
 * kept template filled per request.
 */
import { useView } from '../../../platform/views/context.js';
import { FilterPanel, type FilterField } from '../../../platform/views/filters.js';
import { Form, Button, EmptyState, SelectField, TextField, countedOptions, type CountedMarkup, type FormState, type Option } from '../../../platform/views/components.js';
import { LOCALES, LOCALE_NAMES } from '../../../platform/i18n/locales.js';
import { DOC_KINDS } from '../tables.js';
import type { Facet } from '../search.js';
import type { HtmlEscapedString } from 'hono/utils/html';
import { paths } from '../paths.js';

/** Where each request's own HTML goes: the text's value, each filter's choices, the panel's summary and filters in force, the rest. */
export const LIST_SLOTS = ['q', 'kind', 'body', 'objective', 'country', 'lang', 'year', 'sort', 'toggle', 'active', 'count', 'corrected', 'rows', 'pagination'] as const;
export type ListSlot = (typeof LIST_SLOTS)[number];

/** The facets whose choices are the same in every request but for their counts (the years follow the results). */
export const COUNTED = ['kind', 'body', 'objective', 'country', 'lang'] as const satisfies readonly Facet[];
export type Counted = (typeof COUNTED)[number];

/** What the filter form offers in a language (the same for every reader: kept per language, routes.tsx). */
export interface ListChoices {
  options: Record<Counted, Option[]>;
  /** Their markup with each count's place cut out (`countedOptions`), filled per request. */
  counted: Record<Counted, CountedMarkup>;
  sorts: Option[];
}

export function listChoices(t: (key: string) => string, bodies: Option[], objectives: Option[], countries: Option[]): ListChoices {
  const options: Record<Counted, Option[]> = {
    kind: DOC_KINDS.map((k) => ({ value: k, label: t(`library.kinds.${k}`) })),
    body: bodies,
    objective: objectives,
    country: countries,
    lang: LOCALES.map((x) => ({ value: x, label: LOCALE_NAMES[x] })),
  };
  return {
    options,
    counted: Object.fromEntries(COUNTED.map((f) => [f, countedOptions(options[f])])) as Record<Counted, CountedMarkup>,
    sorts: [
      { value: '', label: t('library.search.sortDefault') },
      { value: 'newest', label: t('library.search.sortNewest') },
      { value: 'oldest', label: t('library.search.sortOldest') },
    ],
  };
}

/** The filters, with their choices without counts (for the filters in force). */
export function listFields(t: (key: string) => string, k: ListChoices, years: Option[]): FilterField[] {
  return [
    { name: 'q', label: t('library.search.text') },
    { name: 'kind', label: t('library.fields.kind'), options: k.options.kind },
    { name: 'body', label: t('library.fields.body'), options: k.options.body },
    { name: 'objective', label: t('library.fields.objective'), options: k.options.objective },
    { name: 'country', label: t('library.fields.country'), options: k.options.country },
    { name: 'lang', label: t('library.fields.language'), options: k.options.lang },
    { name: 'year', label: t('library.fields.year'), options: years },
  ];
}

/**
 * The library's search page with a stand-in in each slot (a kept template: platform/views/fragment.tsx
 * `keptTemplate`; routes.tsx fills the slots). Kept per language and per what changes its fixed parts: whether the
 * reader may add a document, whether the words were corrected, whether anything was found.
 */
export function LibraryPage({ slot, canCreate, corrected, found }: { slot: Record<ListSlot, HtmlEscapedString>; canCreate: boolean; corrected: boolean; found: boolean }) {
  const { t, locale: l } = useView();
  const form: FormState = { values: { q: String(slot.q) }, errors: {} };
  const any = t('library.search.any');
  const select = (name: ListSlot, label: string, empty?: string) => <SelectField name={name} label={label} form={form} empty={empty} options={[]} optionsHtml={String(slot[name])} />;
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
      <FilterPanel slots={{ toggle: slot.toggle, active: slot.active }}>
        <Form action={paths.list.href(l)} method="get" class="filters">
          <TextField name="q" type="search" label={t('library.search.text')} hint={t('library.search.textHint')} form={form} />
          <div class="row">
            {select('kind', t('library.fields.kind'), any)}
            {select('body', t('library.fields.body'), any)}
            {select('objective', t('library.fields.objective'), any)}
            {select('country', t('library.fields.country'), any)}
            {select('lang', t('library.fields.language'), any)}
            {select('year', t('library.fields.year'), any)}
            {select('sort', t('library.search.sort'))}
          </div>
          <div class="actions">
            <Button>{t('form.search')}</Button>
          </div>
        </Form>
      </FilterPanel>
      <h2 id="results">{slot.count}</h2>
      {corrected ? <p class="muted">{slot.corrected}</p> : null}
      {found ? <div class="grid">{slot.rows}</div> : <EmptyState>{t('library.search.none')}</EmptyState>}
      {slot.pagination}
    </>
  );
}
