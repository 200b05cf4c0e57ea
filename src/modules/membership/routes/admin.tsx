/** @module Membership administration: reviewing applications, the lifecycle, CSV export and CSV import. */
import { Hono, type Context } from 'hono';
import { stringify } from 'csv-stringify/sync';
import type { AppEnv } from '../../../platform/http/env.js';
import { readForm, validate } from '../../../platform/http/forms.js';
import { redirectWith } from '../../../platform/http/flash.js';
import { requireAdmin, authorize } from '../../../platform/authz/authz.js';
import { Form, ErrorSummary, TextArea, Button, Table, Pagination, EmptyState, Notice, emptyForm, type FormState } from '../../../platform/views/components.js';
import { countryNames } from '../../../platform/reference/queries.js';
import { pickTranslated } from '../../../platform/i18n/translated.js';
import { ReasonSchema } from '../schemas.js';
import { membershipPolicy } from '../policy.js';
import { listByStatus, historyOf, peopleOf, contactsOf, getOrganizationFull, parseList } from '../queries.js';
import { transition, type Step } from '../commands/lifecycle.js';
import { previewImport, getImport, runImport, ImportConflict, IMPORT_COLUMNS, IMPORT_MAX_BYTES } from '../commands/import.js';
import { StatusBadge } from '../views/common.js';
import { HistoryTable, loadOrg } from './org.js';
import { notifyPeople } from './notify.js';
import type { OrgStatus } from '../tables.js';

export const adminMembershipRoutes = new Hono<AppEnv>({ strict: false });

const STATUS_TABS: Record<string, OrgStatus[]> = {
  pending: ['applicant', 'info_requested'],
  member: ['member'],
  suspended: ['suspended'],
  withdrawn: ['withdrawn'],
  declined: ['declined'],
};

adminMembershipRoutes.get('/admin/applications', async (c) => {
  requireAdmin(c);
  const t = c.get('t');
  const l = c.get('locale');
  const fmt = c.get('fmt');
  const { db } = c.get('deps');
  const tab = (c.req.query('status') ?? 'pending') in STATUS_TABS ? (c.req.query('status') ?? 'pending') : 'pending';
  const page = Math.max(1, Number(c.req.query('page')) || 1);
  const [list, names] = await Promise.all([listByStatus(db, STATUS_TABS[tab]!, page), countryNames(db, l)]);
  return c.render(
    <>
      <h1>{t('membership.admin.applications')}</h1>
      <nav aria-label={t('membership.admin.tabs')}>
        <ul class="pagination">
          {Object.keys(STATUS_TABS).map((k) => (
            <li>
              {k === tab ? <span aria-current="page">{t(`membership.admin.tab.${k}`)}</span> : <a href={`/${l}/admin/applications?status=${k}`}>{t(`membership.admin.tab.${k}`)}</a>}
            </li>
          ))}
        </ul>
      </nav>
      <p>
        <a href={`/${l}/admin/organizations.csv`}>{t('membership.admin.export')}</a> · <a href={`/${l}/admin/import`}>{t('membership.import.title')}</a>
      </p>
      {list.rows.length ? (
        <Table
          caption={t(`membership.admin.tab.${tab}`)}
          head={[t('membership.fields.name'), t('membership.fields.country'), t('membership.fields.type'), t('membership.admin.statusCol'), t('membership.admin.since')]}
          rows={list.rows.map((o) => [
            <a href={`/${l}/admin/organizations/${o.id}`}>{o.name}</a>,
            names.get(o.country) ?? o.country,
            t(`membership.types.${o.type}`),
            <StatusBadge status={o.status} t={t} />,
            fmt.date(o.status_changed_at),
          ])}
        />
      ) : (
        <EmptyState>{t('membership.admin.empty')}</EmptyState>
      )}
      <Pagination page={page} pages={list.pages} baseUrl={`/${l}/admin/applications`} params={new URLSearchParams({ status: tab })} />
    </>,
    { title: t('membership.admin.applications'), noindex: true, crumbs: [[t('admin.title'), '/admin']] },
  );
});

