/**
 * @module Reports: who may do what. Published editions are public. Generating a live report (preview) and
 * publishing one: administrators for the Mechanism's and an objective's reports; a body's secretary (or the
 * Mesa Técnica's coordinator) for that body's report, and administrators for any.
 */
import { definePolicy, isAdmin, type Actor } from '../../platform/authz/authz.js';
import type { ReportScope } from '../../platform/module.js';

/** What the policy knows about the reader: the bodies whose secretary they are today. */
export interface ReportFacts {
  secretaryOf: string[];
}

const mayWrite = (a: Actor, { scope, f }: { scope: ReportScope; f: ReportFacts }) =>
  isAdmin(a) || (!!a && scope.kind === 'body' && !!scope.bodyId && f.secretaryOf.includes(scope.bodyId));

export const reportsPolicy = definePolicy({
  /** See a live report for a scope before publishing it (its figures are not public until published). */
  preview: mayWrite,
  /** Freeze a report as an edition. */
  publish: mayWrite,
  /** Offer the form that generates reports: administrators and secretaries of any body. */
  generate: (a: Actor, f: ReportFacts) => isAdmin(a) || (!!a && f.secretaryOf.length > 0),
});
