/**
 * @module Administration
 * The Mesa Técnica's staff: a dashboard linking every module's administration page, the mail outbox (with
 * each message's delivery state; failed ones can be sent again), the background jobs (failed ones can be
 * run again), the people with accounts (and their role), and the audit log.
 */
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../http/env.js';
import { authorize, requireUser } from '../authz/authz.js';
import { Table, EmptyState, Pagination, Form, Button, Notice } from '../views/components.js';
import { useView } from '../views/context.js';
import { retryJob } from '../jobs/jobs.js';
import { retryMail } from '../mail/mailer.js';
import { action } from '../http/action.js';
import { pageParam } from '../http/page.js';
import { ok, fail } from '../outcome.js';
import { audit } from '../audit/audit.js';
import { readAudit, auditData } from '../audit/read.js';
import { notificationKinds } from '../notify/notify.js';
import { platformPolicy } from '../policy.js';
import { paths } from '../paths.js';
import { toDate } from '../../db/ids.js';

/** The digests' outbox kinds ('digest.weekly'…), named like their cadence (platform/digest). */
const digestKindLabel = (kind: string) => (/^digest\.(immediate|daily|weekly)$/.test(kind) ? { label: `digest.kinds.${kind.slice('digest.'.length)}` } : undefined);

export const adminRoutes = new Hono<AppEnv>({ strict: false });
const PAGE = 50;

/**
 * Administration pages are for administrators. Each page checks for itself (no blanket middleware over
 * /admin), so that every check is one a test catches when it is removed (the route × role matrices); the
 * modules' pages under /admin check their own named rules.
 */
const administratorsOnly = (c: Context<AppEnv>) => authorize(c, platformPolicy.can(requireUser(c), 'administer'));

adminRoutes.get(paths.admin.pattern, async (c) => {
  administratorsOnly(c);
  const t = c.get('t');
  const l = c.get('locale');
  const { modules, mailer, db } = c.get('deps');
  const failedJobs = Number((await db.selectFrom('jobs').select((e) => e.fn.countAll().as('n')).where('status', '=', 'failed').executeTakeFirst())?.n ?? 0);
  const failedMail = Number((await db.selectFrom('outbox').select((e) => e.fn.countAll().as('n')).where('status', '=', 'failed').executeTakeFirst())?.n ?? 0);
  const items = [
    { path: paths.adminOutbox.pattern, label: 'admin.outbox.title' },
    { path: paths.adminJobs.pattern, label: 'admin.jobs.title' },
    { path: paths.adminUsers.pattern, label: 'admin.users.title' },
    { path: paths.adminAudit.pattern, label: 'admin.audit.title' },
    ...modules.flatMap((m) => (m.nav ?? []).filter((n) => n.area === 'admin')),
  ];
  return c.render(
    <>
      <h1>{t('admin.title')}</h1>
      <p class="muted">{t(mailer.mode === 'smtp' ? 'admin.mailSmtp' : 'admin.mailOutbox')}</p>
      {failedJobs ? (
        <Notice type="warning">
          <a href={paths.adminJobs.href(l)}>{t('admin.jobs.failedCount', { count: failedJobs })}</a>
        </Notice>
      ) : null}
      {failedMail ? (
        <Notice type="warning">
          <a href={`${paths.adminOutbox.href(l)}?status=failed`}>{t('admin.outbox.failedCount', { count: failedMail })}</a>
        </Notice>
      ) : null}
      <ul>
        {items.map((i) => (
          <li>
            <a href={`/${l}${i.path}`}>{t(i.label)}</a>
          </li>
        ))}
      </ul>
    </>,
    { title: t('admin.title'), noindex: true },
  );
});

