/**
 * @module Events views: a filter form's select kept as HTML. The list's filter form offers the same choices to every
 * reader of a language (bodies, 23 objectives, some 250 countries); only the chosen one differs. The select is
 * rendered once with nothing chosen and kept as a page-cache fragment, and the chosen option is marked in the
 * string as the platform's SelectField marks it — the same bytes.
 */
import type { Context } from 'hono';
import type { AppEnv } from '../../../platform/http/env.js';
import { SelectField, type Option } from '../../../platform/views/components.js';
import { renderPublic } from '../../../platform/views/fragment.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const esc = (s: string) => s.replace(/[&<>"']/g, (ch) => ESCAPES[ch]!);

export interface SelectSpec {
  name: string;
  label: string;
  options: Option[];
  empty?: string;
}

/**
 * `<SelectField>` of a GET filter form (no errors, no hint) as HTML with `value` chosen. `key` names the fragment
 * and must tell apart everything the select depends on (the language, where its choices come from).
 */
export async function keptSelect(c: Context<AppEnv>, key: string, field: SelectSpec, value: string | undefined): Promise<string> {
  const none = await c.get('deps').cache.fragment(`events.select:${key}`, () =>
    renderPublic(c, <SelectField name={field.name} label={field.label} form={{ values: {}, errors: {} }} options={field.options} empty={field.empty} />),
  );
  if (!value) return none;
  const v = esc(value);
  // SelectField marks every option of that value (and never the empty choice, whose value is "").
  return none.replaceAll(`<option value="${v}">`, `<option value="${v}" selected="">`);
}
