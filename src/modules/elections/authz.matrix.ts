/**
 * Elections: every route the module mounts (its pages and its /api/v1 endpoints) × every role. Subjects live
 * in the Mesa of the matrix world (mt1): an election taking nominations (with a pending nomination of the
 * body member), one in voting (the body member's and the secretary's organizations on the roll) and a
 * closed one. POSTs that would change the world for the next role (close, certify) get a fresh election
 * per role; the others are sent empty or harmless (an empty form answers 422: past authorization).
 */
import { defineRouteMatrix, everyone, only, signedIn, whileInGoodStanding, type World } from '../../../tests/support/matrix.js';
import type { CurrentUser } from '../../platform/http/env.js';
import { callElection, openVoting, closeVoting, electionsTx } from './commands/lifecycle.js';
import { nominate } from './commands/nominations.js';
import { castBallot } from './commands/vote.js';
import { paths, apiPaths, apiMounted } from './paths.js';

interface Subjects {
  /** Taking nominations, no accepted candidate (opening it is refused: nothing changes). */
  nomination: string;
  /** The body member's pending nomination in `nomination`. */
  candidacy: string;
  voting: string;
  /** In voting; the body member's and the secretary's organizations have voted. */
  voted: string;
  /** In voting, opened while the suspended organization (a member of the body) was in good standing: it is on the roll. */
  votingSuspended: string;
  closed: string;
  /** A fresh election in voting (for closing) or closed (for certifying). */
  fresh: (status: 'voting' | 'voted' | 'closed') => Promise<string>;
}

const person = (w: World, role: 'bodyMember' | 'secretary'): CurrentUser => ({ id: w.users[role], name: `Matrix ${role}`, email: `${role.toLowerCase()}@matrix.example`, role: 'member', locale: null, emailVerified: true });

async function setup(w: World): Promise<Subjects> {
  const { db, deps } = w.ctx;
  const tx = <T>(fn: (t: ReturnType<typeof electionsTx>) => Promise<T>) => db.transaction().execute((trx) => fn(electionsTx(trx, deps)));
  const must = <T extends { ok: boolean }>(r: T) => {
    if (!r.ok) throw new Error(`elections matrix setup: ${JSON.stringify(r)}`);
    return r as Extract<T, { ok: true }>;
  };
  const secretary = person(w, 'secretary');
  const member = person(w, 'bodyMember');
  const call = async () =>
    must(
      await tx((t) =>
        callElection(t, secretary.id, { bodyId: w.body.id, title: { es: 'Elección de la matriz' }, positions: ['secretary'], quorumPct: 1, nominationsCloseAt: null, votingOpensAt: null, votingClosesAt: null, timeZone: 'UTC', termStart: '2030-01-01', termEnd: null, publishVoters: false }),
      ),
    ).id;
  const fresh = async (status: 'voting' | 'voted' | 'closed') => {
    const id = await call();
    const cand = must(await tx((t) => nominate(t, member, { electionId: id, position: 'secretary', nominee: member, orgId: w.orgs.bodyOrg.id }))).candidateId;
    must(await tx((t) => openVoting(t, secretary.id, id)));
    if (status !== 'voting') {
      // Two ballots, so the quorum is met and the election closes with a result (certifiable).
      must(await db.transaction().execute((trx) => castBallot(trx, member, { electionId: id, orgId: w.orgs.bodyOrg.id, choices: { secretary: cand } })));
      must(await db.transaction().execute((trx) => castBallot(trx, secretary, { electionId: id, orgId: w.orgs.secretaryOrg.id, choices: { secretary: null } })));
      if (status === 'closed') must(await tx((t) => closeVoting(t, secretary.id, id)));
    }
    return id;
  };
  const nomination = await call();
  const candidacy = must(await tx((t) => nominate(t, secretary, { electionId: nomination, position: 'secretary', nominee: member }))).candidateId;
  const votingSuspended = await whileInGoodStanding(w, () => fresh('voting'));
  const onRoll = await db.selectFrom('election_roll').select('org_id').where('election_id', '=', votingSuspended).where('org_id', '=', w.orgs.suspendedOrg.id).executeTakeFirst();
  if (!onRoll) throw new Error('elections matrix setup: the suspended organization should be on the roll');
  return { nomination, candidacy, voting: await fresh('voting'), voted: await fresh('voted'), votingSuspended, closed: await fresh('closed'), fresh };
}

