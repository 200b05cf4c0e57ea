/**
 * @module Database connection
 * Opens Kysely over better-sqlite3 (a file under DATA_DIR, WAL, synchronous=FULL so an acknowledged write
 * survives a crash) or over pg when DATABASE_URL is a postgres:// URL.
 */
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Database, Dialect } from './schema.js';
import { createNotifications, type Notifications } from './notifications.js';

export interface DbHandle {
  db: Kysely<Database>;
  dialect: Dialect;
  /** The raw better-sqlite3 handle (SQLite only), for online backup and FTS helpers. */
  sqlite?: SQLite.Database;
  /** PostgreSQL only: LISTEN/NOTIFY between the instances on this schema (src/db/notifications.ts). */
  notifications?: Notifications;
  close(): Promise<void>;
}

export interface ConnectOptions {
  /** A postgres:// URL, or undefined for SQLite. */
  url?: string;
  /** SQLite file path, or ':memory:'. */
  file?: string;
  /** PostgreSQL schema to use (tests give each file its own). */
  schema?: string;
  /** Pool size for PostgreSQL. */
  poolSize?: number;
  /** PostgreSQL application_name (shown in pg_stat_activity). */
  applicationName?: string;
}

export class DatabaseOpenError extends Error {}

/** Opens the database and checks that it answers. Throws DatabaseOpenError with a one-line reason. */
export async function connect(opts: ConnectOptions): Promise<DbHandle> {
  if (opts.url) {
    const pool = new pg.Pool({
      connectionString: opts.url,
      max: opts.poolSize ?? 10,
      options: opts.schema ? `-c search_path=${opts.schema}` : undefined,
      connectionTimeoutMillis: 5000,
      application_name: opts.applicationName ?? 'dialogo',
    });
    pool.on('error', () => {
      /* idle client errors are reported by the next query */
    });
    // pg removes its own error listener from a client while it is checked out: a backend terminated then (a
    // failover, a pooler restart, pg_terminate_backend) would emit an unhandled 'error' and kill the process.
    // The query in flight rejects with the same error, so the request answers 500/503 and the process goes on;
    // the broken client is discarded by the pool.
    pool.on('connect', (client) => {
      client.on('error', () => {});
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    try {
      await sql`select 1`.execute(db);
    } catch (err) {
      await pool.end().catch(() => {});
      throw new DatabaseOpenError(`cannot connect to PostgreSQL (${redact(opts.url)}): ${(err as Error).message}`);
    }
    const notifications = createNotifications({ pool, url: opts.url, schema: opts.schema, applicationName: opts.applicationName });
    return {
      db,
      dialect: 'postgres',
      notifications,
      close: async () => {
        await notifications.close();
        await db.destroy();
      },
    };
  }
  const file = opts.file ?? ':memory:';
  let sqlite: SQLite.Database;
  try {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    sqlite = new SQLite(file);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    if (file !== ':memory:') {
      // A damaged file stops the start with one line rather than failing requests later.
      const check = sqlite.pragma('quick_check', { simple: true });
      if (check !== 'ok') throw new Error(`the file is damaged (quick_check: ${String(check).slice(0, 200)}); restore a backup`);
    }
  } catch (err) {
    throw new DatabaseOpenError(`cannot open SQLite database ${file}: ${(err as Error).message}`);
  }
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return { db, dialect: 'sqlite', sqlite, close: () => db.destroy() };
}

/**
 * Kysely prepares every query afresh; preparing cost as much as running a page's small queries
 * (decisions/0006). The same SQL text gets the same prepared statement back, from a bounded map (oldest
 * dropped first); a statement still busy (an open iterator) is never handed out twice. SQLite re-prepares a
 * statement by itself when the schema changes.
 */
export function withStatementCache(sqlite: SQLite.Database, max = 500): { close(): void; prepare(sql: string): SQLite.Statement } {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(source: string) {
      const hit = cache.get(source);
      if (hit && !hit.busy) return hit;
      const stmt = sqlite.prepare(source);
      if (!hit) {
        if (cache.size >= max) cache.delete(cache.keys().next().value!);
        cache.set(source, stmt);
      }
      return stmt;
    },
  };
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):([^@/]+)@/, '//$1:***@');
}
