/**
 * @module Design system components
 * The one way to render a form, an error, a table, a list's pages, an empty state and people's text in
 * several languages. Forms follow the GOV.UK Design System: label, hint, error message, then the input;
 * an error summary at the top links to each field.
 */
import type { Child } from 'hono/jsx';
import { raw } from 'hono/html';
import { useView } from './context.js';
import { pickTranslated, type Translated } from '../i18n/translated.js';
import { LOCALE_NAMES } from '../i18n/locales.js';

export type FieldErrors = Record<string, string>;
export type FormValues = Record<string, string | string[] | undefined>;

/** What a form page receives back after a failed post: what was typed, and what is wrong. */
export interface FormState {
  values: FormValues;
  errors: FieldErrors;
}
export const emptyForm = (values: FormValues = {}): FormState => ({ values, errors: {} });

export function Flash(props: { type: 'success' | 'error' | 'info' | 'warning'; message: string }) {
  return (
    <div class={`notice ${props.type}`} role={props.type === 'error' ? 'alert' : 'status'}>
      <p>{props.message}</p>
    </div>
  );
}

export function Notice(props: { type?: 'success' | 'error' | 'info' | 'warning'; children?: Child }) {
  return <div class={`notice ${props.type ?? 'info'}`}>{props.children}</div>;
}

/** A POST form with the CSRF token; `method="get"` forms (filters) carry none. */
export function Form(props: { action: string; method?: 'post' | 'get'; children?: Child; enctype?: string; class?: string; id?: string }) {
  const { csrf } = useView();
  const method = props.method ?? 'post';
  return (
    <form action={props.action} method={method} enctype={props.enctype as any} class={props.class} id={props.id} novalidate>
      {method === 'post' ? <input type="hidden" name="_csrf" value={csrf} /> : null}
      {props.children}
    </form>
  );
}

