/**
 * @module Membership policy: who may do what. The routes refuse with these rules and the views use the
 * same rules to hide buttons. `OrgContext` is the organization's standing and whether the actor is one
 * of its people; a suspended or withdrawn organization's people cannot act for it.
 */
import { definePolicy, isAdmin, isSignedIn, type Actor } from '../../platform/authz/authz.js';
import type { OrgStatus } from './tables.js';

export interface OrgContext {
  status: OrgStatus;
  /** The actor is one of the organization's people. */
  isPerson: boolean;
}

const person = (a: Actor, o?: OrgContext) => !!a && !!o?.isPerson;

export const membershipPolicy = definePolicy({
  /** Anyone may apply (an account is created with the application). */
  apply: (_a: Actor) => true,
  /** The public pages: the directory, a member's page, the coverage map. */
  browse: (_a: Actor) => true,
  /** One's own list of organizations, and accepting an invitation: anyone signed in. */
  haveOrganizations: (a: Actor) => isSignedIn(a),
  /** See the organization's private page (people, contacts, history). */
  view: (a: Actor, o?: OrgContext) => isAdmin(a) || person(a, o),
  /** Edit the profile: its people while applying, asked for more information, or a member; administrators always. */
  edit: (a: Actor, o?: OrgContext) => isAdmin(a) || (person(a, o) && ['applicant', 'info_requested', 'member'].includes(o!.status)),
  /** Send the application back after the Technical Group asked for more information. */
  resubmit: (a: Actor, o?: OrgContext) => person(a, o) && o!.status === 'info_requested',
  /** Invite colleagues and name representatives and the voter: a member in good standing's people, or administrators. */
  managePeople: (a: Actor, o?: OrgContext) => (isAdmin(a) && o?.status === 'member') || (person(a, o) && o!.status === 'member'),
  /** A member organization leaves the Mechanism by itself. */
  leave: (a: Actor, o?: OrgContext) => person(a, o) && o!.status === 'member',
  /** Review applications: approve, ask for more information, decline. */
  review: (a: Actor, o?: OrgContext) => isAdmin(a) && (o?.status === 'applicant' || o?.status === 'info_requested'),
  /** Ask for more information: only while the application waits for a first answer. */
  requestInfo: (a: Actor, o?: OrgContext) => isAdmin(a) && o?.status === 'applicant',
  suspend: (a: Actor, o?: OrgContext) => isAdmin(a) && o?.status === 'member',
  withdraw: (a: Actor, o?: OrgContext) => isAdmin(a) && (o?.status === 'member' || o?.status === 'suspended'),
  readmit: (a: Actor, o?: OrgContext) => isAdmin(a) && (o?.status === 'suspended' || o?.status === 'withdrawn'),
  /** See other member organizations' contact people: administrators and people of a member in good standing. */
  seeContacts: (a: Actor, o?: { inGoodStanding: boolean }) => isAdmin(a) || (!!a && !!o?.inGoodStanding),
  /** A logo: public when the organization is a member and made its logo public; otherwise as its private page. */
  seeLogo: (a: Actor, o?: OrgContext & { publicLogo: boolean }) => (o?.status === 'member' && o.publicLogo) || isAdmin(a) || person(a, o),
  /** Administration lists, CSV export and import. */
  administer: (a: Actor) => isAdmin(a),
});

export type MembershipAction = keyof typeof membershipPolicy.rules;
