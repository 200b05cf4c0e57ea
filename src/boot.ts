/**
 * @module Boot
 * config → database → migrations → dependencies → first-start seed. Shared by the server, the CLI, the
 * tests and the benchmarks, so they all run the same application.
 */
import pino, { type Logger } from 'pino';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Config } from './config.js';
import { connect, type DbHandle } from './db/connect.js';
import { migrateToLatest } from './db/migrator.js';
import { withStartupLock } from './db/lock.js';
import type { Db } from './db/schema.js';
import { platformMigrations } from './platform/migrations/index.js';
import { createI18n } from './platform/i18n/i18n.js';
import { createMailer } from './platform/mail/mailer.js';
import { createJobs } from './platform/jobs/jobs.js';
import { platformJobs, platformSchedules } from './platform/jobs/platform.js';
import { createAuth } from './platform/auth/auth.js';
import { ensureVerifiedUser, setPassword } from './platform/auth/users.js';
import { createPageCache } from './platform/cache/page-cache.js';
import { shareCacheClears } from './platform/cache/coherence.js';
import type { AppDeps } from './platform/http/env.js';
import type { ModuleManifest } from './platform/module.js';
import { modules as allModules } from './modules/index.js';

export interface Booted {
  deps: AppDeps;
  handle: DbHandle;
  /** Set on the first start: the administrator's credentials to print once. */
  firstAdmin?: { email: string; password: string };
}

export function createLogger(config: Pick<Config, 'logLevel' | 'env'>): Logger {
  return pino({ level: config.logLevel, base: undefined, redact: ['req.headers.cookie', 'password'] });
}

export async function boot(config: Config, opts: { log?: Logger; handle?: DbHandle; modules?: ModuleManifest[]; seed?: boolean } = {}): Promise<Booted> {
  const log = opts.log ?? createLogger(config);
  const modules = opts.modules ?? allModules;
  const handle = opts.handle ?? (await connect({ url: config.databaseUrl, file: join(config.dataDir, 'dialogo.sqlite') }));
  const i18n = createI18n(modules);
  // Declared here, started by the server after listen (src/main.ts); tests run them with ctx.runJobs().
  const jobs = createJobs({
    db: handle.db,
    log,
    jobs: [...platformJobs, ...modules.flatMap((m) => m.jobs ?? [])],
    schedules: [...platformSchedules, ...modules.flatMap((m) => m.schedules ?? [])],
    leaseSeconds: config.jobLeaseSeconds,
  });
  const mailer = createMailer({ db: handle.db, smtpUrl: config.smtpUrl, from: config.mailFrom, log, jobs, leaseSeconds: config.jobLeaseSeconds * 2 });
  const auth = createAuth({ db: handle.db, dialect: handle.dialect, config, mailer, i18n });
  const cache = createPageCache({ ttlSeconds: config.pageCacheTtl });
  const deps: AppDeps = { config, db: handle.db, dialect: handle.dialect, log, i18n, mailer, jobs, auth, cache, modules, sqlite: handle.sqlite };
  jobs.bind(deps);
  // Several instances on one PostgreSQL: a write on any of them empties every instance's caches.
  shareCacheClears(deps, handle.notifications);
  // Migrations and the first-start seed check, then act: one instance at a time.
  const firstAdmin = await withStartupLock(handle, async () => {
    const applied = await migrateToLatest(handle.db, [platformMigrations, ...modules.map((m) => m.migrations ?? {})]);
    if (applied.length) log.info({ applied }, 'migrations applied');
    return opts.seed !== false ? seed(deps) : undefined;
  });
  return { deps, handle, firstAdmin };
}

async function getSetting(db: Db, key: string) {
  return (await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst())?.value;
}
async function putSetting(db: Db, key: string, value: string) {
  await db.insertInto('settings').values({ key, value }).onConflict((oc) => oc.column('key').doUpdateSet({ value })).execute();
}

/** Creates a verified administrator with a password (argon2id), or promotes an existing account, and returns their id. */
export async function createAdmin(db: Db, email: string, password: string, name = 'Mesa Técnica'): Promise<string> {
  const { id, created } = await ensureVerifiedUser(db, { email, name, password, role: 'admin' });
  if (!created) await setPassword(db, id, password);
  return id;
}

/** First start: the administrator and the Mechanism's real structure; with --demo, demo data once. */
export async function seed(deps: AppDeps): Promise<Booted['firstAdmin']> {
  const { db, dialect, log, config, modules } = deps;
  let firstAdmin: Booted['firstAdmin'];
  let adminId = await getSetting(db, 'admin_id');
  if (!adminId) {
    const password = config.adminPassword ?? randomBytes(12).toString('base64url');
    adminId = await createAdmin(db, config.adminEmail, password);
    await putSetting(db, 'admin_id', adminId);
    firstAdmin = { email: config.adminEmail, password };
  }
  if (!(await getSetting(db, 'seeded'))) {
    await db.transaction().execute(async (trx) => {
      for (const m of modules) await m.seed?.({ db: trx, dialect, log, adminId: adminId!, dataDir: config.dataDir });
      await putSetting(trx, 'seeded', new Date().toISOString());
    });
    log.info('the Mechanism’s structure was created');
  }
  if (config.demo && !(await getSetting(db, 'demo'))) {
    await db.transaction().execute(async (trx) => {
      for (const m of modules) await m.demo?.({ db: trx, dialect, log, adminId: adminId!, dataDir: config.dataDir });
      await putSetting(trx, 'demo', new Date().toISOString());
    });
    log.info('demo data added');
  }
  return firstAdmin;
}
