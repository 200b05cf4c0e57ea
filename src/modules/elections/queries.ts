/** @module Elections: reads. */
import type { Db } from '../../db/schema.js';
import type { ElectionCandidatesTable, ElectionsTable } from './tables.js';
import type { ChainEntry, ElectionDefinition, ElectionRecord, ElectionResult, Position } from './core/index.js';
import { buildRecord, definitionFingerprint } from './core/index.js';
import { pickTranslated } from '../../platform/i18n/translated.js';

export interface Election {
  id: string;
  bodyId: string;
  title: string;
  positions: Position[];
  status: ElectionsTable['status'];
  quorumPct: number;
  nominationsCloseAt: string | null;
  votingOpensAt: string | null;
  votingClosesAt: string | null;
  /** The IANA zone the deadlines were set in and are stated in. */
  timeZone: string;
  termStart: string;
  termEnd: string | null;
  /** The published record lists the organizations that voted (never how). */
  publishVoters: boolean;
  definition: ElectionDefinition | null;
  censusSize: number | null;
  ballotCount: number;
  headHash: string | null;
  result: ElectionResult | null;
  failedReason: string | null;
  previousId: string | null;
  calledBy: string | null;
  openedAt: string | null;
  closedAt: string | null;
  certifiedAt: string | null;
  createdAt: string;
}

export function toElection(r: ElectionsTable): Election {
  return {
    id: r.id,
    bodyId: r.body_id,
    title: r.title,
    positions: JSON.parse(r.positions),
    status: r.status,
    quorumPct: r.quorum_pct,
    nominationsCloseAt: r.nominations_close_at,
    votingOpensAt: r.voting_opens_at,
    votingClosesAt: r.voting_closes_at,
    timeZone: r.time_zone,
    termStart: r.term_start,
    termEnd: r.term_end,
    publishVoters: !!Number(r.publish_voters),
    definition: r.definition ? JSON.parse(r.definition) : null,
    censusSize: r.census_size,
    ballotCount: Number(r.ballot_count),
    headHash: r.head_hash,
    result: r.result ? JSON.parse(r.result) : null,
    failedReason: r.failed_reason,
    previousId: r.previous_id,
    calledBy: r.called_by,
    openedAt: r.opened_at,
    closedAt: r.closed_at,
    certifiedAt: r.certified_at,
    createdAt: r.created_at,
  };
}

export async function getElection(db: Db, id: string): Promise<Election | undefined> {
  const r = await db.selectFrom('elections').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toElection(r) : undefined;
}

/** Elections, newest first; optionally of one body or with some statuses. */
export async function listElections(db: Db, opts: { bodyId?: string; statuses?: ElectionsTable['status'][] } = {}): Promise<Election[]> {
  let q = db.selectFrom('elections').selectAll();
  if (opts.bodyId) q = q.where('body_id', '=', opts.bodyId);
  if (opts.statuses?.length) q = q.where('status', 'in', opts.statuses);
  return (await q.orderBy('created_at', 'desc').execute()).map(toElection);
}

export interface Candidate {
  id: string;
  electionId: string;
  position: Position;
  userId: string;
  orgId: string | null;
  name: string;
  statement: string | null;
  status: ElectionCandidatesTable['status'];
  nominatedBy: string;
}

export async function listCandidates(db: Db, electionId: string): Promise<Candidate[]> {
  const rows = await db.selectFrom('election_candidates').selectAll().where('election_id', '=', electionId).orderBy('name').orderBy('created_at').execute();
  return rows.map((r) => ({
    id: r.id,
    electionId: r.election_id,
    position: r.position,
    userId: r.user_id,
    orgId: r.org_id,
    name: r.name,
    statement: r.statement,
    status: r.status,
    nominatedBy: r.nominated_by,
  }));
}

/** Every ballot of the box, in chain order. */
export async function ballotEntries(db: Db, electionId: string): Promise<ChainEntry[]> {
  const rows = await db.selectFrom('election_ballots').select(['seq', 'receipt', 'choices', 'prev_hash', 'hash']).where('election_id', '=', electionId).orderBy('seq').execute();
  return rows.map((r) => ({ seq: Number(r.seq), receipt: r.receipt, choices: JSON.parse(r.choices), prevHash: r.prev_hash, hash: r.hash }));
}

