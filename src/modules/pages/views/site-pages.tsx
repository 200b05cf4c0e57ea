/** @module Pages views: a trust page (privacy, terms, contact), and the administrators' list and editor. */
import { useView } from '../../../platform/views/context.js';
import { Form, ErrorSummary, TextArea, Button, type FormState } from '../../../platform/views/components.js';
import { renderMarkdown } from '../../../platform/views/markdown.js';
import { LOCALES } from '../../../platform/i18n/locales.js';
import { paths } from '../paths.js';
import { SITE_PAGES, type SitePage } from '../site-pages.js';

export function SitePageView(props: { title: string; markdown: string }) {
  return (
    <>
      <h1>{props.title}</h1>
      <div class="prose" dangerouslySetInnerHTML={{ __html: renderMarkdown(props.markdown, { minHeading: 2 }) }} />
    </>
  );
}

export function SitePagesAdmin() {
  const { t, locale: l } = useView();
  return (
    <>
      <h1>{t('pages.site.adminTitle')}</h1>
      <p>{t('pages.site.adminLead')}</p>
      <ul>
        {SITE_PAGES.map((slug) => (
          <li>
            <a href={paths.adminSitePage.href(l, { slug })}>{t('pages.site.editTitle', { page: t(`pages.site.${slug}`) })}</a> ·{' '}
            <a href={paths[slug].href(l)}>{t('pages.site.view')}</a>
          </li>
        ))}
      </ul>
    </>
  );
}

export function SitePageForm(props: { slug: SitePage; form: FormState }) {
  const { t, locale: l } = useView();
  return (
    <>
      <h1>{t('pages.site.editTitle', { page: t(`pages.site.${props.slug}`) })}</h1>
      <p>{t('pages.site.editLead', { adminEmail: '{{adminEmail}}' })}</p>
      <ErrorSummary errors={props.form.errors} />
      <Form action={paths.adminSitePage.href(l, { slug: props.slug })}>
        {LOCALES.map((x) => (
          <TextArea name={`body_${x}`} label={t('pages.site.textIn', { language: t(`languageNames.${x}`) })} form={props.form} rows={16} maxlength={50000} lang={x} />
        ))}
        <Button>{t('form.save')}</Button>
      </Form>
    </>
  );
}