adminRoutes.get(paths.adminOutbox.pattern, async (c) => {
  administratorsOnly(c);
  const t = c.get('t');
  const l = c.get('locale');
  const fmt = c.get('fmt');
  const { db, mailer } = c.get('deps');
  const page = pageParam(c);
  const to = (c.req.query('to') ?? '').trim().slice(0, 254);
  const failedOnly = c.req.query('status') === 'failed';
  let q = db.selectFrom('outbox');
  if (to) q = q.where('to_address', '=', to.toLowerCase());
  if (failedOnly) q = q.where('status', '=', 'failed');
  const total = Number((await q.select((e) => e.fn.countAll().as('n')).executeTakeFirst())?.n ?? 0);
  const rows = await q.selectAll().orderBy('created_at', 'desc').limit(PAGE).offset((page - 1) * PAGE).execute();
  return c.render(
    <>
      <h1>{t('admin.outbox.title')}</h1>
      <p>
        {t('admin.outbox.lead')} {t('admin.outbox.count', { count: total })}
      </p>
      <Form action={paths.adminOutbox.href(l)} method="get" class="filters">
        <label for="to">{t('admin.outbox.to')}</label>
        <input id="to" name="to" type="email" value={to} />
        <div class="actions">
          <Button variant="secondary">{t('form.filter')}</Button>
        </div>
      </Form>
      {rows.length ? (
        <Table
          caption={t('admin.outbox.title')}
          captionHidden
          head={[t('admin.outbox.when'), t('admin.outbox.to'), t('admin.outbox.subject'), t('admin.outbox.status')]}
          rows={rows.map((m) => [
            fmt.dateTime(m.created_at),
            m.to_address,
            <a href={paths.adminOutboxMessage.href(l, { id: m.id })}>{m.subject}</a>,
            <OutboxStatus status={m.status} mode={mailer.mode} />,
          ])}
        />
      ) : (
        <EmptyState>{t('admin.outbox.empty')}</EmptyState>
      )}
      <Pagination page={page} pages={Math.ceil(total / PAGE)} baseUrl={paths.adminOutbox.href(l)} params={new URLSearchParams({ ...(to ? { to } : {}), ...(failedOnly ? { status: 'failed' } : {}) })} />
    </>,
    { title: t('admin.outbox.title'), noindex: true, crumbs: [[t('admin.title'), paths.admin.href(l)]] },
  );
});

/** A message's delivery state; without SMTP a delivered message is one kept in the outbox. */
function OutboxStatus(props: { status: string; mode: 'smtp' | 'outbox' }) {
  const { t } = useView();
  if (props.status === 'failed') return <span class="badge err">{t('admin.outbox.failed')}</span>;
  if (props.status === 'sent') return props.mode === 'smtp' ? <span class="badge ok">{t('admin.outbox.sent')}</span> : <span class="badge">{t('admin.outbox.kept')}</span>;
  return <span class="badge">{t('admin.outbox.pending')}</span>;
}

adminRoutes.get(paths.adminOutboxMessage.pattern, async (c) => {
  administratorsOnly(c);
  const t = c.get('t');
  const l = c.get('locale');
  const fmt = c.get('fmt');
  const { db, mailer, modules } = c.get('deps');
  const m = await db.selectFrom('outbox').selectAll().where('id', '=', c.req.param('id')).executeTakeFirst();
  if (!m) return c.notFound();
  // The kind by its label (what people see on their notification settings), never its key.
  const kind = notificationKinds(modules).find((k) => k.kind === m.kind) ?? digestKindLabel(m.kind);
  return c.render(
    <>
      <h1>{m.subject}</h1>
      <dl class="meta">
        <dt>{t('admin.outbox.to')}</dt>
        <dd>{m.to_address}</dd>
        <dt>{t('admin.outbox.when')}</dt>
        <dd>{fmt.dateTime(m.created_at)}</dd>
        <dt>{t('admin.outbox.kind')}</dt>
        <dd>{kind ? t(kind.label) : m.kind}</dd>
        <dt>{t('admin.outbox.status')}</dt>
        <dd>
          <OutboxStatus status={m.status} mode={mailer.mode} /> {t('admin.outbox.attempts', { count: m.attempts })}
        </dd>
        {m.error ? (
          <>
            <dt>{t('admin.outbox.error')}</dt>
            <dd>{m.error}</dd>
          </>
        ) : null}
      </dl>
      {m.status === 'failed' ? (
        <Form action={paths.adminOutboxRetry.href(l, { id: m.id })}>
          <Button>{t('admin.outbox.retry')}</Button>
        </Form>
      ) : null}
      {m.secret && m.status === 'sent' && mailer.mode === 'smtp' ? <p class="muted">{t('admin.outbox.scrubbed')}</p> : <pre class="mail">{m.text_body}</pre>}
    </>,
    { title: m.subject, noindex: true, crumbs: [[t('admin.title'), paths.admin.href(l)], [t('admin.outbox.title'), paths.adminOutbox.href(l)]] },
  );
});

