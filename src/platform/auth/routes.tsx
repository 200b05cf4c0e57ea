/**
 * @module Account pages
 * Sign-up with email verification, sign-in (rate limited), sign-out, password reset, and the account
 * page: name, language, password, and the list of sessions where a person can sign out other devices.
 * Handlers: validate → call better-auth → render the form again with errors, or redirect with a message.
 */
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { clientAddress } from '../http/client-address.js';
import type { AppEnv } from '../http/env.js';
import { readForm, validate, fields } from '../http/forms.js';
import { redirectWith } from '../http/flash.js';
import { hit, reset } from '../http/rate-limit.js';
import { requireUser } from '../authz/authz.js';
import { Form, ErrorSummary, TextField, SelectField, Button, Table, Notice, emptyForm, type FormState } from '../views/components.js';
import { LOCALES, LOCALE_NAMES } from '../i18n/locales.js';
import { PASSWORD_MIN } from './auth.js';
import { toDate } from '../../db/ids.js';
import { findUserByEmail } from './users.js';

const SignUp = z
  .object({
    name: fields.text(120),
    email: fields.email(),
    password: z.string().min(PASSWORD_MIN).max(200),
    confirm: z.string(),
  })
  .refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'auth.errors.mismatch' });
const SignIn = z.object({ email: fields.email(), password: z.string().min(1).max(200) });
const Forgot = z.object({ email: fields.email() });
const Reset = z
  .object({ token: z.string().min(1).max(500), password: z.string().min(PASSWORD_MIN).max(200), confirm: z.string() })
  .refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'auth.errors.mismatch' });
const Profile = z.object({ name: fields.text(120), locale: z.enum(LOCALES) });
const ChangePassword = z
  .object({ current: z.string().min(1).max(200), password: z.string().min(PASSWORD_MIN).max(200), confirm: z.string() })
  .refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'auth.errors.mismatch' });

/** Copies better-auth's Set-Cookie headers onto our response. */
function copyCookies(c: Context<AppEnv>, headers: Headers | undefined) {
  for (const v of headers?.getSetCookie?.() ?? []) c.header('Set-Cookie', v, { append: true });
}

/** A safe place to go after signing in: only our own paths. */
function safeNext(next: unknown, locale: string): string {
  return typeof next === 'string' && /^\/[a-z]{2}(\/[^\s]*)?$/.test(next) && !next.startsWith('//') ? next : `/${locale}/account`;
}

const errCode = (e: unknown): string => (e as { body?: { code?: string } })?.body?.code ?? '';

export const authRoutes = new Hono<AppEnv>({ strict: false });

// ---- Sign up ---------------------------------------------------------------------------------------
authRoutes.get('/sign-up', (c) => renderSignUp(c, emptyForm()));
authRoutes.post('/sign-up', async (c) => {
  const t = c.get('t');
  const locale = c.get('locale');
  const values = await readForm(c);
  const v = validate(SignUp, values, t);
  if (!v.ok) return renderSignUp(c, { values, errors: v.errors }, 422);
  const limit = await hit(c.get('deps').db, `signup:${clientAddress(c)}`, { max: 20, windowSeconds: 3600 });
  if (!limit.allowed) return renderSignUp(c, { values, errors: { email: t('auth.errors.tooMany', { minutes: Math.ceil(limit.retryAfter / 60) }) } }, 429);
  const { auth, mailer, db } = c.get('deps');
  const exists = await findUserByEmail(db, v.data.email);
  if (!exists) {
    await auth.api.signUpEmail({ body: { name: v.data.name, email: v.data.email, password: v.data.password, locale } as any, headers: c.req.raw.headers });
  } else {
    // Do not reveal who has an account: the page says the same, and the owner of the address is told.
    await mailer.send({
      to: v.data.email,
      kind: 'account-exists',
      subject: t('mail.exists.subject'),
      text: t('mail.exists.body', { url: `${c.get('deps').config.baseUrl}/${locale}/sign-in`, reset: `${c.get('deps').config.baseUrl}/${locale}/forgot-password` }),
    });
  }
  return redirectWith(c, `/${locale}/check-email?email=${encodeURIComponent(v.data.email)}`);
});

