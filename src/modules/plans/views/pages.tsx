/** @module Plans views: the list, a plan, the new-plan form, the import (form and preview), an activity and an indicator. */
import type { Child } from 'hono/jsx';
import { raw } from 'hono/html';
import { useView } from '../../../platform/views/context.js';
import { Form, ErrorSummary, TextField, SelectField, TextArea, Button, EmptyState, Table, HistoryTable, Notice, type FormState, type Option } from '../../../platform/views/components.js';
import { escapeHtml as esc } from '../../../platform/views/fragment.js';
import { LOCALES, LOCALE_NAMES, type Locale } from '../../../platform/i18n/locales.js';
import type { ReadItem } from '../../../platform/audit/read.js';
import type { ResolvedLink } from '../../../platform/links.js';
import { parseNumber } from '../core/progress.js';
import type { Plan, PlanTree, Activity, Indicator, Result } from '../queries.js';
import type { CsvProblem, CsvRow } from '../csv.js';
import { CSV_COLUMNS } from '../csv.js';
import { ACTIVITY_STATUSES, UNITS, DIRECTIONS } from '../tables.js';
import type { Kind } from '../csv.js';
import { paths } from '../paths.js';
import { ProgressBar, Method, tx } from './progress.js';

const statusBadge: Record<string, string> = { done: 'badge ok', in_progress: 'badge', planned: 'badge', postponed: 'badge warn', cancelled: 'badge err' };

export function PlansListPage(props: { plans: Plan[]; bodyName: Map<string, string>; canCreate: boolean }) {
  const { t, locale: l, fmt } = useView();
  return (
    <>
      <h1>{t('plans.list.title')}</h1>
      <p class="lead">{t('plans.list.lead')}</p>
      {props.canCreate ? (
        <p class="actions">
          <a class="button" href={paths.create.href(l)}>
            {t('plans.list.create')}
          </a>
        </p>
      ) : null}
      {props.plans.length ? (
        <Table
          caption={t('plans.list.title')}
          captionHidden
          head={[t('plans.list.plan'), t('plans.list.whose'), t('plans.page.period'), t('plans.page.status')]}
          rows={props.plans.map((p) => [
            <a href={paths.plan.href(l, { id: p.id })}>{tx(p.title, l)}</a>,
            p.bodyId ? (props.bodyName.get(p.bodyId) ?? '') : t('plans.mechanism'),
            t('plans.page.periodValue', { from: fmt.date(p.startsOn), to: fmt.date(p.endsOn) }),
            t(`plans.status.${p.status}`),
          ])}
        />
      ) : (
        <EmptyState>{t('plans.list.empty')}</EmptyState>
      )}
    </>
  );
}

export function PlanFormPage(props: { form: FormState; bodies: Option[]; mechanism: boolean }) {
  const { t, locale: l } = useView();
  const options = props.mechanism ? [{ value: '', label: t('plans.mechanism') }, ...props.bodies] : props.bodies;
  return (
    <>
      <h1>{t('plans.form.title')}</h1>
      <ErrorSummary errors={props.form.errors} />
      <Form action={paths.create.href(l)}>
        <SelectField name="body" label={t('plans.form.whose')} form={props.form} options={options} />
        {LOCALES.map((x) => (
          <TextField name={`title_${x}`} label={t('plans.form.titleIn', { language: LOCALE_NAMES[x] })} form={props.form} maxlength={200} />
        ))}
        <TextField name="starts_on" type="date" label={t('plans.form.startsOn')} form={props.form} required />
        <TextField name="ends_on" type="date" label={t('plans.form.endsOn')} form={props.form} required />
        <TextField name="activity_share" type="number" label={t('plans.form.share')} hint={t('plans.form.shareHint')} form={props.form} required />
        <Button>{t('plans.form.submit')}</Button>
      </Form>
    </>
  );
}


/** A table as the platform's Table draws it, its head and rows given as HTML. */
function RawTable(props: { caption: string; head: string[]; rows: string }) {
  return (
    <div class="table-wrap" role="group" aria-label={props.caption} tabindex={0}>
      <table>
        <caption>{props.caption}</caption>
        <thead>
          <tr>{raw(props.head.map((h) => `<th scope="col">${esc(h)}</th>`).join(''))}</tr>
        </thead>
        <tbody>{raw(props.rows)}</tbody>
      </table>
    </div>
  );
}

