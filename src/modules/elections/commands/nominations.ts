/**
 * @module Elections: nominations (self, or of another person who must accept, told by mail in the same
 * transaction), statements, withdrawals.
 */
import type { Db } from '../../../db/schema.js';
import type { CurrentUser } from '../../../platform/http/env.js';
import { newId, nowIso } from '../../../db/ids.js';
import { audit } from '../../../platform/audit/audit.js';
import type { Translated } from '../../../platform/i18n/translated.js';
import { canActFor } from '../../membership/index.js';
import { membershipOf } from '../../bodies/index.js';
import type { Position } from '../core/index.js';
import { getElection, type Election } from '../queries.js';
import { ok, fail, type Outcome } from '../../../platform/outcome.js';
import { pickTranslated } from '../../../platform/i18n/translated.js';
import { notify } from '../../../platform/notify/notify.js';
import { paths } from '../paths.js';
import type { ElectionsTx } from './lifecycle.js';

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
  tx: ElectionsTx,
  actor: CurrentUser,
  input: { electionId: string; position: Position; nominee: { id: string; name: string; email: string; locale: string | null }; orgId?: string; statement?: Translated },
): Promise<Outcome<{ candidateId: string; self: boolean }>> {
  const { db } = tx;
  const e = await getElection(db, input.electionId);
  if (!e || !nominationsOpen(e)) return fail('elections.errors.nominationsClosed', { field: 'position' });
  if (!e.positions.includes(input.position)) return fail('elections.errors.unknownPosition', { field: 'position' });
  const self = input.nominee.id === actor.id;
  if (self && (!input.orgId || !(await eligible(db, e.bodyId, actor.id, input.orgId)))) return fail('elections.errors.notEligible', { field: 'org' });
  const existing = await db.selectFrom('election_candidates').select(['id', 'status']).where('election_id', '=', e.id).where('position', '=', input.position).where('user_id', '=', input.nominee.id).executeTakeFirst();
  if (existing && (existing.status === 'accepted' || existing.status === 'pending')) return fail('elections.errors.alreadyNominated', { field: 'position' });
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
  if (!self) {
    await notify({ db, i18n: tx.i18n }, [{ userId: input.nominee.id, email: input.nominee.email, locale: input.nominee.locale }], 'elections.nominated', {
      subject: 'elections.mail.nominated.subject',
      body: 'elections.mail.nominated.body',
      params: (l) => ({
        name: input.nominee.name,
        by: actor.name,
        title: pickTranslated(e.title, l)?.text ?? '',
        position: tx.i18n.t(l)(`bodies.positions.names.${input.position}`),
        url: paths.candidacy.url(tx.baseUrl, l, { id: e.id, cid: id }),
      }),
    });
  }
  return ok({ candidateId: id, self });
}

/** The nominee accepts (choosing the organization they stand for, with a statement) or declines. */
export async function respond(
  db: Db,
  actor: CurrentUser,
  input: { candidateId: string; accept: boolean; orgId?: string; statement?: Translated },
): Promise<Outcome<{ electionId: string }>> {
  const c = await db.selectFrom('election_candidates').selectAll().where('id', '=', input.candidateId).executeTakeFirst();
  if (!c || c.user_id !== actor.id) return fail('elections.errors.notYourNomination');
  const e = await getElection(db, c.election_id);
  if (!e || !nominationsOpen(e)) return fail('elections.errors.nominationsClosed');
  if (input.accept) {
    if (!input.orgId || !(await eligible(db, e.bodyId, actor.id, input.orgId))) return fail('elections.errors.notEligible', { field: 'org' });
    if (c.status !== 'pending' && c.status !== 'accepted') return fail('elections.errors.notPending');
    await db
      .updateTable('election_candidates')
      .set({ status: 'accepted', org_id: input.orgId, statement: input.statement && Object.keys(input.statement).length ? JSON.stringify(input.statement) : c.statement })
      .where('id', '=', c.id)
      .execute();
  } else {
    if (c.status !== 'pending' && c.status !== 'accepted') return fail('elections.errors.notPending');
    await db.updateTable('election_candidates').set({ status: c.status === 'pending' ? 'declined' : 'withdrawn' }).where('id', '=', c.id).execute();
  }
  await audit(db, { actorId: actor.id, action: input.accept ? 'election.candidate_accepted' : 'election.candidate_withdrew', subjectType: 'election', subjectId: e.id, data: { candidateId: c.id } });
  return ok({ electionId: e.id });
}
