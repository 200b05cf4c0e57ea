/** @module Library views: a document — its summary, what it is about, its files per language, and (for its managers) the file forms. */
import { useView } from '../../../platform/views/context.js';
import { Form, Button, ErrorSummary, FileField, SelectField, TText, Table, type FormState } from '../../../platform/views/components.js';
import { ACCEPT } from '../../../platform/files.js';
import { LOCALES, LOCALE_NAMES, type Locale } from '../../../platform/i18n/locales.js';
import type { Document } from '../queries.js';
import { paths } from '../paths.js';
import { fileSize } from './parts.js';

export interface DocumentPageData {
  d: Document;
  canManage: boolean;
  bodyName: string | null;
  visibilityBodyName: string | null;
  orgNames: string[];
  objectives: { n: number; label: string; href: string }[];
  countries: string[];
  form: FormState;
}

export function DocumentPage({ d, canManage, bodyName, visibilityBodyName, orgNames, objectives, countries, form }: DocumentPageData) {
  const { t, locale: l, fmt } = useView();
  const status = (s: string) => (s === 'failed' ? t('library.text.failed') : s === 'pending' ? t('library.text.pending') : s === 'done' ? t('library.text.done') : t('library.text.none'));
  const rows = d.files.map((f) => [
    LOCALE_NAMES[f.lang as Locale] ?? f.lang,
    <a href={paths.file.href(l, { id: d.id, version: f.lang })} hreflang={f.lang} download>
      {t('library.download', { name: f.fileName })}
    </a>,
    fileSize(f.size, fmt.number),
    f.textStatus === 'failed' ? <strong>{status(f.textStatus)}</strong> : status(f.textStatus),
    ...(canManage
      ? [
          d.files.length > 1 ? (
            <Form action={paths.removeFile.href(l, { id: d.id, version: f.lang })}>
              <Button variant="danger">{t('library.removeFile', { lang: LOCALE_NAMES[f.lang as Locale] ?? f.lang })}</Button>
            </Form>
          ) : (
            '—'
          ),
        ]
      : []),
  ]);
  const head = [t('library.fields.language'), t('library.file'), t('library.size'), t('library.text.heading'), ...(canManage ? [t('library.actions')] : [])];
  return (
    <>
      <p class="small muted">
        {t(`library.kinds.${d.kind}`)} · {fmt.date(d.publishedOn)}
      </p>
      <h1>
        <TText value={d.title} />
      </h1>
      {d.visibility !== 'public' ? (
        <p class="notice">{d.visibility === 'body' ? t('library.visibility.bodyNamed', { body: visibilityBodyName ?? '' }) : t('library.visibility.members')}</p>
      ) : null}
      <TText value={d.summary} as="div" />
      <h2>{t('library.versions')}</h2>
      {d.files.length ? <Table caption={t('library.versions')} captionHidden head={head} rows={rows} /> : <p class="muted">{t('library.noFiles')}</p>}
      <h2>{t('library.about')}</h2>
      <dl class="facts">
        <dt>{t('library.fields.authors')}</dt>
        <dd>{[bodyName, ...orgNames, d.authors].filter(Boolean).join('; ') || '—'}</dd>
        <dt>{t('library.fields.licence')}</dt>
        <dd>{t(`library.licences.${d.licence}`)}</dd>
        <dt>{t('library.fields.objectives')}</dt>
        <dd>
          {objectives.length
            ? objectives.map((o, i) => (
                <>
                  {i ? ', ' : ''}
                  <a href={o.href}>{o.label}</a>
                </>
              ))
            : '—'}
        </dd>
        <dt>{t('library.fields.countries')}</dt>
        <dd>{countries.join(', ') || '—'}</dd>
      </dl>
      {canManage ? (
        <section aria-labelledby="manage">
          <h2 id="manage">{t('library.manage')}</h2>
          <p class="actions">
            <a class="button secondary" href={paths.edit.href(l, { id: d.id })}>
              {t('library.edit')}
            </a>
          </p>
          <h3>{t('library.addFile')}</h3>
          <ErrorSummary errors={form.errors} />
          <Form action={paths.files.href(l, { id: d.id })} enctype="multipart/form-data">
            <SelectField name="lang" label={t('library.fields.language')} form={form} options={LOCALES.map((x) => ({ value: x, label: LOCALE_NAMES[x] }))} />
            <FileField name="file" label={t('library.file')} hint={t('library.fileHint')} accept={ACCEPT} form={form} required />
            <Button>{t('library.upload')}</Button>
          </Form>
          <h3>{t('library.delete')}</h3>
          <Form action={paths.remove.href(l, { id: d.id })}>
            <p>{t('library.deleteHint')}</p>
            <Button variant="danger">{t('library.delete')}</Button>
          </Form>
        </section>
      ) : null}
    </>
  );
}
