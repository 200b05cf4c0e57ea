/**
 * @module Reports: the pages — a report written in a language (contents, sections, figures, SVG bar charts each
 * with its data table), the list of published editions with the form that generates a live report, and the
 * preview with the publish button. Printing hides the site's header, the forms and the links bar (app.css).
 */
import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import { renderBarChart } from '../../../platform/charts/index.js';
import { useView } from '../../../platform/views/context.js';
import { Table, Form, Button, SelectField, TextField, ChoiceField, ErrorSummary, EmptyState, type FormState, type Option } from '../../../platform/views/components.js';
import { LOCALES, type Locale } from '../../../platform/i18n/locales.js';
import type { ReportBlock } from '../../../platform/module.js';
import type { RenderedReport } from '../generate.js';

const LANG_NAMES: Record<Locale, string> = { es: 'Español', en: 'English', pt: 'Português', fr: 'Français' };

function Block(props: { b: ReportBlock; id: string }) {
  const { t } = useView();
  const b = props.b;
  switch (b.kind) {
    case 'paragraph':
      return <p>{b.text}</p>;
    case 'empty':
      return <p class="hint report-empty">{b.text}</p>;
    case 'list':
      return b.ordered ? (
        <ol>
          {b.items.map((i) => (
            <li>{i}</li>
          ))}
        </ol>
      ) : (
        <ul>
          {b.items.map((i) => (
            <li>{i}</li>
          ))}
        </ul>
      );
    case 'figures':
      return (
        <ul class="report-figures">
          {b.items.map((i) => (
            <li>
              <strong>{i.value}</strong> <span>{i.label}</span>
            </li>
          ))}
        </ul>
      );
    case 'bars': {
      if (!b.items.length) return null;
      const display = new Map(b.items.map((i) => [i.value, i.display]));
      return (
        <figure class="report-chart">
          {raw(
            renderBarChart({
              title: b.caption,
              desc: t('reports.chartDesc'),
              rows: b.items.map((i) => ({ label: i.label, value: i.value })),
              formatNumber: (n) => display.get(n) ?? String(n),
              idPrefix: props.id,
            }),
          )}
          <Table caption={b.caption} head={[t('reports.category'), { label: t('reports.value'), num: true }]} rows={b.items.map((i) => [i.label, i.display])} numeric={[1]} />
        </figure>
      );
    }
    case 'table':
      return <Table caption={b.caption} head={b.head} rows={b.rows} />;
  }
}

/** A report in the reader's language: the title block, the contents and every section. */
export function ReportBody(props: { r: RenderedReport; note?: Child; links?: Child }) {
  const { t } = useView();
  const { r } = props;
  return (
    <article class="report">
      <header class="report-head">
        <p class="report-kicker">{t('reports.factsheet')}</p>
        <h1>{r.title}</h1>
        <p class="report-period">{r.period}</p>
        {props.note}
      </header>
      {props.links}
      <nav aria-label={t('reports.contents')} class="report-toc">
        <h2>{t('reports.contents')}</h2>
        <ol>
          {r.sections.map((s) => (
            <li>
              <a href={`#${s.anchor}`}>{s.title}</a>
            </li>
          ))}
        </ol>
      </nav>
      {r.sections.map((s) => (
        <section id={s.anchor} aria-labelledby={`${s.anchor}-h`} class="report-section">
          <h2 id={`${s.anchor}-h`}>{s.title}</h2>
          {s.blocks.map((b, i) => (
            <Block b={b} id={`${s.anchor}-${i}`} />
          ))}
        </section>
      ))}
    </article>
  );
}

/** The edition's downloads in every language: the page and the PDF. */
export function Downloads(props: { page: (l: Locale) => string; pdf: (l: Locale) => string }) {
  const { t } = useView();
  return (
    <section class="report-downloads" aria-labelledby="downloads-h">
      <h2 id="downloads-h">{t('reports.downloads')}</h2>
      <ul>
        {LOCALES.map((l) => (
          <li lang={l}>
            {LANG_NAMES[l]}: <a href={props.page(l)}>{t('reports.webPage')}</a> · <a href={props.pdf(l)}>PDF</a>
          </li>
        ))}
      </ul>
    </section>
  );
}

export interface EditionRow {
  title: string;
  period: string;
  date: string;
  href: string;
  pdf: string;
}

/** The reports page: editions, and for those who may, the form that generates a live report. */
export function ReportsListPage(props: { editions: EditionRow[]; form?: { state: FormState; action: string; kinds: string[]; bodies: Option[]; objectives: Option[] } }) {
  const { t } = useView();
  return (
    <>
      <h1>{t('reports.list.title')}</h1>
      <p>{t('reports.list.intro')}</p>
      {props.form && <GenerateForm {...props.form} />}
      <h2>{t('reports.list.editions')}</h2>
      {props.editions.length ? (
        <Table
          caption={t('reports.list.editions')}
          captionHidden
          head={[t('reports.list.report'), t('reports.list.period'), t('reports.list.published'), 'PDF']}
          rows={props.editions.map((e) => [<a href={e.href}>{e.title}</a>, e.period, e.date, <a href={e.pdf}>{t('reports.list.pdf', { title: e.title })}</a>])}
        />
      ) : (
        <EmptyState>{t('reports.list.none')}</EmptyState>
      )}
    </>
  );
}

function GenerateForm(props: { state: FormState; action: string; kinds: string[]; bodies: Option[]; objectives: Option[] }) {
  const { t } = useView();
  const f = props.state;
  return (
    <section aria-labelledby="generate-h" class="report-generate">
      <h2 id="generate-h">{t('reports.form.title')}</h2>
      <ErrorSummary errors={f.errors} />
      <Form action={props.action} method="get">
        <ChoiceField
          name="kind"
          legend={t('reports.form.kind')}
          form={f}
          options={props.kinds.map((k) => ({ value: k, label: t(`reports.form.${k}`) }))}
        />
        <SelectField name="body" label={t('reports.form.whichBody')} form={f} options={props.bodies} empty={t('reports.form.choose')} />
        {props.objectives.length > 0 && <SelectField name="objective" label={t('reports.form.whichObjective')} form={f} options={props.objectives} empty={t('reports.form.choose')} />}
        <ChoiceField
          name="period"
          legend={t('reports.form.period')}
          form={f}
          options={[
            { value: 'year', label: t('reports.form.year') },
            { value: 'custom', label: t('reports.form.custom') },
          ]}
        />
        <TextField name="year" label={t('reports.form.yearLabel')} form={f} type="number" />
        <TextField name="from" label={t('reports.form.from')} form={f} type="date" hint={t('reports.form.customHint')} />
        <TextField name="to" label={t('reports.form.to')} form={f} type="date" />
        <Button>{t('reports.form.submit')}</Button>
      </Form>
    </section>
  );
}

/** A live report before it is published: the report, its PDF, and the publish button for those who may. */
export function PreviewPage(props: { r: RenderedReport; pdf: string; publish?: string }) {
  const { t } = useView();
  return (
    <ReportBody
      r={props.r}
      note={<p class="notice notice-info">{t('reports.preview.note')}</p>}
      links={
        <div class="report-actions">
          <p>
            <a href={props.pdf}>{t('reports.preview.pdf')}</a>
          </p>
          {props.publish && (
            <Form action={props.publish}>
              <p class="hint">{t('reports.preview.publishHint')}</p>
              <Button>{t('reports.preview.publish')}</Button>
            </Form>
          )}
        </div>
      }
    />
  );
}
