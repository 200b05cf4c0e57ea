/**
 * @module Account pages
 * Sign-up with email verification, sign-in (rate limited), sign-out, password reset, and the account
 * page: name, language, password, and the list of sessions where a person can sign out other devices.
 *
 * Form posts go through `action()`. better-auth keeps its own tables on the shared database handle, so its
 * calls cannot run inside the action's transaction (on SQLite the one connection is held by it): `run`
 * does what belongs in the transaction — counting attempts for the rate limits (committed whether the
 * attempt succeeds or not), and telling the owner of an address that already has an account — and `done`
 * calls better-auth after the commit, answering with the page again (and its status: 400, 401, 403, 429)
 * or a redirect. Sign-up and sign-in never say whether an address has an account, not even by how long
 * they take: an address with an account costs the same password hash as a new one.
 *
 * Sign-in is limited per address and client, under a higher ceiling per address across clients, and per
 * client by failures only (see SIGNIN_PER_CLIENT below). Every new password passes `newPassword()` and
 * `personalPasswordProblem` (password.ts).
 */
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { clientAddress } from '../http/client-address.js';
import { evenTiming } from '../http/timing.js';
import { enqueueJob } from '../jobs/jobs.js';
import { SIGN_IN_LINK_JOB } from '../jobs/platform.js';

import type { AppEnv, CurrentUser } from '../http/env.js';
import { action } from '../http/action.js';
import { fields } from '../http/forms.js';
import { redirectWith } from '../http/flash.js';
import { hit, peek, reset } from '../http/rate-limit.js';
import { authorize, requireUser } from '../authz/authz.js';
import { ok, fail, type Outcome } from '../outcome.js';
import { notify } from '../notify/notify.js';
import { PLATFORM_KINDS } from '../notify/kinds.js';
import { platformPolicy } from '../policy.js';
import { emptyForm, type FormState } from '../views/components.js';
import { LOCALES } from '../i18n/locales.js';
import { isTimeZone } from '../i18n/zones.js';
import { paths } from '../paths.js';
import { hashPassword } from './auth.js';
import { newPassword, notPersonal, personalPasswordProblem } from './password.js';
import { findUserByEmail } from './users.js';
import { SignUpPage, CheckEmailPage, VerifyFailedPage, SignInPage, SignInLinkPage, SignInLinkUsePage, ForgotPage, ResetPage, AccountPage } from './views.js';
import { personalDataOf, deleteAccount } from './account-data.js';

/** No sign-up answers sooner than this (ms), whichever path it took. */
const SIGN_UP_FLOOR_MS = 400;

/** Sign-up: a name, the address to confirm, and the password typed twice. */
const SignUp = z
  .object({
    name: fields.text(120),
    email: fields.email(),
    password: newPassword(),
    confirm: z.string(),
  })
  .refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'auth.errors.mismatch' })
  .superRefine(notPersonal('name'));
/** Sign-in: address and password (`next`, the page to go back to, is read as typed). */
const SignIn = z.object({ email: fields.email(), password: z.string().min(1).max(200) });
/** Forgotten password, or a sign-in link: the address to send the link to. */
const Forgot = z.object({ email: fields.email() });
/** The token of a mailed sign-in link. */
const LinkToken = z.object({ token: z.string().min(1).max(500) });
/** A new password, with the token of the mailed link. */
const Reset = z
  .object({ token: z.string().min(1).max(500), password: newPassword(), confirm: z.string() })
  .refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'auth.errors.mismatch' });
/** The account's name and language. */
const Profile = z.object({
  name: fields.text(120),
  locale: z.enum(LOCALES),
  /** An IANA zone, or empty: automatic (the browser's zone, else the Mechanism's). */
  time_zone: z
    .string()
    .optional()
    .transform((v) => v || null)
    .refine((v) => v === null || isTimeZone(v), { message: 'form.error.choice' }),
});
/** A password change: the current one, and the new one typed twice. */
const ChangePassword = z
  .object({ current: z.string().min(1).max(200), password: newPassword(), confirm: z.string() })
  .refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'auth.errors.mismatch' });