export const matrix = defineRouteMatrix<Subjects>({
  module: 'elections',
  setup,
  cases: (x) => {
    type K = 'nomination' | 'voting' | 'voted' | 'votingSuspended' | 'closed';
    const id = (k: K) => () => ({ id: x()[k] });
    const page = (r: { href: (l: 'es', p: { id: string }) => string }, k: K) => () => r.href('es', id(k)());
    return [
      { method: 'GET', route: paths.list.pattern, url: () => paths.list.href('es'), expect: everyone() },
      { method: 'GET', route: paths.call.pattern, url: () => paths.call.href('es', {}, { body: 'mt1' }), expect: only('secretary', 'admin') },
      { method: 'POST', route: paths.call.pattern, url: () => paths.call.href('es'), form: () => ({ body: 'mt1' }), expect: only('secretary', 'admin') },
      { method: 'GET', route: paths.security.pattern, url: () => paths.security.href('es'), expect: everyone() },
      { method: 'GET', route: paths.mine.pattern, url: () => paths.mine.href('es'), expect: signedIn() },
      { method: 'GET', route: paths.election.pattern, url: page(paths.election, 'nomination'), expect: everyone() },
      { method: 'POST', route: paths.open.pattern, url: page(paths.open, 'nomination'), expect: only('secretary', 'admin') },
      { method: 'POST', route: paths.close.pattern, url: async () => paths.close.href('es', { id: await x().fresh('voting') }), expect: only('secretary', 'admin') },
      { method: 'GET', route: paths.edit.pattern, url: page(paths.edit, 'nomination'), expect: only('secretary', 'admin') },
      { method: 'POST', route: paths.edit.pattern, url: page(paths.edit, 'nomination'), expect: only('secretary', 'admin') },
      { method: 'GET', route: paths.nominate.pattern, url: page(paths.nominate, 'nomination'), expect: only('bodyMember', 'secretary', 'admin') },
      { method: 'POST', route: paths.nominate.pattern, url: page(paths.nominate, 'nomination'), expect: only('bodyMember', 'secretary', 'admin') },
      { method: 'GET', route: paths.candidacy.pattern, url: () => paths.candidacy.href('es', { id: x().nomination, cid: x().candidacy }), expect: only('bodyMember') },
      { method: 'POST', route: paths.candidacy.pattern, url: () => paths.candidacy.href('es', { id: x().nomination, cid: x().candidacy }), expect: only('bodyMember') },
      { method: 'GET', route: paths.vote.pattern, url: page(paths.vote, 'voting'), expect: only('bodyMember', 'secretary') },
      { method: 'POST', route: paths.vote.pattern, url: page(paths.vote, 'voting'), expect: only('bodyMember', 'secretary') },
      // Once their organizations have voted, the ballot's address tells its voters so (not a refusal).
      { method: 'GET', route: paths.vote.pattern, url: page(paths.vote, 'voted'), expect: only('bodyMember', 'secretary') },
      // Only a voter whose organization has voted may have a receipt mailed (an empty form: 422, past authorization).
      { method: 'POST', route: paths.receiptMail.pattern, url: page(paths.receiptMail, 'voted'), expect: only('bodyMember', 'secretary') },
      // Suspended after the roll was drawn: its designated voter cannot cast its ballot.
      { method: 'GET', route: paths.vote.pattern, url: page(paths.vote, 'votingSuspended'), expect: only('bodyMember', 'secretary') },
      { method: 'POST', route: paths.vote.pattern, url: page(paths.vote, 'votingSuspended'), form: (w) => ({ org: w.orgs.suspendedOrg.id }), expect: only('bodyMember', 'secretary') },
      { method: 'GET', route: paths.record.pattern, url: page(paths.record, 'closed'), expect: everyone() },
      { method: 'GET', route: paths.receipt.pattern, url: page(paths.receipt, 'closed'), expect: everyone() },
      { method: 'GET', route: paths.check.pattern, url: page(paths.check, 'closed'), expect: everyone() },
      { method: 'GET', route: paths.verifier.pattern, url: () => paths.verifier.href('es'), expect: everyone() },
      { method: 'GET', route: paths.client.pattern, url: () => paths.client.href('es'), expect: everyone() },
      { method: 'GET', route: paths.printCss.pattern, url: () => paths.printCss.href('es'), expect: everyone() },
      { method: 'POST', route: paths.receipt.pattern, url: page(paths.receipt, 'closed'), expect: everyone() },
      { method: 'GET', route: apiMounted(apiPaths.list), url: () => apiMounted(apiPaths.list), expect: everyone() },
      { method: 'GET', route: apiMounted(apiPaths.election), url: () => apiMounted(apiPaths.election).replace(':id', x().closed), expect: everyone() },
      // Last: certifying makes the body member the Mesa's secretary for the term (the matrix secretary's
      // appointment moves to history), which would change the roles of the cases above.
      { method: 'POST', route: paths.certify.pattern, url: async () => paths.certify.href('es', { id: await x().fresh('closed') }), expect: only('secretary', 'admin') },
      { method: 'GET', route: apiMounted(apiPaths.record), url: () => apiMounted(apiPaths.record).replace(':id', x().closed), expect: everyone() },
    ];
  },
});
