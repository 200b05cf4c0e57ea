/**
 * @module Practices: who may do what. Authors are the person who created a practice and the people of
 * the member organization that documents it; reviewers are administrators and, for practices on their
 * bodies' prioritized objectives, the secretaries (and the Mesa Técnica's coordinators) of those bodies.
 */
import { definePolicy, isAdmin, type Actor } from '../../platform/authz/authz.js';
import type { Db } from '../../db/schema.js';
import { organizationsOfUser } from '../membership/index.js';
import { secretaryBodiesOfUser } from '../bodies/index.js';
import type { PracticeStatus } from './tables.js';

/** What we know about the person asking, loaded once per request. */
export interface Scope {
  /** Member organizations (in good standing) the person can act for. */
  orgIds: string[];
  /** Objectives the person reviews as a Mesa secretary. */
  reviewObjectives: number[];
}

export interface PracticeRef {
  status: PracticeStatus;
  orgId: string | null;
  createdBy: string;
  objectives: number[];
}

export const EMPTY_SCOPE: Scope = { orgIds: [], reviewObjectives: [] };

/** Loads the person's organizations and the objectives they review as a secretary of a body. */
export async function scopeOf(db: Db, actor: Actor): Promise<Scope> {
  if (!actor) return EMPTY_SCOPE;
  const orgs = await organizationsOfUser(db, actor.id);
  const bodies = await secretaryBodiesOfUser(db, actor.id);
  const reviewObjectives = [...new Set(bodies.flatMap((b) => b.objectives))];
  return { orgIds: orgs.filter((o) => o.status === 'member').map((o) => o.id), reviewObjectives };
}

/**
 * The practice's authors: the people of its organization while that organization is a member in good standing
 * (a suspended or withdrawn organization's people cannot act for it — `scopeOf` keeps only good standing), or,
 * for a practice documented for no organization, the person who created it.
 */
const isAuthor = (a: Actor, p: PracticeRef, s: Scope) => !!a && (p.orgId ? s.orgIds.includes(p.orgId) : p.createdBy === a.id);
/** Administrators review everything; a Mesa secretary reviews only practices on the objectives their Mesas prioritize. */
const reviews = (a: Actor, p: PracticeRef, s: Scope) => isAdmin(a) || (!!a && p.objectives.some((n) => s.reviewObjectives.includes(n)));
const editable = (p: PracticeRef) => p.status === 'draft' || p.status === 'returned';
const inReview = (p: PracticeRef) => p.status === 'submitted' || p.status === 'in_review';
type R = { p: PracticeRef; s: Scope };

const view = (a: Actor, r: R) => r.p.status === 'published' || isAuthor(a, r.p, r.s) || isAdmin(a) || (r.p.status !== 'draft' && reviews(a, r.p, r.s));
const edit = (a: Actor, r: R) => editable(r.p) && (isAuthor(a, r.p, r.s) || isAdmin(a));

export const practicePolicy = definePolicy({
  /** Document a new practice: people of a member organization, and administrators. */
  create: (a: Actor, s: Scope) => !!a && (isAdmin(a) || s.orgIds.length > 0),
  /** Document a practice for any member organization, or for none: administrators only (others choose one of theirs). */
  documentForAnyOrg: (a: Actor) => isAdmin(a),
  /** Published practices are public; others are seen by their authors and reviewers (drafts: authors and admins). */
  view,
  /** Change a draft or a returned practice: its authors and administrators. */
  edit,
  submit: (a: Actor, r: R) => editable(r.p) && (isAuthor(a, r.p, r.s) || isAdmin(a)),
  /** Add or remove attachments: whoever may edit it. */
  attach: (a: Actor, r: R) => edit(a, r),
  detach: (a: Actor, r: R) => edit(a, r),
  /** Take a submitted practice into review, ask for changes, approve. */
  review: (a: Actor, r: R) => inReview(r.p) && reviews(a, r.p, r.s),
  /** Comment while it is being reviewed: its reviewers, and its authors answering them. */
  comment: (a: Actor, r: R) => inReview(r.p) && (reviews(a, r.p, r.s) || isAuthor(a, r.p, r.s)),
  /** Administrators can withdraw a published practice back to its authors. */
  unpublish: (a: Actor, r: R) => r.p.status === 'published' && isAdmin(a),
  /** The workflow's history (with reviewers' comments): whoever sees an unpublished practice; once published, its authors and administrators. */
  seeHistory: (a: Actor, r: R) => !!a && view(a, r) && (r.p.status !== 'published' || isAuthor(a, r.p, r.s) || isAdmin(a)),
  /** The review queue: administrators and secretaries. */
  queue: (a: Actor, s: Scope) => isAdmin(a) || (!!a && s.reviewObjectives.length > 0),
  /** The whole queue, every objective: administrators (secretaries see their Mesas' objectives only). */
  queueAll: (a: Actor) => isAdmin(a),
  exportAll: (a: Actor) => isAdmin(a),
  /** The Hub's documents (JSON, PDF) exist for published practices only; otherwise 404. */
  download: (_a: Actor, p: Pick<PracticeRef, 'status'>) => p.status === 'published',
});