/** Copies better-auth's Set-Cookie headers onto our response. */
function copyCookies(c: Context<AppEnv>, headers: Headers | undefined) {
  for (const v of headers?.getSetCookie?.() ?? []) c.header('Set-Cookie', v, { append: true });
}

/** A safe place to go after signing in: only our own paths. */
function safeNext(next: unknown, locale: (typeof LOCALES)[number]): string {
  return typeof next === 'string' && /^\/[a-z]{2}(\/[^\s]*)?$/.test(next) && !next.startsWith('//') ? next : paths.account.href(locale);
}

const errCode = (e: unknown): string => (e as { body?: { code?: string } })?.body?.code ?? '';
const minutes = (seconds: number) => Math.ceil(seconds / 60);
/** Forms anyone may post (signed in or not). */
const anyone = () => true;

function page(c: Context<AppEnv>, status: number, content: Parameters<Context<AppEnv>['render']>[0], props: Parameters<Context<AppEnv>['render']>[1]) {
  c.status(status as 200);
  return c.render(content, props);
}
const renderSignUp = (c: Context<AppEnv>, form: FormState, status = 200) => page(c, status, <SignUpPage form={form} />, { title: c.get('t')('auth.signUp.title') });
const renderSignIn = (c: Context<AppEnv>, form: FormState, status = 200, offerLink = false) => page(c, status, <SignInPage form={form} offerLink={offerLink} />, { title: c.get('t')('auth.signIn.title') });
const renderForgot = (c: Context<AppEnv>, form: FormState, status = 200) => page(c, status, <ForgotPage form={form} />, { title: c.get('t')('auth.forgot.title') });
const renderReset = (c: Context<AppEnv>, form: FormState, status = 200) => page(c, status, <ResetPage form={form} />, { title: c.get('t')('auth.reset.title'), noindex: true });

async function renderAccount(c: Context<AppEnv>, user: CurrentUser, profile: FormState, password: FormState, status = 200, deletion: FormState = emptyForm()) {
  const sessions = await c.get('deps').auth.api.listSessions({ headers: c.req.raw.headers });
  return page(
    c,
    status,
    <AccountPage email={user.email} isAdmin={platformPolicy.can(user, 'administer')} profile={profile} password={password} sessions={sessions} currentToken={c.get('sessionToken')} deletion={deletion} />,
    { title: c.get('t')('auth.account.title'), noindex: true },
  );
}
const profileOf = (c: Context<AppEnv>, user: CurrentUser) => emptyForm({ name: user.name, locale: user.locale ?? c.get('locale'), time_zone: user.timeZone ?? '' });

export const authRoutes = new Hono<AppEnv>({ strict: false });

