/**
 * @module Pledges: links to other modules' things (plan activities, consultation results…), stored as
 * (type, id) pairs in `pledge_links` and shown through platform/links.ts. The route checks the target exists
 * and the person may see it (`unknownLinks`); the primary key keeps one link per pair.
 */
import type { Db } from '../../../db/schema.js';
import { nowIso } from '../../../db/ids.js';
import { audit } from '../../../platform/audit/audit.js';
import { ok, fail, type Outcome } from '../../../platform/outcome.js';

export async function addLink(db: Db, actorId: string, pledgeId: string, link: { type: string; id: string }): Promise<Outcome<object>> {
  const r = await db
    .insertInto('pledge_links')
    .values({ pledge_id: pledgeId, type: link.type, target_id: link.id })
    .onConflict((oc) => oc.columns(['pledge_id', 'type', 'target_id']).doNothing())
    .executeTakeFirst();
  if (Number(r.numInsertedOrUpdatedRows ?? 0) !== 1) return fail('pledges.errors.alreadyLinked');
  await db.updateTable('pledges').set({ updated_at: nowIso() }).where('id', '=', pledgeId).execute();
  await audit(db, { actorId, action: 'pledge.linked', subjectType: 'pledge', subjectId: pledgeId, data: { linkType: link.type, target: link.id } });
  return ok({});
}

export async function removeLink(db: Db, actorId: string, pledgeId: string, link: { type: string; id: string }): Promise<Outcome<object>> {
  const r = await db.deleteFrom('pledge_links').where('pledge_id', '=', pledgeId).where('type', '=', link.type).where('target_id', '=', link.id).executeTakeFirst();
  if (Number(r.numDeletedRows) !== 1) return fail('pledges.errors.notLinked');
  await audit(db, { actorId, action: 'pledge.unlinked', subjectType: 'pledge', subjectId: pledgeId, data: { linkType: link.type, target: link.id } });
  return ok({});
}
