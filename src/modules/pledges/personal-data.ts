/**
 * @module Pledges: what the module keeps about a person, for the copy of their data — the pledges they wrote,
 * the confirmations they gave for their organization, and the progress notes they reported. Nothing is removed
 * when they delete their account: these are their organizations' records, shown under an anonymous name.
 */
import type { Db } from '../../db/schema.js';

export async function personalData(db: Db, userId: string) {
  const [created, confirmations, updates] = await Promise.all([
    db.selectFrom('pledges').select(['ref', 'title', 'state', 'created_at']).where('created_by', '=', userId).orderBy('created_at').execute(),
    db.selectFrom('pledge_organizations').innerJoin('pledges', 'pledges.id', 'pledge_organizations.pledge_id').select(['pledges.ref', 'pledge_organizations.confirmed_at']).where('pledge_organizations.confirmed_by', '=', userId).execute(),
    db.selectFrom('pledge_updates').innerJoin('pledges', 'pledges.id', 'pledge_updates.pledge_id').select(['pledges.ref', 'pledge_updates.status', 'pledge_updates.note', 'pledge_updates.reported_on']).where('pledge_updates.created_by', '=', userId).execute(),
  ]);
  return { pledgesWritten: created.map((p) => ({ ...p, title: JSON.parse(p.title) })), confirmations, progressNotes: updates.map((u) => ({ ...u, note: JSON.parse(u.note) })) };
}
