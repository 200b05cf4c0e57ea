/** @module News views: the news page (paged), a body's news, a post, the drafts list and the post form. */
import { Form, Button, ErrorSummary, TextField, TextArea, SelectField, ChoiceField, DeadlineField, Checkbox, FileField, EmptyState, Pagination, Notice, Table, emptyForm, type FormState, type Option } from '../../../platform/views/components.js';
import { useView } from '../../../platform/views/context.js';
import { LOCALES, LOCALE_NAMES } from '../../../platform/i18n/locales.js';
import { pickTranslated } from '../../../platform/i18n/translated.js';
import { renderMarkdown } from '../../../platform/views/markdown.js';
import { TIME_ZONES } from '../../../platform/i18n/zones.js';
import { paths } from '../paths.js';
import { PUBLISH_CHOICES } from '../schemas.js';
import type { Post } from '../queries.js';
import type { Attachment } from '../commands/attachments.js';
import { PostItem, PostImage, titleOf } from './common.js';

/** The news page, or one body's (`body` given): newest first, ten a page, with the feed beside. */
export function NewsListPage(props: { posts: Post[]; page: number; pages: number; bodyNames: Map<string, string>; body?: { name: string; slug: string; href: string }; canWrite: boolean }) {
  const { t, fmt, locale: l } = useView();
  const feed = props.body ? paths.bodyFeed.href(l, { slug: props.body.slug }) : paths.feed.href(l);
  const here = props.body ? paths.body.href(l, { slug: props.body.slug }) : paths.list.href(l);
  return (
    <>
      <h1>{props.body ? t('news.body.title', { body: props.body.name }) : t('news.list.title')}</h1>
      <p class="lead">{props.body ? t('news.body.lead') : t('news.list.lead')}</p>
      <p class="actions">
        {props.canWrite ? (
          <>
            <a class="button" href={paths.create.href(l)}>
              {t('news.list.create')}
            </a>
            <a href={paths.drafts.href(l)}>{t('news.drafts.title')}</a>
          </>
        ) : null}
        <a href={feed} type="application/atom+xml">
          {t('news.list.feed')}
        </a>
        {props.body ? <a href={props.body.href}>{t('news.body.back', { body: props.body.name })}</a> : null}
      </p>
      {props.posts.length ? (
        <ul class="grid">
          {props.posts.map((p) => (
            <li>
              <PostItem p={p} l={l} t={t} fmt={fmt} bodyName={p.bodyId && !props.body ? props.bodyNames.get(p.bodyId) : null} />
            </li>
          ))}
        </ul>
      ) : (
        <EmptyState>{t('news.list.empty')}</EmptyState>
      )}
      <Pagination page={props.page} pages={props.pages} baseUrl={here} />
    </>
  );
}

