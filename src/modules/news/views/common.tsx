/** @module News views: pieces shared by the pages and by other pages' sections (a post in a list, its image). */
import { pickTranslated } from '../../../platform/i18n/translated.js';
import type { Locale } from '../../../platform/i18n/locales.js';
import type { Formatters } from '../../../platform/i18n/i18n.js';
import { paths } from '../paths.js';
import { smallOf } from '../image.js';
import type { Post } from '../queries.js';

type T = (key: string, o?: Record<string, unknown>) => string;

/** The post's title in the reader's language (or the honest fallback, marked with its language). */
export function titleOf(p: Post, l: Locale): { text: string; lang?: string } {
  const picked = pickTranslated(p.title, l);
  return { text: picked?.text ?? '', lang: picked?.fallback ? picked.lang : undefined };
}

/** The image at two sizes (phones get the 600 px copy), described by its alt text. */
export function PostImage(props: { p: Post; l: Locale; sizes?: string }) {
  const { p, l } = props;
  if (!p.imageFile) return null;
  const alt = pickTranslated(p.imageAlt, l)?.text ?? '';
  const big = paths.image.href(l, { file: p.imageFile });
  const small = paths.image.href(l, { file: smallOf(p.imageFile) });
  return <img src={big} srcset={`${small} 600w, ${big} 1200w`} sizes={props.sizes ?? '(max-width: 40rem) 100vw, 48rem'} alt={alt} loading="lazy" decoding="async" />;
}

/** One post in a list: title (link), date, body's name, summary; "demo" when it is demo data. */
export function PostItem(props: { p: Post; l: Locale; t: T; fmt: Formatters; bodyName?: string | null; level?: 'h2' | 'h3' }) {
  const { p, l, t } = props;
  const title = titleOf(p, l);
  const summary = pickTranslated(p.summary, l);
  const H = (props.level ?? 'h2') as 'h2';
  return (
    <article class="card">
      <H class="card-title">
        <a href={paths.post.href(l, { id: p.id })} lang={title.lang}>
          {title.text}
        </a>
      </H>
      <p class="muted small">
        {p.demo ? <span class="badge warn">{t('news.demo')}</span> : null} {p.publishedAt ? <time datetime={p.publishedAt}>{props.fmt.date(p.publishedAt)}</time> : null}
        {props.bodyName ? <> · {props.bodyName}</> : null}
      </p>
      {summary ? <p lang={summary.fallback ? summary.lang : undefined}>{summary.text}</p> : null}
    </article>
  );
}
