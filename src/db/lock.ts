/**
 * @module Start-up lock
 * Several instances may start at once on one empty database (a deployment that scales out, a restart of all
 * replicas). Migrations and the first-start seed check and then act, so they run under one lock across
 * processes: a session advisory lock on PostgreSQL; on SQLite an exclusive transaction on a small lock file
 * beside the database (released by the operating system if the process dies).
 */
import { sql } from 'kysely';
import SQLite from 'better-sqlite3';
import type { DbHandle } from './connect.js';

/** An arbitrary constant shared by every dialogo instance: "dialogo start" as a 63-bit number. */
const PG_LOCK_KEY = 7_305_982_117_416_771n;

/** Runs `fn` while holding the start-up lock; other instances wait for it (up to two minutes). */
export async function withStartupLock<T>(handle: DbHandle, fn: () => Promise<T>): Promise<T> {
  if (handle.dialect === 'postgres') {
    return handle.db.connection().execute(async (conn) => {
      await sql`select pg_advisory_lock(${PG_LOCK_KEY.toString()}::bigint)`.execute(conn);
      try {
        return await fn();
      } finally {
        await sql`select pg_advisory_unlock(${PG_LOCK_KEY.toString()}::bigint)`.execute(conn).catch(() => {});
      }
    });
  }
  const file = handle.sqlite?.name;
  if (!file || file === ':memory:' || handle.sqlite?.memory) return fn();
  return withSqliteLock(file, fn);
}

/**
 * Holds the SQLite start-up lock of the database in `file` while `fn` runs: an exclusive transaction on
 * `<file>.lock`, waited for up to two minutes. Opening the database takes it too (connect.ts): switching a new
 * file to WAL and reading every table for the quick check, FTS5's among them, fail while another process is
 * creating those tables.
 */
export async function withSqliteLock<T>(file: string, fn: () => T | Promise<T>): Promise<T> {
  const lock = new SQLite(`${file}.lock`, { timeout: 120_000 });
  try {
    lock.exec('create table if not exists start_lock (x integer)');
    lock.exec('begin exclusive');
    try {
      return await fn();
    } finally {
      lock.exec('rollback');
    }
  } finally {
    lock.close();
  }
}