adminRoutes.post(
  paths.adminOutboxRetry.pattern,
  action({
    allow: (actor) => platformPolicy.can(actor, 'administer'),
    run: async (trx, { c, actor }) => {
      const id = c.req.param('id') ?? '';
      if (!(await retryMail(trx, id))) return fail('admin.outbox.retryRefused');
      await audit(trx, { actorId: actor.id, action: 'outbox.retry', subjectType: 'outbox', subjectId: id });
      return ok();
    },
    // The action wakes mail delivery after the commit.
    back: ({ c, locale }) => paths.adminOutboxMessage.href(locale, { id: c.req.param('id') ?? '' }),
    done: ({ c, locale }) => ({ to: paths.adminOutboxMessage.href(locale, { id: c.req.param('id') ?? '' }), flash: 'admin.outbox.retried' }),
  }),
);

adminRoutes.get(paths.adminJobs.pattern, async (c) => {
  administratorsOnly(c);
  const t = c.get('t');
  const l = c.get('locale');
  const fmt = c.get('fmt');
  const { db } = c.get('deps');
  const counts = await db.selectFrom('jobs').select(['status', (e) => e.fn.countAll().as('n')]).groupBy('status').execute();
  const count = (s: string) => Number(counts.find((r) => r.status === s)?.n ?? 0);
  const page = pageParam(c);
  const failed = await db
    .selectFrom('jobs')
    .select(['id', 'name', 'attempts', 'last_error', 'finished_at'])
    .where('status', '=', 'failed')
    .orderBy('finished_at', 'desc')
    .limit(PAGE)
    .offset((page - 1) * PAGE)
    .execute();
  return c.render(
    <>
      <h1>{t('admin.jobs.title')}</h1>
      <p>{t('admin.jobs.lead')}</p>
      <dl class="meta">
        {(['queued', 'running', 'done', 'failed'] as const).map((s) => (
          <>
            <dt>{t(`admin.jobs.status.${s}`)}</dt>
            <dd>{fmt.number(count(s))}</dd>
          </>
        ))}
      </dl>
      <h2>{t('admin.jobs.failedTitle')}</h2>
      {failed.length ? (
        <Table
          caption={t('admin.jobs.failedTitle')}
          captionHidden
          head={[t('admin.jobs.when'), t('admin.jobs.name'), t('admin.jobs.attempts'), t('admin.jobs.error'), t('admin.jobs.action')]}
          rows={failed.map((j) => [
            j.finished_at ? fmt.dateTime(j.finished_at) : '',
            <code>{j.name}</code>,
            fmt.number(j.attempts),
            j.last_error ?? '',
            <Form action={paths.adminJobRetry.href(l, { id: j.id })}>
              <Button variant="secondary">{t('admin.jobs.retry')}</Button>
            </Form>,
          ])}
        />
      ) : (
        <EmptyState>{t('admin.jobs.empty')}</EmptyState>
      )}
      <Pagination page={page} pages={Math.ceil(count('failed') / PAGE)} baseUrl={paths.adminJobs.href(l)} />
    </>,
    { title: t('admin.jobs.title'), noindex: true, crumbs: [[t('admin.title'), paths.admin.href(l)]] },
  );
});

adminRoutes.post(
  paths.adminJobRetry.pattern,
  action({
    allow: (actor) => platformPolicy.can(actor, 'administer'),
    run: async (trx, { c, actor }) => {
      const id = c.req.param('id') ?? '';
      if (!(await retryJob(trx, id))) return fail('admin.jobs.retryRefused');
      await audit(trx, { actorId: actor.id, action: 'job.retry', subjectType: 'job', subjectId: id });
      return ok();
    },
    back: ({ locale }) => paths.adminJobs.href(locale),
    done: ({ locale }) => ({ to: paths.adminJobs.href(locale), flash: 'admin.jobs.retried' }),
  }),
);

