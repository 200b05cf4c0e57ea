/** @module Practices: small components shared by the module's pages (status badge, list item, filter links, a text section). */
import type { Child } from 'hono/jsx';
import { useView } from '../../../platform/views/context.js';
import { TText } from '../../../platform/views/components.js';
import type { Locale } from '../../../platform/i18n/locales.js';
import { pickTranslated } from '../../../platform/i18n/translated.js';
import type { Objective } from '../../../platform/reference/queries.js';
import type { Practice, PracticeCard } from '../queries.js';
import { paths } from '../paths.js';

export function StatusBadge(props: { status: string }) {
  const { t } = useView();
  const cls = props.status === 'published' ? 'ok' : props.status === 'returned' ? 'err' : props.status === 'draft' ? '' : 'warn';
  return <span class={`badge ${cls}`}>{t(`practices.status.${props.status}`)}</span>;
}

/** One practice in a list: title, summary, objectives and countries. */
export function PracticeItem(props: { p: PracticeCard; objectives: Objective[]; countries: Map<string, string>; showStatus?: boolean; headingLevel?: 2 | 3 }) {
  const { t, locale } = useView();
  const { p } = props;
  const H = (props.headingLevel === 3 ? 'h3' : 'h2') as any;
  return (
    <article class="card">
      <H>
        <a href={paths.practice.href(locale, { id: p.id })}>{p.texts.title[p.originalLang] || Object.values(p.texts.title)[0] ? <TText value={p.texts.title} /> : t('practices.untitled')}</a>
      </H>
      {props.showStatus ? (
        <p>
          <StatusBadge status={p.status} />
        </p>
      ) : null}
      <TText value={p.texts.summary} as="p" />
      <p class="small muted">
        {p.objectives.length ? (
          <>
            {t('practices.fields.objectives')}: {p.objectives.map((n) => t('reference.objectives.number', { n })).join(', ')}
          </>
        ) : null}
        {p.countries.length ? (
          <>
            {' · '}
            {p.countries.map((c) => props.countries.get(c) ?? c).join(', ')}
          </>
        ) : null}
      </p>
    </article>
  );
}

/** A list of links back to the search, one per objective or principle. */
export function FilterLinks(props: { items: { label: string; href: string }[] }) {
  return (
    <ul class="small link-list">
      {props.items.map((i) => (
        <li>
          <a href={i.href}>{i.label}</a>
        </li>
      ))}
    </ul>
  );
}

export function Section(props: { title: string; value: Partial<Record<Locale, string>>; children?: Child }) {
  if (!Object.keys(props.value).length) return null;
  return (
    <section>
      <h2>{props.title}</h2>
      <TText value={props.value} as="div" />
    </section>
  );
}

/** A practice's title in a language (or the honest fallback), as plain text. */
export const titleOf = (p: Practice, l: Locale, untitled: string) => pickTranslated(p.texts.title, l)?.text ?? untitled;

/** A short list of practice titles (home page, an objective's page). */
export function TitleList(props: { items: Practice[]; locale: Locale }) {
  const { locale } = props;
  return (
    <ul>
      {props.items.map((p) => (
        <li>
          <a href={paths.practice.href(locale, { id: p.id })}>
            <TText value={p.texts.title} />
          </a>
        </li>
      ))}
    </ul>
  );
}