const ADMIN_ORG = '/admin/organizations/:id{[0-9a-z]{16}}';

adminMembershipRoutes.get(ADMIN_ORG, async (c) => {
  requireAdmin(c);
  const found = await loadOrg(c);
  if (!found) return c.notFound();
  return renderReview(c, found.org.id, emptyForm());
});

async function renderReview(c: Context<AppEnv>, orgId: string, form: FormState, status = 200) {
  const t = c.get('t');
  const l = c.get('locale');
  const fmt = c.get('fmt');
  const user = c.get('user');
  const { db } = c.get('deps');
  const org = (await getOrganizationFull(db, { id: orgId }))!;
  const [history, people, contacts, names] = await Promise.all([historyOf(db, org.id), peopleOf(db, org.id), contactsOf(db, org.id), countryNames(db, l)]);
  const ctx = { status: org.status, isPerson: false };
  const steps: { step: Step; allowed: boolean; needsReason: boolean; variant?: 'secondary' | 'danger' }[] = [
    { step: 'approve', allowed: membershipPolicy.can(user, 'review', ctx), needsReason: false },
    { step: 'request_info', allowed: membershipPolicy.can(user, 'review', ctx) && org.status === 'applicant', needsReason: true, variant: 'secondary' },
    { step: 'decline', allowed: membershipPolicy.can(user, 'review', ctx), needsReason: true, variant: 'danger' },
    { step: 'suspend', allowed: membershipPolicy.can(user, 'suspend', ctx), needsReason: true, variant: 'danger' },
    { step: 'withdraw', allowed: membershipPolicy.can(user, 'withdraw', ctx), needsReason: true, variant: 'danger' },
    { step: 'readmit', allowed: membershipPolicy.can(user, 'readmit', ctx), needsReason: false },
  ];
  c.status(status as any);
  return c.render(
    <>
      <h1>{org.name}</h1>
      <p>
        <StatusBadge status={org.status} t={t} /> {names.get(org.country) ?? org.country} · {t(`membership.types.${org.type}`)} ·{' '}
        <a href={`/${l}/organizations/${org.id}`}>{t('membership.admin.orgPage')}</a>
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
        <dd>{org.objectives.join(', ') || '—'}</dd>
        <dt>{t('membership.fields.website')}</dt>
        <dd>{org.website ?? '—'}</dd>
        <dt>{t('membership.fields.description')}</dt>
        <dd>{pickTranslated(org.description, l)?.text ?? '—'}</dd>
        <dt>{t('membership.admin.commitment')}</dt>
        <dd>{org.commitment_at ? fmt.dateTime(org.commitment_at) : '—'}</dd>
        <dt>{t('membership.org.people')}</dt>
        <dd>{people.map((p) => `${p.name} <${p.email}>${p.role_title ? ` (${p.role_title})` : ''}`).join('; ') || '—'}</dd>
        <dt>{t('membership.org.contacts')}</dt>
        <dd>{contacts.map((p) => [p.name, p.email, p.phone].filter(Boolean).join(' · ')).join('; ') || '—'}</dd>
      </dl>
      <h2>{t('membership.admin.actions')}</h2>
      {steps.some((s) => s.allowed) ? null : <p>{t('membership.admin.noActions')}</p>}
      {steps
        .filter((s) => s.allowed)
        .map((s) => (
          <Form action={`/${l}/admin/organizations/${org.id}/${s.step.replace('_', '-')}`}>
            <h3>{t(`membership.admin.step.${s.step}`)}</h3>
            {s.needsReason ? (
              <TextArea
                name={`reason_${s.step}`}
                label={t(s.step === 'request_info' ? 'membership.fields.infoRequest' : 'membership.fields.reason')}
                form={form}
                rows={3}
                maxlength={2000}
              />
            ) : null}
            <Button variant={s.variant}>{t(`membership.admin.step.${s.step}`)}</Button>
          </Form>
        ))}
      <h2>{t('membership.history.title')}</h2>
      <HistoryTable rows={history} />
    </>,
    { title: org.name, noindex: true, crumbs: [[t('membership.admin.applications'), '/admin/applications']] },
  );
}