function renderSignUp(c: Context<AppEnv>, form: FormState, status = 200) {
  const t = c.get('t');
  const l = c.get('locale');
  c.status(status as any);
  return c.render(
    <>
      <h1>{t('auth.signUp.title')}</h1>
      <p class="lead">{t('auth.signUp.lead')}</p>
      <ErrorSummary errors={form.errors} />
      <Form action={`/${l}/sign-up`}>
        <TextField name="name" label={t('auth.fields.name')} form={form} autocomplete="name" maxlength={120} required />
        <TextField name="email" type="email" label={t('auth.fields.email')} hint={t('auth.hints.email')} form={form} autocomplete="email" required spellcheck={false} />
        <TextField name="password" type="password" label={t('auth.fields.password')} hint={t('auth.hints.password', { min: PASSWORD_MIN })} form={form} autocomplete="new-password" required />
        <TextField name="confirm" type="password" label={t('auth.fields.confirm')} form={form} autocomplete="new-password" required />
        <div class="actions">
          <Button>{t('auth.signUp.submit')}</Button>
          <a href={`/${l}/sign-in`}>{t('auth.signUp.haveAccount')}</a>
        </div>
      </Form>
    </>,
    { title: t('auth.signUp.title') },
  );
}

authRoutes.get('/check-email', (c) => {
  const t = c.get('t');
  const email = c.req.query('email') ?? '';
  return c.render(
    <>
      <h1>{t('auth.checkEmail.title')}</h1>
      <p>{t('auth.checkEmail.body', { email: email.slice(0, 254) })}</p>
      <p class="muted">{t('auth.checkEmail.spam')}</p>
    </>,
    { title: t('auth.checkEmail.title'), noindex: true },
  );
});

authRoutes.get('/verify-email', async (c) => {
  const t = c.get('t');
  const l = c.get('locale');
  const token = c.req.query('token') ?? '';
  try {
    if (!token) throw new Error('no token');
    await c.get('deps').auth.api.verifyEmail({ query: { token } });
    return redirectWith(c, `/${l}/sign-in`, { type: 'success', key: 'auth.verified' });
  } catch {
    c.status(400);
    return c.render(
      <>
        <h1>{t('auth.verifyFailed.title')}</h1>
        <p>{t('auth.verifyFailed.body')}</p>
        <p>
          <a href={`/${l}/sign-in`}>{t('nav.signIn')}</a>
        </p>
      </>,
      { title: t('auth.verifyFailed.title'), noindex: true },
    );
  }
});

// ---- Sign in / out -----------------------------------------------------------------------------------
authRoutes.get('/sign-in', (c) => renderSignIn(c, emptyForm({ next: c.req.query('next') })));
authRoutes.post('/sign-in', async (c) => {
  const t = c.get('t');
  const l = c.get('locale');
  const { auth, db } = c.get('deps');
  const values = await readForm(c);
  const v = validate(SignIn, values, t);
  if (!v.ok) return renderSignIn(c, { values, errors: v.errors }, 422);
  const ipKey = `signin:ip:${clientAddress(c)}`;
  const emailKey = `signin:email:${v.data.email}`;
  const byIp = await hit(db, ipKey, { max: 50, windowSeconds: 900 });
  const byEmail = await hit(db, emailKey, { max: 8, windowSeconds: 900 });
  if (!byIp.allowed || !byEmail.allowed) {
    const minutes = Math.ceil(Math.max(byIp.retryAfter, byEmail.retryAfter) / 60);
    return renderSignIn(c, { values, errors: { email: t('auth.errors.tooMany', { minutes }) } }, 429);
  }
  try {
    const res = await auth.api.signInEmail({ body: { email: v.data.email, password: v.data.password }, headers: c.req.raw.headers, returnHeaders: true });
    copyCookies(c, res.headers);
  } catch (e) {
    const code = errCode(e);
    if (code === 'EMAIL_NOT_VERIFIED') {
      await auth.api.sendVerificationEmail({ body: { email: v.data.email } }).catch(() => {});
      return renderSignIn(c, { values, errors: { email: t('auth.errors.notVerified') } }, 403);
    }
    if (/INVALID|NOT_FOUND|CREDENTIAL|PASSWORD/.test(code)) return renderSignIn(c, { values, errors: { email: t('auth.errors.invalid') } }, 401);
    throw e;
  }
  await reset(db, emailKey);
  return redirectWith(c, safeNext(values.next, l), { type: 'success', key: 'auth.signedIn' });
});

