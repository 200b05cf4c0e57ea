/**
 * @module Elections: casting a ballot.
 * One transaction: take the election's row lock (serializes appends to the chain), flip the roll flag only
 * if it was not set (UPDATE … WHERE voted = 0, one row or refuse), read the chain head, append the ballot.
 * Nothing links the two writes: the roll row has no time and no order, the ballot has no voter and no time,
 * and no audit or log line is written for a cast.
 */
import type { Db } from '../../../db/schema.js';
import type { CurrentUser } from '../../../platform/http/env.js';
import { nowIso } from '../../../db/ids.js';
import { designatedVoter, isMemberInGoodStanding } from '../../membership/index.js';
import { appendBallot, newReceiptCode, validateBallot, type ChainEntry, type Choices } from '../core/index.js';
import { getElection } from '../queries.js';
import { lockElection } from './lifecycle.js';
import { ok, fail, type Outcome } from '../../../platform/outcome.js';

export async function castBallot(
  db: Db,
  actor: CurrentUser,
  input: { electionId: string; orgId: string; choices: Choices },
  now = nowIso(),
): Promise<Outcome<{ receipt: string; seq: number; hash: string }>> {
  const e = await getElection(db, input.electionId);
  if (!e) return fail('elections.vote.refused.notFound');
  if (e.status !== 'voting' || !e.definition || (e.votingClosesAt && e.votingClosesAt <= now)) return fail('elections.vote.refused.notOpen');
  if ((await designatedVoter(db, input.orgId)) !== actor.id || !(await isMemberInGoodStanding(db, input.orgId))) return fail('elections.vote.refused.notVoter', { field: 'org' });
  const check = validateBallot(e.definition, { choices: input.choices });
  if (!check.ok) return fail('elections.vote.refused.badBallot', { field: check.raceId ? `race_${check.raceId}` : undefined });
  if (!(await lockElection(db, e.id, 'voting'))) return fail('elections.vote.refused.notOpen');
  const flipped = await db
    .updateTable('election_roll')
    .set({ voted: 1 })
    .where('election_id', '=', e.id)
    .where('org_id', '=', input.orgId)
    .where('voted', '=', 0)
    .executeTakeFirst();
  if (Number(flipped.numUpdatedRows) !== 1) {
    const onRoll = await db.selectFrom('election_roll').select('voted').where('election_id', '=', e.id).where('org_id', '=', input.orgId).executeTakeFirst();
    return onRoll ? fail('elections.vote.refused.alreadyVoted', { field: 'org' }) : fail('elections.vote.refused.notOnRoll', { field: 'org' });
  }
  const head = await db.selectFrom('election_ballots').select(['seq', 'hash']).where('election_id', '=', e.id).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  const prev = head ? ({ seq: Number(head.seq), hash: head.hash } as ChainEntry) : null;
  const receipt = newReceiptCode();
  const entry = appendBallot(prev, receipt, { choices: input.choices });
  await db
    .insertInto('election_ballots')
    .values({ election_id: e.id, seq: entry.seq, receipt: entry.receipt, choices: JSON.stringify(entry.choices), prev_hash: entry.prevHash, hash: entry.hash })
    .execute();
  await db
    .updateTable('elections')
    .set((eb) => ({ ballot_count: eb('ballot_count', '+', 1) }))
    .where('id', '=', e.id)
    .execute();
  return ok({ receipt, seq: entry.seq, hash: entry.hash });
}