// ---- Sign up ---------------------------------------------------------------------------------------
type SignUpResult = { outcome: 'new' | 'exists' } | { outcome: 'limited'; retryAfter: number };
authRoutes.get(paths.signUp.pattern, (c) => renderSignUp(c, emptyForm()));
// Hashing in both paths evens most of the work; the floor evens the rest (a new account's rows and mail).
authRoutes.post(
  paths.signUp.pattern,
  evenTiming(
    SIGN_UP_FLOOR_MS,
    action({
    public: true,
    allow: anyone,
    input: SignUp,
    run: async (trx, { c, deps, input }): Promise<Outcome<SignUpResult>> => {
      const limit = await hit(trx, `signup:${clientAddress(c)}`, { max: 20, windowSeconds: 3600 });
      if (!limit.allowed) return ok({ outcome: 'limited', retryAfter: limit.retryAfter });
      const owner = await findUserByEmail(trx, input.email);
      if (!owner) return ok({ outcome: 'new' });
      // Do not reveal who has an account: the page says the same, and the owner of the address is told.
      const base = deps.config.baseUrl;
      await notify({ db: trx, i18n: deps.i18n }, [{ userId: owner.id, email: owner.email, locale: owner.locale }], PLATFORM_KINDS.accountExists, {
        subject: 'mail.exists.subject',
        body: 'mail.exists.body',
        params: (l) => ({ url: paths.signIn.url(base, l), reset: paths.forgotPassword.url(base, l) }),
      });
      return ok({ outcome: 'exists' });
    },
    form: (c, { form }) => renderSignUp(c, form),
    done: async ({ c, deps, input, value, values, locale, t }) => {
      if (value.outcome === 'limited') return renderSignUp(c, { values, errors: { email: t('auth.errors.tooMany', { minutes: minutes(value.retryAfter) }) } }, 429);
      if (value.outcome === 'new') {
        await deps.auth.api.signUpEmail({ body: { name: input.name, email: input.email, password: input.password, locale } as any, headers: c.req.raw.headers });
      } else {
        // The same work as a new account (the hash is most of it), so the answer's timing does not tell.
        await hashPassword(input.password);
      }
      return { to: paths.checkEmail.href(locale, {}, { email: input.email }) };
    },
    }),
  ),
);

authRoutes.get(paths.checkEmail.pattern, (c) => c.render(<CheckEmailPage email={(c.req.query('email') ?? '').slice(0, 254)} />, { title: c.get('t')('auth.checkEmail.title'), noindex: true }));

authRoutes.get(paths.verifyEmail.pattern, async (c) => {
  const token = c.req.query('token') ?? '';
  try {
    if (!token) throw new Error('no token');
    await c.get('deps').auth.api.verifyEmail({ query: { token } });
    return redirectWith(c, paths.signIn.href(c.get('locale')), { type: 'success', key: 'auth.verified' });
  } catch {
    return page(c, 400, <VerifyFailedPage />, { title: c.get('t')('auth.verifyFailed.title'), noindex: true });
  }
});

// ---- Sign in / out -----------------------------------------------------------------------------------
/**
 * Sign-in limits. An address is limited per client (8 attempts in 15 minutes from one client address), so
 * wrong passwords sent from elsewhere do not lock its owner out, and under a much higher ceiling across all
 * clients (100 in 15 minutes), which still slows a distributed guesser. A client address is limited by its
 * failed sign-ins only (50 in 15 minutes), so people signing in behind one shared address are not.
 */
const SIGNIN_PER_CLIENT = { max: 8, windowSeconds: 900 };
const SIGNIN_PER_ADDRESS = { max: 100, windowSeconds: 900 };
const SIGNIN_FAILURES_PER_CLIENT = { max: 50, windowSeconds: 900 };
type SignInResult = { retryAfter: number | null; pairKey: string; ipKey: string };
authRoutes.get(paths.signIn.pattern, (c) => renderSignIn(c, emptyForm({ next: c.req.query('next') })));
authRoutes.post(
  paths.signIn.pattern,
  action({
    public: true,
    allow: anyone,
    input: SignIn,
    run: async (trx, { c, input }): Promise<Outcome<SignInResult>> => {
      const client = clientAddress(c);
      const ipKey = `signin:ip:${client}`;
      const pairKey = `signin:email:${input.email}:ip:${client}`;
      const byIp = await peek(trx, ipKey, SIGNIN_FAILURES_PER_CLIENT);
      const byPair = await hit(trx, pairKey, SIGNIN_PER_CLIENT);
      const byEmail = await hit(trx, `signin:email:${input.email}`, SIGNIN_PER_ADDRESS);
      const all = [byIp, byPair, byEmail];
      return ok({ pairKey, ipKey, retryAfter: all.every((l) => l.allowed) ? null : Math.max(...all.filter((l) => !l.allowed).map((l) => l.retryAfter)) });
    },
    form: (c, { form }) => renderSignIn(c, form),
    done: async ({ c, deps, input, value, values, locale, t }) => {
      // Locked: the page offers a one-time sign-in link by mail, so guessing someone's password does not lock them out.
      if (value.retryAfter !== null) return renderSignIn(c, { values: { email: values.email, next: values.next }, errors: { email: t('auth.errors.tooMany', { minutes: minutes(value.retryAfter) }) } }, 429, true);
      try {
        const res = await deps.auth.api.signInEmail({ body: { email: input.email, password: input.password }, headers: c.req.raw.headers, returnHeaders: true });
        copyCookies(c, res.headers);
      } catch (e) {
        const code = errCode(e);
        if (code === 'EMAIL_NOT_VERIFIED') {
          await deps.auth.api.sendVerificationEmail({ body: { email: input.email } }).catch(() => {});
          return renderSignIn(c, { values, errors: { email: t('auth.errors.notVerified') } }, 403);
        }
        if (/INVALID|NOT_FOUND|CREDENTIAL|PASSWORD/.test(code)) {
          await hit(deps.db, value.ipKey, SIGNIN_FAILURES_PER_CLIENT);
          return renderSignIn(c, { values, errors: { email: t('auth.errors.invalid') } }, 401);
        }
        throw e;
      }
      await reset(deps.db, value.pairKey);
      return { to: safeNext(values.next, locale), flash: 'auth.signedIn' };
    },
  }),
);