function renderSignIn(c: Context<AppEnv>, form: FormState, status = 200) {
  const t = c.get('t');
  const l = c.get('locale');
  c.status(status as any);
  return c.render(
    <>
      <h1>{t('auth.signIn.title')}</h1>
      <ErrorSummary errors={form.errors} />
      <Form action={`/${l}/sign-in`}>
        {typeof form.values.next === 'string' ? <input type="hidden" name="next" value={form.values.next} /> : null}
        <TextField name="email" type="email" label={t('auth.fields.email')} form={form} autocomplete="email" required spellcheck={false} />
        <TextField name="password" type="password" label={t('auth.fields.password')} form={form} autocomplete="current-password" required />
        <div class="actions">
          <Button>{t('auth.signIn.submit')}</Button>
          <a href={`/${l}/forgot-password`}>{t('auth.signIn.forgot')}</a>
          <a href={`/${l}/sign-up`}>{t('auth.signIn.noAccount')}</a>
        </div>
      </Form>
    </>,
    { title: t('auth.signIn.title') },
  );
}

authRoutes.post('/sign-out', async (c) => {
  const res = await c.get('deps').auth.api.signOut({ headers: c.req.raw.headers, returnHeaders: true }).catch(() => null);
  copyCookies(c, res?.headers);
  return redirectWith(c, `/${c.get('locale')}/`, { type: 'info', key: 'auth.signedOut' });
});

// ---- Password reset ------------------------------------------------------------------------------------
authRoutes.get('/forgot-password', (c) => renderForgot(c, emptyForm()));
authRoutes.post('/forgot-password', async (c) => {
  const t = c.get('t');
  const l = c.get('locale');
  const values = await readForm(c);
  const v = validate(Forgot, values, t);
  if (!v.ok) return renderForgot(c, { values, errors: v.errors }, 422);
  const limit = await hit(c.get('deps').db, `forgot:${v.data.email}`, { max: 5, windowSeconds: 3600 });
  if (limit.allowed) {
    await c.get('deps').auth.api.requestPasswordReset({ body: { email: v.data.email, redirectTo: `/${l}/reset-password` } }).catch(() => {});
  }
  // The same answer whether or not the address has an account.
  return redirectWith(c, `/${l}/check-email?email=${encodeURIComponent(v.data.email)}`);
});

function renderForgot(c: Context<AppEnv>, form: FormState, status = 200) {
  const t = c.get('t');
  c.status(status as any);
  return c.render(
    <>
      <h1>{t('auth.forgot.title')}</h1>
      <p>{t('auth.forgot.lead')}</p>
      <ErrorSummary errors={form.errors} />
      <Form action={`/${c.get('locale')}/forgot-password`}>
        <TextField name="email" type="email" label={t('auth.fields.email')} form={form} autocomplete="email" required spellcheck={false} />
        <Button>{t('auth.forgot.submit')}</Button>
      </Form>
    </>,
    { title: t('auth.forgot.title') },
  );
}

