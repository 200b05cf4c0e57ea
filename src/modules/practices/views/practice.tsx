/** @module Practices: a practice's page — its text and facts, files, downloads, the review workflow and its history. */
import { useView } from '../../../platform/views/context.js';
import { TText, Form, TextArea, Button, Notice, Table, HistoryTable, FileField, type FormState } from '../../../platform/views/components.js';
import { AttachmentList } from '../../../platform/views/attachments.js';
import { ACCEPT } from '../../../platform/files.js';
import { LOCALES, LOCALE_NAMES } from '../../../platform/i18n/locales.js';
import type { ReadItem } from '../../../platform/audit/read.js';
import type { Objective, Principle } from '../../../platform/reference/queries.js';
import { TEXT_FIELDS, RECOMMENDED_START } from '../model.js';
import { missingForSubmit } from '../schemas.js';
import { translationStatus, type Practice } from '../queries.js';
import { practicePolicy, type Scope } from '../policy.js';
import { paths } from '../paths.js';
import { PracticeItem, StatusBadge, FilterLinks, Section } from './parts.js';

export interface PracticePageData {
  p: Practice;
  /** What the viewer may do comes from the policy with this scope. */
  scope: Scope;
  objectives: Objective[];
  principles: Principle[];
  names: Map<string, string>;
  org?: { name: string };
  attachments: { id: string; file_name: string; size: number }[];
  related: Practice[];
  /** The workflow's history, when the viewer may see it (`seeHistory`), else empty. */
  events: ReadItem[];
  /** The workflow or upload form as posted, with its problems (422), or empty. */
  form: FormState;
}

