/**
 * @module Elections: calling, editing, opening (census freeze), closing (tally) and certifying.
 * Plain functions (tx, actor, input) → Outcome, run inside a transaction opened by an action or a job.
 * Each state change announces itself to the body's reachable people with notify() in the same
 * transaction, so a message exists exactly when the change committed (and is never written twice).
 */
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Db } from '../../../db/schema.js';
import { newId, nowIso } from '../../../db/ids.js';
import { audit } from '../../../platform/audit/audit.js';
import { pickTranslated, stringifyTranslated, type Translated } from '../../../platform/i18n/translated.js';
import { assignPositions, bodyMemberOrganizations, type Assignment } from '../../bodies/index.js';
import { buildRecord, tally, validateDefinition, verifyRecord, type ElectionDefinition, type Position } from '../core/index.js';
import { bodyRecipients, getBodyById } from '../../bodies/index.js';
import { notify } from '../../../platform/notify/notify.js';
import { formatters, type I18n } from '../../../platform/i18n/i18n.js';
import type { Locale } from '../../../platform/i18n/locales.js';
import { zoneLabel } from '../../../platform/i18n/zones.js';
import { ok, fail, type Outcome } from '../../../platform/outcome.js';
import { ballotEntries, fingerprintOf, getElection, listCandidates, toElection, type Election } from '../queries.js';
import { paths } from '../paths.js';

/** What a lifecycle command needs: the transaction, the translator and the site's address (for mails). */
export interface ElectionsTx {
  db: Db;
  i18n: I18n;
  baseUrl: string;
}

/** A step of an election that is announced to the body's reachable people. */
export type ElectionEvent = 'called' | 'opened' | 'closed' | 'failed' | 'certified';

/** Each announcement's notification kind and message keys, written out so every key is findable. */
const ANNOUNCEMENTS = {
  called: { kind: 'elections.called', subject: 'elections.mail.called.subject', body: 'elections.mail.called.body' },
  opened: { kind: 'elections.opened', subject: 'elections.mail.opened.subject', body: 'elections.mail.opened.body' },
  closed: { kind: 'elections.closed', subject: 'elections.mail.closed.subject', body: 'elections.mail.closed.body' },
  failed: { kind: 'elections.failed', subject: 'elections.mail.failed.subject', body: 'elections.mail.failed.body' },
  certified: { kind: 'elections.certified', subject: 'elections.mail.certified.subject', body: 'elections.mail.certified.body' },
} as const satisfies Record<ElectionEvent, { kind: string; subject: string; body: string }>;

/** The notification kinds this module sends (for the manifest). */
export const ELECTION_NOTIFICATION_KINDS = Object.values(ANNOUNCEMENTS).map((a) => a.kind);

/**
 * Tells the body's reachable people (bodies' `bodyRecipients`) about a step, each in their language, inside
 * the transaction that made the step.
 */
export async function announce(tx: ElectionsTx, event: ElectionEvent, electionId: string): Promise<void> {
  const e = await getElection(tx.db, electionId);
  if (!e) return;
  const body = await getBodyById(tx.db, e.bodyId);
  if (!body) return;
  const a = ANNOUNCEMENTS[event];
  await notify({ db: tx.db, i18n: tx.i18n }, await bodyRecipients(tx.db, e.bodyId), a.kind, {
    subject: a.subject,
    body: a.body,
    params: (l) => ({
      title: pickTranslated(e.title, l)?.text ?? '',
      body: pickTranslated(body.name, l)?.text ?? body.slug,
      url: paths.election.url(tx.baseUrl, l, { id: e.id }),
      census: e.censusSize ?? 0,
      ballots: e.ballotCount,
      fingerprint: fingerprintOf(e) ?? '',
      deadline: deadlineIn(tx.i18n, l, event === 'opened' ? e.votingClosesAt : e.nominationsCloseAt, e.timeZone),
    }),
  });
}

/** A deadline as a mail states it: on the clocks of the election's zone, named ("… 18:00 CST (America/Mexico City)"). */
function deadlineIn(i18n: I18n, l: Locale, at: string | null, zone: string): string {
  if (!at) return i18n.t(l)('elections.page.byDecision');
  const when = formatters(l).dateTimeIn(at, zone);
  return zone === 'UTC' ? when : `${when} (${zoneLabel(zone)})`;
}

/** What the secretary sets when calling or editing an election: the election's own fields, with the title still translated. */
export type ElectionInput = { title: Translated } & Pick<Election, 'positions' | 'quorumPct' | 'nominationsCloseAt' | 'votingOpensAt' | 'votingClosesAt' | 'timeZone' | 'termStart' | 'termEnd' | 'publishVoters'>;

/** The columns an election's input sets, as stored. */
function inputColumns(input: ElectionInput) {
  return {
    title: stringifyTranslated(input.title),
    positions: JSON.stringify(input.positions),
    quorum_pct: input.quorumPct,
    nominations_close_at: input.nominationsCloseAt,
    voting_opens_at: input.votingOpensAt,
    voting_closes_at: input.votingClosesAt,
    time_zone: input.timeZone,
    term_start: input.termStart,
    term_end: input.termEnd,
    publish_voters: input.publishVoters ? 1 : 0,
  };
}

/** Calls an election and announces it. */
export async function callElection(tx: ElectionsTx, actorId: string, input: ElectionInput & { bodyId: string; previousId?: string | null }): Promise<Outcome<{ id: string }>> {
  const { id } = await createElection(tx.db, actorId, input);
  await announce(tx, 'called', id);
  return ok({ id });
}