/**
 * What every row of a plan's page shares, worked out once per page: the translated words, the body names,
 * the dates (most activities share a few), the objectives' lists. A plan of 200 activities made the page
 * spend most of its time asking for the same words and dates again (decisions/0701, "Plan page speed").
 */
function rowKit(plan: Plan, bodyName: Map<string, string>, t: (k: string, o?: Record<string, unknown>) => string, fmt: ReturnType<typeof useView>['fmt'], l: Locale) {
  const memo = <K,>(f: (k: K) => string) => {
    const m = new Map<K, string>();
    return (k: K) => {
      let v = m.get(k);
      if (v === undefined) m.set(k, (v = f(k)));
      return v;
    };
  };
  const date = memo((d: string) => fmt.date(d));
  const mechanism = esc(t('plans.mechanism'));
  return {
    dash: '—',
    status: memo((s: string) => `<span class="${statusBadge[s]}">${esc(t(`plans.activityStatus.${s}`))}</span>`),
    body: memo((id: string | null) => (id ? esc(bodyName.get(id) ?? '') : mechanism)),
    dates: memo((k: string) => {
      const [from, to] = k.split('|') as [string, string];
      return from || to ? esc(t('plans.page.periodValue', { from: from ? date(from) : '…', to: to ? date(to) : '…' })) : '—';
    }),
    objectives: memo((k: string) => (k ? esc(fmt.list(k.split(','))) : '—')),
    number: memo((n: number) => esc(fmt.number(n))),
    unit: memo((u: string) => esc(t(`plans.unit.${u}`))),
    direction: memo((d: string) => esc(t(`plans.direction.${d}`))),
    label: memo((k: string) => esc(t(k))),
    notReported: esc(t('plans.page.notReported')),
    noEvidence: '<span class="muted">—</span>',
    activity: (aid: string) => paths.activity.href(l, { id: plan.id, aid }),
    indicator: (iid: string) => paths.indicator.href(l, { id: plan.id, iid }),
    edit: (kind: Kind, xid: string) => paths.itemEdit.href(l, { id: plan.id, kind, xid }),
    editLink: (kind: Kind, xid: string, code: string) => `<a class="small" href="${esc(paths.itemEdit.href(l, { id: plan.id, kind, xid }))}">${esc(t('plans.item.editLink', { code }))}</a>`,
  };
}
type RowKit = ReturnType<typeof rowKit>;

function activityRows(r: Result, links: Map<string, ResolvedLink[]>, k: RowKit, l: Locale, edit: boolean): string {
  let out = '';
  for (const a of r.activities) {
    const title = esc(tx(a.title, l));
    const ev = links.get(a.id);
    const evidence = ev?.length ? `<ul>${ev.map((x) => `<li>${k.label(x.label)}: <a href="${esc(x.href)}">${esc(x.title)}</a></li>`).join('')}</ul>` : k.noEvidence;
    out +=
      `<tr><td>${esc(a.code)}. ${edit ? `<a href="${esc(k.activity(a.id))}">${title}</a>` : title}` +
      (a.people ? `<div class="small muted">${esc(a.people)}</div>` : '') +
      (edit ? `<div>${k.editLink('activity', a.id, a.code)}</div>` : '') +
      `</td><td>${k.body(a.bodyId)}</td><td>${k.dates(`${a.startsOn ?? ''}|${a.endsOn ?? ''}`)}</td><td>${k.status(a.status)}</td><td>${k.objectives(a.objectives.join(','))}</td><td>${evidence}</td></tr>`;
  }
  return out;
}

