/**
 * @module Consultations: who may do what. Administrators and the secretaries of the running body design and
 * run a consultation; the representatives of the organizations in its audience answer for them; the results
 * are public once published — at the close, when the organizers choose, or live if the consultation says so —
 * and its organizers see them from the opening.
 */
import { definePolicy, isAdmin, type Actor } from '../../platform/authz/authz.js';
import type { BodyFacts } from '../bodies/index.js';
import { resultsPublic, type Consultation } from './queries.js';

export interface ConsultationFacts {
  body: BodyFacts;
  /** Organizations in the audience this person answers for (they are one of its representatives). */
  answerOrgs: { id: string; name: string }[];
}

export interface Subject {
  k: Consultation;
  f: ConsultationFacts;
}

/** Administrators, and the secretary of the body that runs it. */
const manages = (a: Actor, f: BodyFacts) => isAdmin(a) || (!!a && f.isSecretary);

export const consultationsPolicy = definePolicy({
  /** Design a new consultation: administrators and any body's secretary (for their bodies). */
  createAny: (a: Actor, secretaryOf: string[]) => isAdmin(a) || (!!a && secretaryOf.length > 0),
  /** Design one for this body. */
  create: (a: Actor, f: BodyFacts) => manages(a, f),
  /** Drafts are seen by their organizers only; open and closed consultations by everyone. */
  view: (a: Actor, { k, f }: Subject) => k.status !== 'draft' || manages(a, f.body),
  /** Change its texts and translations: organizers, at any status (a translation may come after the opening). */
  translate: (a: Actor, { f }: Subject) => manages(a, f.body),
  /** Change the questions: organizers, while it is a draft. */
  design: (a: Actor, { k, f }: Subject) => k.status === 'draft' && manages(a, f.body),
  open: (a: Actor, { k, f }: Subject) => k.status === 'draft' && manages(a, f.body),
  close: (a: Actor, { k, f }: Subject) => k.status === 'open' && manages(a, f.body),
  /**
   * Answer while it is open: for an organization in the audience (its representatives, who may change it), or —
   * open to anyone with the link — as a person, signed in or not (confirmed by mail).
   */
  answer: (a: Actor, { k, f }: Subject) => k.status === 'open' && (k.audience === 'link' || (!!a && f.answerOrgs.length > 0)),
  /**
   * Results: everyone once published (at the close, or when the organizers choose) or while open when the
   * consultation shows them live; the organizers at any time after it opens.
   */
  results: (a: Actor, { k, f }: Subject) => resultsPublic(k) || (k.status !== 'draft' && manages(a, f.body)),
  /** Make a closed consultation's results public: its organizers, once. */
  publishResults: (a: Actor, { k, f }: Subject) => k.status === 'closed' && !k.resultsPublishedAt && manages(a, f.body),
  /** Record a closed consultation's top objectives as the running body's prioritized objectives: its organizers. */
  prioritize: (a: Actor, { k, f }: Subject) => k.status === 'closed' && manages(a, f.body),
  /** Draft an event's agenda from a closed consultation's top items: its organizers. */
  agenda: (a: Actor, { k, f }: Subject) => k.status === 'closed' && manages(a, f.body),
  /** Every answer as CSV (with who answered): organizers. */
  export: (a: Actor, { k, f }: Subject) => k.status !== 'draft' && manages(a, f.body),
});