/** True once the result and the ballots are public (voting has closed). */
export function isPublished(e: Election): boolean {
  return !!e.closedAt && !!e.definition && !!e.result;
}

/**
 * The definition fingerprint (core `definitionFingerprint`: SHA-256 of the frozen definition, census size
 * and quorum included), published from the moment voting opens; null before. The verifier prints the same
 * fingerprint from the final record, so anyone can check the definition did not change during voting.
 */
export function fingerprintOf(e: Pick<Election, 'definition'>): string | null {
  return e.definition ? definitionFingerprint(e.definition) : null;
}

/** The public record in the core's format (null before voting closes). */
export async function electionRecord(db: Db, e: Election): Promise<ElectionRecord | null> {
  if (!isPublished(e)) return null;
  const entries = await ballotEntries(db, e.id);
  const voters = e.publishVoters ? await organizationsThatVoted(db, e.id) : null;
  return buildRecord(e.definition!, entries, e.result!, { openedAt: e.openedAt, closedAt: e.closedAt, publishedAt: e.closedAt, voters });
}

/** The organizations on the roll that voted (ids; `buildRecord` sorts them, so no order leaks). */
async function organizationsThatVoted(db: Db, electionId: string): Promise<string[]> {
  const rows = await db.selectFrom('election_roll').select('org_id').where('election_id', '=', electionId).where('voted', '=', 1).execute();
  return rows.map((r) => r.org_id);
}

/** The organizations this person can still vote for in this election (on the roll, not yet voted). */
export async function rollEntriesFor(db: Db, electionId: string, orgIds: string[]): Promise<{ orgId: string; voted: boolean }[]> {
  if (!orgIds.length) return [];
  const rows = await db.selectFrom('election_roll').select(['org_id', 'voted']).where('election_id', '=', electionId).where('org_id', 'in', orgIds).execute();
  return rows.map((r) => ({ orgId: r.org_id, voted: !!r.voted }));
}

/** Title of an election in a language, for plain text. */
export function titleOf(e: Pick<Election, 'title'>, locale: Parameters<typeof pickTranslated>[1]): string {
  return pickTranslated(e.title, locale)?.text ?? '';
}

/** Pending nominations waiting for this person's answer. */
export async function pendingNominationsOf(db: Db, userId: string) {
  return db
    .selectFrom('election_candidates')
    .innerJoin('elections', 'elections.id', 'election_candidates.election_id')
    .select(['election_candidates.id', 'election_candidates.position', 'elections.id as election_id', 'elections.title'])
    .where('election_candidates.user_id', '=', userId)
    .where('election_candidates.status', '=', 'pending')
    .where('elections.status', '=', 'nomination')
    .execute();
}

/** Elections in their voting phase where one of these organizations is on the roll and has not voted yet. */
export async function electionsToVoteIn(db: Db, orgIds: string[]): Promise<Election[]> {
  if (!orgIds.length) return [];
  const rows = await db
    .selectFrom('elections')
    .selectAll()
    .where('status', '=', 'voting')
    .where((eb) => eb.exists(eb.selectFrom('election_roll').select('election_roll.org_id').whereRef('election_roll.election_id', '=', 'elections.id').where('election_roll.org_id', 'in', orgIds).where('election_roll.voted', '=', 0)))
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map(toElection);
}

/**
 * What /elections/mine shows: the elections this person can vote in now, and the nominations waiting for
 * their answer. Three queries whatever the number of elections (tested with a query counter).
 */
export async function myElections(db: Db, userId: string, voterOrgs: (db: Db, userId: string) => Promise<string[]>) {
  const pending = await pendingNominationsOf(db, userId);
  const canVote = await electionsToVoteIn(db, await voterOrgs(db, userId));
  return { pending, canVote };
}

/** A published ballot by its receipt code (normalized), or undefined. */
export async function findBallotByReceipt(db: Db, electionId: string, code: string) {
  const row = await db.selectFrom('election_ballots').select(['seq', 'receipt', 'choices', 'hash']).where('election_id', '=', electionId).where('receipt', '=', code).executeTakeFirst();
  return row ? { seq: Number(row.seq), receipt: row.receipt, choices: JSON.parse(row.choices) as Record<string, string | null>, hash: row.hash } : undefined;
}
