/**
 * @module A filter form's select kept as HTML
 * A GET filter form offers the same choices to every reader of a language (two hundred organizations, 33 countries,
 * 23 objectives…); only the chosen one differs. The select is rendered once with nothing chosen and kept as a
 * page-cache fragment, and the chosen option is marked in the string as `SelectField` marks it — the same bytes.
 */
import type { Context } from 'hono';
import type { AppEnv } from '../http/env.js';
import { SelectField, type Option } from './components.js';
import { escapeHtml, renderPublic } from './fragment.js';

export interface SelectSpec {
  name: string;
  label: string;
  options: Option[];
  empty?: string;
}

/**
 * `<SelectField>` of a GET filter form (no errors, no hint) as HTML with `value` chosen. `key` is the fragment's key:
 * the module's name and everything the select depends on (the language, where its choices come from); `null` renders
 * it without keeping it.
 */
export async function keptSelect(c: Context<AppEnv>, key: string | null, field: SelectSpec, value: string | undefined): Promise<string> {
  const render = () => renderPublic(c, <SelectField name={field.name} label={field.label} form={{ values: {}, errors: {} }} options={field.options} empty={field.empty} />);
  return chosenIn(key === null ? await render() : await c.get('deps').cache.fragment(key, render), value);
}

/** A kept select's HTML (rendered with nothing chosen) with `value` chosen, as `SelectField` marks it. */
export function chosenIn(none: string, value: string | undefined): string {
  if (!value) return none;
  const v = escapeHtml(value);
  // SelectField marks every option of that value (and never the empty choice, whose value is "").
  return none.replaceAll(`<option value="${v}">`, `<option value="${v}" selected="">`);
}
