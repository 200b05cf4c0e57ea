/**
 * @module Account views
 * The markup of the account pages: sign-up, check your email, a failed verification, sign-in, forgot and
 * reset password, and the account page (profile, password, sessions). Views take data and return markup.
 */
import { useView } from '../views/context.js';
import { TIME_ZONES } from '../i18n/zones.js';
import { Form, ErrorSummary, TextField, SelectField, Button, Table, Notice, emptyForm, type FormState } from '../views/components.js';
import { LOCALES, LOCALE_NAMES } from '../i18n/locales.js';
import { toDate } from '../../db/ids.js';
import { paths } from '../paths.js';
import { PASSWORD_MIN } from './auth.js';

export function SignUpPage(props: { form: FormState }) {
  const { t, locale: l } = useView();
  const { form } = props;
  return (
    <>
      <h1>{t('auth.signUp.title')}</h1>
      <p class="lead">{t('auth.signUp.lead')}</p>
      <ErrorSummary errors={form.errors} />
      <Form action={paths.signUp.href(l)}>
        <TextField name="name" label={t('auth.fields.name')} form={form} autocomplete="name" maxlength={120} required />
        <TextField name="email" type="email" label={t('auth.fields.email')} hint={t('auth.hints.email')} form={form} autocomplete="email" required spellcheck={false} />
        <TextField name="password" type="password" label={t('auth.fields.password')} hint={t('auth.hints.password', { min: PASSWORD_MIN })} form={form} autocomplete="new-password" required />
        <TextField name="confirm" type="password" label={t('auth.fields.confirm')} form={form} autocomplete="new-password" required />
        <div class="actions">
          <Button>{t('auth.signUp.submit')}</Button>
          <a href={paths.signIn.href(l)}>{t('auth.signUp.haveAccount')}</a>
        </div>
      </Form>
    </>
  );
}

export function CheckEmailPage(props: { email: string }) {
  const { t } = useView();
  return (
    <>
      <h1>{t('auth.checkEmail.title')}</h1>
      <p>{t('auth.checkEmail.body', { email: props.email })}</p>
      <p class="muted">{t('auth.checkEmail.spam')}</p>
    </>
  );
}

export function VerifyFailedPage() {
  const { t, locale: l } = useView();
  return (
    <>
      <h1>{t('auth.verifyFailed.title')}</h1>
      <p>{t('auth.verifyFailed.body')}</p>
      <p>
        <a href={paths.signIn.href(l)}>{t('nav.signIn')}</a>
      </p>
    </>
  );
}

export function SignInPage(props: { form: FormState; offerLink?: boolean }) {
  const { t, locale: l } = useView();
  const { form } = props;
  return (
    <>
      <h1>{t('auth.signIn.title')}</h1>
      <ErrorSummary errors={form.errors} />
      {props.offerLink ? (
        // Locked out (too many attempts for this address): the owner can still get in through their mailbox.
        <Notice>
          <p>{t('auth.signInLink.offer')}</p>
          <Form action={paths.signInLink.href(l)}>
            <input type="hidden" name="email" value={String(form.values.email ?? '')} />
            <Button>{t('auth.signIn.offerLink')}</Button>
          </Form>
        </Notice>
      ) : null}
      <Form action={paths.signIn.href(l)}>
        {typeof form.values.next === 'string' ? <input type="hidden" name="next" value={form.values.next} /> : null}
        <TextField name="email" type="email" label={t('auth.fields.email')} form={form} autocomplete="email" required spellcheck={false} />
        <TextField name="password" type="password" label={t('auth.fields.password')} form={form} autocomplete="current-password" required />
        <div class="actions">
          <Button>{t('auth.signIn.submit')}</Button>
          <a href={paths.forgotPassword.href(l)}>{t('auth.signIn.forgot')}</a>
          <a href={paths.signUp.href(l)}>{t('auth.signIn.noAccount')}</a>
        </div>
      </Form>
    </>
  );
}

/** Asks for a one-time sign-in link by mail. */
export function SignInLinkPage(props: { form: FormState }) {
  const { t, locale: l } = useView();
  return (
    <>
      <h1>{t('auth.signInLink.title')}</h1>
      <p>{t('auth.signInLink.lead')}</p>
      <ErrorSummary errors={props.form.errors} />
      <Form action={paths.signInLink.href(l)}>
        <TextField name="email" type="email" label={t('auth.fields.email')} form={props.form} autocomplete="email" required spellcheck={false} />
        <Button>{t('auth.signInLink.submit')}</Button>
      </Form>
    </>
  );
}

/**
 * The mailed link opens this page; the button signs in (a POST, so a mail scanner that follows links does not
 * use the one-time token up).
 */
export function SignInLinkUsePage(props: { token: string; failed?: boolean }) {
  const { t, locale: l } = useView();
  if (props.failed) {
    return (
      <>
        <h1>{t('auth.signInLink.failedTitle')}</h1>
        <p>{t('auth.signInLink.failedBody')}</p>
        <p>
          <a href={paths.signInLink.href(l)}>{t('auth.signInLink.title')}</a>
        </p>
      </>
    );
  }
  return (
    <>
      <h1>{t('auth.signInLink.useTitle')}</h1>
      <p>{t('auth.signInLink.useLead')}</p>
      <Form action={paths.signInLinkUse.href(l)}>
        <input type="hidden" name="token" value={props.token} />
        <Button>{t('auth.signInLink.useSubmit')}</Button>
      </Form>
    </>
  );
}

