/** @module Elections views: how elections work and what anyone can check (guide/*.md), then the technical document. */
import { EmptyState } from '../../../platform/views/components.js';
import { useView } from '../../../platform/views/context.js';

/** Both texts come from the platform's renderMarkdown (sanitized); null when a document is missing. */
export function SecurityPage(props: { guide: string | null; technical: string | null }) {
  const { t, locale } = useView();
  return (
    <>
      <h1>{t('elections.security.title')}</h1>
      <p class="lead">{t('elections.security.lead')}</p>
      {props.guide ? <div class="prose" dangerouslySetInnerHTML={{ __html: props.guide }} /> : <EmptyState>{t('elections.security.missing')}</EmptyState>}
      {props.technical ? (
        <details class="technical">
          <summary>{t('elections.security.technical')}</summary>
          <div lang={locale === 'en' ? undefined : 'en'} class="prose" dangerouslySetInnerHTML={{ __html: props.technical }} />
        </details>
      ) : null}
    </>
  );
}
