/**
 * @module Administration
 * The Mesa Técnica's staff: a dashboard linking every module's administration page, the mail outbox, the
 * people with accounts (and their role), and the audit log.
 */
import { Hono, type Context, type Next } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../http/env.js';
import { authorize, requireUser } from '../authz/authz.js';
import { Table, EmptyState, Pagination, Form, Button } from '../views/components.js';
import { action } from '../http/action.js';
import { ok, fail } from '../outcome.js';
import { audit } from '../audit/audit.js';
import { platformPolicy } from '../policy.js';
import { paths } from '../paths.js';
import { toDate } from '../../db/ids.js';

export const adminRoutes = new Hono<AppEnv>({ strict: false });
const PAGE = 50;

/** Everything under /admin (the modules' administration pages included) is for administrators. */
const administratorsOnly = async (c: Context<AppEnv>, next: Next) => {
  authorize(c, platformPolicy.can(requireUser(c), 'administer'));
  await next();
};
adminRoutes.use(`${paths.admin.pattern}/*`, administratorsOnly);
adminRoutes.use(paths.admin.pattern, administratorsOnly);

adminRoutes.get(paths.admin.pattern, async (c) => {
  const t = c.get('t');
  const l = c.get('locale');
  const { modules, mailer } = c.get('deps');
  const items = [
    { path: paths.adminOutbox.pattern, label: 'admin.outbox.title' },
    { path: paths.adminUsers.pattern, label: 'admin.users.title' },
    { path: paths.adminAudit.pattern, label: 'admin.audit.title' },
    ...modules.flatMap((m) => (m.nav ?? []).filter((n) => n.area === 'admin')),
  ];
  return c.render(
    <>
      <h1>{t('admin.title')}</h1>
      <p class="muted">{t(mailer.mode === 'smtp' ? 'admin.mailSmtp' : 'admin.mailOutbox')}</p>
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
  const t = c.get('t');
  const l = c.get('locale');
  const fmt = c.get('fmt');
  const { db } = c.get('deps');
  const page = Math.max(1, Number(c.req.query('page')) || 1);
  const to = (c.req.query('to') ?? '').trim().slice(0, 254);
  let q = db.selectFrom('outbox');
  if (to) q = q.where('to_address', '=', to.toLowerCase());
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
            m.error ? <span class="badge err">{t('admin.outbox.failed')}</span> : m.sent_at ? <span class="badge ok">{t('admin.outbox.sent')}</span> : <span class="badge">{t('admin.outbox.kept')}</span>,
          ])}
        />
      ) : (
        <EmptyState>{t('admin.outbox.empty')}</EmptyState>
      )}
      <Pagination page={page} pages={Math.ceil(total / PAGE)} baseUrl={paths.adminOutbox.href(l)} params={new URLSearchParams(to ? { to } : {})} />
    </>,
    { title: t('admin.outbox.title'), noindex: true, crumbs: [[t('admin.title'), paths.admin.href(l)]] },
  );
});

adminRoutes.get(paths.adminOutboxMessage.pattern, async (c) => {
  const t = c.get('t');
  const l = c.get('locale');
  const fmt = c.get('fmt');
  const m = await c.get('deps').db.selectFrom('outbox').selectAll().where('id', '=', c.req.param('id')).executeTakeFirst();
  if (!m) return c.notFound();
  return c.render(
    <>
      <h1>{m.subject}</h1>
      <dl class="meta">
        <dt>{t('admin.outbox.to')}</dt>
        <dd>{m.to_address}</dd>
        <dt>{t('admin.outbox.when')}</dt>
        <dd>{fmt.dateTime(m.created_at)}</dd>
        <dt>{t('admin.outbox.kind')}</dt>
        <dd>{m.kind}</dd>
      </dl>
      <pre class="mail">{m.text_body}</pre>
    </>,
    { title: m.subject, noindex: true, crumbs: [[t('admin.title'), paths.admin.href(l)], [t('admin.outbox.title'), paths.adminOutbox.href(l)]] },
  );
});

adminRoutes.get(paths.adminUsers.pattern, async (c) => {
  const t = c.get('t');
  const l = c.get('locale');
  const fmt = c.get('fmt');
  const { db } = c.get('deps');
  const page = Math.max(1, Number(c.req.query('page')) || 1);
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
  const t = c.get('t');
  const l = c.get('locale');
  const fmt = c.get('fmt');
  const { db } = c.get('deps');
  const page = Math.max(1, Number(c.req.query('page')) || 1);
  const total = Number((await db.selectFrom('audit_log').select((e) => e.fn.countAll().as('n')).executeTakeFirst())?.n ?? 0);
  const rows = await db
    .selectFrom('audit_log')
    .leftJoin('users', 'users.id', 'audit_log.actor_id')
    .select(['audit_log.at', 'audit_log.action', 'audit_log.subject_type', 'audit_log.subject_id', 'users.name as actor'])
    .orderBy('audit_log.at', 'desc')
    .limit(PAGE)
    .offset((page - 1) * PAGE)
    .execute();
  return c.render(
    <>
      <h1>{t('admin.audit.title')}</h1>
      {rows.length ? (
        <Table
          caption={t('admin.audit.title')}
          captionHidden
          head={[t('admin.outbox.when'), t('admin.audit.who'), t('admin.audit.what'), t('admin.audit.subject')]}
          rows={rows.map((r) => [fmt.dateTime(r.at), r.actor ?? t('admin.audit.system'), <code>{r.action}</code>, `${r.subject_type} ${r.subject_id ?? ''}`])}
        />
      ) : (
        <EmptyState>{t('admin.audit.empty')}</EmptyState>
      )}
      <Pagination page={page} pages={Math.ceil(total / PAGE)} baseUrl={paths.adminAudit.href(l)} />
    </>,
    { title: t('admin.audit.title'), noindex: true, crumbs: [[t('admin.title'), paths.admin.href(l)]] },
  );
});
