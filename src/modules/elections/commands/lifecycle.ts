/**
 * @module Elections: calling, editing, opening (census freeze), closing (tally) and certifying.
 * Plain functions (db, actor, input) → outcome, run inside a transaction opened by the route. Emails
 * are sent by the route after the transaction commits (see notify.ts), using the returned `events`.
 */
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Db } from '../../../db/schema.js';
import { newId, nowIso } from '../../../db/ids.js';
import { audit } from '../../../platform/audit/audit.js';
import { pickTranslated, stringifyTranslated, type Translated } from '../../../platform/i18n/translated.js';
import { assignPositions, bodyMemberOrganizations, type Assignment } from '../../bodies/index.js';
import { buildRecord, tally, validateDefinition, verifyRecord, type ElectionDefinition, type Position } from '../core/index.js';
import { ballotEntries, getElection, listCandidates, toElection, type Election } from '../queries.js';

export type Outcome<T = object> = ({ ok: true } & T) | { ok: false; reason: string };
/** Something that happened and must be announced to the body's members. */
export type ElectionEvent = { kind: 'called' | 'opened' | 'closed' | 'failed' | 'certified'; electionId: string };

/** What the secretary sets when calling or editing an election: the election's own fields, with the title still translated. */
export type ElectionInput = { title: Translated } & Pick<Election, 'positions' | 'quorumPct' | 'nominationsCloseAt' | 'votingOpensAt' | 'votingClosesAt' | 'termStart' | 'termEnd'>;

/** The columns an election's input sets, as stored. */
function inputColumns(input: ElectionInput) {
  return {
    title: stringifyTranslated(input.title),
    positions: JSON.stringify(input.positions),
    quorum_pct: input.quorumPct,
    nominations_close_at: input.nominationsCloseAt,
    voting_opens_at: input.votingOpensAt,
    voting_closes_at: input.votingClosesAt,
    term_start: input.termStart,
    term_end: input.termEnd,
  };
}

export async function callElection(db: Db, actorId: string, input: ElectionInput & { bodyId: string; previousId?: string | null }): Promise<Outcome<{ id: string; events: ElectionEvent[] }>> {
  const id = newId();
  const now = nowIso();
  await db
    .insertInto('elections')
    .values({
      id,
      body_id: input.bodyId,
      ...inputColumns(input),
      status: 'nomination',
      definition: null,
      census_size: null,
      ballot_count: 0,
      head_hash: null,
      result: null,
      failed_reason: null,
      previous_id: input.previousId ?? null,
      called_by: actorId,
      opened_at: null,
      closed_at: null,
      certified_at: null,
      certified_by: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  await audit(db, { actorId, action: 'election.called', subjectType: 'election', subjectId: id, data: { bodyId: input.bodyId, positions: input.positions, quorumPct: input.quorumPct, previousId: input.previousId ?? null } });
  return { ok: true, id, events: [{ kind: 'called', electionId: id }] };
}

/** Edits an election; refused once voting has opened. */
export async function editElection(db: Db, actorId: string, input: ElectionInput & { electionId: string }): Promise<Outcome> {
  const r = await db
    .updateTable('elections')
    .set({
      ...inputColumns(input),
      updated_at: nowIso(),
    })
    .where('id', '=', input.electionId)
    .where('status', '=', 'nomination')
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) return { ok: false, reason: 'notEditable' };
  await audit(db, { actorId, action: 'election.edited', subjectType: 'election', subjectId: input.electionId });
  return { ok: true };
}

/** The definition voters will see: one race per position, accepted candidates in name order. */
export async function buildDefinition(db: Db, e: Election, censusSize: number): Promise<ElectionDefinition> {
  const candidates = (await listCandidates(db, e.id)).filter((c) => c.status === 'accepted');
  return {
    id: e.id,
    title: pickTranslated(e.title, 'es')?.text ?? e.id,
    races: e.positions.map((p) => ({ id: p, position: p, seats: 1 as const, candidates: candidates.filter((c) => c.position === p).map((c) => ({ id: c.id, name: c.name })) })),
    censusSize,
    quorum: e.quorumPct / 100,
  };
}

/**
 * Opens voting: freezes the candidates and the census (the body's member organizations in good standing
 * now), creating one roll row per organization with voted = 0. `actorId` null = opened by the clock;
 * then a position without candidates fails the election instead of refusing.
 */
export async function openVoting(db: Db, actorId: string | null, electionId: string): Promise<Outcome<{ events: ElectionEvent[] }>> {
  const e = await getElection(db, electionId);
  if (!e || e.status !== 'nomination') return { ok: false, reason: 'notInNomination' };
  const census = await bodyMemberOrganizations(db, e.bodyId);
  const def = await buildDefinition(db, e, census.length);
  const now = nowIso();
  const empty = def.races.filter((r) => r.candidates.length === 0);
  if (empty.length || !validateDefinition(def).ok) {
    if (actorId) return { ok: false, reason: 'noCandidates' };
    const r = await db.updateTable('elections').set({ status: 'failed', failed_reason: 'no_candidates', closed_at: now, updated_at: now }).where('id', '=', e.id).where('status', '=', 'nomination').executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) return { ok: false, reason: 'notInNomination' };
    await audit(db, { actorId, action: 'election.failed', subjectType: 'election', subjectId: e.id, data: { reason: 'no_candidates' } });
    return { ok: true, events: [{ kind: 'failed', electionId: e.id }] };
  }
  // The conditional update takes the row lock first, so two openers can never both create the roll.
  const r = await db
    .updateTable('elections')
    .set({ status: 'voting', definition: JSON.stringify(def), census_size: census.length, opened_at: now, updated_at: now })
    .where('id', '=', e.id)
    .where('status', '=', 'nomination')
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) return { ok: false, reason: 'notInNomination' };
  // Roll rows in name order (never in any order that could later mean something), in batches.
  for (let i = 0; i < census.length; i += 500) {
    await db
      .insertInto('election_roll')
      .values(census.slice(i, i + 500).map((o) => ({ election_id: e.id, org_id: o.id, voted: 0 })))
      .execute();
  }
  await audit(db, { actorId, action: 'election.opened', subjectType: 'election', subjectId: e.id, data: { censusSize: census.length, quorumPct: e.quorumPct } });
  return { ok: true, events: [{ kind: 'opened', electionId: e.id }] };
}