function indicatorRows(r: Result, k: RowKit, l: Locale, edit: boolean): string {
  let out = '';
  for (const i of r.indicators) {
    const last = i.values.at(-1);
    const num = (v: string | null) => {
      if (v === null) return '—';
      const n = i.unit === 'text' ? null : parseNumber(v);
      return n === null ? esc(v) : k.number(n);
    };
    out +=
      `<tr><td>${esc(i.code)}. <a href="${esc(k.indicator(i.id))}">${esc(tx(i.name, l))}</a>` +
      (i.unit !== 'text' ? `<div class="small muted">${k.direction(i.direction)}</div>` : '') +
      (edit ? `<div>${k.editLink('indicator', i.id, i.code)}</div>` : '') +
      `</td><td>${k.unit(i.unit)}</td><td>${num(i.baseline)}</td><td>${num(i.target)}</td><td>${last ? `${num(last.value)} (${esc(last.period)})` : k.notReported}</td><td>${last?.source ? esc(last.source) : '—'}</td></tr>`;
  }
  return out;
}

function ResultBlock(props: { plan: Plan; r: Result; links: Map<string, ResolvedLink[]>; kit: RowKit; edit: boolean }) {
  const { t, locale: l, fmt } = useView();
  const { r, plan, kit } = props;
  const c = r.progress.counted;
  return (
    <section aria-labelledby={`r-${r.id}`}>
      <h3 id={`r-${r.id}`}>
        {r.code}. {tx(r.title, l)}
      </h3>
      <p>
        <ProgressBar value={r.progress.progress} t={t} fmt={fmt} />
      </p>
      <p class="small muted">
        {t('plans.progress.result', {
          activities: r.progress.activities === null ? t('plans.progress.noneShort') : fmt.percent(r.progress.activities),
          indicators: r.progress.indicators === null ? t('plans.progress.noneShort') : fmt.percent(r.progress.indicators),
        })}{' '}
        {t('plans.progress.counted', { count: c.activities })} {c.cancelled ? t('plans.progress.cancelled', { count: c.cancelled }) : ''}{' '}
        {t('plans.progress.indicatorsCounted', { count: c.indicators })} {c.unreported ? t('plans.progress.unreported', { count: c.unreported }) : ''}{' '}
        {c.textIndicators ? t('plans.progress.textIndicators', { count: c.textIndicators }) : ''}
      </p>
      {props.edit ? (
        <p class="actions small">
          <a href={paths.itemEdit.href(l, { id: plan.id, kind: 'result', xid: r.id })}>{t('plans.item.editLink', { code: r.code })}</a> ·{' '}
          <a href={paths.itemNew.href(l, { id: plan.id, kind: 'activity' }, { parent: r.code })}>{t('plans.item.new.activity')}</a> ·{' '}
          <a href={paths.itemNew.href(l, { id: plan.id, kind: 'indicator' }, { parent: r.code })}>{t('plans.item.new.indicator')}</a>
        </p>
      ) : null}
      {r.activities.length ? (
        <RawTable
          caption={t('plans.page.activitiesOf', { code: r.code })}
          head={[t('plans.page.activity'), t('plans.page.responsible'), t('plans.page.dates'), t('plans.page.status'), t('plans.page.objectives'), t('plans.page.evidence')]}
          rows={activityRows(r, props.links, kit, l, props.edit)}
        />
      ) : null}
      {r.indicators.length ? (
        <RawTable
          caption={t('plans.page.indicatorsOf', { code: r.code })}
          head={[t('plans.page.indicator'), t('plans.page.unit'), t('plans.page.baseline'), t('plans.page.target'), t('plans.page.latest'), t('plans.page.source')]}
          rows={indicatorRows(r, kit, l, props.edit)}
        />
      ) : null}
    </section>
  );
}

/**
 * A plan's page around its kept parts (the route keeps `PlanHead` and `PlanAxes` as page-cache fragments): what is
 * the reader's own — the approve and close forms (they carry the reader's CSRF token) and the history — is put
 * between and after them on every request.
 */
