/**
 * Frozen migration: elections, candidates, the roll (who voted) and the ballot box (what was voted).
 * The roll and the box share nothing but the election id: no timestamps, no autoincrement, no rowid
 * (WITHOUT ROWID on SQLite), so neither order nor time can match a voter to a ballot.
 */
import { sql, type Kysely } from 'kysely';

function isPostgres(db: Kysely<any>) {
  return /postgres/i.test(db.getExecutor().adapter.constructor.name);
}

export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  await db.schema
    .createTable('elections')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('body_id', 'text', (c) => c.notNull().references('bodies.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('positions', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('quorum_pct', 'integer', (c) => c.notNull())
    .addColumn('nominations_close_at', 'text')
    .addColumn('voting_opens_at', 'text')
    .addColumn('voting_closes_at', 'text')
    .addColumn('term_start', 'text', (c) => c.notNull())
    .addColumn('term_end', 'text')
    .addColumn('definition', 'text')
    .addColumn('census_size', 'integer')
    .addColumn('ballot_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('head_hash', 'text')
    .addColumn('result', 'text')
    .addColumn('failed_reason', 'text')
    .addColumn('previous_id', 'text')
    .addColumn('called_by', 'text')
    .addColumn('opened_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('certified_at', 'text')
    .addColumn('certified_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('elections_body_idx').on('elections').column('body_id').execute();
  await db.schema.createIndex('elections_status_idx').on('elections').column('status').execute();
  await db.schema
    .createTable('election_candidates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('election_id', 'text', (c) => c.notNull().references('elections.id').onDelete('cascade'))
    .addColumn('position', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('org_id', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('statement', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('nominated_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('election_candidates_unique', ['election_id', 'position', 'user_id'])
    .execute();
  // The roll: one row per organization of the census, created when voting opens, with a voted flag only.
  await db.schema
    .createTable('election_roll')
    .addColumn('election_id', 'text', (c) => c.notNull())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('voted', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('election_roll_pk', ['election_id', 'org_id'])
    .$call((b) => (pg ? b : b.modifyEnd(sql`without rowid`)))
    .execute();
  // The ballot box: the hash chain, with no voter and no time.
  await db.schema
    .createTable('election_ballots')
    .addColumn('election_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('receipt', 'text', (c) => c.notNull())
    .addColumn('choices', 'text', (c) => c.notNull())
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('election_ballots_pk', ['election_id', 'seq'])
    .addUniqueConstraint('election_ballots_receipt', ['election_id', 'receipt'])
    .$call((b) => (pg ? b : b.modifyEnd(sql`without rowid`)))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['election_ballots', 'election_roll', 'election_candidates', 'elections']) await db.schema.dropTable(t).execute();
}
