/**
 * @module Design system components
 * The one way to render a form, an error, a table, a list's pages, an empty state and people's text in
 * several languages. Forms follow the GOV.UK Design System: label, hint, error message, then the input;
 * an error summary at the top links to each field.
 */
import type { Child } from 'hono/jsx';
import { raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import { useView } from './context.js';
import { csrfToken } from '../http/csrf.js';
import { pickTranslated, type Translated } from '../i18n/translated.js';
import type { Locale } from '../i18n/locales.js';
import { escapeHtml as esc } from './fragment.js';
import { zoneLabel } from '../i18n/zones.js';
import type { ReadItem } from '../audit/read.js';

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

/**
 * A POST form with the CSRF token; `method="get"` forms (filters) carry none. A long form sets `keep`: where
 * JavaScript runs, platform/views/assets/forms.js keeps a copy of what is typed in this browser and offers
 * it back after a dropped connection or a closed tab (never passwords; dropped once the form was received).
 */
export function Form(props: { action: string; method?: 'post' | 'get'; children?: Child; enctype?: string; class?: string; id?: string; keep?: boolean }) {
  const view = useView();
  const t = view.t;
  const method = props.method ?? 'post';
  const keep = props.keep
    ? {
        'data-keep': props.action.replace(/^\/[a-z]{2}(?=\/)/, '').split('?')[0],
        'data-keep-title': t('form.keep.title'),
        'data-keep-ask': t('form.keep.ask', { when: '{when}' }),
        'data-keep-restore': t('form.keep.restore'),
        'data-keep-discard': t('form.keep.discard'),
      }
    : {};
  return (
    <form action={props.action} method={method} enctype={props.enctype as any} class={props.class} id={props.id} novalidate {...keep}>
      {method === 'post' ? <input type="hidden" name="_csrf" value={csrfToken(view.c)} /> : null}
      {props.children}
    </form>
  );
}

/**
 * The labels of the fields rendered on this page, by field name, so the error summary can name each field
 * ("Título: escribe un título"). Fields register as they render; the summary (rendered first, at the top)
 * waits for the rest of the page to render before it writes its list.
 */
const labelsOf = new WeakMap<object, Map<string, string>>();
function registerLabel(c: object, name: string, label: string) {
  let m = labelsOf.get(c);
  if (!m) labelsOf.set(c, (m = new Map()));
  if (!m.has(name)) m.set(name, label);
}

/** Pages that show an error summary (the layout's title then begins with "Error:"). */
const withErrors = new WeakSet<object>();

/**
 * The page title's text, beginning with "Error:" when the page shows an error summary. The layout asks once the
 * page's body is rendered (the summary registers itself while rendering).
 */
export function pageTitleText(c: object & { get(k: 't'): (key: string, o?: Record<string, unknown>) => string }, title: string): string {
  return withErrors.has(c) ? c.get('t')('form.errorTitle', { title }) : title;
}

/**
 * The list of problems at the top of a form: role="alert" (announced), focused when the page loads
 * (`autofocus`, and platform/views/assets/forms.js for older browsers), each problem named by its field's
 * label and linking to the field. Problems of the whole form (`_form`) are listed without a link.
 */
export function ErrorSummary(props: { errors: FieldErrors }) {
  const { t, c } = useView();
  const entries = Object.entries(props.errors);
  if (!entries.length) return null;
  withErrors.add(c);
  const items = async () => {
    // A macrotask: every field of the page (rendered synchronously after this) has registered its label.
    await new Promise((r) => setImmediate(r));
    const labels = labelsOf.get(c);
    return raw(
      entries
        .map(([field, msg]) => {
          const label = labels?.get(field);
          const text = label ? t('form.errorNamed', { label: label.replace(/\s*\*$/, ''), message: msg }) : msg;
          return field === '_form' ? `<li>${esc(text)}</li>` : `<li><a href="#${esc(fieldId(field))}">${esc(text)}</a></li>`;
        })
        .join(''),
    );
  };
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex={-1} autofocus data-error-summary="">
      <h2 id="error-summary-title">{t('form.errorSummary')}</h2>
      <ul>{items()}</ul>
    </div>
  );
}

export const fieldId = (name: string) => `f-${name.replace(/[^a-zA-Z0-9_-]/g, '-')}`;