/** Takes the election's row lock (a no-op update): casts and the close are serialized on it. */
export async function lockElection(db: Db, electionId: string, status: 'voting'): Promise<boolean> {
  const r = await db
    .updateTable('elections')
    .set({ status: sql<'voting'>`status` })
    .where('id', '=', electionId)
    .where('status', '=', status)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Closes voting: tallies the box with the core, checks the record verifies, and publishes the result. */
export async function closeVoting(db: Db, actorId: string | null, electionId: string): Promise<Outcome<{ events: ElectionEvent[] }>> {
  if (!(await lockElection(db, electionId, 'voting'))) return { ok: false, reason: 'notVoting' };
  const e = (await getElection(db, electionId))!;
  const def = e.definition!;
  const entries = await ballotEntries(db, e.id);
  const result = tally(def, entries);
  const now = nowIso();
  const report = verifyRecord(buildRecord(def, entries, result, { openedAt: e.openedAt, closedAt: now }));
  if (!report.ok) throw new Error(`election ${e.id}: the ballot box does not verify: ${report.problems.join('; ')}`);
  const failed = result.status === 'failed_quorum';
  await db
    .updateTable('elections')
    .set({
      status: failed ? 'failed' : 'closed',
      failed_reason: failed ? 'quorum' : null,
      result: JSON.stringify(result),
      head_hash: report.chain.recomputedHeadHash,
      ballot_count: entries.length,
      closed_at: now,
      updated_at: now,
    })
    .where('id', '=', e.id)
    .execute();
  // Erase casting order from the roll (docs/elections-security.md, residual risks): every roll row of this
  // election is rewritten by this one transaction, so on PostgreSQL they all carry the same xmin and sit in
  // census order, not casting order. `scrubAfterClose` then drops the old row versions.
  await db.updateTable('election_roll').set({ voted: sql<number>`voted` }).where('election_id', '=', e.id).execute();
  await audit(db, { actorId, action: failed ? 'election.failed' : 'election.closed', subjectType: 'election', subjectId: e.id, data: { ballots: entries.length, status: result.status, headHash: report.chain.recomputedHeadHash } });
  return { ok: true, events: [{ kind: failed ? 'failed' : 'closed', electionId: e.id }] };
}

/**
 * Certifies a closed election: the elected candidates take their positions for the election's term
 * (earlier holders move to the history). Tied races are not filled: a run-off election is called.
 */
export async function certify(db: Db, actorId: string, electionId: string): Promise<Outcome<{ events: ElectionEvent[]; assigned: number }>> {
  const e = await getElection(db, electionId);
  if (!e || e.status !== 'closed' || !e.result) return { ok: false, reason: 'notClosed' };
  const candidates = await listCandidates(db, e.id);
  const assignments: Assignment[] = [];
  for (const race of e.result.races) {
    if (race.status !== 'elected' || !race.winner) continue;
    const c = candidates.find((x) => x.id === race.winner);
    if (!c || !c.orgId) return { ok: false, reason: 'winnerUnknown' };
    assignments.push({ position: race.position, userId: c.userId, orgId: c.orgId, holderName: c.name });
  }
  const r = await db.updateTable('elections').set({ status: 'certified', certified_at: nowIso(), certified_by: actorId, updated_at: nowIso() }).where('id', '=', e.id).where('status', '=', 'closed').executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) return { ok: false, reason: 'notClosed' };
  if (assignments.length) {
    const a = await assignPositions(db, actorId, { bodyId: e.bodyId, assignments, startsOn: e.termStart, endsOn: e.termEnd, source: 'election', electionId: e.id });
    if (!a.ok) throw new CertifyRefused(a.reason);
  }
  await audit(db, { actorId, action: 'election.certified', subjectType: 'election', subjectId: e.id, data: { assigned: assignments.map((x) => ({ position: x.position, userId: x.userId })) } });
  return { ok: true, events: [{ kind: 'certified', electionId: e.id }], assigned: assignments.length };
}

