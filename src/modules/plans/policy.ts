/** @module Plans: who may do what — named rules the routes refuse with and the views hide buttons with. */
import { definePolicy, isAdmin, type Actor } from '../../platform/authz/authz.js';
import type { Plan } from './queries.js';

/** What the policy knows about the reader: the bodies whose secretary they are today (facts.ts). */
export interface PlanFacts {
  secretaryOf: string[];
}
export const NO_FACTS: PlanFacts = { secretaryOf: [] };

/** The Mechanism's plan: administrators; a body's plan: administrators and the body's secretary. */
const owns = (a: Actor, p: Pick<Plan, 'bodyId'>, f: PlanFacts) => isAdmin(a) || (!!a && !!p.bodyId && f.secretaryOf.includes(p.bodyId));

export const plansPolicy = definePolicy({
  /** Start a plan: administrators (any plan) and secretaries (their body's). */
  create: (a: Actor, f: PlanFacts) => isAdmin(a) || (!!a && f.secretaryOf.length > 0),
  /** Drafts are seen by the people who may edit them; approved and closed plans by everyone. */
  view: (a: Actor, { p, f }: { p: Plan; f: PlanFacts }) => p.status !== 'draft' || owns(a, p, f),
  /** Change the plan's contents (import, activity status, links, indicator values): its owners, until it is closed. */
  edit: (a: Actor, { p, f }: { p: Plan; f: PlanFacts }) => p.status !== 'closed' && owns(a, p, f),
  approve: (a: Actor, { p, f }: { p: Plan; f: PlanFacts }) => p.status === 'draft' && owns(a, p, f),
  close: (a: Actor, { p, f }: { p: Plan; f: PlanFacts }) => p.status === 'approved' && owns(a, p, f),
  /** See the plan's history of changes: its owners (the public sees the plan as it is). */
  history: (a: Actor, { p, f }: { p: Plan; f: PlanFacts }) => owns(a, p, f),
});
