/** @module Library views: pieces shared by the pages (a document in a list, file sizes). */
import { useView } from '../../../platform/views/context.js';
import { pickTranslated } from '../../../platform/i18n/translated.js';
import { LOCALE_NAMES, type Locale } from '../../../platform/i18n/locales.js';
import type { Document } from '../queries.js';
import { paths } from '../paths.js';

export const titleIn = (d: Pick<Document, 'title'>, l: Locale) => pickTranslated(d.title, l)?.text ?? '';

/** "1.2 MB", "350 KB" in the reader's language. */
export function fileSize(bytes: number, number: (n: number) => string): string {
  if (bytes >= 1024 * 1024) return `${number(Math.round((bytes / (1024 * 1024)) * 10) / 10)} MB`;
  return `${number(Math.max(1, Math.round(bytes / 1024)))} KB`;
}

/** One document in a list: its title (linked), kind, date, languages and summary. */
export function DocumentItem(props: { d: Document; bodyName?: string; headingLevel?: 2 | 3 }) {
  const { t, locale: l, fmt } = useView();
  const { d } = props;
  const summary = pickTranslated(d.summary, l);
  const H = (props.headingLevel === 2 ? 'h2' : 'h3') as any;
  return (
    <article class="card">
      <H>
        <a href={paths.document.href(l, { id: d.id })}>{titleIn(d, l)}</a>
      </H>
      <p class="small muted">
        {t(`library.kinds.${d.kind}`)} · {fmt.date(d.publishedOn)}
        {props.bodyName ? ` · ${props.bodyName}` : ''}
        {d.files.length ? ` · ${d.files.map((f) => LOCALE_NAMES[f.lang as Locale] ?? f.lang).join(', ')}` : ''}
        {d.visibility !== 'public' ? ` · ${t(`library.visibility.${d.visibility}`)}` : ''}
      </p>
      {summary ? <p>{summary.text.length > 280 ? `${summary.text.slice(0, 277)}…` : summary.text}</p> : null}
    </article>
  );
}

/** A short list of titles (a body's or an objective's page). */
export function DocumentTitles(props: { items: Document[] }) {
  const { locale: l, t, fmt } = useView();
  return (
    <ul>
      {props.items.map((d) => (
        <li>
          <a href={paths.document.href(l, { id: d.id })}>{titleIn(d, l)}</a>{' '}
          <span class="small muted">
            ({t(`library.kinds.${d.kind}`)}, {fmt.date(d.publishedOn)})
          </span>
        </li>
      ))}
    </ul>
  );
}
