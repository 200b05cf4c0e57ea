/**
 * @module Consultations: the clock (a schedule, every minute). It opens drafts whose opening time has come,
 * closes open consultations whose closing time has passed, and reminds the organizations that have not
 * answered once, three days before the close. Each step is a conditional command in its own transaction,
 * so two clocks at once change each consultation once. No page load moves the clock (GETs never write).
 */
import type { AppDeps } from '../../platform/http/env.js';
import { nowIso } from '../../db/ids.js';
import { consultationsDue } from './queries.js';
import { openConsultation, closeConsultation, remind, consultationsTx } from './commands/lifecycle.js';

export const REMIND_DAYS = 3;

export async function consultationClock(deps: AppDeps, now = nowIso()): Promise<void> {
  const remindBefore = new Date(Date.parse(now) + REMIND_DAYS * 86_400_000).toISOString();
  const due = await consultationsDue(deps.db, now, remindBefore);
  let changed = false;
  const failures: unknown[] = [];
  const step = async (id: string, fn: (tx: ReturnType<typeof consultationsTx>) => Promise<{ ok: boolean }>) => {
    try {
      const r = await deps.db.transaction().execute((trx) => fn(consultationsTx(trx, deps)));
      if (r.ok) changed = true;
    } catch (err) {
      deps.log.error({ err, consultationId: id }, 'consultation clock: a step failed');
      failures.push(err);
    }
  };
  for (const id of due.toOpen) await step(id, (tx) => openConsultation(tx, null, id, now));
  for (const id of due.toClose) await step(id, (tx) => closeConsultation(tx, null, id, now));
  for (const id of due.toRemind) await step(id, (tx) => remind(tx, id, now));
  if (changed) {
    deps.cache.clear();
    deps.mailer.wake?.();
  }
  if (failures.length) throw failures[0];
}