/** Thrown inside the transaction to undo a certification whose winners can no longer take office. */
export class CertifyRefused extends Error {
  constructor(public reason: string) {
    super(reason);
  }
}

/**
 * Applies the transitions whose time has come (lazily, when an election is read): nomination → voting
 * at voting_opens_at, voting → closed/failed at voting_closes_at. Idempotent and safe to race.
 */
export async function applyClock(db: Db, electionId: string, now = nowIso()): Promise<ElectionEvent[]> {
  const events: ElectionEvent[] = [];
  let e = await getElection(db, electionId);
  if (!e) return events;
  if (e.status === 'nomination' && e.votingOpensAt && e.votingOpensAt <= now) {
    const r = await openVoting(db, null, e.id);
    if (r.ok) events.push(...r.events);
    e = (await getElection(db, electionId))!;
  }
  if (e.status === 'voting' && e.votingClosesAt && e.votingClosesAt <= now) {
    const r = await closeVoting(db, null, e.id);
    if (r.ok) events.push(...r.events);
  }
  return events;
}

/** Ids of elections whose clock has passed a transition (cheap: one indexed query). */
export async function electionsDue(db: Db, now = nowIso()): Promise<string[]> {
  const rows = await db
    .selectFrom('elections')
    .select('id')
    .where((eb) =>
      eb.or([
        eb.and([eb('status', '=', 'nomination'), eb('voting_opens_at', 'is not', null), eb('voting_opens_at', '<=', now)]),
        eb.and([eb('status', '=', 'voting'), eb('voting_closes_at', 'is not', null), eb('voting_closes_at', '<=', now)]),
      ]),
    )
    .execute();
  return rows.map((r) => r.id);
}

export { toElection };

/**
 * After a close has committed: removes the physical traces of casting order that the engine keeps.
 * PostgreSQL: VACUUM FULL rewrites the roll without its dead row versions (brief exclusive lock on a small
 * table). SQLite: checkpoints and truncates the write-ahead log, which holds one copy of each roll page per
 * vote. Backups and WAL archives taken during voting are out of reach: see docs/elections-security.md.
 */
export async function scrubAfterClose(db: Kysely<any>, dialect: 'sqlite' | 'postgres'): Promise<void> {
  if (dialect === 'postgres') await sql`vacuum full election_roll`.execute(db);
  else await sql`pragma wal_checkpoint(TRUNCATE)`.execute(db);
}
