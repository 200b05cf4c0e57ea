/**
 * @module Library: who may do what — named rules the routes refuse with and the views hide buttons with.
 * Administrators and body secretaries add documents (secretaries for their own bodies); members read
 * (docs/decisions/0801-library.md).
 */
import { definePolicy, isAdmin, type Actor } from '../../platform/authz/authz.js';
import type { ReaderBodies as ReaderFacts } from '../bodies/index.js';
import type { DocVisibility } from './tables.js';

/** What the policy knows about the reader: their place among the bodies (anonymous visitors have none). */
export type { ReaderBodies as ReaderFacts } from '../bodies/index.js';

export interface DocRef {
  bodyId: string | null;
  visibility: DocVisibility;
  visibilityBodyId: string | null;
}

/** Administrators, and the secretaries of the document's authoring body. */
const manages = (a: Actor, d: DocRef, f: ReaderFacts) => isAdmin(a) || (!!a && !!d.bodyId && f.secretaryOf.includes(d.bodyId));

/** Who may see a document at all (others get a 404: a members-only document is not revealed). */
export const sees = (a: Actor, d: DocRef, f: ReaderFacts) =>
  d.visibility === 'public' ||
  manages(a, d, f) ||
  (!!a && d.visibility === 'members' && f.memberOrg) ||
  (!!a && d.visibility === 'body' && !!d.visibilityBodyId && (f.bodyIds.includes(d.visibilityBodyId) || f.secretaryOf.includes(d.visibilityBodyId)));

type R = { d: DocRef; f: ReaderFacts };

export const libraryPolicy = definePolicy({
  /** Add a document: administrators and the secretary of any body (for the bodies they are secretary of). */
  create: (a: Actor, f: ReaderFacts) => isAdmin(a) || (!!a && f.secretaryOf.length > 0),
  /** Add a document for any body, or for none: administrators (secretaries choose one of their bodies). */
  anyBody: (a: Actor) => isAdmin(a),
  view: (a: Actor, r: R) => sees(a, r.d, r.f),
  /** Change, delete, add or replace files: administrators and the authoring body's secretaries. */
  manage: (a: Actor, r: R) => manages(a, r.d, r.f),
});

/** The reader's visibilities, as a filter for lists (what `view` allows). */
export interface ReaderScope {
  all: boolean;
  members: boolean;
  /** Bodies whose 'body' documents the reader sees (member or secretary). */
  bodies: Set<string>;
  /** Bodies whose documents the reader manages (secretary): seen whatever their visibility. */
  manages: Set<string>;
}

export function readerScope(a: Actor, f: ReaderFacts): ReaderScope {
  return { all: isAdmin(a), members: !!a && f.memberOrg, bodies: new Set(a ? [...f.bodyIds, ...f.secretaryOf] : []), manages: new Set(a ? f.secretaryOf : []) };
}

/** The same rule as `view`, over a scope (lists, search, counts). */
export function inScope(s: ReaderScope, d: DocRef): boolean {
  return (
    s.all ||
    d.visibility === 'public' ||
    (!!d.bodyId && s.manages.has(d.bodyId)) ||
    (d.visibility === 'members' && s.members) ||
    (d.visibility === 'body' && !!d.visibilityBodyId && s.bodies.has(d.visibilityBodyId))
  );
}
