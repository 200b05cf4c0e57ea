/**
 * @module Bodies: who may do what. The same rules refuse a request and hide a button.
 * Facts about the person come from `bodyFacts` (queries.ts).
 */
import { definePolicy, isAdmin, type Actor } from '../../platform/authz/authz.js';
import type { BodyFacts } from './queries.js';

const manages = (a: Actor, f: BodyFacts) => isAdmin(a) || (!!a && f.isSecretary);

export const bodiesPolicy = definePolicy({
  /** The members' area: administrators, the secretary, and people of organizations in good standing. */
  viewMembersArea: (a: Actor, f: BodyFacts) => manages(a, f) || (!!a && f.myOrgs.length > 0),
  /** Ask to join (or leave) on behalf of one of the person's organizations. */
  requestJoin: (a: Actor, f: BodyFacts) => !!a && f.myOrgs.length > 0,
  /** Approve or decline requests, remove members. */
  manageMembership: (a: Actor, f: BodyFacts) => manages(a, f),
  /** Call this body's elections. */
  callElection: (a: Actor, f: BodyFacts) => manages(a, f),
  /** Edit the name, mandate and objectives. */
  edit: (a: Actor) => isAdmin(a),
  /** Appoint or end a position holder directly. */
  appoint: (a: Actor) => isAdmin(a),
});
