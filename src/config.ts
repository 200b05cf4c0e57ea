/**
 * @module Configuration
 * Reads the environment once, validates it with zod, and reports every problem on its own line.
 */
import { z } from 'zod';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';

const bool = z
  .string()
  .optional()
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

const EnvSchema = z.object({
  /** TCP port the server listens on. */
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Interface to bind; 0.0.0.0 for containers. */
  HOST: z.string().default('0.0.0.0'),
  /** Public origin used in emails and redirects, without trailing slash. */
  BASE_URL: z.string().url().optional(),
  /** Folder for the SQLite database, uploads, the generated secret and backups. */
  DATA_DIR: z.string().default('data'),
  /** postgres://… to use PostgreSQL instead of the embedded SQLite file. */
  DATABASE_URL: z
    .string()
    .regex(/^(postgres|postgresql):\/\//, 'must start with postgres:// (leave empty for SQLite)')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  /** Secret for signing sessions (≥ 32 characters). Generated into DATA_DIR when missing. */
  AUTH_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /** smtp://user:pass@host:port or smtps://…; without it mail goes to the in-site outbox. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  /** Sender address for outgoing mail. */
  MAIL_FROM: z.string().default('dialogo <no-reply@dialogo.local>'),
  /** pino level. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Add demo organizations and people on first start. */
  DEMO: bool,
  /** Email of the first administrator created on an empty database. */
  ADMIN_EMAIL: z.string().email().default('admin@dialogo.local'),
  /** Password for that administrator; random and printed once when missing. */
  ADMIN_PASSWORD: z.string().min(10, 'must be at least 10 characters').optional(),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** Seconds a cached public page may be served after a write on another instance. */
  PAGE_CACHE_TTL: z.coerce.number().int().min(0).max(3600).default(30),
  /** Seconds a signed-in session may be recognised without asking the database (10; 0 = off, the default under NODE_ENV=test). */
  SESSION_CACHE_TTL: z.coerce.number().int().min(0).max(300).optional(),
});

export type Config = {
  port: number;
  host: string;
  baseUrl: string;
  dataDir: string;
  databaseUrl?: string;
  authSecret: string;
  smtpUrl?: string;
  mailFrom: string;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  demo: boolean;
  adminEmail: string;
  adminPassword?: string;
  env: 'development' | 'production' | 'test';
  pageCacheTtl: number;
  /** Seconds; see platform/auth/session-cache.ts. */
  sessionCacheTtl: number;
};

export class ConfigError extends Error {
  constructor(public problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Validates `env` and returns the configuration; throws ConfigError listing every problem. */
export function loadConfig(env: Record<string, string | undefined> = process.env, argv: string[] = []): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  const dataDir = resolve(e.DATA_DIR);
  return {
    port: e.PORT,
    host: e.HOST,
    baseUrl: (e.BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    dataDir,
    databaseUrl: e.DATABASE_URL,
    authSecret: e.AUTH_SECRET ?? secretFromDataDir(dataDir),
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    logLevel: e.LOG_LEVEL,
    demo: e.DEMO || argv.includes('--demo'),
    adminEmail: e.ADMIN_EMAIL,
    adminPassword: e.ADMIN_PASSWORD,
    env: e.NODE_ENV,
    pageCacheTtl: e.PAGE_CACHE_TTL,
    sessionCacheTtl: e.SESSION_CACHE_TTL ?? (e.NODE_ENV === 'test' ? 0 : 10),
  };
}

/** A stable random secret kept in DATA_DIR/secret, so sessions survive restarts without configuration. */
function secretFromDataDir(dataDir: string): string {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