export function PlanPage(props: {
  plan: Plan;
  can: { approve: boolean; close: boolean };
  history: ReadItem[] | null;
  /** Title, facts, progress, method and the export/import links: `PlanHead`, or its HTML as kept by the route. */
  head: Child;
  /** The axes with their results, activities and indicators: `PlanAxes`, or its HTML as kept by the route. */
  axes: Child;
}) {
  const { t, locale: l } = useView();
  const ids = { id: props.plan.id };
  return (
    <>
      {props.head}
      {props.can.approve ? (
        <Form action={paths.approve.href(l, ids)}>
          <Button>{t('plans.page.approve')}</Button>
        </Form>
      ) : null}
      {props.can.close ? (
        <Form action={paths.close.href(l, ids)}>
          <Button variant="secondary">{t('plans.page.close')}</Button>
        </Form>
      ) : null}
      {props.axes}
      {props.history ? (
        <>
          <h2>{t('plans.page.history')}</h2>
          <HistoryTable items={props.history} caption={t('plans.page.history')} captionHidden empty={t('plans.page.noHistory')} />
        </>
      ) : null}
    </>
  );
}

/** The top of a plan's page: the same for every reader with the same rights (`edit` adds the import and new-axis links). */
export function PlanHead(props: { tree: PlanTree; bodyName: Map<string, string>; edit: boolean }) {
  const { t, locale: l, fmt } = useView();
  const { plan } = props.tree;
  const ids = { id: plan.id };
  return (
    <>
      <h1>{tx(plan.title, l)}</h1>
      <dl class="meta">
        <dt>{t('plans.page.whose')}</dt>
        <dd>{plan.bodyId ? (props.bodyName.get(plan.bodyId) ?? '') : t('plans.mechanism')}</dd>
        <dt>{t('plans.page.period')}</dt>
        <dd>{t('plans.page.periodValue', { from: fmt.date(plan.startsOn), to: fmt.date(plan.endsOn) })}</dd>
        <dt>{t('plans.page.status')}</dt>
        <dd>
          {t(`plans.status.${plan.status}`)}
          {plan.approvedAt ? ` — ${t('plans.page.approvedBy', { date: fmt.date(plan.approvedAt), name: plan.approvedByName ?? '—' })}` : ''}
        </dd>
        <dt>{t('plans.progress.overall')}</dt>
        <dd>
          <ProgressBar value={props.tree.progress} t={t} fmt={fmt} />
        </dd>
      </dl>
      <Method share={plan.activityShare} t={t} />
      <p class="actions">
        <a href={paths.exportCsv.href(l, ids)}>{t('plans.page.export')}</a>
        {props.edit ? (
          <>
            {' '}
            <a class="button secondary" href={paths.import.href(l, ids)}>
              {t('plans.page.import')}
            </a>{' '}
            <a class="button secondary" href={paths.itemNew.href(l, { ...ids, kind: 'axis' })}>
              {t('plans.item.new.axis')}
            </a>
          </>
        ) : null}
      </p>
    </>
  );
}

/**
 * A plan's axes, each with its results, activities and indicators (or the empty state): the bulk of the page, the same
 * for every reader with the same rights (`edit` adds the edit links) and the same visible links (the route keeps it as
 * a fragment).
 */
export function PlanAxes(props: { tree: PlanTree; bodyName: Map<string, string>; links: Map<string, ResolvedLink[]>; edit: boolean }) {
  const { t, locale: l, fmt } = useView();
  const { plan } = props.tree;
  const ids = { id: plan.id };
  const kit = rowKit(plan, props.bodyName, t, fmt, l);
  return (
    <>
      {props.tree.axes.length ? null : <EmptyState>{t('plans.page.empty')}</EmptyState>}
      {props.tree.axes.map((a) => (
        <section aria-labelledby={`a-${a.id}`}>
          <h2 id={`a-${a.id}`}>
            {t('plans.page.axis', { code: a.code })}: {tx(a.title, l)}
          </h2>
          <p>
            <ProgressBar value={a.progress} t={t} fmt={fmt} />
            {a.results.length > 1 ? <span class="small muted"> {t('plans.progress.axis', { count: a.results.length })}</span> : null}
          </p>
          {props.edit ? (
            <p class="actions small">
              <a href={paths.itemEdit.href(l, { ...ids, kind: 'axis', xid: a.id })}>{t('plans.item.editLink', { code: a.code })}</a> ·{' '}
              <a href={paths.itemNew.href(l, { ...ids, kind: 'result' }, { parent: a.code })}>{t('plans.item.new.result')}</a>
            </p>
          ) : null}
          {a.results.map((r) => (
            <ResultBlock plan={plan} r={r} links={props.links} kit={kit} edit={props.edit} />
          ))}
        </section>
      ))}
    </>
  );
}

