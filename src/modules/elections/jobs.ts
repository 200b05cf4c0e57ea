/**
 * @module Elections: background work — the election clock and the heavy part of a close.
 *
 * `electionClock` runs on a schedule (every minute, registered by the platform's job queue): it opens every
 * election whose opening time has come and hands every election whose closing time has passed to
 * `finishClose` (a job). Both only use the race-safe conditional commands of commands/lifecycle.ts, each
 * in its own transaction, so running them twice, or on two instances at once, changes nothing the second
 * time: an election opens once, closes once, and its announcements are written once (notify() inside the
 * transaction that changes the state). No page load ever moves the clock: GET requests never write.
 */
import type { AppDeps } from '../../platform/http/env.js';
import { nowIso } from '../../db/ids.js';
import { openVoting, closeVoting, electionsDue, scrubAfterClose, electionsTx } from './commands/lifecycle.js';
import { getElection } from './queries.js';

/**
 * Opens the elections due to open and hands each election due to close to `handOff` (the job queue's
 * enqueue of `finishClose`; until the queue lands, `finishClose` itself, awaited). Idempotent.
 */
export async function electionClock(deps: AppDeps, handOff: (electionId: string) => Promise<unknown> = (id) => finishClose(deps, id), now = nowIso()): Promise<void> {
  const due = await electionsDue(deps.db, now);
  let changed = false;
  const failures: unknown[] = [];
  for (const id of due.toOpen) {
    // openVoting is conditional on the nomination status: a second clock (or a secretary) that got there
    // first makes this a refusal, and the refusal's transaction writes nothing.
    try {
      const r = await deps.db.transaction().execute((trx) => openVoting(electionsTx(trx, deps), null, id));
      if (r.ok) changed = true;
    } catch (err) {
      deps.log.error({ err, electionId: id }, 'election clock: opening failed');
      failures.push(err);
    }
  }
  if (changed) deps.cache.clear();
  if (changed) deps.mailer.wake?.();
  for (const id of due.toClose) {
    try {
      await handOff(id);
    } catch (err) {
      deps.log.error({ err, electionId: id }, 'election clock: closing failed');
      failures.push(err);
    }
  }
  // One election's failure does not hold the others back; the run still fails (the queue shows and retries it).
  if (failures.length) throw failures[0];
}

/**
 * The heavy part of closing an election: the tally (verified against the chain), the result, the roll
 * rewritten in one transaction, the announcement — all in one transaction, conditional on the election
 * still being open for voting — then, only when this call closed it, the physical scrub (PostgreSQL:
 * VACUUM FULL of the roll; SQLite: WAL checkpoint), which cannot run inside a transaction. A second call, or
 * a concurrent one, finds the election no longer voting and does nothing. Returns whether this call closed it.
 * (Should the process die between the commit and the scrub, the next close's scrub covers this election's
 * rows too: VACUUM FULL and the checkpoint act on the whole roll table / log.)
 */
export async function finishClose(deps: AppDeps, electionId: string, now = nowIso()): Promise<boolean> {
  // Only an election whose closing time has passed (a secretary's close is the close action itself).
  const e = await getElection(deps.db, electionId);
  if (!e || e.status !== 'voting' || !e.votingClosesAt || e.votingClosesAt > now) return false;
  const r = await deps.db.transaction().execute((trx) => closeVoting(electionsTx(trx, deps), null, electionId));
  if (!r.ok) return false;
  deps.cache.clear();
  deps.mailer.wake?.();
  await scrubAfterClose(deps.db, deps.dialect);
  return true;
}