export function ForgotPage(props: { form: FormState }) {
  const { t, locale: l } = useView();
  return (
    <>
      <h1>{t('auth.forgot.title')}</h1>
      <p>{t('auth.forgot.lead')}</p>
      <ErrorSummary errors={props.form.errors} />
      <Form action={paths.forgotPassword.href(l)}>
        <TextField name="email" type="email" label={t('auth.fields.email')} form={props.form} autocomplete="email" required spellcheck={false} />
        <Button>{t('auth.forgot.submit')}</Button>
      </Form>
    </>
  );
}

export function ResetPage(props: { form: FormState }) {
  const { t, locale: l } = useView();
  const { form } = props;
  return (
    <>
      <h1>{t('auth.reset.title')}</h1>
      <ErrorSummary errors={form.errors} />
      <Form action={paths.resetPassword.href(l)}>
        <input type="hidden" name="token" value={String(form.values.token ?? '')} />
        <TextField name="password" type="password" label={t('auth.fields.newPassword')} hint={t('auth.hints.password', { min: PASSWORD_MIN })} form={form} autocomplete="new-password" required />
        <TextField name="confirm" type="password" label={t('auth.fields.confirm')} form={form} autocomplete="new-password" required />
        <Button>{t('auth.reset.submit')}</Button>
      </Form>
    </>
  );
}

/** One of the person's sessions, as the account page lists it. */
export interface SessionRow {
  id: string;
  token: string;
  userAgent?: string | null;
  createdAt: Date | string;
  expiresAt: Date | string;
}

export function AccountPage(props: {
  email: string;
  isAdmin: boolean;
  profile: FormState;
  password: FormState;
  sessions: SessionRow[];
  currentToken?: string | null;
  deletion?: FormState;
}) {
  const { t, fmt, locale: l, c } = useView();
  const { profile, password, sessions } = props;
  const zone = c.get('timeZone');
  const current = props.currentToken;
  return (
    <>
      <h1>{t('auth.account.title')}</h1>
      <p class="muted">
        {props.email} · {props.isAdmin ? t('roles.admin') : t('roles.member')}
      </p>
      <p>
        <a href={paths.accountNotifications.href(l)}>{t('notify.settings.title')}</a>
      </p>
      <h2>{t('auth.account.profile')}</h2>
      <ErrorSummary errors={{ ...profile.errors, ...password.errors }} />
      <Form action={paths.accountProfile.href(l)}>
        <TextField name="name" label={t('auth.fields.name')} form={profile} autocomplete="name" required />
        <SelectField name="locale" label={t('auth.fields.locale')} hint={t('auth.hints.locale')} form={profile} options={LOCALES.map((x) => ({ value: x, label: LOCALE_NAMES[x] }))} />
        <SelectField
          name="time_zone"
          label={t('auth.fields.timeZone')}
          hint={t('auth.hints.timeZone', { zone: zone, now: fmt.dateTimeIn(new Date(), zone) })}
          form={profile}
          empty={t('auth.fields.timeZoneAuto')}
          options={TIME_ZONES.map((z) => ({ value: z, label: z.replace(/_/g, ' ') }))}
        />
        <Button>{t('form.save')}</Button>
      </Form>
      <h2>{t('auth.account.password')}</h2>
      <Form action={paths.accountPassword.href(l)}>
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
            <Form action={paths.accountSessionsRevoke.href(l)}>
              <input type="hidden" name="id" value={s.id} />
              <Button variant="secondary">{t('auth.account.revoke')}</Button>
            </Form>
          ),
        ])}
      />
      {sessions.length > 1 ? (
        <Form action={paths.accountSessionsRevoke.href(l)}>
          <input type="hidden" name="which" value="others" />
          <Button variant="danger">{t('auth.account.revokeOthers')}</Button>
        </Form>
      ) : (
        <Notice>
          <p>{t('auth.account.onlyThis')}</p>
        </Notice>
      )}
      <h2 id="your-data">{t('auth.account.dataTitle')}</h2>
      <p>
        {t('auth.account.dataLead')} <a href={paths.privacy.href(l)}>{t('footer.privacy')}</a>
      </p>
      <p>
        <a href={paths.accountData.href(l)} download="my-data.json">
          {t('auth.account.download')}
        </a>
      </p>
      <h3>{t('auth.account.deleteTitle')}</h3>
      <p>{t('auth.account.deleteLead')}</p>
      <ErrorSummary errors={props.deletion?.errors ?? {}} />
      <Form action={paths.accountDelete.href(l)}>
        <TextField name="confirm_email" label={t('auth.account.deleteConfirm', { email: props.email })} form={props.deletion ?? emptyForm()} autocomplete="off" />
        <Button variant="danger">{t('auth.account.deleteButton')}</Button>
      </Form>
    </>
  );
}

function describeAgent(ua: string | null | undefined): string {
  if (!ua) return '—';
  const browser = /Firefox\//.test(ua) ? 'Firefox' : /Edg\//.test(ua) ? 'Edge' : /Chrome\//.test(ua) ? 'Chrome' : /Safari\//.test(ua) ? 'Safari' : ua.split(' ')[0]!.slice(0, 30);
  const os = /Android/.test(ua) ? 'Android' : /iPhone|iPad/.test(ua) ? 'iOS' : /Windows/.test(ua) ? 'Windows' : /Mac OS/.test(ua) ? 'macOS' : /Linux/.test(ua) ? 'Linux' : '';
  return os ? `${browser} · ${os}` : browser;
}