// ---- A sign-in link by mail (offered when sign-in is locked) ---------------------------------------------
/**
 * The request only queues a job (the same work for any address); the job asks better-auth's magic-link plugin
 * (auth.ts) for the one-time token, mailed through notify() to an existing, confirmed account only. The answer
 * is the same page, after the same time, whether or not the address has an account. Requests are limited per
 * address and per client.
 */
const LINK_PER_ADDRESS = { max: 5, windowSeconds: 3600 };
const LINK_PER_CLIENT = { max: 30, windowSeconds: 3600 };
authRoutes.get(paths.signInLink.pattern, (c) => page(c, 200, <SignInLinkPage form={emptyForm({ email: c.req.query('email')?.slice(0, 254) })} />, { title: c.get('t')('auth.signInLink.title') }));
authRoutes.post(
  paths.signInLink.pattern,
  evenTiming(
    SIGN_UP_FLOOR_MS,
    action({
      public: true,
      allow: anyone,
      input: Forgot,
      run: async (trx, { c, input }) => {
        const byClient = await hit(trx, `signinlink:ip:${clientAddress(c)}`, LINK_PER_CLIENT);
        const byAddress = await hit(trx, `signinlink:${input.email}`, LINK_PER_ADDRESS);
        // The same work for every address: the job looks the account up and mails it (jobs/platform.ts).
        if (byClient.allowed && byAddress.allowed) await enqueueJob(trx, SIGN_IN_LINK_JOB, { email: input.email });
        return ok();
      },
      form: (c, { form }) => page(c, 422, <SignInLinkPage form={form} />, { title: c.get('t')('auth.signInLink.title') }),
      // The same answer whether or not the address has an account (and whether or not it was limited).
      done: async ({ input, locale }) => ({ to: paths.checkEmail.href(locale, {}, { email: input.email }) }),
    }),
  ),
);

const renderLinkUse = (c: Context<AppEnv>, token: string, failed = false) =>
  page(c, failed ? 400 : 200, <SignInLinkUsePage token={token} failed={failed} />, { title: c.get('t')(failed ? 'auth.signInLink.failedTitle' : 'auth.signInLink.useTitle'), noindex: true });