/** One post: title, date, body, image, the text (Markdown, sanitized); its writers see its status and the edit link. */
export function PostPage(props: { p: Post; bodyName: string | null; bodyHref: string | null; canEdit: boolean; attachments: Attachment[]; form?: FormState }) {
  const { t, fmt, locale: l } = useView();
  const { p } = props;
  const title = titleOf(p, l);
  const summary = pickTranslated(p.summary, l);
  const body = pickTranslated(p.body, l);
  return (
    <article>
      <h1 lang={title.lang}>{title.text}</h1>
      <p class="muted">
        {p.demo ? <span class="badge warn">{t('news.demo')}</span> : null}{' '}
        {p.publishedAt ? t('news.post.publishedOn', { date: fmt.date(p.publishedAt) }) : null}
        {props.bodyName && props.bodyHref ? (
          <>
            {' · '}
            <a href={props.bodyHref}>{props.bodyName}</a>
          </>
        ) : null}
      </p>
      {p.status !== 'published' ? (
        <Notice type="info">
          {p.status === 'scheduled' && p.publishAt ? t('news.post.scheduledFor', { when: fmt.dateTime(p.publishAt) }) : t('news.post.isDraft')}
        </Notice>
      ) : null}
      {props.canEdit ? (
        <div class="actions">
          <a class="button" href={paths.edit.href(l, { id: p.id })}>
            {t('news.post.edit')}
          </a>
          {p.status !== 'draft' ? (
            <Form action={paths.withdraw.href(l, { id: p.id })}>
              <Button variant="secondary">{t('news.post.withdraw')}</Button>
            </Form>
          ) : null}
        </div>
      ) : null}
      {body?.fallback ? <p class="untranslated">{t('content.notTranslated', { language: t(`languageNames.${body.lang}`) })}</p> : null}
      {summary ? (
        <p class="lead" lang={summary.fallback ? summary.lang : undefined}>
          {summary.text}
        </p>
      ) : null}
      <PostImage p={p} l={l} />
      {body ? <div class="prose" lang={body.fallback ? body.lang : undefined} dangerouslySetInnerHTML={{ __html: renderMarkdown(body.text, { minHeading: 2 }) }} /> : null}
      {props.attachments.length || props.canEdit ? (
        <section>
          <h2>{t('news.attachments.title')}</h2>
          {props.attachments.length ? (
            <ul>
              {props.attachments.map((a) => (
                <li>
                  <a href={paths.file.href(l, { id: p.id, aid: a.id })}>{a.name}</a> <span class="small muted">({t('news.attachments.size', { kb: Math.max(1, Math.round(a.size / 1024)) })})</span>
                  {props.canEdit ? (
                    <Form action={paths.detach.href(l, { id: p.id, aid: a.id })} class="inline">
                      <Button variant="secondary">{t('news.attachments.remove', { name: a.name })}</Button>
                    </Form>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : (
            <p class="muted">{t('news.attachments.none')}</p>
          )}
          {props.canEdit ? (
            <Form action={paths.attachments.href(l, { id: p.id })} enctype="multipart/form-data">
              <ErrorSummary errors={props.form?.errors ?? {}} />
              <FileField name="file" label={t('news.attachments.add')} hint={t('news.attachments.hint')} form={props.form ?? emptyForm()} accept=".pdf,.png,.jpg,.jpeg,.gif,.webp,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods,.odp" />
              <Button variant="secondary">{t('news.attachments.upload')}</Button>
            </Form>
          ) : null}
        </section>
      ) : null}
      <p>
        <a href={paths.list.href(l)}>{t('news.post.all')}</a>
      </p>
    </article>
  );
}

/** Drafts and scheduled posts the reader may edit. */
export function DraftsPage(props: { posts: Post[]; bodyNames: Map<string, string> }) {
  const { t, fmt, locale: l } = useView();
  return (
    <>
      <h1>{t('news.drafts.title')}</h1>
      <p class="actions">
        <a class="button" href={paths.create.href(l)}>
          {t('news.list.create')}
        </a>
      </p>
      {props.posts.length ? (
        <Table
          caption={t('news.drafts.title')}
          captionHidden
          head={[t('news.fields.title'), t('news.fields.body'), t('news.drafts.status')]}
          rows={props.posts.map((p) => {
            const title = titleOf(p, l);
            return [
              <a href={paths.edit.href(l, { id: p.id })} lang={title.lang}>
                {title.text}
              </a>,
              p.bodyId ? (props.bodyNames.get(p.bodyId) ?? '—') : t('news.form.mechanism'),
              p.status === 'scheduled' && p.publishAt ? t('news.post.scheduledFor', { when: fmt.dateTime(p.publishAt) }) : t('news.status.draft'),
            ];
          })}
        />
      ) : (
        <EmptyState>{t('news.drafts.empty')}</EmptyState>
      )}
    </>
  );
}

/** Writing or editing a post: whose news, the texts per language (Markdown), an image, and when it goes out. */
export function PostFormPage(props: { title: string; action: string; form: FormState; bodies: Option[]; hasImage: boolean }) {
  const { t } = useView();
  const { form } = props;
  return (
    <>
      <h1>{props.title}</h1>
      <ErrorSummary errors={form.errors} />
      <Form action={props.action} enctype="multipart/form-data" keep>
        <SelectField name="body" label={t('news.fields.body')} hint={t('news.form.bodyHint')} form={form} options={props.bodies} />
        <fieldset>
          <legend>{t('news.form.texts')}</legend>
          <p class="hint">{t('news.form.textsHint')}</p>
          <SelectField name="original_lang" label={t('news.fields.originalLang')} form={form} options={LOCALES.map((x) => ({ value: x, label: LOCALE_NAMES[x] }))} />
          {LOCALES.map((x) => (
            <>
              <TextField name={`title_${x}`} label={t('news.form.titleIn', { language: LOCALE_NAMES[x] })} form={form} maxlength={200} />
              <TextArea name={`summary_${x}`} label={t('news.form.summaryIn', { language: LOCALE_NAMES[x] })} form={form} maxlength={600} lang={x} rows={2} />
              <TextArea name={`body_${x}`} label={t('news.form.bodyIn', { language: LOCALE_NAMES[x] })} hint={t('news.form.markdownHint')} form={form} maxlength={40000} lang={x} rows={8} />
            </>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('news.fields.image')}</legend>
          <FileField name="image" label={t('news.form.image')} hint={t('news.form.imageHint')} form={form} accept="image/png,image/jpeg,image/webp" />
          <TextField name="image_alt" label={t('news.form.imageAlt')} hint={t('news.form.imageAltHint')} form={form} maxlength={300} />
          {props.hasImage ? <Checkbox name="remove_image" label={t('news.form.removeImage')} form={form} /> : null}
        </fieldset>
        <ChoiceField name="publish" legend={t('news.fields.publish')} form={form} options={PUBLISH_CHOICES.map((v) => ({ value: v, label: t(`news.publish.${v}`) }))} />
        <DeadlineField name="publish_at" label={t('news.fields.publishAt')} hint={t('news.form.publishAtHint')} form={form} zones={TIME_ZONES} />
        <div class="actions">
          <Button>{t('news.form.save')}</Button>
        </div>
      </Form>
    </>
  );
}
