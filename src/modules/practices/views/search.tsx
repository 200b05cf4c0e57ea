/**
 * @module Practices: the public search page (filters with facet counts, results, pages), as a kept template: the page
 * is the same for every reader of a language but for the text searched, each filter's choices with this request's
 * counts, the filters in force, the count, the results and the page links (platform/views/fragment.tsx
 * `keptTemplate`; routes.tsx fills the slots).
 */
import type { HtmlEscapedString } from 'hono/utils/html';
import { useView } from '../../../platform/views/context.js';
import { FilterPanel, type FilterField } from '../../../platform/views/filters.js';
import { Form, Button, EmptyState, ChoiceField, SelectField, TextField, countedOptions, countedChoices, type CountedMarkup, type Option } from '../../../platform/views/components.js';
import { LOCALES, LOCALE_NAMES } from '../../../platform/i18n/locales.js';
import type { Objective, Principle, Country } from '../../../platform/reference/queries.js';
import { REGIONS, RESOURCE_TYPES } from '../model.js';
import { paths } from '../paths.js';

/** Where each request's own HTML goes: the text's value, each filter's choices, the panel's summary and filters in force, the rest. */
export const SEARCH_SLOTS = ['text', 'country', 'region', 'type_of_resource', 'resource_language', 'sort', 'gcm_objectives', 'cross_cutting_theme', 'toggle', 'active', 'count', 'corrected', 'rows', 'pagination'] as const;
export type SearchSlot = (typeof SEARCH_SLOTS)[number];

/** One of a filter's choices in the reader's language, without its count; `key` names its count among its facet's. */
export interface SearchChoice extends Option {
  key: string;
}

/** What the filter form offers in a language (the same for every reader: kept per language, routes.tsx). */
export interface SearchChoices {
  countries: SearchChoice[];
  regions: SearchChoice[];
  types: SearchChoice[];
  langs: SearchChoice[];
  objectives: SearchChoice[];
  principles: SearchChoice[];
  sorts: Option[];
  /** The counted choices' markup (the selects' options, the objectives' and principles' checkboxes), filled per request. */
  counted: Record<'country' | 'region' | 'type' | 'lang' | 'objective' | 'principle', CountedMarkup>;
  /** Every field with its choices, for the filters in force. */
  fields: FilterField[];
}

export function searchChoices(t: (key: string, o?: Record<string, unknown>) => string, objectives: Objective[], principles: Principle[], countries: Country[]): SearchChoices {
  const choices: Omit<SearchChoices, 'fields' | 'sorts' | 'counted'> = {
    countries: countries.map((x) => ({ value: x.alpha2, label: x.name, key: x.alpha2 })),
    regions: REGIONS.map((x) => ({ value: x, label: t(`practices.regions.${x}`), key: x })),
    types: RESOURCE_TYPES.map((x) => ({ value: x, label: t(`practices.types.${x}`), key: x })),
    langs: LOCALES.map((x) => ({ value: x, label: LOCALE_NAMES[x], key: x })),
    objectives: objectives.map((o) => ({ value: String(o.hubId), label: t('reference.objectives.numbered', { n: o.n, title: o.short }), key: String(o.n) })),
    principles: principles.map((p) => ({ value: String(p.hubId), label: p.name, key: p.key })),
  };
  return {
    ...choices,
    counted: {
      country: countedOptions(choices.countries),
      region: countedOptions(choices.regions),
      type: countedOptions(choices.types),
      lang: countedOptions(choices.langs),
      objective: countedChoices({ name: 'gcm_objectives', options: choices.objectives, multiple: true, columns: true }),
      principle: countedChoices({ name: 'cross_cutting_theme', options: choices.principles, multiple: true, columns: true }),
    },
    sorts: [
      { value: '', label: t('practices.search.sortDefault') },
      { value: 'newest', label: t('practices.search.sortNewest') },
      { value: 'oldest', label: t('practices.search.sortOldest') },
    ],
    fields: [
      { name: 'text', label: t('practices.search.text') },
      { name: 'country', label: t('practices.fields.country'), options: choices.countries },
      { name: 'region', label: t('practices.fields.region'), options: choices.regions },
      { name: 'type_of_resource', label: t('practices.fields.type'), options: choices.types },
      { name: 'resource_language', label: t('practices.fields.language'), options: choices.langs },
      { name: 'gcm_objectives', label: t('practices.fields.objectives'), options: choices.objectives },
      { name: 'cross_cutting_theme', label: t('practices.fields.principles'), options: choices.principles },
    ],
  };
}

/**
 * The page with a stand-in in each slot. Kept per language and per what changes its fixed parts: whether the more
 * filters are open (an objective or a principle chosen), whether the words were corrected, whether anything was found.
 */
export function SearchPage({ slot, open, corrected, found }: { slot: Record<SearchSlot, HtmlEscapedString>; open: boolean; corrected: boolean; found: boolean }) {
  const { t, locale } = useView();
  const form = { values: { text: String(slot.text) }, errors: {} };
  const any = t('practices.search.any');
  return (
    <>
      <h1>{t('practices.search.title')}</h1>
      <p class="lead">{t('practices.search.lead')}</p>
      <FilterPanel slots={{ toggle: slot.toggle, active: slot.active }}>
        <Form action={paths.search.href(locale)} method="get" class="filters">
          <TextField name="text" type="search" label={t('practices.search.text')} hint={t('practices.search.textHint')} form={form} />
          <div class="row">
            <SelectField name="country" label={t('practices.fields.country')} form={form} empty={any} options={[]} optionsHtml={String(slot.country)} />
            <SelectField name="region" label={t('practices.fields.region')} form={form} empty={any} options={[]} optionsHtml={String(slot.region)} />
            <SelectField name="type_of_resource" label={t('practices.fields.type')} form={form} empty={any} options={[]} optionsHtml={String(slot.type_of_resource)} />
            <SelectField name="resource_language" label={t('practices.fields.language')} form={form} empty={any} options={[]} optionsHtml={String(slot.resource_language)} />
            <SelectField name="sort" label={t('practices.search.sort')} form={form} options={[]} optionsHtml={String(slot.sort)} />
          </div>
          <details open={open}>
            <summary>{t('practices.search.moreFilters')}</summary>
            <ChoiceField name="gcm_objectives" legend={t('practices.fields.objectives')} form={form} multiple columns options={[]} choicesHtml={String(slot.gcm_objectives)} />
            <ChoiceField name="cross_cutting_theme" legend={t('practices.fields.principles')} form={form} multiple columns options={[]} choicesHtml={String(slot.cross_cutting_theme)} />
          </details>
          <div class="actions">
            <Button>{t('form.search')}</Button>
            <a href={paths.search.href(locale)}>{t('form.clear')}</a>
          </div>
        </Form>
      </FilterPanel>
      <h2 id="results">{slot.count}</h2>
      {corrected ? <p class="muted">{slot.corrected}</p> : null}
      {found ? <div class="grid">{slot.rows}</div> : <EmptyState>{t('practices.search.none')}</EmptyState>}
      {slot.pagination}
      <p class="small muted">{t('practices.search.share')}</p>
    </>
  );
}