/** The import: the form, and after a post the preview of what the file holds, with each problem by line. */
export function ImportPage(props: { plan: Plan; form: FormState; preview?: { rows: CsvRow[]; problems: CsvProblem[]; text: string } }) {
  const { t, locale: l } = useView();
  const ids = { id: props.plan.id };
  const p = props.preview;
  return (
    <>
      <h1>{t('plans.import.title', { plan: tx(props.plan.title, l) })}</h1>
      <p>{t('plans.import.lead')}</p>
      <p class="small">
        {t('plans.import.columns')} <code>{CSV_COLUMNS.join(',')}</code>
      </p>
      {p ? (
        p.problems.length ? (
          <section aria-labelledby="problems">
            <h2 id="problems">{t('plans.import.problems', { count: p.problems.length })}</h2>
            <ul>
              {p.problems.map((x) => (
                <li>{x.line ? t('plans.import.atLine', { line: x.line, problem: t(`plans.csv.errors.${x.key}`, x.params) }) : t(`plans.csv.errors.${x.key}`, x.params)}</li>
              ))}
            </ul>
            <p>{t('plans.import.nothingChanged')}</p>
          </section>
        ) : (
          <section aria-labelledby="preview">
            <h2 id="preview">{t('plans.import.preview', { count: p.rows.length })}</h2>
            <Table
              caption={t('plans.import.preview', { count: p.rows.length })}
              captionHidden
              head={[t('plans.import.line'), t('plans.import.kind'), t('plans.import.code'), t('plans.import.titleCol'), t('plans.page.status')]}
              rows={p.rows.map((r) => [String(r.line), t(`plans.kinds.${r.kind}`), r.code, tx(r.title, l), r.kind === 'activity' ? t(`plans.activityStatus.${r.status}`) : ''])}
            />
            <Form action={paths.importConfirm.href(l, ids)}>
              <input type="hidden" name="csv" value={p.text} />
              <Button>{t('plans.import.confirm', { count: p.rows.length })}</Button>
            </Form>
          </section>
        )
      ) : null}
      <h2>{p ? t('plans.import.again') : t('plans.import.choose')}</h2>
      <ErrorSummary errors={props.form.errors} />
      <Form action={paths.import.href(l, ids)} enctype="multipart/form-data">
        <div class="field">
          <label for="f-file">{t('plans.import.file')}</label>
          <p class="hint" id="f-file-hint">
            {t('plans.import.fileHint')}
          </p>
          <input id="f-file" name="file" type="file" accept=".csv,text/csv" aria-describedby="f-file-hint" />
        </div>
        <TextArea name="text" label={t('plans.import.text')} hint={t('plans.import.textHint')} form={props.form} rows={6} />
        <Button>{t('plans.import.check')}</Button>
      </Form>
      <p>
        <a href={paths.exportCsv.href(l, ids)}>{t('plans.page.export')}</a> · <a href={paths.plan.href(l, ids)}>{t('plans.back')}</a>
      </p>
    </>
  );
}

