/**
 * @module Accounts engine
 * better-auth on the shared Kysely instance: email and password with verification, password reset,
 * database sessions, argon2id hashing (@node-rs/argon2). Its HTTP handler is not mounted: our own
 * server-rendered forms call `auth.api.*` so every page works without JavaScript, keeps what was typed,
 * and speaks the visitor's language. Table and column names follow our snake_case convention. Its
 * verification and reset mails go through `notify()` (in the account's language, marked secret, kinds
 * declared in notify/kinds.ts), written to the outbox on the shared handle, then delivery is woken.
 */
import { betterAuth } from 'better-auth';
import { magicLink } from 'better-auth/plugins';
import { hash, verify } from '@node-rs/argon2';
import type { Kysely } from 'kysely';
import type { Database, Dialect } from '../../db/schema.js';
import type { Config } from '../../config.js';
import type { Mailer } from '../mail/mailer.js';
import type { I18n } from '../i18n/i18n.js';
import { isLocale, DEFAULT_LOCALE } from '../i18n/locales.js';
import { notify } from '../notify/notify.js';
import { PLATFORM_KINDS } from '../notify/kinds.js';
import { paths } from '../paths.js';
import { PASSWORD_MIN, PASSWORD_MAX } from './password.js';

/** How long a mailed sign-in link works (seconds); it works once. */
export const SIGN_IN_LINK_SECONDS = 10 * 60;

/** OWASP's argon2id baseline: 19 MiB, 2 iterations, 1 lane. */
const ARGON = { algorithm: 2 /* Algorithm.Argon2id (a const enum) */, memoryCost: 19456, timeCost: 2, parallelism: 1 };

export const hashPassword = (password: string) => hash(password, ARGON);
export const verifyPassword = (digest: string, password: string) => verify(digest, password).catch(() => false);

export const SESSION_COOKIE = 'dialogo.session_token';
export { PASSWORD_MIN };

export function createAuth(opts: {
  db: Kysely<Database>;
  dialect: Dialect;
  config: Config;
  mailer: Mailer;
  i18n: I18n;
}) {
  const { config, mailer, i18n } = opts;
  /** better-auth's user as a notify() recipient, in the language of their account. */
  const recipient = (user: { id: string; email: string; locale?: unknown }) => ({ userId: user.id, email: user.email, locale: isLocale(user.locale) ? user.locale : DEFAULT_LOCALE });
  return betterAuth({
    appName: 'dialogo',
    baseURL: config.baseUrl,
    basePath: '/auth',
    secret: config.authSecret,
    database: { db: opts.db as Kysely<any>, type: opts.dialect },
    telemetry: { enabled: false },
    logger: { disabled: config.env === 'test' },
    emailAndPassword: {
      enabled: true,
      requireEmailVerification: true,
      minPasswordLength: PASSWORD_MIN,
      maxPasswordLength: PASSWORD_MAX,
      revokeSessionsOnPasswordReset: true,
      resetPasswordTokenExpiresIn: 60 * 60,
      password: {
        hash: hashPassword,
        verify: ({ hash: digest, password }) => verifyPassword(digest, password),
      },
      sendResetPassword: async ({ user, token }) => {
        await notify({ db: opts.db, i18n }, [recipient(user)], PLATFORM_KINDS.passwordReset, {
          subject: 'mail.reset.subject',
          body: 'mail.reset.body',
          params: (l) => ({ name: user.name, url: paths.resetPassword.url(config.baseUrl, l, {}, { token }) }),
          secret: true,
        });
        mailer.wake();
      },
    },
    emailVerification: {
      sendOnSignUp: true,
      autoSignInAfterVerification: false,
      expiresIn: 60 * 60 * 24,
      sendVerificationEmail: async ({ user, token }) => {
        await notify({ db: opts.db, i18n }, [recipient(user)], PLATFORM_KINDS.verifyEmail, {
          subject: 'mail.verify.subject',
          body: 'mail.verify.body',
          params: (l) => ({ name: user.name, url: paths.verifyEmail.url(config.baseUrl, l, {}, { token }) }),
          secret: true,
        });
        mailer.wake();
      },
    },
    session: {
      modelName: 'sessions',
      expiresIn: 60 * 60 * 24 * 30,
      updateAge: 60 * 60 * 24,
      fields: {
        userId: 'user_id',
        expiresAt: 'expires_at',
        ipAddress: 'ip_address',
        userAgent: 'user_agent',
        createdAt: 'created_at',
        updatedAt: 'updated_at',
      },
    },
    user: {
      modelName: 'users',
      fields: { emailVerified: 'email_verified', createdAt: 'created_at', updatedAt: 'updated_at' },
      additionalFields: {
        role: { type: 'string', defaultValue: 'member', input: false, required: false },
        locale: { type: 'string', required: false, input: true },
        timeZone: { type: 'string', required: false, input: true, fieldName: 'time_zone' },
      },
    },
    account: {
      modelName: 'accounts',
      fields: {
        userId: 'user_id',
        accountId: 'account_id',
        providerId: 'provider_id',
        accessToken: 'access_token',
        refreshToken: 'refresh_token',
        idToken: 'id_token',
        accessTokenExpiresAt: 'access_token_expires_at',
        refreshTokenExpiresAt: 'refresh_token_expires_at',
        createdAt: 'created_at',
        updatedAt: 'updated_at',
      },
    },
    verification: {
      modelName: 'verifications',
      fields: { expiresAt: 'expires_at', createdAt: 'created_at', updatedAt: 'updated_at' },
    },
    plugins: [
      // A one-time sign-in link by mail, offered when password sign-in is locked (routes.tsx). Only existing,
      // confirmed accounts are mailed, and never signed up; the page answers the same either way. The token
      // is stored hashed and consumed atomically by the first use.
      magicLink({
        disableSignUp: true,
        expiresIn: SIGN_IN_LINK_SECONDS,
        storeToken: 'hashed',
        sendMagicLink: async ({ email, token }) => {
          const user = await opts.db.selectFrom('users').select(['id', 'name', 'email', 'locale', 'email_verified']).where('email', '=', email.trim().toLowerCase()).executeTakeFirst();
          if (!user || !user.email_verified) return; // email_verified: 0/1 on SQLite, a boolean on PostgreSQL
          await notify({ db: opts.db, i18n }, [recipient(user)], PLATFORM_KINDS.signInLink, {
            subject: 'mail.signInLink.subject',
            body: 'mail.signInLink.body',
            params: (l) => ({ name: user.name, url: paths.signInLinkUse.url(config.baseUrl, l, {}, { token }) }),
            secret: true,
          });
          mailer.wake();
        },
      }),
    ],
    rateLimit: { enabled: false },
    advanced: {
      cookiePrefix: 'dialogo',
      useSecureCookies: config.baseUrl.startsWith('https://'),
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax', path: '/' },
    },
  });
}

export type Auth = ReturnType<typeof createAuth>;