adminMembershipRoutes.post(`${ADMIN_ORG}/:step{[a-z-]{4,20}}`, async (c) => {
  const user = requireAdmin(c);
  const t = c.get('t');
  const l = c.get('locale');
  const step = c.req.param('step').replace('-', '_') as Step;
  if (!['approve', 'request_info', 'decline', 'suspend', 'withdraw', 'readmit'].includes(step)) return c.notFound();
  const found = await loadOrg(c);
  if (!found) return c.notFound();
  const rule = step === 'approve' || step === 'request_info' || step === 'decline' ? 'review' : step === 'readmit' ? 'readmit' : step === 'suspend' ? 'suspend' : 'withdraw';
  authorize(c, membershipPolicy.can(user, rule, found.ctx));
  const values = await readForm(c);
  const needsReason = ['request_info', 'decline', 'suspend', 'withdraw'].includes(step);
  let reason: string | undefined;
  if (needsReason) {
    const v = validate(ReasonSchema, { reason: values[`reason_${step}`] }, t);
    if (!v.ok) return renderReview(c, found.org.id, { values, errors: { [`reason_${step}`]: v.errors.reason! } }, 422);
    reason = v.data.reason;
  }
  const { db, config } = c.get('deps');
  const out = await db.transaction().execute((trx) => transition(trx, user, found.org.id, step, reason));
  if (!out.ok) return redirectWith(c, `/${l}/admin/organizations/${found.org.id}`, { type: 'error', key: 'membership.flash.wrongStatus' });
  await notifyPeople(c.get('deps'), found.org.id, `membership-${step}`, (tp, pl) => ({
    subject: tp(`membership.mail.${step}.subject`, { name: found.org.name }),
    text: tp(`membership.mail.${step}.body`, { name: found.org.name, reason: reason ?? '', url: `${config.baseUrl}/${pl}/organizations/${found.org.id}` }),
  }));
  return redirectWith(c, `/${l}/admin/organizations/${found.org.id}`, { type: 'success', key: `membership.flash.step.${step}` });
});

// ---- CSV export -----------------------------------------------------------------------------------------------
adminMembershipRoutes.get('/admin/organizations.csv', async (c) => {
  const user = requireAdmin(c);
  authorize(c, membershipPolicy.can(user, 'administer'));
  const { db } = c.get('deps');
  const orgs = await db.selectFrom('organizations').selectAll().orderBy('name').execute();
  const [countries, objectives, contacts] = await Promise.all([
    db.selectFrom('organization_countries').selectAll().execute(),
    db.selectFrom('organization_objectives').selectAll().execute(),
    db.selectFrom('organization_contacts').selectAll().orderBy('created_at').execute(),
  ]);
  const group = <T extends { org_id: string }>(rows: T[]) => {
    const m = new Map<string, T[]>();
    for (const r of rows) m.set(r.org_id, [...(m.get(r.org_id) ?? []), r]);
    return m;
  };
  const byC = group(countries);
  const byO = group(objectives);
  const byP = group(contacts);
  const csv = stringify(
    orgs.map((o) => {
      const contact = byP.get(o.id)?.[0];
      const desc = pickTranslated(o.description, 'es');
      return [
        o.name,
        o.acronym ?? '',
        o.country,
        o.city ?? '',
        o.type,
        o.website ?? '',
        (byC.get(o.id) ?? []).map((x) => x.country).join(';'),
        (byO.get(o.id) ?? []).map((x) => x.objective_n).join(';'),
        parseList(o.languages).join(';'),
        desc?.text ?? '',
        desc?.lang ?? '',
        contact?.name ?? '',
        contact?.email ?? '',
        o.admitted_at ?? '',
        o.status,
        o.slug,
      ];
    }),
    { header: true, columns: [...IMPORT_COLUMNS, 'status', 'slug'] },
  );
  return c.body(csv, 200, {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': `attachment; filename="organizations-${new Date().toISOString().slice(0, 10)}.csv"`,
    'Cache-Control': 'no-store',
  });
});

