/**
 * @module A filter form's select kept as HTML
 * A GET filter form offers the same choices to every reader of a language (two hundred organizations, 33 countries,
 * 23 objectives…); only the chosen one differs. The select is rendered once with nothing chosen and kept as a
 * page-cache fragment, and the chosen option is marked in the string as `SelectField` marks it — the same bytes.
 */
import type { Context } from 'hono';
import type { AppEnv } from '../http/env.js';
import { SelectField, type Option } from './components.js';
import { escapeHtml, keptBytes, renderPublic } from './fragment.js';

export interface SelectSpec {
  name: string;
  label: string;
  options: Option[];
  empty?: string;
}

/** A select kept with nothing chosen: its HTML (to mark a choice in) and the same as UTF-8 bytes (put in as they are). */
export interface KeptSelect {
  html: string;
  bytes: Buffer;
}

/** `<SelectField>` of a GET filter form (no errors, no hint), nothing chosen, to keep (`keptSelect`, or in a module's own fragment). */
export async function selectToKeep(c: Context<AppEnv>, field: SelectSpec): Promise<KeptSelect> {
  const html = await renderPublic(c, <SelectField name={field.name} label={field.label} form={{ values: {}, errors: {} }} options={field.options} empty={field.empty} />);
  return { html, bytes: Buffer.from(html) };
}

/**
 * `<SelectField>` of a GET filter form (no errors, no hint) as HTML with `value` chosen, for this request's page. `key`
 * is the fragment's key: the module's name and everything the select depends on (the language, where its choices come
 * from); `null` renders it without keeping it.
 */
export async function keptSelect(c: Context<AppEnv>, key: string | null, field: SelectSpec, value: string | undefined): Promise<string> {
  return chosenIn(c, key === null ? await selectToKeep(c, field) : await c.get('deps').cache.fragment(key, () => selectToKeep(c, field)), value);
}

/**
 * A kept select with `value` chosen, as `SelectField` marks it, for this request's page: with nothing chosen (most of a
 * filter form's selects, some of them hundreds of options long), its bytes are copied into the page, not encoded again.
 */
export function chosenIn(c: Context<AppEnv>, kept: KeptSelect, value: string | undefined): string {
  if (!value) return String(keptBytes(c, kept.bytes));
  const v = escapeHtml(value);
  // SelectField marks every option of that value (and never the empty choice, whose value is "").
  return kept.html.replaceAll(`<option value="${v}">`, `<option value="${v}" selected="">`);
}