export function ActivityPage(props: { plan: Plan; a: Activity; links: ResolvedLink[]; statusForm: FormState; linkForm: FormState; candidates: Option[]; q: string }) {
  const { t, locale: l } = useView();
  const { a, plan } = props;
  const ids = { id: plan.id, aid: a.id };
  return (
    <>
      <h1>
        {a.code}. {tx(a.title, l)}
      </h1>
      <p>
        <a href={paths.plan.href(l, { id: plan.id })}>{tx(plan.title, l)}</a>
      </p>
      <h2>{t('plans.page.status')}</h2>
      <ErrorSummary errors={{ ...props.statusForm.errors, ...props.linkForm.errors }} />
      <Form action={paths.activityStatus.href(l, ids)}>
        <SelectField name="status" label={t('plans.page.status')} form={props.statusForm} options={ACTIVITY_STATUSES.map((s) => ({ value: s, label: t(`plans.activityStatus.${s}`) }))} />
        <Button>{t('plans.activity.saveStatus')}</Button>
      </Form>
      <h2>{t('plans.page.evidence')}</h2>
      {props.links.length ? (
        <ul>
          {props.links.map((x) => (
            <li>
              {t(x.label)}: <a href={x.href}>{x.title}</a>{' '}
              <Form action={paths.unlink.href(l, ids)} class="inline-form">
                <input type="hidden" name="link" value={`${x.type}:${x.id}`} />
                <Button variant="secondary">{t('plans.activity.unlink', { title: x.title })}</Button>
              </Form>
            </li>
          ))}
        </ul>
      ) : (
        <EmptyState>{t('plans.activity.noLinks')}</EmptyState>
      )}
      <h3>{t('plans.activity.addLink')}</h3>
      <Form action={paths.activity.href(l, ids)} method="get">
        <TextField name="q" type="search" label={t('plans.activity.search')} form={{ values: { q: props.q }, errors: {} }} />
        <Button variant="secondary">{t('plans.activity.find')}</Button>
      </Form>
      {props.candidates.length ? (
        <Form action={paths.link.href(l, ids)}>
          <SelectField name="link" label={t('plans.activity.candidate')} form={props.linkForm} options={props.candidates} />
          <Button>{t('plans.activity.link')}</Button>
        </Form>
      ) : (
        <EmptyState>{t('plans.activity.noCandidates')}</EmptyState>
      )}
    </>
  );
}

export function IndicatorPage(props: { plan: Plan; i: Indicator; form: FormState; canReport: boolean }) {
  const { t, locale: l, fmt } = useView();
  const { i, plan } = props;
  const num = (v: string | null): Child => (v === null ? '—' : i.unit === 'text' || parseNumber(v) === null ? v : fmt.number(parseNumber(v)!));
  return (
    <>
      <h1>
        {i.code}. {tx(i.name, l)}
      </h1>
      <p>
        <a href={paths.plan.href(l, { id: plan.id })}>{tx(plan.title, l)}</a>
      </p>
      <dl class="meta">
        <dt>{t('plans.page.unit')}</dt>
        <dd>{t(`plans.unit.${i.unit}`)}</dd>
        <dt>{t('plans.page.baseline')}</dt>
        <dd>{num(i.baseline)}</dd>
        <dt>{t('plans.page.target')}</dt>
        <dd>{num(i.target)}</dd>
        {i.unit !== 'text' ? (
          <>
            <dt>{t('plans.page.direction')}</dt>
            <dd>{t(`plans.direction.${i.direction}`)}</dd>
          </>
        ) : null}
      </dl>
      <h2>{t('plans.indicator.values')}</h2>
      {i.values.length ? (
        <Table
          caption={t('plans.indicator.values')}
          captionHidden
          head={[t('plans.indicator.period'), t('plans.indicator.value'), t('plans.indicator.measuredOn'), t('plans.page.source'), t('plans.indicator.note')]}
          rows={i.values.map((v) => [v.period, num(v.value), fmt.date(v.measuredOn), v.source ?? '—', v.note ?? '—'])}
        />
      ) : (
        <EmptyState>{t('plans.page.notReported')}</EmptyState>
      )}
      {props.canReport ? (
        <>
          <h2>{t('plans.indicator.report')}</h2>
          {i.unit !== 'text' ? <Notice type="info">{t('plans.indicator.numeric')}</Notice> : null}
          <ErrorSummary errors={props.form.errors} />
          <Form action={paths.indicator.href(l, { id: plan.id, iid: i.id })}>
            <TextField name="period" label={t('plans.indicator.period')} hint={t('plans.indicator.periodHint')} form={props.form} maxlength={40} required />
            <TextField name="value" label={t('plans.indicator.value')} form={props.form} maxlength={200} required inputmode={i.unit === 'text' ? undefined : 'decimal'} />
            <TextField name="measured_on" type="date" label={t('plans.indicator.measuredOn')} hint={t('plans.indicator.measuredHint', { from: fmt.date(plan.startsOn), to: fmt.date(plan.endsOn) })} form={props.form} required />
            <TextField name="source" label={t('plans.page.source')} hint={t('plans.indicator.sourceHint')} form={props.form} maxlength={500} />
            <TextArea name="note" label={t('plans.indicator.note')} form={props.form} rows={3} maxlength={1000} />
            <Button>{t('plans.indicator.submit')}</Button>
          </Form>
        </>
      ) : null}
    </>
  );
}

