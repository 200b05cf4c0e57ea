/**
 * The election clock and the close's heavy part, called directly on both engines: due elections open and
 * close, elections not due stay, running twice (or two at once) changes nothing the second time, and the
 * announcements are written exactly once. And /elections/mine's data in a fixed number of queries.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createTestContext, DIALECTS, signUpAndIn, type TestContext } from '../../../tests/support/context.js';
import { makeOrganization, addPerson } from '../membership/factories.js';
import { addBodyMember, bodyRecipients, getBodyBySlug } from '../bodies/index.js';
import type { CurrentUser } from '../../platform/http/env.js';
import { callElection, openVoting, electionsTx, type ElectionInput } from './commands/lifecycle.js';
import { nominate } from './commands/nominations.js';
import { castBallot } from './commands/vote.js';
import { electionClock, finishClose } from './index.js';
import { myElections } from './queries.js';
import { organizationsVotedByUser } from '../membership/index.js';
import type { KyselyPlugin } from 'kysely';

const PAST = '2000-01-01T00:00:00.000Z';
const FUTURE = '2999-01-01T00:00:00.000Z';

describe.each(DIALECTS)('election clock and finishClose (%s)', (dialect) => {
  let ctx: TestContext;
  let bodyId = '';
  let voter: CurrentUser;
  let orgId = '';
  let recipients = 0;
  /** Bea: the designated voter of the second organization (on every roll, never votes here). */
  let beaId = '';

  beforeAll(async () => {
    ctx = await createTestContext(dialect);
    bodyId = (await getBodyBySlug(ctx.db, 'mt1'))!.id;
    for (const [i, name] of ['ana', 'bea'].entries()) {
      const { userId } = await signUpAndIn(ctx, `${name}@clock.test`, `Persona ${name}`);
      const o = await makeOrganization(ctx.db, { name: `Org reloj ${i}`, status: 'member' });
      await addPerson(ctx.db, o.id, userId, { voter: true });
      await addBodyMember(ctx.db, bodyId, o.id);
      if (i === 1) beaId = userId;
      if (i === 0) {
        orgId = o.id;
        voter = { id: userId, name: `Persona ${name}`, email: `${name}@clock.test`, role: 'member', locale: null, emailVerified: true };
      }
    }
    recipients = (await bodyRecipients(ctx.db, bodyId)).length;
    expect(recipients).toBeGreaterThanOrEqual(2);
  }, 60_000);
  afterAll(() => ctx?.close());

  const tx = <T,>(fn: (t: ReturnType<typeof electionsTx>) => Promise<T>) => ctx.db.transaction().execute((trx) => fn(electionsTx(trx, ctx.deps)));
  const input = (o: Partial<ElectionInput> = {}): ElectionInput => ({ title: { es: 'Elección del reloj' }, positions: ['secretary'], quorumPct: 10, nominationsCloseAt: null, votingOpensAt: null, votingClosesAt: null, timeZone: 'UTC', termStart: '2030-01-01', termEnd: null, publishVoters: false, ...o });
  const status = async (id: string) => (await ctx.db.selectFrom('elections').select(['status', 'result']).where('id', '=', id).executeTakeFirstOrThrow()).status;
  const mails = async (id: string, kind: string) => (await ctx.db.selectFrom('outbox').select('text_body').where('kind', '=', kind).execute()).filter((m) => m.text_body.includes(id)).length;
  const audits = async (id: string, action: string) => (await ctx.db.selectFrom('audit_log').select('id').where('subject_id', '=', id).where('action', '=', action).execute()).length;

  /** An election in its nomination phase with one accepted candidate (Ana, for her organization). */
  async function withCandidate(o: Partial<ElectionInput> = {}) {
    const r = await tx((t) => callElection(t, voter.id, { ...input(o), bodyId }));
    if (!r.ok) throw new Error(r.reason);
    const n = await tx((t) => nominate(t, voter, { electionId: r.id, position: 'secretary', nominee: { id: voter.id, name: voter.name, email: voter.email, locale: null }, orgId }));
    if (!n.ok) throw new Error(n.reason);
    return r.id;
  }

  /** An election in voting (opened by hand) with one ballot, closing at `closesAt`. */
  async function voting(closesAt: string) {
    const id = await withCandidate();
    const o = await tx((t) => openVoting(t, voter.id, id));
    if (!o.ok) throw new Error(o.reason);
    const def = JSON.parse((await ctx.db.selectFrom('elections').select('definition').where('id', '=', id).executeTakeFirstOrThrow()).definition!);
    const cast = await ctx.db.transaction().execute((trx) => castBallot(trx, voter, { electionId: id, orgId, choices: { secretary: def.races[0].candidates[0].id } }));
    if (!cast.ok) throw new Error(cast.reason);
    await ctx.db.updateTable('elections').set({ voting_closes_at: closesAt }).where('id', '=', id).execute();
    return id;
  }

  it('opens the elections whose time has come, fails those without candidates, leaves the rest; twice changes nothing', async () => {
    const due = await withCandidate({ votingOpensAt: PAST });
    const later = await withCandidate({ votingOpensAt: FUTURE });
    const empty = (await tx((t) => callElection(t, voter.id, { ...input({ votingOpensAt: PAST }), bodyId })))!;
    if (!empty.ok) throw new Error(empty.reason);
    await electionClock(ctx.deps);
    expect(await status(due)).toBe('voting');
    expect(await status(later)).toBe('nomination');
    expect(await status(empty.id)).toBe('failed');
    expect(await mails(due, 'elections.opened')).toBe(recipients);
    expect(await mails(empty.id, 'elections.failed')).toBe(recipients);
    const roll = async () => (await ctx.db.selectFrom('election_roll').select('org_id').where('election_id', '=', due).execute()).length;
    expect(await roll()).toBe(2);

    await electionClock(ctx.deps);
    expect(await status(due)).toBe('voting');
    expect(await roll()).toBe(2);
    expect(await audits(due, 'election.opened')).toBe(1);
    expect(await mails(due, 'elections.opened')).toBe(recipients);
    expect(await mails(empty.id, 'elections.failed')).toBe(recipients);
  });

  it('closes the elections whose closing time has passed through finishClose, once, with its mails once', async () => {
    const due = await voting(PAST);
    const later = await voting(FUTURE);
    await electionClock(ctx.deps);
    expect(await status(due)).toBe('closed');
    expect(await status(later)).toBe('voting');
    const e = await ctx.db.selectFrom('elections').select(['result', 'ballot_count', 'head_hash']).where('id', '=', due).executeTakeFirstOrThrow();
    expect(JSON.parse(e.result!).ballotsCast).toBe(1);
    expect(Number(e.ballot_count)).toBe(1);
    expect(e.head_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(await mails(due, 'elections.closed')).toBe(recipients);

    await electionClock(ctx.deps);
    expect(await finishClose(ctx.deps, due)).toBe(false);
    expect(await audits(due, 'election.closed')).toBe(1);
    expect(await mails(due, 'elections.closed')).toBe(recipients);
    // finishClose never closes an election before its time (a secretary's close is the close action).
    expect(await finishClose(ctx.deps, later)).toBe(false);
    expect(await status(later)).toBe('voting');
  });

  it('hands due closes to the queue when given one', async () => {
    const due = await voting(PAST);
    const handed: string[] = [];
    await electionClock(ctx.deps, async (id) => void handed.push(id));
    expect(handed).toContain(due);
    expect(await status(due)).toBe('voting');
    expect(await finishClose(ctx.deps, due)).toBe(true);
    expect(await status(due)).toBe('closed');
  });

  it('runs through the platform queue: the minute schedule opens and closes elections nobody visits, the close as its own job', async () => {
    const toOpen = await withCandidate({ votingOpensAt: PAST });
    const toClose = await voting(PAST);
    // The schedule's first tick is the next minute: run the queue as if a minute had passed.
    await ctx.runJobs({ now: new Date(Date.now() + 61_000) });
    await ctx.runJobs({ now: new Date(Date.now() + 62_000) });
    expect(await status(toOpen)).toBe('voting');
    expect(['closed', 'failed']).toContain(await status(toClose));
    expect(await mails(toClose, 'elections.closed') + (await mails(toClose, 'elections.failed'))).toBe(recipients);
    const ran = await ctx.db.selectFrom('jobs').select(['name', 'status']).where('name', 'in', ['elections.clock', 'elections.finishClose']).execute();
    expect(ran.filter((j) => j.name === 'elections.finishClose').length).toBeGreaterThanOrEqual(1);
    expect(ran.every((j) => j.status !== 'failed')).toBe(true);
  });

  it('two clocks at once open once and close once, and write each announcement once', async () => {
    const toOpen = await withCandidate({ votingOpensAt: PAST });
    const toClose = await voting(PAST);
    await Promise.all([electionClock(ctx.deps), electionClock(ctx.deps)]);
    expect(await status(toOpen)).toBe('voting');
    expect(await status(toClose)).toBe('closed');
    expect(await audits(toOpen, 'election.opened')).toBe(1);
    expect((await ctx.db.selectFrom('election_roll').select('org_id').where('election_id', '=', toOpen).execute()).length).toBe(2);
    expect(await mails(toOpen, 'elections.opened')).toBe(recipients);
    expect(await audits(toClose, 'election.closed')).toBe(1);
    expect(await mails(toClose, 'elections.closed')).toBe(recipients);

    const again = await voting(PAST);
    const results = await Promise.all([finishClose(ctx.deps, again), finishClose(ctx.deps, again), finishClose(ctx.deps, again)]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await audits(again, 'election.closed')).toBe(1);
    expect(await mails(again, 'elections.closed')).toBe(recipients);
  });

  it('loads /elections/mine in three queries however many elections there are (counted with a Kysely plugin)', async () => {
    let queries = 0;
    const counter: KyselyPlugin = { transformQuery: (a) => (queries++, a.node), transformResult: async (a) => a.result };
    const counted = ctx.db.withPlugin(counter);
    const count = async () => {
      queries = 0;
      const r = await myElections(counted, beaId, organizationsVotedByUser);
      return { queries, canVote: r.canVote.length };
    };
    const before = await count();
    await voting(FUTURE);
    await voting(FUTURE);
    await voting(FUTURE);
    const after = await count();
    expect(after.canVote).toBe(before.canVote + 3);
    expect(after.queries).toBe(3);
    expect(before.queries).toBe(3);
  });
});