// ---- CSV import -----------------------------------------------------------------------------------------------
adminMembershipRoutes.get('/admin/import', (c) => {
  requireAdmin(c);
  return renderImportForm(c, emptyForm());
});

function renderImportForm(c: Context<AppEnv>, form: FormState, status = 200) {
  const t = c.get('t');
  const l = c.get('locale');
  const error = form.errors.file;
  c.status(status as any);
  return c.render(
    <>
      <h1>{t('membership.import.title')}</h1>
      <p>{t('membership.import.lead')}</p>
      <p class="small">
        {t('membership.import.columns')} <code>{IMPORT_COLUMNS.join(',')}</code>
      </p>
      <p class="small">{t('membership.import.columnsHint')}</p>
      <ErrorSummary errors={form.errors} />
      <Form action={`/${l}/admin/import`} enctype="multipart/form-data">
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
    </>,
    { title: t('membership.import.title'), noindex: true, crumbs: [[t('admin.title'), '/admin']] },
  );
}

adminMembershipRoutes.post('/admin/import', async (c) => {
  const user = requireAdmin(c);
  const t = c.get('t');
  const l = c.get('locale');
  const body = await c.req.parseBody();
  const out = await previewImport(c.get('deps').db, user, body.file);
  if (!out.ok) return renderImportForm(c, { values: {}, errors: { file: t(`membership.import.errors.file.${out.reason}`, { mb: IMPORT_MAX_BYTES / 1024 / 1024, detail: out.detail ?? '' }) } }, 422);
  return redirectWith(c, `/${l}/admin/import/${out.id}`);
});

const IMPORT = '/admin/import/:id{[0-9a-z]{16}}';

adminMembershipRoutes.get(IMPORT, async (c) => {
  requireAdmin(c);
  const t = c.get('t');
  const l = c.get('locale');
  const fmt = c.get('fmt');
  const imp = await getImport(c.get('deps').db, c.req.param('id'));
  if (!imp) return c.notFound();
  const errorRows = imp.parsed.filter((r) => r.errors.length);
  const validRows = imp.parsed.filter((r) => !r.errors.length);
  const done = imp.status === 'imported';
  return c.render(
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
            <a href={`/${l}/admin/applications?status=member`}>{t('membership.admin.tab.member')}</a>
          </p>
        </>
      ) : (
        <>
          <p>{t('membership.import.summary', { valid: fmt.number(imp.valid_count), errors: fmt.number(imp.error_count) })}</p>
          {imp.valid_count ? (
            <Form action={`/${l}/admin/import/${imp.id}`}>
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
    </>,
    { title: t('membership.import.title'), noindex: true, crumbs: [[t('admin.title'), '/admin'], [t('membership.import.title'), '/admin/import']] },
  );
});

adminMembershipRoutes.post(IMPORT, async (c) => {
  const user = requireAdmin(c);
  const l = c.get('locale');
  const id = c.req.param('id');
  const { db } = c.get('deps');
  try {
    const out = await db.transaction().execute(async (trx) => {
      const r = await runImport(trx, user, id);
      return r;
    });
    if (!out.ok) {
      if (out.reason === 'not_found') return c.notFound();
      return redirectWith(c, `/${l}/admin/import/${id}`, { type: 'error', key: `membership.import.failed.${out.reason}` });
    }
    return redirectWith(c, `/${l}/admin/import/${id}`, { type: 'success', key: 'membership.import.imported', params: { n: out.imported } });
  } catch (e) {
    if (e instanceof ImportConflict) return redirectWith(c, `/${l}/admin/import/${id}`, { type: 'error', key: 'membership.import.failed.conflict', params: { line: e.line } });
    throw e;
  }
});