authRoutes.get('/reset-password', (c) => renderReset(c, emptyForm({ token: c.req.query('token') ?? '' })));
authRoutes.post('/reset-password', async (c) => {
  const t = c.get('t');
  const l = c.get('locale');
  const values = await readForm(c);
  const v = validate(Reset, values, t);
  if (!v.ok) return renderReset(c, { values, errors: v.errors }, 422);
  try {
    await c.get('deps').auth.api.resetPassword({ body: { newPassword: v.data.password, token: v.data.token } });
  } catch {
    return renderReset(c, { values, errors: { password: t('auth.errors.resetExpired') } }, 400);
  }
  return redirectWith(c, `/${l}/sign-in`, { type: 'success', key: 'auth.passwordReset' });
});

function renderReset(c: Context<AppEnv>, form: FormState, status = 200) {
  const t = c.get('t');
  c.status(status as any);
  return c.render(
    <>
      <h1>{t('auth.reset.title')}</h1>
      <ErrorSummary errors={form.errors} />
      <Form action={`/${c.get('locale')}/reset-password`}>
        <input type="hidden" name="token" value={String(form.values.token ?? '')} />
        <TextField name="password" type="password" label={t('auth.fields.newPassword')} hint={t('auth.hints.password', { min: PASSWORD_MIN })} form={form} autocomplete="new-password" required />
        <TextField name="confirm" type="password" label={t('auth.fields.confirm')} form={form} autocomplete="new-password" required />
        <Button>{t('auth.reset.submit')}</Button>
      </Form>
    </>,
    { title: t('auth.reset.title'), noindex: true },
  );
}

// ---- Account ---------------------------------------------------------------------------------------------
authRoutes.get('/account', async (c) => {
  const user = requireUser(c);
  return renderAccount(c, emptyForm({ name: user.name, locale: user.locale ?? c.get('locale') }), emptyForm());
});

authRoutes.post('/account/profile', async (c) => {
  const user = requireUser(c);
  const t = c.get('t');
  const values = await readForm(c);
  const v = validate(Profile, values, t);
  if (!v.ok) return renderAccount(c, { values, errors: v.errors }, emptyForm(), 422);
  await c.get('deps').auth.api.updateUser({ body: { name: v.data.name, locale: v.data.locale } as any, headers: c.req.raw.headers });
  c.get('log').info({ userId: user.id }, 'profile updated');
  return redirectWith(c, `/${v.data.locale}/account`, { type: 'success', key: 'auth.account.saved' });
});

authRoutes.post('/account/password', async (c) => {
  const user = requireUser(c);
  const t = c.get('t');
  const values = await readForm(c);
  const v = validate(ChangePassword, values, t);
  const profile = emptyForm({ name: user.name, locale: user.locale ?? c.get('locale') });
  if (!v.ok) return renderAccount(c, profile, { values: {}, errors: v.errors }, 422);
  try {
    const res = await c.get('deps').auth.api.changePassword({
      body: { currentPassword: v.data.current, newPassword: v.data.password, revokeOtherSessions: true },
      headers: c.req.raw.headers,
      returnHeaders: true,
    });
    copyCookies(c, res.headers);
  } catch {
    return renderAccount(c, profile, { values: {}, errors: { current: t('auth.errors.currentWrong') } }, 400);
  }
  return redirectWith(c, `/${c.get('locale')}/account`, { type: 'success', key: 'auth.account.passwordChanged' });
});

authRoutes.post('/account/sessions/revoke', async (c) => {
  requireUser(c);
  const values = await readForm(c);
  const { auth } = c.get('deps');
  if (values.which === 'others') {
    await auth.api.revokeOtherSessions({ headers: c.req.raw.headers });
  } else if (typeof values.id === 'string') {
    const sessions = await auth.api.listSessions({ headers: c.req.raw.headers });
    const target = sessions.find((s) => s.id === values.id);
    if (target && target.token !== c.get('sessionToken')) await auth.api.revokeSession({ body: { token: target.token }, headers: c.req.raw.headers });
  }
  return redirectWith(c, `/${c.get('locale')}/account#sessions`, { type: 'success', key: 'auth.account.sessionsRevoked' });
});

