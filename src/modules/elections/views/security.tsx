/** @module Elections views: how the elections are kept secret and verifiable (docs/elections-security.md). */
import { EmptyState } from '../../../platform/views/components.js';
import { useView } from '../../../platform/views/context.js';

/** `html` comes from the platform's renderMarkdown (sanitized); null when the document is missing. */
export function SecurityPage(props: { html: string | null }) {
  const { t } = useView();
  return (
    <>
      <h1>{t('elections.security.title')}</h1>
      <p class="lead">{t('elections.security.lead')}</p>
      {props.html ? <div lang="en" class="prose" dangerouslySetInnerHTML={{ __html: props.html }} /> : <EmptyState>{t('elections.security.missing')}</EmptyState>}
    </>
  );
}