function describedBy(name: string, hint?: string, error?: string) {
  const ids = [hint ? `${fieldId(name)}-hint` : '', error ? `${fieldId(name)}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function FieldShell(props: { name: string; label: string; hint?: string; error?: string; children?: Child; labelFor?: boolean }) {
  const { t, c } = useView();
  const id = fieldId(props.name);
  registerLabel(c, props.name, props.label);
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

/**
 * A one-line input. After an error everything typed comes back, new passwords included; only a password
 * being checked (`autocomplete="current-password"`: sign-in, the current password) is asked for again.
 */
export function TextField(props: {
  name: string;
  label: string;
  form: FormState;
  hint?: string;
  type?: 'text' | 'email' | 'password' | 'url' | 'number' | 'date' | 'datetime-local' | 'search';
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
        value={props.autocomplete === 'current-password' ? undefined : str(props.form.values[props.name])}
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

/** A file input (the form must be `enctype="multipart/form-data"`). A browser never keeps a chosen file after an error: say so in the hint. */
export function FileField(props: { name: string; label: string; form: FormState; hint?: string; accept?: string; required?: boolean }) {
  const error = props.form.errors[props.name];
  return (
    <FieldShell name={props.name} label={props.label} hint={props.hint} error={error}>
      <input
        id={fieldId(props.name)}
        name={props.name}
        type="file"
        accept={props.accept}
        required={props.required}
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


/*
 * Long option lists (some 250 countries, 23 objectives) are written as one string: hono/jsx spent most of a
 * form page's time on them, element by element (decisions/0006). The markup is the same as the JSX gave.
 */
export const optionsHtml = (options: Option[], value: string) =>
  options.map((o) => `<option value="${esc(o.value)}"${o.value === value ? ' selected=""' : ''}>${esc(o.label)}</option>`).join('');

/**
 * A select. `optionsHtml` (instead of `options`): its options already written (`optionsHtml(options, value)`), or a kept
 * template's slot where each request writes them (options whose labels change per request: counts).
 */
export function SelectField(props: { name: string; label: string; form: FormState; options: Option[]; hint?: string; empty?: string; required?: boolean; optionsHtml?: string }) {
  const error = props.form.errors[props.name];
  const value = str(props.form.values[props.name]);
  const groups = [...new Set(props.options.map((o) => o.group ?? ''))];
  const body =
    props.optionsHtml !== undefined
      ? props.optionsHtml
      : groups.length > 1
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

/** One checkbox (multiple) or radio of a `ChoiceField`, the `i`-th of its options. */
const choiceHtml = (name: string, multiple: boolean | undefined, o: Option, i: number, chosen: boolean) => {
  const id = esc(fieldId(name));
  return `<div class="choice"><input type="${multiple ? 'checkbox' : 'radio'}" id="${id}-${i}" name="${esc(name)}" value="${esc(o.value)}"${chosen ? ' checked=""' : ''}/><label for="${id}-${i}">${esc(o.label)}</label></div>`;
};

/**
 * A `ChoiceField`'s options without groups, as it writes them, for its `choicesHtml` (labels that change per request:
 * counts in a kept template's slot).
 */
export function choicesHtml(props: { name: string; options: Option[]; chosen: Iterable<string>; multiple?: boolean; columns?: boolean }): string {
  const chosen = props.chosen instanceof Set ? (props.chosen as Set<string>) : new Set(props.chosen);
  return `${choicesOpen(props.columns)}${props.options.map((o, i) => choiceHtml(props.name, props.multiple, o, i, chosen.has(o.value))).join('')}</div>`;
}
const choicesOpen = (columns?: boolean) => `<div class="choices${columns ? ' columns' : ''}">`;

/**
 * Options or choices whose labels end with this request's count ("Argentina (12)"), written as `optionsHtml` and
 * `choicesHtml` write them: each option's markup is made once, with the count's place cut out, chosen and not
 * (`countedOptions`, `countedChoices`: kept with the labels), and each request puts its counts in (`countedHtml`).
 */
export interface CountedMarkup {
  values: string[];
  /** Per option, its markup before and after the count: not chosen, and chosen. */
  plain: [string, string][];
  chosen: [string, string][];
  open: string;
  close: string;
}
const COUNT_MARK = '\u0001';
const withMark = (o: Option): Option => ({ value: o.value, label: `${o.label} (${COUNT_MARK})` });
const cutAtMark = (html: string): [string, string] => {
  const i = html.indexOf(COUNT_MARK);
  return [html.slice(0, i), html.slice(i + COUNT_MARK.length)];
};

/** A select's options (`optionsHtml`) with counts: see `CountedMarkup`. */
export function countedOptions(options: Option[]): CountedMarkup {
  return {
    values: options.map((o) => o.value),
    plain: options.map((o) => cutAtMark(optionsHtml([withMark(o)], COUNT_MARK))),
    chosen: options.map((o) => cutAtMark(optionsHtml([withMark(o)], o.value))),
    open: '',
    close: '',
  };
}

/** A `ChoiceField`'s options (`choicesHtml`) with counts, every option shown: see `CountedMarkup`. */
export function countedChoices(props: { name: string; options: Option[]; multiple?: boolean; columns?: boolean }): CountedMarkup {
  return {
    values: props.options.map((o) => o.value),
    plain: props.options.map((o, i) => cutAtMark(choiceHtml(props.name, props.multiple, withMark(o), i, false))),
    chosen: props.options.map((o, i) => cutAtMark(choiceHtml(props.name, props.multiple, withMark(o), i, true))),
    open: choicesOpen(props.columns),
    close: '</div>',
  };
}

/**
 * A facet's counts (by key, only the values found) as an array beside a list of choices, each at its choice's place —
 * for `countedHtml`'s `count` — instead of a lookup by key per choice (~300 on the practices search). The key → place
 * map is kept with the list (a list kept per language is mapped once).
 */
export function countsAt<T>(list: readonly T[], keyOf: (x: T) => string, counts: Readonly<Record<string, number>>): Int32Array {
  let at = places.get(list);
  if (!at) places.set(list, (at = new Map(list.map((x, i) => [keyOf(x), i]))));
  const n = new Int32Array(list.length);
  for (const key in counts) {
    const i = at.get(key);
    if (i !== undefined) n[i] = counts[key]!;
  }
  return n;
}
const places = new WeakMap<object, Map<string, number>>();

/**
 * The options with this request's counts (`count(i)` of the i-th), those `chosen` marked; `keep` leaves options out
 * (a select's only: a choice's id is its place among all).
 */
export function countedHtml(k: CountedMarkup, count: (i: number) => number, chosen: (value: string) => boolean, keep?: (i: number, n: number) => boolean): string {
  let out = k.open;
  for (let i = 0; i < k.values.length; i++) {
    const n = count(i);
    if (keep && !keep(i, n)) continue;
    const [a, b] = chosen(k.values[i]!) ? k.chosen[i]! : k.plain[i]!;
    out += a + n + b;
  }
  return out + k.close;
}

/**
 * A group of checkboxes (multiple) or radios (single), in a fieldset with a legend. Options with a `group`
 * (countries by sub-region, objectives by theme) are set out in one fieldset per group, each a disclosure
 * (`details`: a keyboard passes a closed group in one Tab) that starts open when something in it is chosen.
 * Where JavaScript runs, platform/views/assets/forms.js adds "choose all in this group" and a filter.
 * `choicesHtml`: its options (without groups) already written, or a kept template's slot where each request writes them.
 */
export function ChoiceField(props: { name: string; legend: string; form: FormState; options: Option[]; hint?: string; multiple?: boolean; columns?: boolean; choicesHtml?: string }) {
  const { t, c } = useView();
  registerLabel(c, props.name, props.legend);
  const error = props.form.errors[props.name];
  const chosen = new Set(arr(props.form.values[props.name]));
  const id = fieldId(props.name);
  const choice = (o: Option, i: number) => choiceHtml(props.name, props.multiple, o, i, chosen.has(o.value));
  const cols = `choices${props.columns ? ' columns' : ''}`;
  const groups = [...new Set(props.options.map((o) => o.group ?? ''))];
  let body: string;
  if (props.choicesHtml !== undefined) body = props.choicesHtml;
  else if (groups.length > 1) {
    const indexed = props.options.map((o, i) => ({ o, i }));
    body =
      `<div class="choice-groups" data-choice-groups="" data-filter-label="${esc(t('form.group.filter'))}" data-none="${esc(t('form.group.none'))}" data-chosen-one="${esc(t('form.group.chosen_one', { count: '{count}' }))}" data-chosen-other="${esc(t('form.group.chosen_other', { count: '{count}' }))}">` +
      groups
        .map((g, gi) => {
          const items = indexed.filter(({ o }) => (o.group ?? '') === g);
          const n = items.filter(({ o }) => chosen.has(o.value)).length;
          const label = g || t('form.optional');
          return (
            `<details class="choice-group"${n ? ' open=""' : ''}><summary>${esc(label)} <span class="muted" data-count="">${n ? esc(`(${t('form.group.chosen', { count: n })})`) : ''}</span></summary>` +
            `<fieldset id="${esc(id)}-g${gi}"><legend class="visually-hidden">${esc(label)}</legend>` +
            (props.multiple
              ? `<button type="button" class="link-button" hidden="" data-select-all="" data-select="${esc(t('form.group.selectAll', { group: label }))}" data-clear="${esc(t('form.group.clearAll', { group: label }))}">${esc(t('form.group.selectAll', { group: label }))}</button>`
              : '') +
            `<div class="${cols}">${items.map(({ o, i }) => choice(o, i)).join('')}</div></fieldset></details>`
          );
        })
        .join('') +
      '</div>';
  } else {
    body = choicesHtml({ name: props.name, options: props.options, chosen, multiple: props.multiple, columns: props.columns });
  }
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
        {raw(body)}
      </fieldset>
    </div>
  );
}

/**
 * A deadline: a date, a time and a time zone (the reader's by default), in one fieldset. Its inputs are
 * `${name}_on`, `${name}_time` and `${name}_zone`; parse them with `deadlineFields(name)` and read the
 * instant with `deadlineAt(…)` (platform/http/forms.ts). Errors of any of the three show under the legend.
 */
export function DeadlineField(props: { name: string; label: string; form: FormState; hint?: string; zones: readonly string[] }) {
  const { t, c } = useView();
  const n = props.name;
  const [dateName, timeName, zoneName] = [`${n}_on`, `${n}_time`, `${n}_zone`];
  for (const f of [dateName, timeName, zoneName]) registerLabel(c, f, props.label);
  const error = props.form.errors[dateName] ?? props.form.errors[timeName] ?? props.form.errors[zoneName];
  const id = fieldId(dateName);
  const zone = str(props.form.values[zoneName]) || c.get('timeZone');
  const invalid = error ? 'true' : undefined;
  const described = describedBy(dateName, props.hint, error);
  return (
    <div class={`field deadline${error ? ' has-error' : ''}`}>
      <fieldset aria-describedby={described}>
        <legend>{props.label}</legend>
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
        <div class="deadline-parts">
          <div>
            <label for={id}>{t('form.deadline.date')}</label>
            <input id={id} name={dateName} type="date" value={str(props.form.values[dateName])} aria-invalid={invalid} />
          </div>
          <div>
            <label for={fieldId(timeName)}>{t('form.deadline.time')}</label>
            <input id={fieldId(timeName)} name={timeName} type="time" value={str(props.form.values[timeName])} aria-invalid={invalid} />
          </div>
          <div>
            <label for={fieldId(zoneName)}>{t('form.deadline.zone')}</label>
            <select id={fieldId(zoneName)} name={zoneName} aria-invalid={invalid}>
              {raw(optionsHtml(props.zones.map((z) => ({ value: z, label: zoneLabel(z) })), zone))}
            </select>
          </div>
        </div>
      </fieldset>
    </div>
  );
}

export function Checkbox(props: { name: string; label: string; form: FormState; hint?: string; value?: string }) {
  const { t, c } = useView();
  registerLabel(c, props.name, props.label);
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

/** A submit button; `formAction` posts the same form elsewhere (a "save draft" beside "submit"). */
export function Button(props: { children?: Child; variant?: 'secondary' | 'danger'; name?: string; value?: string; formAction?: string }) {
  return (
    <button type="submit" class={`button${props.variant ? ` ${props.variant}` : ''}`} name={props.name} value={props.value} formaction={props.formAction}>
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

/**
 * A form's texts in the other languages: one <details> per language, holding that language's fields (`fields(l)`,
 * named `${name}_${l}`). Its summary names the language and, when given, how far the translation is
 * (`state(l)`: "translated", "partly translated"…). It is open when one of its fields has a value or an error, so
 * nothing typed or refused is hidden; closed, the form stays short on a phone. Works without JavaScript.
 */
export function TranslationDetails(props: { locales: readonly Locale[]; names: readonly string[]; form: FormState; summary: (l: Locale) => string; state?: (l: Locale) => string | undefined; fields: (l: Locale) => Child }) {
  const { form } = props;
  return (
    <>
      {props.locales.map((l) => {
        const state = props.state?.(l);
        return (
          <details class="translation" open={props.names.some((n) => !!form.values[`${n}_${l}`] || !!form.errors[`${n}_${l}`])}>
            <summary>
              {props.summary(l)}
              {state ? <span class="hint"> — {state}</span> : null}
            </summary>
            <div lang={l}>{props.fields(l)}</div>
          </details>
        );
      })}
    </>
  );
}

/** Page links for a list: keeps the other query parameters (`paginationHtml`, the one markup). */
export function Pagination(props: PaginationProps) {
  const { c } = useView();
  return raw(paginationHtml(c, props));
}

export interface PaginationProps {
  page: number;
  pages: number;
  baseUrl: string;
  params?: URLSearchParams;
}

/**
 * A list's page links as HTML (nothing when there is one page): the previous and next pages, the first, the last and
 * those beside the current one. Written as a string, as hono/jsx would write it: kept templates fill it in per
 * request (platform/views/fragment.tsx `keptTemplate`), where rendering the component cost some 20 µs a page.
 */
export function paginationHtml(c: { get(key: 't'): (key: string, o?: Record<string, unknown>) => string }, props: PaginationProps): string {
  if (props.pages <= 1) return '';
  const t = c.get('t');
  const link = (p: number) => {
    const q = new URLSearchParams(props.params);
    if (p > 1) q.set('page', String(p));
    else q.delete('page');
    const s = q.toString();
    return esc(s ? `${props.baseUrl}?${s}` : props.baseUrl);
  };
  const shown = [...new Set([1, props.page - 1, props.page, props.page + 1, props.pages])].filter((p) => p >= 1 && p <= props.pages).sort((a, b) => a - b);
  let out = `<nav aria-label="${esc(t('pagination.label'))}"><ul class="pagination">`;
  if (props.page > 1) out += `<li><a href="${link(props.page - 1)}" rel="prev">${esc(t('pagination.previous'))}</a></li>`;
  for (const p of shown) out += p === props.page ? `<li><span aria-current="page">${p}</span></li>` : `<li><a href="${link(p)}" aria-label="${esc(t('pagination.page', { page: p }))}">${p}</a></li>`;
  if (props.page < props.pages) out += `<li><a href="${link(props.page + 1)}" rel="next">${esc(t('pagination.next'))}</a></li>`;
  return `${out}</ul><p class="muted small">${esc(t('pagination.summary', { page: props.page, pages: props.pages }))}</p></nav>`;
}

/**
 * A responsive table with a caption; rows are already-rendered cells, or a whole row already rendered as HTML
 * (`TableRow`'s, e.g. kept as a page-cache fragment). On a phone a wide table scrolls
 * sideways inside its wrapper, which is therefore a named, focusable group (keyboard users can scroll it; a
 * group, not a region, so it adds no landmark beside its section).
 */
export function Table(props: { caption: string; head: (string | { label: string; num?: boolean })[]; rows: (Child[] | HtmlEscapedString)[]; numeric?: number[]; captionHidden?: boolean }) {
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
          {props.rows.map((r) => (Array.isArray(r) ? <TableRow cells={r} numeric={props.numeric} /> : r))}
        </tbody>
      </table>
    </div>
  );
}

/** One row of a `Table`, the same markup: to render a row apart (and keep it) and give it to the table as HTML. */
export function TableRow(props: { cells: Child[]; numeric?: number[] }) {
  return (
    <tr>
      {props.cells.map((cell, i) => (
        <td class={props.numeric?.includes(i) ? 'num' : undefined}>{cell}</td>
      ))}
    </tr>
  );
}

/**
 * A thing's history, one row per step: when, the sentence that reads it (`readHistory`) and, where a step has
 * one, a person's words about it or what changed (`detail`, by default the step's note).
 */
export function HistoryTable(props: { items: ReadItem[]; caption: string; captionHidden?: boolean; empty?: string; detail?: (h: ReadItem) => string | null | undefined }) {
  const { t, fmt } = useView();
  if (!props.items.length) return props.empty ? <EmptyState>{props.empty}</EmptyState> : null;
  const detail = props.detail ?? ((h: ReadItem) => h.note);
  const details = props.items.map((h) => detail(h) || '');
  const withDetails = details.some(Boolean);
  return (
    <Table
      caption={props.caption}
      captionHidden={props.captionHidden}
      head={withDetails ? [t('audit.when'), t('audit.what'), t('audit.detail')] : [t('audit.when'), t('audit.what')]}
      rows={props.items.map((h, i) => (withDetails ? [fmt.dateTime(h.at), h.sentence, details[i]] : [fmt.dateTime(h.at), h.sentence]))}
    />
  );
}