async function renderAccount(c: Context<AppEnv>, profile: FormState, password: FormState, status = 200) {
  const user = requireUser(c);
  const t = c.get('t');
  const fmt = c.get('fmt');
  const l = c.get('locale');
  const sessions = await c.get('deps').auth.api.listSessions({ headers: c.req.raw.headers });
  const current = c.get('sessionToken');
  c.status(status as any);
  return c.render(
    <>
      <h1>{t('auth.account.title')}</h1>
      <p class="muted">
        {user.email} · {user.role === 'admin' ? t('roles.admin') : t('roles.member')}
      </p>
      <p>
        <a href={`/${l}/account/notifications`}>{t('notify.settings.title')}</a>
      </p>
      <h2>{t('auth.account.profile')}</h2>
      <ErrorSummary errors={{ ...profile.errors, ...password.errors }} />
      <Form action={`/${l}/account/profile`}>
        <TextField name="name" label={t('auth.fields.name')} form={profile} autocomplete="name" required />
        <SelectField name="locale" label={t('auth.fields.locale')} hint={t('auth.hints.locale')} form={profile} options={LOCALES.map((x) => ({ value: x, label: LOCALE_NAMES[x] }))} />
        <Button>{t('form.save')}</Button>
      </Form>
      <h2>{t('auth.account.password')}</h2>
      <Form action={`/${l}/account/password`}>
        <TextField name="current" type="password" label={t('auth.fields.currentPassword')} form={password} autocomplete="current-password" />
        <TextField name="password" type="password" label={t('auth.fields.newPassword')} hint={t('auth.hints.password', { min: PASSWORD_MIN })} form={password} autocomplete="new-password" />
        <TextField name="confirm" type="password" label={t('auth.fields.confirm')} form={password} autocomplete="new-password" />
        <Button>{t('auth.account.changePassword')}</Button>
      </Form>
      <h2 id="sessions">{t('auth.account.sessions')}</h2>
      <p>{t('auth.account.sessionsLead')}</p>
      <Table
        caption={t('auth.account.sessions')}
        captionHidden
        head={[t('auth.account.device'), t('auth.account.started'), t('auth.account.expires'), t('auth.account.action')]}
        rows={sessions.map((s) => [
          <>
            {describeAgent(s.userAgent)} {s.token === current ? <span class="badge ok">{t('auth.account.thisDevice')}</span> : null}
          </>,
          fmt.dateTime(toDate(s.createdAt)!),
          fmt.date(toDate(s.expiresAt)!),
          s.token === current ? (
            ''
          ) : (
            <Form action={`/${l}/account/sessions/revoke`}>
              <input type="hidden" name="id" value={s.id} />
              <Button variant="secondary">{t('auth.account.revoke')}</Button>
            </Form>
          ),
        ])}
      />
      {sessions.length > 1 ? (
        <Form action={`/${l}/account/sessions/revoke`}>
          <input type="hidden" name="which" value="others" />
          <Button variant="danger">{t('auth.account.revokeOthers')}</Button>
        </Form>
      ) : (
        <Notice>
          <p>{t('auth.account.onlyThis')}</p>
        </Notice>
      )}
    </>,
    { title: t('auth.account.title'), noindex: true },
  );
}

function describeAgent(ua: string | null | undefined): string {
  if (!ua) return '—';
  const browser = /Firefox\//.test(ua) ? 'Firefox' : /Edg\//.test(ua) ? 'Edge' : /Chrome\//.test(ua) ? 'Chrome' : /Safari\//.test(ua) ? 'Safari' : ua.split(' ')[0]!.slice(0, 30);
  const os = /Android/.test(ua) ? 'Android' : /iPhone|iPad/.test(ua) ? 'iOS' : /Windows/.test(ua) ? 'Windows' : /Mac OS/.test(ua) ? 'macOS' : /Linux/.test(ua) ? 'Linux' : '';
  return os ? `${browser} · ${os}` : browser;
}