/** Adds or changes one strategic area, expected result, activity or indicator: the spreadsheet's columns as fields. */
export function ItemFormPage(props: { plan: Plan; kind: Kind; xid: string | null; form: FormState; parents: Option[]; bodies: Option[] }) {
  const { t, locale: l, fmt } = useView();
  const { plan, kind, xid, form } = props;
  const ids = { id: plan.id, kind };
  const title = xid ? t(`plans.item.edit.${kind}`, { code: String(form.values.code ?? '') }) : t(`plans.item.new.${kind}`);
  const within = t('plans.indicator.measuredHint', { from: fmt.date(plan.startsOn), to: fmt.date(plan.endsOn) });
  return (
    <>
      <h1>{title}</h1>
      <p>
        <a href={paths.plan.href(l, { id: plan.id })}>{tx(plan.title, l)}</a>
      </p>
      {plan.status === 'approved' ? <Notice type="info">{t('plans.item.approvedNote')}</Notice> : null}
      <ErrorSummary errors={form.errors} />
      <Form action={xid ? paths.itemEdit.href(l, { ...ids, xid }) : paths.itemNew.href(l, ids)}>
        <TextField name="code" label={t('plans.item.code')} hint={t('plans.item.codeHint')} form={form} maxlength={20} required />
        {kind !== 'axis' ? <SelectField name="parent" label={t(kind === 'result' ? 'plans.kinds.axis' : 'plans.kinds.result')} form={form} options={props.parents} required /> : null}
        {LOCALES.map((x) => (
          <TextField name={`title_${x}`} label={t('plans.form.titleIn', { language: LOCALE_NAMES[x] })} form={form} maxlength={500} />
        ))}
        <TextField name="weight" type="number" label={t('plans.item.weight')} hint={t('plans.item.weightHint')} form={form} />
        {kind === 'activity' ? (
          <>
            <SelectField name="body" label={t('plans.page.responsible')} form={form} options={props.bodies} />
            <TextField name="people" label={t('plans.item.people')} hint={t('plans.item.peopleHint')} form={form} maxlength={500} />
            <TextField name="starts_on" type="date" label={t('plans.item.startsOn')} hint={within} form={form} />
            <TextField name="ends_on" type="date" label={t('plans.item.endsOn')} hint={within} form={form} />
            <SelectField name="status" label={t('plans.page.status')} form={form} options={ACTIVITY_STATUSES.map((s) => ({ value: s, label: t(`plans.activityStatus.${s}`) }))} />
            <TextField name="objectives" label={t('plans.page.objectives')} hint={t('plans.item.objectivesHint')} form={form} maxlength={100} />
          </>
        ) : null}
        {kind === 'indicator' ? (
          <>
            <SelectField name="unit" label={t('plans.page.unit')} form={form} options={UNITS.map((u) => ({ value: u, label: t(`plans.unit.${u}`) }))} />
            <SelectField name="direction" label={t('plans.page.direction')} form={form} options={DIRECTIONS.map((d) => ({ value: d, label: t(`plans.direction.${d}`) }))} />
            <TextField name="baseline" label={t('plans.page.baseline')} hint={t('plans.item.numberHint')} form={form} maxlength={200} />
            <TextField name="target" label={t('plans.page.target')} hint={t('plans.item.numberHint')} form={form} maxlength={200} />
          </>
        ) : null}
        <Button>{xid ? t('plans.item.save') : t('plans.item.add')}</Button>
      </Form>
      {xid ? (
        <section aria-labelledby="remove">
          <h2 id="remove">{t('plans.item.remove')}</h2>
          <p>{t(`plans.item.removeLead.${kind}`)}</p>
          <Form action={paths.itemDelete.href(l, { ...ids, xid })}>
            <Button variant="danger">{t('plans.item.removeButton', { code: String(form.values.code ?? '') })}</Button>
          </Form>
        </section>
      ) : null}
    </>
  );
}
