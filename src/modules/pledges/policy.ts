/**
 * @module Pledges: who may do what. A pledge belongs to its pledging organizations: the people of the lead
 * organization write and submit it, the people of each co-pledging organization confirm their part, and the
 * people of any of them report its progress once published — while their organization is a member in good
 * standing. The Mesa Técnica reviews: administrators and whoever holds the Mesa Técnica's coordinator (or
 * secretary) position today. Published pledges are public.
 */
import { definePolicy, isAdmin, type Actor } from '../../platform/authz/authz.js';
import type { Db } from '../../db/schema.js';
import { organizationsOfUser } from '../membership/index.js';
import { getBodyBySlug, isSecretaryOf } from '../bodies/index.js';
import { leadOf, type Pledge } from './queries.js';

/** The slug of the body that reviews pledges. */
export const REVIEWING_BODY = 'mesa-tecnica';

/** What we know about the person asking, loaded once per request. */
export interface Scope {
  /** Member organizations (in good standing) the person acts for. */
  orgIds: string[];
  /** Holds the Mesa Técnica's coordinator or secretary position today. */
  technical: boolean;
}

export const EMPTY_SCOPE: Scope = { orgIds: [], technical: false };

export async function scopeOf(db: Db, actor: Actor): Promise<Scope> {
  if (!actor) return EMPTY_SCOPE;
  const orgs = await organizationsOfUser(db, actor.id);
  const body = await getBodyBySlug(db, REVIEWING_BODY);
  return { orgIds: orgs.filter((o) => o.status === 'member').map((o) => o.id), technical: !!body && (await isSecretaryOf(db, actor.id, body.id)) };
}

type R = { p: Pledge; s: Scope };

const inLead = (a: Actor, { p, s }: R) => !!a && s.orgIds.includes(leadOf(p));
const inAny = (a: Actor, { p, s }: R) => !!a && p.orgs.some((o) => s.orgIds.includes(o.orgId));
/** Co-pledging organizations of this person that have not confirmed yet. */
export const toConfirm = ({ p, s }: R) => p.orgs.filter((o) => !o.lead && !o.confirmedAt && s.orgIds.includes(o.orgId)).map((o) => o.orgId);
const reviewer = (a: Actor, s: Scope) => isAdmin(a) || (!!a && s.technical);
const editable = (p: Pledge) => p.state === 'draft' || p.state === 'returned';
const publicState = (p: Pledge) => p.state === 'published' || p.state === 'withdrawn';

const view = (a: Actor, r: R) => publicState(r.p) || inAny(a, r) || isAdmin(a) || (r.p.state === 'submitted' && reviewer(a, r.s));

export const pledgesPolicy = definePolicy({
  /** Write a new pledge: people of a member organization, and administrators. */
  create: (a: Actor, s: Scope) => !!a && (isAdmin(a) || s.orgIds.length > 0),
  /** Pledge for any member organization (others pledge for one of their own): administrators. */
  pledgeForAnyOrg: (a: Actor) => isAdmin(a),
  /** Published (and withdrawn) pledges are public; others are seen by their organizations, reviewers once submitted, and administrators. */
  view,
  /** Change a draft or a returned pledge: the lead organization's people, and administrators. */
  edit: (a: Actor, r: R) => editable(r.p) && (inLead(a, r) || isAdmin(a)),
  /** Submit for review (or ask again once returned). */
  submit: (a: Actor, r: R) => editable(r.p) && !r.p.submittedAt && (inLead(a, r) || isAdmin(a)),
  /** Confirm a co-pledging organization's part, while it is not yet reviewed. */
  confirm: (a: Actor, r: R) => editable(r.p) && toConfirm(r).length > 0,
  /** Publish or return a submitted pledge: the Mesa Técnica. */
  review: (a: Actor, r: R) => r.p.state === 'submitted' && reviewer(a, r.s),
  /** Report progress on a published pledge: any pledging organization's people, and administrators. */
  update: (a: Actor, r: R) => r.p.state === 'published' && (inAny(a, r) || isAdmin(a)),
  /** Record the UN initiative's id: the pledging organizations, reviewers and administrators. */
  setUnId: (a: Actor, r: R) => r.p.state === 'published' && (inAny(a, r) || reviewer(a, r.s)),
  /** Withdraw a pledge (any state but withdrawn): the lead organization and administrators. */
  withdraw: (a: Actor, r: R) => r.p.state !== 'withdrawn' && (inLead(a, r) || isAdmin(a)),
  /** Link it to plan activities and consultation results: the pledging organizations and administrators. */
  link: (a: Actor, r: R) => r.p.state !== 'withdrawn' && (inAny(a, r) || isAdmin(a)),
  /** The workflow's history with the reviewers' comments: whoever works on it. */
  seeHistory: (a: Actor, r: R) => inAny(a, r) || reviewer(a, r.s),
  /** The list of one's pledges (and, for reviewers, the review queue): anyone signed in. */
  mine: (a: Actor) => !!a,
  /** The review queue on that page. */
  queue: (a: Actor, s: Scope) => reviewer(a, s),
});
