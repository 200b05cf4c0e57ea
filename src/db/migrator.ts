/**
 * @module Migrator
 * Collects the frozen migrations of the platform and of every module and applies them in name order
 * (names start with a timestamp, so order is global across modules). The same migrations run on SQLite
 * and PostgreSQL; a migration that must differ asks `dialectOf(db)`.
 */
import { Migrator, sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import type { Dialect } from './schema.js';

export type Migrations = Record<string, Migration>;

class MapProvider implements MigrationProvider {
  constructor(private migrations: Migrations) {}
  async getMigrations() {
    return this.migrations;
  }
}

/** Which engine a Kysely instance talks to, for the few migrations that must differ. */
export function dialectOf(db: Kysely<any>): Dialect {
  const name = db.getExecutor().adapter.constructor.name;
  return /postgres/i.test(name) ? 'postgres' : 'sqlite';
}

/** Applies every pending migration; throws with the failing migration's name and reason. */
export async function migrateToLatest(db: Kysely<any>, sets: Migrations[]): Promise<string[]> {
  const all: Migrations = {};
  for (const set of sets) {
    for (const [name, m] of Object.entries(set)) {
      if (all[name]) throw new Error(`two migrations are named ${name}`);
      all[name] = m;
    }
  }
  // On PostgreSQL, keep Kysely's bookkeeping tables in the current schema: otherwise its lock table found in
  // another schema (a parallel test file's) is taken for ours.
  let migrationTableSchema: string | undefined;
  if (dialectOf(db) === 'postgres') {
    const { rows } = await sql<{ s: string }>`select current_schema() as s`.execute(db);
    migrationTableSchema = rows[0]?.s;
  }
  const migrator = new Migrator({ db, provider: new MapProvider(all), migrationTableSchema });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`migration ${failed?.migrationName ?? ''} failed: ${reason}`.replace('  ', ' '));
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Column type for timestamps of our own tables: ISO text in both engines. */
export const TS = 'text' as const;
