/**
 * @module Membership: one history line per step, in the platform's one history (audit_log), written in the
 * step's transaction. The organization's history panel reads it back with `historyOf`, as sentences (`readHistory`).
 */
import type { Db } from '../../../db/schema.js';
import { audit, historyOf, type HistoryItem } from '../../../platform/audit/audit.js';
import { readHistory, type ReadItem } from '../../../platform/audit/read.js';
import type { Locale } from '../../../platform/i18n/locales.js';
import type { T } from '../../../platform/i18n/i18n.js';
import type { ModuleManifest } from '../../../platform/module.js';

/** applied | info_requested | resubmitted | approved | declined | suspended | withdrawn | left | readmitted | imported | profile_updated | people_updated | invited | joined */
export type StepAction = string;

export async function recordStep(
  db: Db,
  step: { orgId: string; actorId: string | null; action: StepAction; from?: string | null; to?: string | null; note?: string | null; changes?: unknown },
): Promise<void> {
  await audit(db, {
    actorId: step.actorId,
    action: `membership.${step.action}`,
    subjectType: 'organization',
    subjectId: step.orgId,
    from: step.from ?? null,
    to: step.to ?? null,
    note: step.note ?? null,
    data: step.changes === undefined ? undefined : { changes: step.changes },
  });
}

/** One step of an organization's membership history (oldest first), as its history table shows it. */
export interface OrgHistoryItem extends HistoryItem {
  /** The step without the module prefix: 'applied', 'approved', … */
  step: string;
  /** The fields or roles that changed, when the step recorded them. */
  changes: unknown;
}

export async function orgHistory(db: Db, orgId: string): Promise<OrgHistoryItem[]> {
  return (await historyOf(db, 'organization', orgId))
    .filter((h) => h.action.startsWith('membership.'))
    .map((h) => ({ ...h, step: h.action.slice('membership.'.length), changes: h.data.changes }));
}

/** The organization's membership history as its panels show it: each step read as a sentence. */
export async function readOrgHistory(db: Db, modules: ModuleManifest[], locale: Locale, t: T, orgId: string): Promise<ReadItem[]> {
  return readHistory(db, modules, locale, t, { type: 'organization', id: orgId }, await orgHistory(db, orgId));
}