adminRoutes.get(paths.adminUsers.pattern, async (c) => {
  administratorsOnly(c);
  const t = c.get('t');
  const l = c.get('locale');
  const fmt = c.get('fmt');
  const { db } = c.get('deps');
  const page = pageParam(c);
  const total = Number((await db.selectFrom('users').select((e) => e.fn.countAll().as('n')).executeTakeFirst())?.n ?? 0);
  const users = await db.selectFrom('users').select(['id', 'name', 'email', 'role', 'email_verified', 'created_at']).orderBy('created_at', 'desc').limit(PAGE).offset((page - 1) * PAGE).execute();
  const me = c.get('user')!;
  return c.render(
    <>
      <h1>{t('admin.users.title')}</h1>
      <Table
        caption={t('admin.users.title')}
        captionHidden
        head={[t('auth.fields.name'), t('auth.fields.email'), t('admin.users.verified'), t('admin.users.since'), t('admin.users.role')]}
        rows={users.map((u) => [
          u.name,
          u.email,
          u.email_verified ? t('form.yes') : t('form.no'),
          fmt.date(toDate(u.created_at)),
          u.id === me.id ? (
            t(`roles.${u.role}`)
          ) : (
            <Form action={paths.adminUserRole.href(l, { id: u.id })}>
              <label class="visually-hidden" for={`role-${u.id}`}>
                {t('admin.users.role')}
              </label>
              <select id={`role-${u.id}`} name="role">
                {['member', 'admin'].map((r) => (
                  <option value={r} selected={u.role === r}>
                    {t(`roles.${r}`)}
                  </option>
                ))}
              </select>{' '}
              <Button variant="secondary">{t('form.save')}</Button>
            </Form>
          ),
        ])}
      />
      <Pagination page={page} pages={Math.ceil(total / PAGE)} baseUrl={paths.adminUsers.href(l)} />
    </>,
    { title: t('admin.users.title'), noindex: true, crumbs: [[t('admin.title'), paths.admin.href(l)]] },
  );
});

adminRoutes.post(
  paths.adminUserRole.pattern,
  action({
    load: (c) => c.get('deps').db.selectFrom('users').select(['id', 'role']).where('id', '=', c.req.param('id') ?? '').executeTakeFirst(),
    allow: (actor) => platformPolicy.can(actor, 'administer'),
    input: z.object({ role: z.enum(['member', 'admin']) }),
    run: async (trx, { actor, subject, input }) => {
      // Nobody changes their own role: the last administrator cannot lock everyone out.
      if (subject.id === actor.id) return fail('admin.users.roleRefused');
      await trx.updateTable('users').set({ role: input.role }).where('id', '=', subject.id).execute();
      await audit(trx, { actorId: actor.id, action: 'user.role', subjectType: 'user', subjectId: subject.id, from: subject.role, to: input.role, data: { role: input.role } });
      return ok();
    },
    back: ({ locale }) => paths.adminUsers.href(locale),
    done: ({ locale }) => ({ to: paths.adminUsers.href(locale), flash: 'admin.users.roleSaved' }),
  }),
);

adminRoutes.get(paths.adminAudit.pattern, async (c) => {
  administratorsOnly(c);
  const t = c.get('t');
  const l = c.get('locale');
  const fmt = c.get('fmt');
  const { db, modules } = c.get('deps');
  const page = pageParam(c);
  const total = Number((await db.selectFrom('audit_log').select((e) => e.fn.countAll().as('n')).executeTakeFirst())?.n ?? 0);
  const rows = await db
    .selectFrom('audit_log')
    .leftJoin('users', 'users.id', 'audit_log.actor_id')
    .select(['audit_log.at', 'audit_log.action', 'audit_log.subject_type', 'audit_log.subject_id', 'audit_log.data', 'users.name as actor'])
    .orderBy('audit_log.at', 'desc')
    .orderBy('audit_log.id', 'desc')
    .limit(PAGE)
    .offset((page - 1) * PAGE)
    .execute();
  const sentences = await readAudit(
    db,
    modules,
    l,
    t,
    rows.map((r) => ({ action: r.action, actorName: r.actor ?? null, subjectType: r.subject_type, subjectId: r.subject_id, data: auditData(r.data) })),
  );
  return c.render(
    <>
      <h1>{t('admin.audit.title')}</h1>
      {rows.length ? (
        <Table
          caption={t('admin.audit.title')}
          captionHidden
          head={[t('admin.outbox.when'), t('admin.audit.what')]}
          rows={rows.map((r, i) => [fmt.dateTime(r.at), sentences[i]!])}
        />
      ) : (
        <EmptyState>{t('admin.audit.empty')}</EmptyState>
      )}
      <Pagination page={page} pages={Math.ceil(total / PAGE)} baseUrl={paths.adminAudit.href(l)} />
    </>,
    { title: t('admin.audit.title'), noindex: true, crumbs: [[t('admin.title'), paths.admin.href(l)]] },
  );
});
