/**
 * @module Bodies: who may do what. The same rules refuse a request (routes.tsx, area.tsx) and hide a button
 * (views/). Facts about the person come from `bodyFacts` (queries.ts).
 */
import { definePolicy, isAdmin, type Actor } from '../../platform/authz/authz.js';
import type { BodyFacts } from './queries.js';

/** Administrators, and the body's current secretary. */
const manages = (a: Actor, f: BodyFacts) => isAdmin(a) || (!!a && f.isSecretary);
/** A person who acts for at least one organization in good standing. */
const actsForAnOrganization = (a: Actor, f: BodyFacts) => !!a && f.myOrgs.length > 0;

export const bodiesPolicy = definePolicy({
  /** The members' area: administrators, the secretary, and people of organizations in good standing. */
  viewMembersArea: (a: Actor, f: BodyFacts) => manages(a, f) || actsForAnOrganization(a, f),
  /** Ask to join on behalf of one of the person's organizations. */
  requestJoin: (a: Actor, f: BodyFacts) => actsForAnOrganization(a, f),
  /** Leave (or withdraw a request) for one's own organization, or remove a member as a manager. */
  leave: (a: Actor, f: BodyFacts) => manages(a, f) || actsForAnOrganization(a, f),
  /** Approve or decline requests, remove members. */
  manageMembership: (a: Actor, f: BodyFacts) => manages(a, f),
  /** Call this body's elections. */
  callElection: (a: Actor, f: BodyFacts) => manages(a, f),
  /** Edit the name, mandate and objectives. */
  edit: (a: Actor) => isAdmin(a),
  /** Appoint a position holder directly. */
  appoint: (a: Actor) => isAdmin(a),
  /** End a holding early. */
  endPosition: (a: Actor) => isAdmin(a),
});
