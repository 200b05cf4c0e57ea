/** @module Membership views: the administrators' pages — applications by status, one organization's review, the CSV import. */
import { Form, ErrorSummary, TextArea, Button, Table, Pagination, EmptyState, Notice, type FormState } from '../../../platform/views/components.js';
import { useView } from '../../../platform/views/context.js';
import { pickTranslated } from '../../../platform/i18n/translated.js';
import { membershipPolicy } from '../policy.js';
import type { OrganizationFull } from '../queries.js';
import type { ReadItem } from '../../../platform/audit/read.js';
import type { Step } from '../commands/lifecycle.js';
import { IMPORT_COLUMNS, IMPORT_MAX_BYTES, type ImportRow } from '../commands/import.js';
import { paths } from '../paths.js';
import { StatusBadge } from './common.js';
import { OrgHistory } from './org.js';

export function ApplicationsPage(props: {
  tabs: string[];
  tab: string;
  page: number;
  list: { rows: { id: string; name: string; country: string; type: string; status: string; status_changed_at: string }[]; pages: number };
  names: Map<string, string>;
}) {
  const { t, fmt, locale: l } = useView();
  const { tab, list, names } = props;
  return (
    <>
      <h1>{t('membership.admin.applications')}</h1>
      <nav aria-label={t('membership.admin.tabs')}>
        <ul class="pagination">
          {props.tabs.map((k) => (
            <li>{k === tab ? <span aria-current="page">{t(`membership.admin.tab.${k}`)}</span> : <a href={paths.applications.href(l, {}, { status: k })}>{t(`membership.admin.tab.${k}`)}</a>}</li>
          ))}
        </ul>
      </nav>
      <p>
        <a href={paths.exportCsv.href(l)}>{t('membership.admin.export')}</a> · <a href={paths.import.href(l)}>{t('membership.import.title')}</a>
      </p>
      {list.rows.length ? (
        <Table
          caption={t(`membership.admin.tab.${tab}`)}
          head={[t('membership.fields.name'), t('membership.fields.country'), t('membership.fields.type'), t('membership.admin.statusCol'), t('membership.admin.since')]}
          rows={list.rows.map((o) => [
            <a href={paths.review.href(l, { id: o.id })}>{o.name}</a>,
            names.get(o.country) ?? o.country,
            t(`membership.types.${o.type}`),
            <StatusBadge status={o.status} t={t} />,
            fmt.date(o.status_changed_at),
          ])}
        />
      ) : (
        <EmptyState>{t('membership.admin.empty')}</EmptyState>
      )}
      <Pagination page={props.page} pages={list.pages} baseUrl={paths.applications.href(l)} params={new URLSearchParams({ status: tab })} />
    </>
  );
}

/** The review steps, each with the rule that allows it and whether it needs a reason. */
export function reviewSteps(user: Parameters<typeof membershipPolicy.can>[0], ctx: { status: OrganizationFull['status']; isPerson: boolean }) {
  const steps: { step: Step; allowed: boolean; needsReason: boolean; variant?: 'secondary' | 'danger' }[] = [
    { step: 'approve', allowed: membershipPolicy.can(user, 'review', ctx), needsReason: false },
    { step: 'request_info', allowed: membershipPolicy.can(user, 'requestInfo', ctx), needsReason: true, variant: 'secondary' },
    { step: 'decline', allowed: membershipPolicy.can(user, 'review', ctx), needsReason: true, variant: 'danger' },
    { step: 'suspend', allowed: membershipPolicy.can(user, 'suspend', ctx), needsReason: true, variant: 'danger' },
    { step: 'withdraw', allowed: membershipPolicy.can(user, 'withdraw', ctx), needsReason: true, variant: 'danger' },
    { step: 'readmit', allowed: membershipPolicy.can(user, 'readmit', ctx), needsReason: false },
  ];
  return steps;
}

