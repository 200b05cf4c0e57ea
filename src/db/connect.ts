/**
 * @module Database connection
 * Opens Kysely over better-sqlite3 (a file under DATA_DIR, WAL, synchronous=FULL so an acknowledged write
 * survives a crash) or over pg when DATABASE_URL is a postgres:// URL.
 */
import { Kysely, PostgresDialect, SqliteDialect, sql, type CompiledQuery, type DatabaseConnection, type Driver, type QueryCompiler, type QueryResult, type TransactionSettings } from 'kysely';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Database, Dialect } from './schema.js';
import { withSqliteLock } from './lock.js';
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
  const open = () => {
    const opened = new SQLite(file);
    try {
      opened.pragma('busy_timeout = 5000');
      opened.pragma('journal_mode = WAL');
      opened.pragma('synchronous = FULL');
      opened.pragma('foreign_keys = ON');
      if (file !== ':memory:') {
        // A damaged file stops the start with one line rather than failing requests later.
        const check = opened.pragma('quick_check', { simple: true });
        if (check !== 'ok') throw new Error(`the file is damaged (quick_check: ${String(check).slice(0, 200)}); restore a backup`);
      }
      return opened;
    } catch (err) {
      opened.close();
      throw err;
    }
  };
  try {
    if (file === ':memory:') sqlite = open();
    else {
      mkdirSync(dirname(file), { recursive: true });
      // Under the start-up lock, so that another process's migrations are never half seen (db/lock.ts).
      sqlite = await withSqliteLock(file, open);
    }
  } catch (err) {
    throw new DatabaseOpenError(`cannot open SQLite database ${file}: ${(err as Error).message}`);
  }
  const db = new Kysely<Database>({ dialect: new SharedSqliteDialect({ database: withStatementCache(sqlite) }) });
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

/**
 * Kysely's SQLite dialect, with its one connection shared by the queries that do not need it to themselves.
 * better-sqlite3 runs a statement from start to end synchronously, so single statements outside a transaction can
 * never interleave: they take the connection without waiting. Only a transaction (which holds the connection across
 * awaits) and a streamed query (an open iterator keeps the connection busy) take it alone — once the statements in
 * flight have finished — and the queries that arrive meanwhile wait for them, first come first served.
 *
 * Kysely's own driver serializes every query through a mutex that wakes each waiter at every release and lets a
 * newcomer take the connection ahead of them: under load, a page's queries waited behind other requests' queries
 * that had no need to exclude them (decisions/0007, "One SQLite connection, shared").
 */
export class SharedSqliteDialect extends SqliteDialect {
  override createDriver(): Driver {
    return new SharedDriver(super.createDriver());
  }
}

/** A hold on the connection: shared (single statements) or exclusive (a transaction, a stream). */
class Lease implements DatabaseConnection {
  exclusive = false;
  constructor(
    readonly driver: SharedDriver,
    readonly connection: DatabaseConnection,
  ) {}
  executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    return this.connection.executeQuery<R>(query);
  }
  async *streamQuery<R>(query: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    await this.driver.exclusive(this);
    yield* this.connection.streamQuery<R>(query, chunkSize);
  }
}

class SharedDriver implements Driver {
  readonly #inner: Driver;
  #connection: DatabaseConnection | undefined;
  /** Shared leases in flight. */
  #shared = 0;
  #exclusive: Lease | null = null;
  /** Who waits, in order of arrival: a shared lease to be, or a lease to make exclusive. */
  readonly #waiting: { exclusive: Lease | null; grant: () => void }[] = [];
  constructor(inner: Driver) {
    this.#inner = inner;
  }
  async init() {
    await this.#inner.init();
    // Kysely's driver hands its one connection out; it is taken once, and its mutex left unused.
    this.#connection = await this.#inner.acquireConnection();
  }
  async acquireConnection(): Promise<DatabaseConnection> {
    if (this.#exclusive || this.#waiting.length) await new Promise<void>((grant) => this.#waiting.push({ exclusive: null, grant }));
    else this.#shared++;
    return new Lease(this, this.#connection!);
  }
  /** Makes a shared lease exclusive, once the other statements in flight are done. */
  async exclusive(lease: Lease): Promise<void> {
    if (lease.exclusive) return;
    this.#shared--;
    const turn = new Promise<void>((grant) => this.#waiting.push({ exclusive: lease, grant }));
    this.#next();
    await turn;
  }
  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    const lease = connection as Lease;
    if (lease.exclusive) this.#exclusive = null;
    else this.#shared--;
    this.#next();
  }
  /** Lets the waiting in, in order: shared leases while no one holds the connection alone, one exclusive when it is free. */
  #next() {
    while (this.#waiting.length && !this.#exclusive) {
      const head = this.#waiting[0]!;
      if (head.exclusive) {
        if (this.#shared > 0) return;
        this.#exclusive = head.exclusive;
        head.exclusive.exclusive = true;
      } else this.#shared++;
      this.#waiting.shift();
      head.grant();
    }
  }
  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings) {
    const lease = connection as Lease;
    await this.exclusive(lease);
    await this.#inner.beginTransaction(lease.connection, settings);
  }
  commitTransaction(connection: DatabaseConnection) {
    return this.#inner.commitTransaction((connection as Lease).connection);
  }
  rollbackTransaction(connection: DatabaseConnection) {
    return this.#inner.rollbackTransaction((connection as Lease).connection);
  }
  async savepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']) {
    await this.#inner.savepoint!((connection as Lease).connection, name, compile);
  }
  async rollbackToSavepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']) {
    await this.#inner.rollbackToSavepoint!((connection as Lease).connection, name, compile);
  }
  async releaseSavepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']) {
    await this.#inner.releaseSavepoint!((connection as Lease).connection, name, compile);
  }
  async destroy() {
    if (this.#connection) await this.#inner.releaseConnection(this.#connection);
    await this.#inner.destroy();
  }
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):([^@/]+)@/, '//$1:***@');
}