authRoutes.get(paths.signInLinkUse.pattern, (c) => renderLinkUse(c, (c.req.query('token') ?? '').slice(0, 500)));
authRoutes.post(
  paths.signInLinkUse.pattern,
  action({
    public: true,
    allow: anyone,
    input: LinkToken,
    run: async () => ok(),
    form: (c) => renderLinkUse(c, '', true),
    done: async ({ c, deps, input, locale }) => {
      try {
        // Without a callback URL better-auth answers with the session rather than a redirect; the token is used up.
        const res = await deps.auth.api.magicLinkVerify({ query: { token: input.token }, headers: c.req.raw.headers, returnHeaders: true });
        copyCookies(c, res.headers);
      } catch {
        return renderLinkUse(c, '', true);
      }
      return { to: paths.account.href(locale), flash: 'auth.signedIn' };
    },
  }),
);

authRoutes.post(
  paths.signOut.pattern,
  action({
    // Signing out when the session has already ended just goes home.
    public: true,
    allow: anyone,
    run: async () => ok(),
    done: async ({ c, deps, locale }) => {
      const res = await deps.auth.api.signOut({ headers: c.req.raw.headers, returnHeaders: true }).catch(() => null);
      copyCookies(c, res?.headers);
      return { to: paths.home.href(locale), flash: { type: 'info', key: 'auth.signedOut' } };
    },
  }),
);

// ---- Password reset ------------------------------------------------------------------------------------
authRoutes.get(paths.forgotPassword.pattern, (c) => renderForgot(c, emptyForm()));
authRoutes.post(
  paths.forgotPassword.pattern,
  action({
    public: true,
    allow: anyone,
    input: Forgot,
    run: async (trx, { input }) => ok({ allowed: (await hit(trx, `forgot:${input.email}`, { max: 5, windowSeconds: 3600 })).allowed }),
    form: (c, { form }) => renderForgot(c, form),
    done: async ({ deps, input, value, locale }) => {
      if (value.allowed) await deps.auth.api.requestPasswordReset({ body: { email: input.email, redirectTo: paths.resetPassword.href(locale) } }).catch(() => {});
      // The same answer whether or not the address has an account.
      return { to: paths.checkEmail.href(locale, {}, { email: input.email }) };
    },
  }),
);

authRoutes.get(paths.resetPassword.pattern, (c) => renderReset(c, emptyForm({ token: c.req.query('token') ?? '' })));
authRoutes.post(
  paths.resetPassword.pattern,
  action({
    public: true,
    allow: anyone,
    input: Reset,
    run: async (trx, { input }) => {
      // The account the link was sent to (better-auth keeps the user id under the token): its name and
      // address may not be the new password. An unknown or expired token is answered by better-auth below.
      const owner = await trx
        .selectFrom('verifications')
        .innerJoin('users', 'users.id', 'verifications.value')
        .select(['users.name', 'users.email'])
        .where('verifications.identifier', '=', `reset-password:${input.token}`)
        .executeTakeFirst();
      const problem = owner ? personalPasswordProblem(input.password, owner) : null;
      return problem ? fail(problem, { field: 'password' }) : ok();
    },
    form: (c, { form }) => renderReset(c, form),
    done: async ({ c, deps, input, values, locale, t }) => {
      try {
        await deps.auth.api.resetPassword({ body: { newPassword: input.password, token: input.token } });
      } catch {
        return renderReset(c, { values, errors: { password: t('auth.errors.resetExpired') } }, 400);
      }
      return { to: paths.signIn.href(locale), flash: 'auth.passwordReset' };
    },
  }),
);

// ---- Account ---------------------------------------------------------------------------------------------
authRoutes.get(paths.account.pattern, async (c) => {
  const user = requireUser(c);
  authorize(c, platformPolicy.can(user, 'manageOwnAccount'));
  return renderAccount(c, user, profileOf(c, user), emptyForm());
});

