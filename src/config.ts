/**
 * @module Configuration
 * Reads the environment once, validates it with zod, and reports every problem on its own line.
 */
import { z } from 'zod';
import { mkdirSync, readFileSync, writeFileSync, existsSync, statSync, accessSync, constants } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';
import { BlockList, isIP } from 'node:net';

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
  BASE_URL: z
    .string()
    .optional()
    .transform((v) => v || undefined)
    .pipe(
      z
        .string()
        .regex(/^https?:\/\/[^/]/, 'must start with http:// or https://')
        .refine((v) => URL.canParse(v), 'must be a valid URL')
        .optional(),
    ),
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
  /** The Mechanism's time zone (IANA): times for readers whose zone is not known (signed out, no account setting or browser zone). */
  TIME_ZONE: z
    .string()
    .default('UTC')
    .refine((v) => { try { new Intl.DateTimeFormat('en', { timeZone: v }); return true; } catch { return false; } }, 'must be an IANA time zone, like America/Lima or UTC'),
  /** pino level. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Add demo organizations and people on first start. */
  DEMO: bool,
  /** Email of the first administrator created on an empty database. */
  ADMIN_EMAIL: z.string().email().default('admin@dialogo.local'),
  /** Password for that administrator; random and printed once when missing. */
  ADMIN_PASSWORD: z.string().min(10, 'must be at least 10 characters').optional(),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /**
   * Seconds a cached public page may be served at most (30; 0 = no page cache, the default under NODE_ENV=test).
   * On PostgreSQL a write on another instance empties it at once (LISTEN/NOTIFY): the TTL is the safety net.
   */
  PAGE_CACHE_TTL: z.coerce.number().int().min(0).max(3600).optional(),
  /** Seconds a stopping server keeps accepting (answering with Connection: close, /healthz 503) before it closes. */
  SHUTDOWN_DRAIN_SECONDS: z.coerce.number().min(0).max(60).default(2),
  /** Seconds a running job (or a mail being sent) is held before another worker may take it over. */
  JOB_LEASE_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  /**
   * Reverse proxies to believe about the client's address (X-Forwarded-For): a number of hops (`1`: one
   * proxy in front), or a comma-separated list of proxy addresses and CIDR ranges. Unset or `0`: the socket.
   */
  TRUST_PROXY: z
    .string()
    .optional()
    .transform((v, ctx): TrustProxy => {
      const s = (v ?? '').trim();
      if (s === '' || s === '0' || s === 'false') return false;
      if (/^\d+$/.test(s)) {
        const hops = Number(s);
        if (hops > 10) ctx.addIssue({ code: 'custom', message: 'at most 10 hops' });
        return { hops };
      }
      const addresses = s.split(',').map((a) => a.trim()).filter(Boolean);
      try {
        trustList(addresses);
      } catch (err) {
        ctx.addIssue({ code: 'custom', message: `must be a number of hops or a list of IP addresses or CIDR ranges (${(err as Error).message})` });
      }
      return { addresses };
    }),
  /** Seconds a signed-in session may be recognised without asking the database (10; 0 = off, the default under NODE_ENV=test). */
  SESSION_CACHE_TTL: z.coerce.number().int().min(0).max(300).optional(),
});

/** Which proxies to believe about the client's address (see TRUST_PROXY). */
export type TrustProxy = false | { hops: number } | { addresses: string[] };

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
  /** The Mechanism's IANA time zone (TIME_ZONE, default UTC). */
  timeZone: string;
  demo: boolean;
  adminEmail: string;
  adminPassword?: string;
  env: 'development' | 'production' | 'test';
  pageCacheTtl: number;
  shutdownDrainSeconds: number;
  jobLeaseSeconds: number;
  trustProxy: TrustProxy;
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
  const unusable = dataDirProblem(dataDir);
  if (unusable) throw new ConfigError([`DATA_DIR: ${unusable}`]);
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
    timeZone: e.TIME_ZONE,
    demo: e.DEMO || argv.includes('--demo'),
    adminEmail: e.ADMIN_EMAIL,
    adminPassword: e.ADMIN_PASSWORD,
    env: e.NODE_ENV,
    pageCacheTtl: e.PAGE_CACHE_TTL ?? (e.NODE_ENV === 'test' ? 0 : 30),
    shutdownDrainSeconds: e.SHUTDOWN_DRAIN_SECONDS,
    jobLeaseSeconds: e.JOB_LEASE_SECONDS,
    trustProxy: e.TRUST_PROXY,
    sessionCacheTtl: e.SESSION_CACHE_TTL ?? (e.NODE_ENV === 'test' ? 0 : 10),
  };
}

/** Why DATA_DIR cannot hold the database and uploads (created when missing), or null when it can. */
function dataDirProblem(dir: string): string | null {
  try {
    if (existsSync(dir) && !statSync(dir).isDirectory()) return `${dir} is a file, not a folder`;
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK | constants.R_OK);
    return null;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return `${dir} cannot be used as a writable folder (${code ?? (err as Error).message})`;
  }
}

/** A BlockList of addresses and CIDR ranges (`10.0.0.1`, `10.0.0.0/8`, `fd00::/8`); throws on a bad entry. */
export function trustList(addresses: string[]): BlockList {
  const list = new BlockList();
  for (const entry of addresses) {
    const [address = '', prefix] = entry.split('/');
    const family = isIP(address);
    if (!family) throw new Error(`not an IP address: ${entry}`);
    const type = family === 6 ? 'ipv6' : 'ipv4';
    if (prefix === undefined) list.addAddress(address, type);
    else {
      const bits = Number(prefix);
      if (!/^\d+$/.test(prefix) || bits > (family === 6 ? 128 : 32)) throw new Error(`not a CIDR range: ${entry}`);
      list.addSubnet(address, bits, type);
    }
  }
  return list;
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
