/**
 * @module Filters on list pages
 * A list's filter form sits in a "Filters" disclosure (details/summary, no JavaScript): closed on phones so the
 * results start on the first screen, always shown on wide screens by the stylesheet (decisions/0008). The filters
 * in force are summarized above the results, with a link that clears them, on every width.
 */
import type { Child } from 'hono/jsx';
import type { Context } from 'hono';
import { raw } from 'hono/html';
import type { AppEnv } from '../http/env.js';
import { useView } from './context.js';
import { escapeHtml as esc } from './fragment.js';
import type { FormState, Option } from './components.js';

/** A filter of the form: its field name, its label, and its choices (to show a choice's label, not its value). */
export interface FilterField {
  name: string;
  label: string;
  options?: Option[];
}

/**
 * The filters in force, as [label, value shown] pairs, in the order given. Empty values are not filters, and
 * neither is a value that is none of a field's choices (the list ignores it too).
 */
export function activeFilters(form: FormState, fields: FilterField[]): [string, string][] {
  const out: [string, string][] = [];
  for (const f of fields) {
    const raw = form.values[f.name];
    const values = (Array.isArray(raw) ? raw : [raw]).filter((v): v is string => typeof v === 'string' && v.trim() !== '');
    if (!values.length) continue;
    const shown = f.options ? values.flatMap((v) => f.options!.find((o) => o.value === v)?.label ?? []) : values.map((v) => v.trim());
    if (!shown.length) continue;
    out.push([f.label, shown.join(', ')]);
  }
  return out;
}

/** The disclosure's summary: "Filters", or "Filters (in use: n)". */
export function filterToggleText(c: Context<AppEnv>, n: number): string {
  return n ? c.get('t')('filters.toggleCount', { n: c.get('fmt').number(n) }) : c.get('t')('filters.toggle');
}

/**
 * The filters in force with the link that clears them, as HTML (nothing when none): what `FilterPanel` shows below its
 * disclosure, and what a kept template of a list page (fragment.tsx `keptTemplate`) fills in for each request.
 */
export function activeFiltersHtml(c: Context<AppEnv>, active: [string, string][], clearHref: string): string {
  if (!active.length) return '';
  const t = c.get('t');
  let out = `<p class="active-filters"><strong>${esc(t('filters.active'))}</strong> `;
  active.forEach(([label, value], i) => (out += `${i ? '; ' : ''}${esc(label)}: <strong>${esc(value)}</strong>`));
  return `${out} · <a href="${esc(clearHref)}">${esc(t('form.clear'))}</a></p>`;
}

/**
 * The filter form in its disclosure, then the summary of the filters in force. `children` is the form (a
 * `Form` with `method="get"`); `clearHref` the list without filters. In a kept template, `slots` stand for the
 * disclosure's summary and the filters in force (`filterToggleText`, `activeFiltersHtml`, filled per request).
 */
export function FilterPanel(props: ({ active: [string, string][]; clearHref: string } | { slots: { toggle: Child; active: Child } }) & { children?: Child }) {
  const { c } = useView();
  const toggle = 'slots' in props ? props.slots.toggle : filterToggleText(c, props.active.length);
  const active = 'slots' in props ? props.slots.active : raw(activeFiltersHtml(c, props.active, props.clearHref));
  return (
    <>
      <details class="filter-panel">
        <summary>{toggle}</summary>
        {props.children}
      </details>
      {active}
    </>
  );
}
