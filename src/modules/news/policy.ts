/** @module News: who may do what — named rules the routes refuse with and the views hide buttons with. */
import { definePolicy, isAdmin, type Actor } from '../../platform/authz/authz.js';
import type { NewsStatus } from './tables.js';

/** What the policy knows about the reader: the bodies whose secretary they are today (facts.ts). */
export interface WriterFacts {
  secretaryOf: string[];
}
export const NO_WRITER: WriterFacts = { secretaryOf: [] };

/** What the policy knows about a post. */
export interface PostFacts {
  bodyId: string | null;
  status: NewsStatus;
}

/** Administrators write any post; a body's secretary writes that body's posts (not the Mechanism's own). */
const writes = (a: Actor, p: PostFacts, f: WriterFacts) => isAdmin(a) || (!!a && !!p.bodyId && f.secretaryOf.includes(p.bodyId));

export const newsPolicy = definePolicy({
  /** Write a new post: administrators, and the secretary of any body (for their bodies). */
  create: (a: Actor, f: WriterFacts) => isAdmin(a) || (!!a && f.secretaryOf.length > 0),
  /** Post for the whole Mechanism (no body): administrators only. */
  postForMechanism: (a: Actor) => isAdmin(a),
  /** Edit, schedule, publish or withdraw this post. */
  edit: (a: Actor, { p, f }: { p: PostFacts; f: WriterFacts }) => writes(a, p, f),
  /** Read it: published posts are public; drafts and scheduled posts only to their writers (others get a 404). */
  view: (a: Actor, { p, f }: { p: PostFacts; f: WriterFacts }) => p.status === 'published' || writes(a, p, f),
  /** The list of drafts and scheduled posts one may edit. */
  drafts: (a: Actor, f: WriterFacts) => isAdmin(a) || (!!a && f.secretaryOf.length > 0),
});
