/**
 * @module Request environment
 * What every handler finds on the context: the shared dependencies (set once) and the per-request
 * language, translator, user and CSRF token.
 */
import type { Logger } from 'pino';
import type { Kysely } from 'kysely';
import type { Config } from '../../config.js';
import type { Database, Dialect } from '../../db/schema.js';
import type { I18n, T, Formatters } from '../i18n/i18n.js';
import type { Locale } from '../i18n/locales.js';
import type { Mailer } from '../mail/mailer.js';
import type { Jobs } from '../jobs/jobs.js';
import type { Auth } from '../auth/auth.js';
import type { PageCache } from '../cache/page-cache.js';
import type { ModuleManifest } from '../module.js';

export type Role = 'admin' | 'member';

/** The signed-in person, as handlers and policies see them. */
export interface CurrentUser {
  id: string;
  name: string;
  email: string;
  role: Role;
  locale: Locale | null;
  /** The IANA time zone chosen on the account page; null: automatic (the browser's, else the Mechanism's). */
  timeZone?: string | null;
  emailVerified: boolean;
}

export interface AppDeps {
  config: Config;
  db: Kysely<Database>;
  dialect: Dialect;
  log: Logger;
  i18n: I18n;
  mailer: Mailer;
  /** The background job queue: `jobs.enqueue(name, payload, { runAt, uniqueKey })`. */
  jobs: Jobs;
  auth: Auth;
  cache: PageCache;
  modules: ModuleManifest[];
  /** SQLite's raw handle when on SQLite (backups, FTS). */
  sqlite?: import('better-sqlite3').Database;
}

export type AppEnv = {
  Variables: {
    deps: AppDeps;
    requestId: string;
    log: Logger;
    locale: Locale;
    t: T;
    fmt: Formatters;
    /**
     * The reader's IANA time zone, for `fmt.dateTimeIn(d, c.get('timeZone'))` (platform/http/middleware.ts
     * `readerZone`): signed in, the account's zone, else the browser's (cookie `tz`), else the Mechanism's;
     * signed out, always the Mechanism's, so cached public pages do not depend on a cookie.
     */
    timeZone: string;
    user: CurrentUser | null;
    sessionToken: string | null;
    /** The browser's CSRF secret (its cookie); undefined until a form asks for one: read it with `csrfToken(c)` (http/csrf.ts). */
    csrf: string | undefined;
    /** A secret `csrfToken` issued for this response: its cookie goes out with it. */
    csrfIssued?: string;
    /** Set by a route to let the page cache keep this anonymous response. */
    cacheable: boolean;
    /** The query parameters a cacheable page takes, in their one order (others make a URL uncacheable). */
    cacheParams?: readonly string[];
    /** The page the layout rendered, as UTF-8, with the response made from it (compression and the page cache read these bytes, not the response). */
    rendered?: { res: Response; bytes: Buffer };
    /** Set once a route-specific body limit applied (the default 1 MB then stays out of the way). */
    bodyLimited: boolean;
    /** The request's cookies, parsed once (read them with `cookieOf`, platform/http/cookies.ts). */
    cookies?: Record<string, string>;
  };
};
