/**
 * @module Pledges: the reminder job (a daily schedule). Each published pledge whose progress update is due gets
 * one reminder to its pledging organizations' people per due date; each pledge in its own transaction, so two
 * runs at once remind each pledge once.
 */
import type { AppDeps } from '../../platform/http/env.js';
import { nowIso } from '../../db/ids.js';
import { remindPledge, pledgesTx } from './commands/workflow.js';

/** Reminds every pledge due by `now`; returns how many were reminded. */
export async function remindDuePledges(deps: AppDeps, now = nowIso()): Promise<number> {
  const day = now.slice(0, 10);
  const due = await deps.db
    .selectFrom('pledges')
    .select('id')
    .where('state', '=', 'published')
    .where('next_update_due', '<=', day)
    .where((eb) => eb.or([eb('reminded_for', 'is', null), eb('reminded_for', '!=', eb.ref('next_update_due'))]))
    .execute();
  let n = 0;
  for (const { id } of due) {
    const r = await deps.db.transaction().execute((trx) => remindPledge(pledgesTx(trx, deps), id, now));
    if (r.ok) n++;
  }
  if (n) deps.mailer.wake?.();
  return n;
}