/** Writes a called election (in its nomination phase) and its audit entry, without announcing it (the demo seed). */
export async function createElection(db: Db, actorId: string, input: ElectionInput & { bodyId: string; previousId?: string | null }): Promise<{ id: string }> {
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
  return { id };
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
  if (Number(r.numUpdatedRows) !== 1) return fail('elections.errors.notEditable');
  await audit(db, { actorId, action: 'election.edited', subjectType: 'election', subjectId: input.electionId });
  return ok();
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
export async function openVoting(tx: ElectionsTx, actorId: string | null, electionId: string): Promise<Outcome<{ event: 'opened' | 'failed' }>> {
  const { db } = tx;
  const e = await getElection(db, electionId);
  if (!e || e.status !== 'nomination') return fail('elections.errors.notInNomination');
  const census = await bodyMemberOrganizations(db, e.bodyId);
  const def = await buildDefinition(db, e, census.length);
  const now = nowIso();
  const empty = def.races.filter((r) => r.candidates.length === 0);
  if (empty.length || !validateDefinition(def).ok) {
    if (actorId) return fail('elections.errors.noCandidates');
    const r = await db.updateTable('elections').set({ status: 'failed', failed_reason: 'no_candidates', closed_at: now, updated_at: now }).where('id', '=', e.id).where('status', '=', 'nomination').executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) return fail('elections.errors.notInNomination');
    await audit(db, { actorId, action: 'election.failed', subjectType: 'election', subjectId: e.id, data: { reason: 'no_candidates' } });
    await announce(tx, 'failed', e.id);
    return ok({ event: 'failed' as const });
  }
  // The conditional update takes the row lock first, so two openers can never both create the roll.
  const r = await db
    .updateTable('elections')
    .set({ status: 'voting', definition: JSON.stringify(def), census_size: census.length, opened_at: now, updated_at: now })
    .where('id', '=', e.id)
    .where('status', '=', 'nomination')
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) return fail('elections.errors.notInNomination');
  // Roll rows in name order (never in any order that could later mean something), in batches.
  for (let i = 0; i < census.length; i += 500) {
    await db
      .insertInto('election_roll')
      .values(census.slice(i, i + 500).map((o) => ({ election_id: e.id, org_id: o.id, voted: 0 })))
      .execute();
  }
  await audit(db, { actorId, action: 'election.opened', subjectType: 'election', subjectId: e.id, data: { censusSize: census.length, quorumPct: e.quorumPct } });
  await announce(tx, 'opened', e.id);
  return ok({ event: 'opened' as const });
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
export async function closeVoting(tx: ElectionsTx, actorId: string | null, electionId: string): Promise<Outcome<{ event: 'closed' | 'failed' }>> {
  const { db } = tx;
  if (!(await lockElection(db, electionId, 'voting'))) return fail('elections.errors.notVoting');
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
  const event = failed ? ('failed' as const) : ('closed' as const);
  await announce(tx, event, e.id);
  return ok({ event });
}

/**
 * Certifies a closed election: the elected candidates take their positions for the election's term
 * (earlier holders move to the history). Tied races are not filled: a run-off election is called.
 */
export async function certify(tx: ElectionsTx, actorId: string, electionId: string): Promise<Outcome<{ assigned: number }>> {
  const { db } = tx;
  const e = await getElection(db, electionId);
  if (!e || e.status !== 'closed' || !e.result) return fail('elections.errors.notClosed');
  const candidates = await listCandidates(db, e.id);
  const assignments: Assignment[] = [];
  for (const race of e.result.races) {
    if (race.status !== 'elected' || !race.winner) continue;
    const c = candidates.find((x) => x.id === race.winner);
    if (!c || !c.orgId) return fail('elections.errors.winnerUnknown');
    assignments.push({ position: race.position, userId: c.userId, orgId: c.orgId, holderName: c.name });
  }
  const r = await db.updateTable('elections').set({ status: 'certified', certified_at: nowIso(), certified_by: actorId, updated_at: nowIso() }).where('id', '=', e.id).where('status', '=', 'closed').executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) return fail('elections.errors.notClosed');
  if (assignments.length) {
    // A refusal here is returned as the certification's refusal: the action rolls the whole transaction back.
    const a = await assignPositions(db, actorId, { bodyId: e.bodyId, assignments, startsOn: e.termStart, endsOn: e.termEnd, source: 'election', electionId: e.id });
    if (!a.ok) return a.reason.endsWith('orgNotInBody') ? fail('elections.errors.orgNotInBody') : a.reason.endsWith('personNotOfOrg') ? fail('elections.errors.personNotOfOrg') : fail('elections.errors.winnerUnknown');
  }
  await audit(db, { actorId, action: 'election.certified', subjectType: 'election', subjectId: e.id, data: { assigned: assignments.map((x) => ({ position: x.position, userId: x.userId })) } });
  await announce(tx, 'certified', e.id);
  return ok({ assigned: assignments.length });
}

/** Ids of elections due to open and to close at `now` (two indexed queries, soonest first). */
export async function electionsDue(db: Db, now = nowIso()): Promise<{ toOpen: string[]; toClose: string[] }> {
  const toOpen = await db.selectFrom('elections').select('id').where('status', '=', 'nomination').where('voting_opens_at', 'is not', null).where('voting_opens_at', '<=', now).orderBy('voting_opens_at').execute();
  const toClose = await db.selectFrom('elections').select('id').where('status', '=', 'voting').where('voting_closes_at', 'is not', null).where('voting_closes_at', '<=', now).orderBy('voting_closes_at').execute();
  return { toOpen: toOpen.map((r) => r.id), toClose: toClose.map((r) => r.id) };
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

/** The command context for a transaction opened by an action or a job. */
export function electionsTx(db: Db, deps: { i18n: I18n; config: { baseUrl: string } }): ElectionsTx {
  return { db, i18n: deps.i18n, baseUrl: deps.config.baseUrl };
}
