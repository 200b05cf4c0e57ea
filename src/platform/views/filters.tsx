/**
 * @module Filters on list pages
 * A list's filter form sits in a "Filters" disclosure (details/summary, no JavaScript): closed on phones so the
 * results start on the first screen, always shown on wide screens by the stylesheet (decisions/0008). The filters
 * in force are summarized above the results, with a link that clears them, on every width.
 */
import type { Child } from 'hono/jsx';
import { useView } from './context.js';
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

/**
 * The filter form in its disclosure, then the summary of the filters in force. `children` is the form (a
 * `Form` with `method="get"`); `clearHref` the list without filters.
 */
export function FilterPanel(props: { active: [string, string][]; clearHref: string; children?: Child }) {
  const { t, fmt } = useView();
  const n = props.active.length;
  return (
    <>
      <details class="filter-panel">
        <summary>{n ? t('filters.toggleCount', { n: fmt.number(n) }) : t('filters.toggle')}</summary>
        {props.children}
      </details>
      {n ? (
        <p class="active-filters">
          <strong>{t('filters.active')}</strong>{' '}
          {props.active.map(([label, value], i) => (
            <>
              {i ? '; ' : ''}
              {label}: <strong>{value}</strong>
            </>
          ))}
          {' · '}
          <a href={props.clearHref}>{t('form.clear')}</a>
        </p>
      ) : null}
    </>
  );
}