authRoutes.post(
  paths.accountProfile.pattern,
  action({
    allow: (actor) => platformPolicy.can(actor, 'manageOwnAccount'),
    input: Profile,
    // The time zone is the platform's own column (better-auth keeps name and language).
    run: async (trx, { actor, input }) => {
      await trx.updateTable('users').set({ time_zone: input.time_zone }).where('id', '=', actor.id).execute();
      return ok();
    },
    form: (c, { actor, form }) => renderAccount(c, actor, form, emptyForm()),
    done: async ({ c, deps, actor, input }) => {
      await deps.auth.api.updateUser({ body: { name: input.name, locale: input.locale } as any, headers: c.req.raw.headers });
      c.get('log').info({ userId: actor.id }, 'profile updated');
      return { to: paths.account.href(input.locale), flash: 'auth.account.saved' };
    },
  }),
);

authRoutes.post(
  paths.accountPassword.pattern,
  action({
    allow: (actor) => platformPolicy.can(actor, 'manageOwnAccount'),
    input: ChangePassword,
    run: async (_trx, { actor, input }) => {
      const problem = personalPasswordProblem(input.password, actor);
      return problem ? fail(problem, { field: 'password' }) : ok();
    },
    // Passwords are never written back into the page.
    form: (c, { actor, form }) => renderAccount(c, actor, profileOf(c, actor), { values: {}, errors: form.errors }),
    done: async ({ c, deps, actor, input, locale, t }) => {
      try {
        const res = await deps.auth.api.changePassword({
          body: { currentPassword: input.current, newPassword: input.password, revokeOtherSessions: true },
          headers: c.req.raw.headers,
          returnHeaders: true,
        });
        copyCookies(c, res.headers);
      } catch {
        return renderAccount(c, actor, profileOf(c, actor), { values: {}, errors: { current: t('auth.errors.currentWrong') } }, 400);
      }
      return { to: paths.account.href(locale), flash: 'auth.account.passwordChanged' };
    },
  }),
);

authRoutes.post(
  paths.accountSessionsRevoke.pattern,
  action({
    allow: (actor) => platformPolicy.can(actor, 'manageOwnAccount'),
    run: async () => ok(),
    done: async ({ c, deps, values, locale }) => {
      const headers = c.req.raw.headers;
      if (values.which === 'others') {
        await deps.auth.api.revokeOtherSessions({ headers });
      } else if (typeof values.id === 'string') {
        // Only the person's own sessions are listed, so only those can be revoked.
        const sessions = await deps.auth.api.listSessions({ headers });
        const target = sessions.find((s) => s.id === values.id);
        if (target && target.token !== c.get('sessionToken')) await deps.auth.api.revokeSession({ body: { token: target.token }, headers });
      }
      return { to: `${paths.account.href(locale)}#sessions`, flash: 'auth.account.sessionsRevoked' };
    },
  }),
);

/** A copy of everything kept about the person, as a JSON download. */
authRoutes.get(paths.accountData.pattern, async (c) => {
  const user = requireUser(c);
  authorize(c, platformPolicy.can(user, 'manageOwnAccount'));
  const { db, modules } = c.get('deps');
  const data = await personalDataOf(db, modules, user.id);
  c.header('content-disposition', 'attachment; filename="my-data.json"');
  c.header('cache-control', 'no-store');
  return c.json(data);
});

/** Deletes the account once the person typed their address to confirm (the last administrator cannot). */
authRoutes.post(
  paths.accountDelete.pattern,
  action({
    allow: (actor) => platformPolicy.can(actor, 'manageOwnAccount'),
    input: z.object({ confirm_email: z.string().trim().toLowerCase() }),
    run: async (trx, { actor, input, deps }) => {
      if (input.confirm_email !== actor.email.toLowerCase()) return fail('auth.errors.deleteConfirm', { field: 'confirm_email' });
      return deleteAccount(trx, deps.modules, actor.id);
    },
    form: (c, { actor, form }) => renderAccount(c, actor, profileOf(c, actor), emptyForm(), 422, form),
    done: ({ locale }) => ({ to: paths.home.href(locale), flash: { type: 'info', key: 'auth.account.deleted' } }),
  }),
);
