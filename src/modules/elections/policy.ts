/** @module Elections: who may do what — named rules the routes refuse with and the views hide buttons with. */
import { definePolicy, isAdmin, type Actor } from '../../platform/authz/authz.js';
import type { BodyFacts } from '../bodies/index.js';
import type { Election } from './queries.js';
import { nominationsOpen } from './commands/nominations.js';

/** What the policy knows about the person and an election. */
export interface ElectionFacts {
  body: BodyFacts;
  /** Organizations on the roll this person is the designated voter of, and whether each has voted. */
  voterOrgs: { orgId: string; voted: boolean }[];
}

/** An election and the facts about the person. */
export interface Subject {
  e: Election;
  f: ElectionFacts;
}

/** The body's secretary or an administrator: who runs a body's elections. */
const manages = (a: Actor, f: BodyFacts) => isAdmin(a) || (!!a && f.isSecretary);

export const electionsPolicy = definePolicy({
  /** Call an election of a body: its secretary or an administrator. */
  call: (a: Actor, f: BodyFacts) => manages(a, f),
  /** Run this election (send its form, whatever its phase; the command refuses edits once voting opened). */
  manage: (a: Actor, { f }: Subject) => manages(a, f.body),
  /** Edit: only before voting opens. */
  edit: (a: Actor, { e, f }: Subject) => manages(a, f.body) && e.status === 'nomination',
  /** Nominate (oneself or another): people of the body's member organizations, the secretary, administrators. */
  nominate: (a: Actor, { e, f }: Subject) => !!a && nominationsOpen(e) && (f.body.actsForMember || manages(a, f.body)),
  /** Answer a nomination (accept, decline, withdraw, edit the statement): only the nominated person. */
  respond: (a: Actor, candidacy: { userId: string }) => !!a && a.id === candidacy.userId,
  open: (a: Actor, { e, f }: Subject) => manages(a, f.body) && e.status === 'nomination',
  close: (a: Actor, { e, f }: Subject) => manages(a, f.body) && e.status === 'voting',
  certify: (a: Actor, { e, f }: Subject) => manages(a, f.body) && e.status === 'closed',
  /** Call a failed election again. */
  recall: (a: Actor, { e, f }: Subject) => manages(a, f.body) && e.status === 'failed',
  /** Vote now: the designated voter of an organization on the roll that has not voted yet (the button, the form). */
  vote: (a: Actor, { e, f }: Subject) => !!a && e.status === 'voting' && f.voterOrgs.some((o) => !o.voted),
  /**
   * Send a ballot: the designated voter of an organization on the roll while voting is open. Whether that
   * organization already voted is the cast's own race-safe check, so a second ballot is told so.
   */
  cast: (a: Actor, { e, f }: Subject) => !!a && e.status === 'voting' && f.voterOrgs.length > 0,
  /** Coming back to the ballot when every organization this person votes for has voted: told so, not refused. */
  voted: (a: Actor, { e, f }: Subject) => !!a && e.status === 'voting' && f.voterOrgs.length > 0 && f.voterOrgs.every((o) => o.voted),
  /** Mail oneself the receipt just shown: a designated voter of an organization on the roll, while voting is open. */
  mailReceipt: (a: Actor, { e, f }: Subject) => !!a && e.status === 'voting' && f.voterOrgs.some((o) => o.voted),
});
