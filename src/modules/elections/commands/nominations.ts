/** @module Elections: nominations (self, or of another person who must accept), statements, withdrawals. */
import type { Db } from '../../../db/schema.js';
import type { CurrentUser } from '../../../platform/http/env.js';
import { newId, nowIso } from '../../../db/ids.js';
import { audit } from '../../../platform/audit/audit.js';
import type { Translated } from '../../../platform/i18n/translated.js';
import { canActFor } from '../../membership/index.js';
import { membershipOf } from '../../bodies/index.js';
import type { Position } from '../core/index.js';
import { getElection, type Election } from '../queries.js';
import type { Outcome } from './lifecycle.js';

export function nominationsOpen(e: Pick<Election, 'status' | 'nominationsCloseAt'>, now = nowIso()): boolean {
  return e.status === 'nomination' && (!e.nominationsCloseAt || e.nominationsCloseAt > now);
}

/** Can this person stand for this body through this organization? */
async function eligible(db: Db, bodyId: string, userId: string, orgId: string): Promise<boolean> {
  return (await canActFor(db, userId, orgId)) && (await membershipOf(db, bodyId, orgId)) === 'member';
}

/**
 * Nominates a person for a position. Self-nomination (with the organization and statement) is accepted at
 * once; a nomination of someone else waits for their answer.
 */
export async function nominate(
  db: Db,
  actor: CurrentUser,
  input: { electionId: string; position: Position; nominee: { id: string; name: string }; orgId?: string; statement?: Translated },
): Promise<Outcome<{ candidateId: string; self: boolean }>> {
  const e = await getElection(db, input.electionId);
  if (!e || !nominationsOpen(e)) return { ok: false, reason: 'nominationsClosed' };
  if (!e.positions.includes(input.position)) return { ok: false, reason: 'unknownPosition' };
  const self = input.nominee.id === actor.id;
  if (self && (!input.orgId || !(await eligible(db, e.bodyId, actor.id, input.orgId)))) return { ok: false, reason: 'notEligible' };
  const existing = await db.selectFrom('election_candidates').select(['id', 'status']).where('election_id', '=', e.id).where('position', '=', input.position).where('user_id', '=', input.nominee.id).executeTakeFirst();
  if (existing && (existing.status === 'accepted' || existing.status === 'pending')) return { ok: false, reason: 'alreadyNominated' };
  const id = existing?.id ?? newId();
  const row = {
    org_id: self ? input.orgId! : null,
    name: input.nominee.name,
    statement: input.statement && Object.keys(input.statement).length ? JSON.stringify(input.statement) : null,
    status: (self ? 'accepted' : 'pending') as 'accepted' | 'pending',
    nominated_by: actor.id,
  };
  if (existing) await db.updateTable('election_candidates').set(row).where('id', '=', id).execute();
  else await db.insertInto('election_candidates').values({ id, election_id: e.id, position: input.position, user_id: input.nominee.id, created_at: nowIso(), ...row }).execute();
  await audit(db, { actorId: actor.id, action: self ? 'election.candidate_self' : 'election.candidate_nominated', subjectType: 'election', subjectId: e.id, data: { candidateId: id, position: input.position } });
  return { ok: true, candidateId: id, self };
}

/** The nominee accepts (choosing the organization they stand for, with a statement) or declines. */
export async function respond(
  db: Db,
  actor: CurrentUser,
  input: { candidateId: string; accept: boolean; orgId?: string; statement?: Translated },
): Promise<Outcome<{ electionId: string }>> {
  const c = await db.selectFrom('election_candidates').selectAll().where('id', '=', input.candidateId).executeTakeFirst();
  if (!c || c.user_id !== actor.id) return { ok: false, reason: 'notYourNomination' };
  const e = await getElection(db, c.election_id);
  if (!e || !nominationsOpen(e)) return { ok: false, reason: 'nominationsClosed' };
  if (input.accept) {
    if (!input.orgId || !(await eligible(db, e.bodyId, actor.id, input.orgId))) return { ok: false, reason: 'notEligible' };
    if (c.status !== 'pending' && c.status !== 'accepted') return { ok: false, reason: 'notPending' };
    await db
      .updateTable('election_candidates')
      .set({ status: 'accepted', org_id: input.orgId, statement: input.statement && Object.keys(input.statement).length ? JSON.stringify(input.statement) : c.statement })
      .where('id', '=', c.id)
      .execute();
  } else {
    if (c.status !== 'pending' && c.status !== 'accepted') return { ok: false, reason: 'notPending' };
    await db.updateTable('election_candidates').set({ status: c.status === 'pending' ? 'declined' : 'withdrawn' }).where('id', '=', c.id).execute();
  }
  await audit(db, { actorId: actor.id, action: input.accept ? 'election.candidate_accepted' : 'election.candidate_withdrew', subjectType: 'election', subjectId: e.id, data: { candidateId: c.id } });
  return { ok: true, electionId: e.id };
}