export function ReviewPage(props: {
  org: OrganizationFull;
  form: FormState;
  history: ReadItem[];
  people: { name: string; email: string; role_title: string | null }[];
  contacts: { name: string; email: string | null; phone: string | null }[];
  names: Map<string, string>;
  /** Each objective's number and name ("7. Address and reduce vulnerabilities…"). */
  objectives: Map<number, string>;
}) {
  const { t, fmt, locale: l, user } = useView();
  const { org, form, names } = props;
  const steps = reviewSteps(user, { status: org.status, isPerson: false });
  return (
    <>
      <h1>{org.name}</h1>
      <p>
        <StatusBadge status={org.status} t={t} /> {names.get(org.country) ?? org.country} · {t(`membership.types.${org.type}`)} ·{' '}
        <a href={paths.org.href(l, { id: org.id })}>{t('membership.admin.orgPage')}</a>
      </p>
      <ErrorSummary errors={form.errors} />
      {org.status_reason ? <Notice>{t('membership.org.reason', { reason: org.status_reason })}</Notice> : null}
      <h2>{t('membership.admin.details')}</h2>
      <dl>
        <dt>{t('membership.fields.acronym')}</dt>
        <dd>{org.acronym ?? '—'}</dd>
        <dt>{t('membership.fields.city')}</dt>
        <dd>{org.city ?? '—'}</dd>
        <dt>{t('membership.fields.countries')}</dt>
        <dd>{fmt.list(org.countries.map((x) => names.get(x) ?? x)) || '—'}</dd>
        <dt>{t('membership.fields.objectives')}</dt>
        <dd>
          {org.objectives.length ? (
            <ul>
              {org.objectives.map((n) => (
                <li>{props.objectives.get(n) ?? n}</li>
              ))}
            </ul>
          ) : (
            '—'
          )}
        </dd>
        <dt>{t('membership.fields.website')}</dt>
        <dd>{org.website ?? '—'}</dd>
        <dt>{t('membership.fields.description')}</dt>
        <dd>{pickTranslated(org.description, l)?.text ?? '—'}</dd>
        <dt>{t('membership.admin.commitment')}</dt>
        <dd>{org.commitment_at ? fmt.dateTime(org.commitment_at) : '—'}</dd>
        <dt>{t('membership.org.people')}</dt>
        <dd>{props.people.map((p) => `${p.name} <${p.email}>${p.role_title ? ` (${p.role_title})` : ''}`).join('; ') || '—'}</dd>
        <dt>{t('membership.org.contacts')}</dt>
        <dd>{props.contacts.map((p) => [p.name, p.email, p.phone].filter(Boolean).join(' · ')).join('; ') || '—'}</dd>
      </dl>
      <h2>{t('membership.admin.actions')}</h2>
      {steps.some((s) => s.allowed) ? null : <p>{t('membership.admin.noActions')}</p>}
      {steps
        .filter((s) => s.allowed)
        .map((s) => (
          <Form action={paths.reviewStep.href(l, { id: org.id, step: s.step.replace('_', '-') })}>
            <h3>{t(`membership.admin.step.${s.step}`)}</h3>
            {s.needsReason ? (
              <TextArea name={`reason_${s.step}`} label={t(s.step === 'request_info' ? 'membership.fields.infoRequest' : 'membership.fields.reason')} form={form} rows={3} maxlength={2000} />
            ) : null}
            <Button variant={s.variant}>{t(`membership.admin.step.${s.step}`)}</Button>
          </Form>
        ))}
      <h2>{t('membership.history.title')}</h2>
      <OrgHistory items={props.history} />
    </>
  );
}

export function ImportFormPage(props: { form: FormState }) {
  const { t, locale: l } = useView();
  const error = props.form.errors.file;
  return (
    <>
      <h1>{t('membership.import.title')}</h1>
      <p>{t('membership.import.lead')}</p>
      <p class="small">
        {t('membership.import.columns')} <code>{IMPORT_COLUMNS.join(',')}</code>
      </p>
      <p class="small">{t('membership.import.columnsHint')}</p>
      <ErrorSummary errors={props.form.errors} />
      <Form action={paths.import.href(l)} enctype="multipart/form-data">
        <div class={`field${error ? ' has-error' : ''}`}>
          <label for="f-file">{t('membership.import.file')}</label>
          <span class="hint" id="f-file-hint">
            {t('membership.import.fileHint', { mb: IMPORT_MAX_BYTES / 1024 / 1024 })}
          </span>
          {error ? (
            <span class="error-message" id="f-file-error">
              {error}
            </span>
          ) : null}
          <input type="file" id="f-file" name="file" accept=".csv,text/csv" aria-describedby={error ? 'f-file-hint f-file-error' : 'f-file-hint'} />
        </div>
        <Button>{t('membership.import.preview')}</Button>
      </Form>
    </>
  );
}

export function ImportPage(props: { imp: { id: string; file_name: string; status: string; imported_count: number; valid_count: number; error_count: number; parsed: ImportRow[] } }) {
  const { t, fmt, locale: l } = useView();
  const { imp } = props;
  const errorRows = imp.parsed.filter((r) => r.errors.length);
  const validRows = imp.parsed.filter((r) => !r.errors.length);
  const done = imp.status === 'imported';
  return (
    <>
      <h1>{t(done ? 'membership.import.doneTitle' : 'membership.import.previewTitle')}</h1>
      <p>{imp.file_name}</p>
      {done ? (
        <>
          <label for="import-progress">{t('membership.import.progress', { done: fmt.number(imp.imported_count), total: fmt.number(imp.valid_count) })}</label>
          <progress id="import-progress" value={imp.imported_count} max={Math.max(1, imp.valid_count)}>
            {imp.imported_count}
          </progress>
          <p>
            <a href={paths.applications.href(l, {}, { status: 'member' })}>{t('membership.admin.tab.member')}</a>
          </p>
        </>
      ) : (
        <>
          <p>{t('membership.import.summary', { valid: fmt.number(imp.valid_count), errors: fmt.number(imp.error_count) })}</p>
          {imp.valid_count ? (
            <Form action={paths.importOne.href(l, { id: imp.id })}>
              <Button>{t('membership.import.confirm', { n: fmt.number(imp.valid_count) })}</Button>
            </Form>
          ) : (
            <Notice type="warning">{t('membership.import.nothing')}</Notice>
          )}
        </>
      )}
      {errorRows.length ? (
        <Table
          caption={t('membership.import.errorRows')}
          head={[{ label: t('membership.import.line'), num: true }, t('membership.fields.name'), t('membership.import.reasons')]}
          numeric={[0]}
          rows={errorRows.slice(0, 500).map((r) => [String(r.line), r.name || '—', r.errors.map((e) => t(`membership.import.errors.row.${e}`)).join(' ')])}
        />
      ) : null}
      {!done && validRows.length ? (
        <Table
          caption={t('membership.import.validRows')}
          head={[{ label: t('membership.import.line'), num: true }, t('membership.fields.name'), t('membership.fields.country'), t('membership.fields.type')]}
          numeric={[0]}
          rows={validRows.slice(0, 200).map((r) => [String(r.line), r.name, r.country, t(`membership.types.${r.type}`)])}
        />
      ) : null}
    </>
  );
}