export function PracticePage({ p, scope, objectives, principles, names, org, attachments, related, events, form }: PracticePageData) {
  const { t, locale: l, fmt, user } = useView();
  const r = { p, s: scope };
  const can = (rule: 'edit' | 'submit' | 'review' | 'comment' | 'unpublish' | 'attach' | 'detach') => practicePolicy.can(user, rule, r);
  const canEdit = can('edit');
  const canSubmit = can('submit');
  const canReview = can('review');
  const canAttach = can('attach');
  const canDetach = can('detach');
  const missing = canEdit ? missingForSubmit(p) : {};
  const ts = translationStatus(p);
  const objLink = (n: number) => {
    const o = objectives.find((x) => x.n === n)!;
    return { label: t('reference.objectives.numbered', { n, title: o.short }), href: paths.search.href(l, {}, { gcm_objectives: o.hubId }) };
  };
  return (
    <>
      <h1>{p.texts.title[l] || Object.keys(p.texts.title).length ? <TText value={p.texts.title} /> : t('practices.untitled')}</h1>
      {p.status !== 'published' ? (
        <p>
          {t('practices.fields.status')}: <StatusBadge status={p.status} />
        </p>
      ) : null}
      <TText value={p.texts.summary} as="div" />
      <dl class="meta">
        {org ? (
          <>
            <dt>{t('practices.fields.org')}</dt>
            <dd>{org.name}</dd>
          </>
        ) : null}
        {p.implementers ? (
          <>
            <dt>{t('practices.fields.implementers')}</dt>
            <dd>{p.implementers}</dd>
          </>
        ) : null}
        {p.partners ? (
          <>
            <dt>{t('practices.fields.partners')}</dt>
            <dd>{p.partners}</dd>
          </>
        ) : null}
        {p.countries.length ? (
          <>
            <dt>{t('practices.fields.countries')}</dt>
            <dd>
              {p.countries.map((x, i) => (
                <>
                  {i ? ', ' : ''}
                  <a href={paths.search.href(l, {}, { country: x })}>{names.get(x) ?? x}</a>
                </>
              ))}
            </dd>
          </>
        ) : null}
        {p.scope ? (
          <>
            <dt>{t('practices.fields.scope')}</dt>
            <dd>{t(`practices.scopes.${p.scope}`)}</dd>
          </>
        ) : null}
        {p.startDate ? (
          <>
            <dt>{t('practices.fields.period')}</dt>
            <dd>
              {fmt.date(p.startDate)} – {p.endDate ? fmt.date(p.endDate) : t('practices.ongoing')}
              {p.startDate < RECOMMENDED_START ? <span class="small muted"> ({t('practices.beforeGcm')})</span> : null}
            </dd>
          </>
        ) : null}
        {p.resourceType ? (
          <>
            <dt>{t('practices.fields.type')}</dt>
            <dd>
              <a href={paths.search.href(l, {}, { type_of_resource: p.resourceType })}>{t(`practices.types.${p.resourceType}`)}</a>
            </dd>
          </>
        ) : null}
        <dt>{t('practices.fields.languages')}</dt>
        <dd>
          {LOCALES.filter((x) => ts[x])
            .map((x) => `${t(`languageNames.${x}`)} (${t(`practices.translation.${ts[x]}`)})`)
            .join(', ')}
        </dd>
      </dl>
      {p.objectives.length ? (
        <section>
          <h2>{t('practices.fields.objectives')}</h2>
          <FilterLinks items={p.objectives.map(objLink)} />
        </section>
      ) : null}
      {p.principles.length ? (
        <section>
          <h2>{t('practices.fields.principles')}</h2>
          <FilterLinks
            items={p.principles.map((k) => {
              const pr = principles.find((x) => x.key === k);
              return { label: pr?.name ?? k, href: paths.search.href(l, {}, { cross_cutting_theme: pr?.hubId }) };
            })}
          />
        </section>
      ) : null}
      {TEXT_FIELDS.filter((f) => f !== 'title' && f !== 'summary').map((f) => (
        <Section title={t(`practices.fields.${f}`)} value={p.texts[f]} />
      ))}
      {p.links.length ? (
        <section>
          <h2>{t('practices.fields.links')}</h2>
          <ul>
            {p.links.map((u) => (
              <li>
                <a href={u} rel="nofollow noopener noreferrer">
                  {u}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {attachments.length || canEdit ? (
        <section>
          <h2>{t('practices.attachments.title')}</h2>
          {attachments.length ? (
            <AttachmentList
              items={attachments.map((a) => ({
                href: paths.file.href(l, { id: p.id, aid: a.id }),
                name: a.file_name,
                size: a.size,
                action: canDetach ? (
                  <Form action={paths.detach.href(l, { id: p.id, aid: a.id })} class="inline">
                    <Button variant="secondary">{t('practices.attachments.remove', { name: a.file_name })}</Button>
                  </Form>
                ) : undefined,
              }))}
            />
          ) : null}
          {canAttach ? (
            <Form action={paths.attachments.href(l, { id: p.id })} enctype="multipart/form-data">
              <FileField name="file" label={t('practices.attachments.add')} hint={t('practices.attachments.hint')} form={form} accept={ACCEPT} />
              <Button variant="secondary">{t('practices.attachments.upload')}</Button>
            </Form>
          ) : null}
        </section>
      ) : null}
      {p.contactName || p.contactEmail ? (
        <section>
          <h2>{t('practices.contact')}</h2>
          <p>
            {p.contactName}
            {p.contactName && p.contactEmail ? ' · ' : ''}
            {p.contactEmail ? <a href={`mailto:${p.contactEmail}`}>{p.contactEmail}</a> : null}
          </p>
        </section>
      ) : null}
      {p.status === 'published' ? (
        <section>
          <h2>{t('practices.download.title')}</h2>
          <p class="small muted">{t('practices.download.lead')}</p>
          <ul>
            <li>
              <a href={paths.hubPdf.href(l, { id: p.id })}>{t('practices.download.pdf')}</a>
            </li>
            <li>
              <a href={paths.hubJson.href(l, { id: p.id })}>{t('practices.download.json')}</a>
            </li>
          </ul>
        </section>
      ) : null}
      {canEdit || canReview || events.length ? (
        <section>
          <h2>{t('practices.workflow.title')}</h2>
          {form.errors._form ? <Notice type="error">{form.errors._form}</Notice> : null}
          {canEdit ? (
            <>
              {Object.keys(missing).length ? (
                <Notice type="warning">
                  <p>{t('practices.workflow.missing')}</p>
                  <ul>
                    {Object.entries(missing).map(([, k]) => (
                      <li>{t(k)}</li>
                    ))}
                  </ul>
                </Notice>
              ) : null}
              <div class="actions">
                <a class="button secondary" href={paths.edit.href(l, { id: p.id })}>
                  {t('practices.workflow.edit')}
                </a>
                {canSubmit ? (
                  <Form action={paths.workflow.href(l, { id: p.id })}>
                    <Button name="action" value="submit">
                      {t('practices.form.submit')}
                    </Button>
                  </Form>
                ) : null}
              </div>
            </>
          ) : null}
          {canReview ? (
            <Form action={paths.workflow.href(l, { id: p.id })}>
              <TextArea name="comment" label={t('practices.workflow.comment')} hint={t('practices.workflow.commentHint')} form={form} rows={4} />
              <div class="actions">
                {p.status === 'submitted' ? (
                  <Button name="action" value="start_review" variant="secondary">
                    {t('practices.workflow.start_review')}
                  </Button>
                ) : null}
                <Button name="action" value="comment" variant="secondary">
                  {t('practices.workflow.comment_action')}
                </Button>
                <Button name="action" value="request_changes" variant="danger">
                  {t('practices.workflow.request_changes')}
                </Button>
                <Button name="action" value="approve">
                  {t('practices.workflow.approve')}
                </Button>
              </div>
            </Form>
          ) : null}
          {!canReview && can('comment') ? (
            <Form action={paths.workflow.href(l, { id: p.id })}>
              <TextArea name="comment" label={t('practices.workflow.comment')} form={form} rows={3} />
              <Button name="action" value="comment" variant="secondary">
                {t('practices.workflow.comment_action')}
              </Button>
            </Form>
          ) : null}
          {can('unpublish') ? (
            <Form action={paths.workflow.href(l, { id: p.id })}>
              <TextArea name="comment" label={t('practices.workflow.unpublishReason')} form={form} rows={2} />
              <Button name="action" value="unpublish" variant="danger">
                {t('practices.workflow.unpublish')}
              </Button>
            </Form>
          ) : null}
          <HistoryTable items={events} caption={t('practices.workflow.history')} />
        </section>
      ) : null}
      {related.length ? (
        <section>
          <h2>{t('practices.related')}</h2>
          <div class="grid">
            {related.map((x) => (
              <PracticeItem p={x} objectives={objectives} countries={names} headingLevel={3} />
            ))}
          </div>
        </section>
      ) : null}
    </>
  );
}