export function ErrorSummary(props: { errors: FieldErrors }) {
  const { t } = useView();
  const entries = Object.entries(props.errors);
  if (!entries.length) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex={-1}>
      <h2 id="error-summary-title">{t('form.errorSummary')}</h2>
      <ul>
        {entries.map(([field, msg]) => (
          <li>
            <a href={`#${fieldId(field)}`}>{msg}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export const fieldId = (name: string) => `f-${name.replace(/[^a-zA-Z0-9_-]/g, '-')}`;

function describedBy(name: string, hint?: string, error?: string) {
  const ids = [hint ? `${fieldId(name)}-hint` : '', error ? `${fieldId(name)}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function FieldShell(props: { name: string; label: string; hint?: string; error?: string; children?: Child; labelFor?: boolean }) {
  const { t } = useView();
  const id = fieldId(props.name);
  return (
    <div class={`field${props.error ? ' has-error' : ''}`}>
      <label for={id}>{props.label}</label>
      {props.hint ? (
        <span class="hint" id={`${id}-hint`}>
          {props.hint}
        </span>
      ) : null}
      {props.error ? (
        <span class="error-message" id={`${id}-error`}>
          <span class="visually-hidden">{t('form.errorPrefix')}</span> {props.error}
        </span>
      ) : null}
      {props.children}
    </div>
  );
}

const str = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] ?? '' : v ?? '');
const arr = (v: string | string[] | undefined) => (Array.isArray(v) ? v : v ? [v] : []);

export function TextField(props: {
  name: string;
  label: string;
  form: FormState;
  hint?: string;
  type?: 'text' | 'email' | 'password' | 'url' | 'number' | 'date' | 'search';
  autocomplete?: string;
  required?: boolean;
  maxlength?: number;
  inputmode?: string;
  spellcheck?: boolean;
}) {
  const error = props.form.errors[props.name];
  const id = fieldId(props.name);
  return (
    <FieldShell name={props.name} label={props.label} hint={props.hint} error={error}>
      <input
        id={id}
        name={props.name}
        type={props.type ?? 'text'}
        value={props.type === 'password' ? undefined : str(props.form.values[props.name])}
        autocomplete={props.autocomplete}
        required={props.required}
        maxlength={props.maxlength}
        inputmode={props.inputmode as any}
        spellcheck={props.spellcheck}
        aria-describedby={describedBy(props.name, props.hint, error)}
        aria-invalid={error ? 'true' : undefined}
      />
    </FieldShell>
  );
}

export function TextArea(props: { name: string; label: string; form: FormState; hint?: string; rows?: number; maxlength?: number; required?: boolean; lang?: string }) {
  const error = props.form.errors[props.name];
  return (
    <FieldShell name={props.name} label={props.label} hint={props.hint} error={error}>
      <textarea
        id={fieldId(props.name)}
        name={props.name}
        rows={props.rows ?? 5}
        maxlength={props.maxlength}
        required={props.required}
        lang={props.lang}
        aria-describedby={describedBy(props.name, props.hint, error)}
        aria-invalid={error ? 'true' : undefined}
      >
        {str(props.form.values[props.name])}
      </textarea>
    </FieldShell>
  );
}

export interface Option {
  value: string;
  label: string;
  group?: string;
}

/** Text for HTML, escaped exactly as hono/jsx escapes it. */
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const esc = (s: string) => s.replace(/[&<>"']/g, (ch) => ESCAPES[ch]!);

/*
 * Long option lists (some 250 countries, 23 objectives) are written as one string: hono/jsx spent most of a
 * form page's time on them, element by element (decisions/0006). The markup is the same as the JSX gave.
 */
const optionsHtml = (options: Option[], value: string) =>
  options.map((o) => `<option value="${esc(o.value)}"${o.value === value ? ' selected=""' : ''}>${esc(o.label)}</option>`).join('');

export function SelectField(props: { name: string; label: string; form: FormState; options: Option[]; hint?: string; empty?: string; required?: boolean }) {
  const error = props.form.errors[props.name];
  const value = str(props.form.values[props.name]);
  const groups = [...new Set(props.options.map((o) => o.group ?? ''))];
  const body =
    groups.length > 1
      ? groups.map((g) => `<optgroup label="${esc(g)}">${optionsHtml(props.options.filter((o) => (o.group ?? '') === g), value)}</optgroup>`).join('')
      : optionsHtml(props.options, value);
  return (
    <FieldShell name={props.name} label={props.label} hint={props.hint} error={error}>
      <select id={fieldId(props.name)} name={props.name} required={props.required} aria-describedby={describedBy(props.name, props.hint, error)} aria-invalid={error ? 'true' : undefined}>
        {props.empty !== undefined ? <option value="">{props.empty}</option> : null}
        {raw(body)}
      </select>
    </FieldShell>
  );
}

/** A group of checkboxes (multiple) or radios (single), in a fieldset with a legend. */
export function ChoiceField(props: { name: string; legend: string; form: FormState; options: Option[]; hint?: string; multiple?: boolean; columns?: boolean }) {
  const { t } = useView();
  const error = props.form.errors[props.name];
  const chosen = new Set(arr(props.form.values[props.name]));
  const id = fieldId(props.name);
  const type = props.multiple ? 'checkbox' : 'radio';
  const name = esc(props.name);
  const choices = props.options
    .map(
      (o, i) =>
        `<div class="choice"><input type="${type}" id="${esc(id)}-${i}" name="${name}" value="${esc(o.value)}"${chosen.has(o.value) ? ' checked=""' : ''}/><label for="${esc(id)}-${i}">${esc(o.label)}</label></div>`,
    )
    .join('');
  return (
    <div class={`field${error ? ' has-error' : ''}`} id={id} tabindex={-1}>
      <fieldset aria-describedby={describedBy(props.name, props.hint, error)}>
        <legend>{props.legend}</legend>
        {props.hint ? (
          <span class="hint" id={`${id}-hint`}>
            {props.hint}
          </span>
        ) : null}
        {error ? (
          <span class="error-message" id={`${id}-error`}>
            <span class="visually-hidden">{t('form.errorPrefix')}</span> {error}
          </span>
        ) : null}
        <div class={`choices${props.columns ? ' columns' : ''}`}>{raw(choices)}</div>
      </fieldset>
    </div>
  );
}

export function Checkbox(props: { name: string; label: string; form: FormState; hint?: string; value?: string }) {
  const { t } = useView();
  const error = props.form.errors[props.name];
  const id = fieldId(props.name);
  const checked = arr(props.form.values[props.name]).includes(props.value ?? 'on');
  return (
    <div class={`field${error ? ' has-error' : ''}`}>
      {error ? (
        <span class="error-message" id={`${id}-error`}>
          <span class="visually-hidden">{t('form.errorPrefix')}</span> {error}
        </span>
      ) : null}
      <div class="choice">
        <input type="checkbox" id={id} name={props.name} value={props.value ?? 'on'} checked={checked} aria-describedby={describedBy(props.name, props.hint, error)} />
        <label for={id}>{props.label}</label>
      </div>
      {props.hint ? (
        <span class="hint" id={`${id}-hint`}>
          {props.hint}
        </span>
      ) : null}
    </div>
  );
}

export function Button(props: { children?: Child; variant?: 'secondary' | 'danger'; name?: string; value?: string }) {
  return (
    <button type="submit" class={`button${props.variant ? ` ${props.variant}` : ''}`} name={props.name} value={props.value}>
      {props.children}
    </button>
  );
}

export function EmptyState(props: { children?: Child }) {
  return <div class="empty">{props.children}</div>;
}

/** People's text in the current language, or an honest fallback with a "not yet translated" line. */
export function TText(props: { value: string | Translated | null | undefined; as?: 'p' | 'span' | 'div' }) {
  const { locale, t } = useView();
  const picked = pickTranslated(props.value, locale);
  if (!picked) return null;
  const Tag = (props.as ?? 'span') as any;
  const paragraphs = props.as === 'div' ? picked.text.split(/\n{2,}/) : null;
  return (
    <>
      {picked.fallback ? <span class="untranslated">{t('content.notTranslated', { language: t(`languageNames.${picked.lang}`) })}</span> : null}
      {paragraphs ? (
        <div lang={picked.lang}>
          {paragraphs.map((p) => (
            <p>{p}</p>
          ))}
        </div>
      ) : (
        <Tag lang={picked.fallback ? picked.lang : undefined}>{picked.text}</Tag>
      )}
    </>
  );
}

/** Page links for a list: keeps the other query parameters. */
export function Pagination(props: { page: number; pages: number; baseUrl: string; params?: URLSearchParams }) {
  const { t } = useView();
  if (props.pages <= 1) return null;
  const link = (p: number) => {
    const q = new URLSearchParams(props.params);
    if (p > 1) q.set('page', String(p));
    else q.delete('page');
    const s = q.toString();
    return s ? `${props.baseUrl}?${s}` : props.baseUrl;
  };
  const shown = [...new Set([1, props.page - 1, props.page, props.page + 1, props.pages])].filter((p) => p >= 1 && p <= props.pages).sort((a, b) => a - b);
  return (
    <nav aria-label={t('pagination.label')}>
      <ul class="pagination">
        {props.page > 1 ? (
          <li>
            <a href={link(props.page - 1)} rel="prev">
              {t('pagination.previous')}
            </a>
          </li>
        ) : null}
        {shown.map((p) => (
          <li>
            {p === props.page ? (
              <span aria-current="page">{p}</span>
            ) : (
              <a href={link(p)} aria-label={t('pagination.page', { page: p })}>
                {p}
              </a>
            )}
          </li>
        ))}
        {props.page < props.pages ? (
          <li>
            <a href={link(props.page + 1)} rel="next">
              {t('pagination.next')}
            </a>
          </li>
        ) : null}
      </ul>
      <p class="muted small">{t('pagination.summary', { page: props.page, pages: props.pages })}</p>
    </nav>
  );
}

/**
 * A responsive table with a caption; rows are already-rendered cells. On a phone a wide table scrolls
 * sideways inside its wrapper, which is therefore a named, focusable group (keyboard users can scroll it; a
 * group, not a region, so it adds no landmark beside its section).
 */
export function Table(props: { caption: string; head: (string | { label: string; num?: boolean })[]; rows: Child[][]; numeric?: number[]; captionHidden?: boolean }) {
  return (
    <div class="table-wrap" role="group" aria-label={props.caption} tabindex={0}>
      <table>
        <caption class={props.captionHidden ? 'visually-hidden' : undefined}>{props.caption}</caption>
        <thead>
          <tr>
            {props.head.map((h, i) => {
              const label = typeof h === 'string' ? h : h.label;
              const num = (typeof h !== 'string' && h.num) || props.numeric?.includes(i);
              return (
                <th scope="col" class={num ? 'num' : undefined}>
                  {label}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r) => (
            <tr>
              {r.map((cell, i) => (
                <td class={props.numeric?.includes(i) ? 'num' : undefined}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
