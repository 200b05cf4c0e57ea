/**
 * @module Consultations views: the results — per question a chart (server-rendered SVG) and its data table
 * beside it; rankings by the Borda count and the Schulze method side by side, with the pairwise matrix.
 */
import { raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import { Table, EmptyState, Form, SelectField, TextField, Button, emptyForm, type Option } from '../../../platform/views/components.js';
import { MIN_GROUP } from '../breakdown.js';
import { escapeHtml } from '../../../platform/views/fragment.js';
import { useView } from '../../../platform/views/context.js';
import { pickTranslated } from '../../../platform/i18n/translated.js';
import { renderBarChart } from '../../../platform/charts/index.js';
import { paths as eventsPaths } from '../../events/paths.js';
import { paths } from '../paths.js';
import type { Consultation } from '../queries.js';
import type { Resolved } from '../model.js';
import type { QuestionResult } from '../results.js';

export interface BreakdownView {
  options: Option[];
  /** The chosen group ('' for every answer). */
  value: string;
  /** Answers in the group. */
  count: number;
  /** The group is too small to show without revealing an organization's answer. */
  tooFew: boolean;
}

/** Questions whose result is an order of items, which can become an event's draft agenda. */
const AGENDA_KINDS = new Set(['rank', 'points', 'one', 'many']);

/**
 * The results page. `shown`: each counted question's number of answers and its counts as rendered (QuestionResultView,
 * the same for every reader — the route keeps them as a fragment); around them, what depends on the reader (export,
 * priorities, agenda).
 */
export function ResultsPage(props: {
  k: Consultation;
  questions: Resolved[];
  shown: Map<string, { n: number; html: HtmlEscapedString }>;
  canExport: boolean;
  canPrioritize: boolean;
  canAgenda?: boolean;
  breakdown: BreakdownView;
  /** Kept as a template (the route's): the group's select and notes are its slots, filled per request. */
  slots?: { select: HtmlEscapedString; group: HtmlEscapedString };
}) {
  const { t, locale } = useView();
  const { k } = props;
  return (
    <>
      <h1>{t('consultations.results.title', { title: pickTranslated(k.title, locale)?.text ?? '' })}</h1>
      {k.status !== 'closed' ? <p class="hint">{t('consultations.results.provisional')}</p> : null}
      <p>{t('consultations.results.answers', { n: k.answerCount })}</p>
      <p class="hint">{t('consultations.results.methods')}</p>
      <Form action={paths.results.href(locale, { id: k.id })} method="get" class="filters">
        {props.slots ? props.slots.select : <SelectField name="by" label={t('consultations.results.breakdown')} form={emptyForm({ by: props.breakdown.value })} options={props.breakdown.options} empty={t('consultations.results.everyone')} />}
        <Button variant="secondary">{t('consultations.results.show')}</Button>
      </Form>
      {props.slots ? props.slots.group : raw(groupNotesHtml(t, props.breakdown))}
      {props.canExport ? (
        <p>
          <a href={paths.exportCsv.href(locale, { id: k.id })}>{t('consultations.page.exportCsv')}</a>
        </p>
      ) : null}
      {props.questions.map((q) => {
        const r = props.shown.get(q.id);
        return (
          <section aria-labelledby={`q-${q.id}`}>
            <h2 id={`q-${q.id}`}>
              {q.position}. {pickTranslated(q.prompt, locale)?.text ?? ''}
            </h2>
            {r ? r.html : null}
            {props.canPrioritize && !props.breakdown.value && q.kind === 'rank' && q.source === 'objectives' && r?.n ? (
              <Form action={paths.prioritize.href(locale, { id: k.id, qid: q.id })}>
                <TextField name="count" type="number" inputmode="numeric" label={t('consultations.results.prioritizeCount')} hint={t('consultations.results.prioritizeHint')} form={emptyForm({ count: '3' })} />
                <Button variant="secondary">{t('consultations.results.prioritize')}</Button>
              </Form>
            ) : null}
            {props.canAgenda && !props.breakdown.value && AGENDA_KINDS.has(q.kind) && r?.n ? (
              <p>
                <a href={eventsPaths.create.href(locale, {}, { consultation: k.id, question: q.id })}>{t('consultations.results.agenda', { n: q.position })}</a>
              </p>
            ) : null}
          </section>
        );
      })}
    </>
  );
}

/** What the page says of the chosen group: how many answered in it, and whether it is too small to show. */
export function groupNotesHtml(t: (key: string, opts?: Record<string, unknown>) => string, b: BreakdownView): string {
  let out = b.value ? `<p>${escapeHtml(t('consultations.results.inGroup', { n: b.count }))}</p>` : '';
  if (b.tooFew) out += `<p class="notice warning">${escapeHtml(t('consultations.results.tooFew', { min: MIN_GROUP }))}</p>`;
  return out;
}

/** Free-text answers listed per question before "show all". */
export const TEXTS_SHOWN = 50;

/** One question's counts: a chart and its table(s), or the texts; the same for every reader. */
export function QuestionResultView(props: { k: Consultation; q: Resolved; r: QuestionResult; orgName: Map<string, string>; attribute: boolean; allTexts: boolean; by: string }) {
  const { t, fmt, locale } = useView();
  const { q, r } = props;
  const label = new Map(q.items.map((i) => [i.key, i.label]));
  const name = (key: string) => label.get(key) ?? key;
  const answered = <p class="hint">{t('consultations.results.answered', { n: r.n })}</p>;
  if (!r.n) return <EmptyState>{t('consultations.results.none')}</EmptyState>;
  const chart = (rows: { label: string; value: number }[], what: string) =>
    raw(renderBarChart({ title: `${q.position}. ${pickTranslated(q.prompt, locale)?.text ?? ''} — ${what}`, desc: t('consultations.results.chartDesc'), rows, formatNumber: fmt.number, idPrefix: `chart-${q.id}`, maxRows: 12 }));
  switch (r.kind) {
    case 'rank':
      return (
        <>
          {answered}
          <div class="chart">{chart(r.borda.map((p) => ({ label: name(p.key), value: p.value.points })), t('consultations.results.borda'))}</div>
          <div class="results-side">
            <Table
              caption={t('consultations.results.borda')}
              head={[t('consultations.results.place'), t('consultations.results.item'), { label: t('consultations.results.points'), num: true }, { label: t('consultations.results.first'), num: true }, { label: t('consultations.results.ranked'), num: true }]}
              rows={r.borda.map((p) => [String(p.place), name(p.key), fmt.number(p.value.points), fmt.number(p.value.first), fmt.number(p.value.ranked)])}
            />
            <Table
              caption={t('consultations.results.schulze')}
              head={[t('consultations.results.place'), t('consultations.results.item'), { label: t('consultations.results.beats'), num: true }]}
              rows={r.schulze.map((p) => [String(p.place), name(p.key), fmt.number(p.value.wins)])}
            />
          </div>
          <details>
            <summary>{t('consultations.results.matrix')}</summary>
            <p class="hint">{t('consultations.results.matrixHint')}</p>
            <Table caption={t('consultations.results.matrix')} captionHidden head={['', ...q.items.map((_, i) => String(i + 1))]} rows={q.items.map((it, a) => [`${a + 1}. ${it.label}`, ...q.items.map((_, b) => (a === b ? '—' : fmt.number(r.matrix[a]![b]!)))])} />
          </details>
        </>
      );
    case 'points':
      return (
        <>
          {answered}
          <div class="chart">{chart(r.rows.map((p) => ({ label: name(p.key), value: p.value.total })), t('consultations.results.total'))}</div>
          <Table
            caption={t('consultations.results.pointsTable')}
            head={[t('consultations.results.place'), t('consultations.results.item'), { label: t('consultations.results.total'), num: true }, { label: t('consultations.results.mean'), num: true }]}
            rows={r.rows.map((p) => [String(p.place), name(p.key), fmt.number(p.value.total), fmt.number(Math.round(p.value.mean * 100) / 100)])}
          />
        </>
      );
    case 'one':
    case 'many':
      return (
        <>
          {answered}
          <div class="chart">{chart(r.rows.map((p) => ({ label: name(p.key), value: p.value.count })), t('consultations.results.count'))}</div>
          <Table
            caption={t('consultations.results.choicesTable')}
            head={[t('consultations.results.item'), { label: t('consultations.results.count'), num: true }, { label: t('consultations.results.share'), num: true }]}
            rows={r.rows.map((p) => [name(p.key), fmt.number(p.value.count), fmt.percent(p.value.share)])}
          />
          {r.kind === 'many' ? <p class="hint">{t('consultations.results.manyNote')}</p> : null}
        </>
      );
    case 'scale': {
      return (
        <>
          {answered}
          <p>{t('consultations.results.median', { median: r.median === null ? '—' : fmt.number(r.median) })}</p>
          <div class="chart">{chart(r.counts.map((c, i) => ({ label: String(i + 1), value: c })), t('consultations.results.distribution'))}</div>
          <Table caption={t('consultations.results.distribution')} head={[t('consultations.results.value'), { label: t('consultations.results.count'), num: true }]} rows={r.counts.map((c, i) => [String(i + 1), fmt.number(c)])} />
        </>
      );
    }
    default: {
      // A long list is cut: the page stays light; one question's every answer is a link away (`?texts=<question>`).
      const all = props.allTexts || r.texts.length <= TEXTS_SHOWN;
      const texts = all ? r.texts : r.texts.slice(0, TEXTS_SHOWN);
      return (
        <>
          {answered}
          <ul class="texts">
            {texts.map((x) => (
              <li>
                {x.text}
                {props.attribute ? <> — <em>{props.orgName.get(x.respondent) ?? ''}</em></> : null}
              </li>
            ))}
          </ul>
          {all ? null : (
            <p>
              {t('consultations.results.textsShown', { shown: fmt.number(texts.length), n: fmt.number(r.texts.length) })}{' '}
              <a href={`${paths.results.href(locale, { id: props.k.id }, { ...(props.by ? { by: props.by } : {}), texts: q.id })}#q-${q.id}`}>{t('consultations.results.textsAll', { n: fmt.number(r.texts.length) })}</a>
            </p>
          )}
        </>
      );
    }
  }
}
