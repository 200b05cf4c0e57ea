/**
 * @module Pledges: the reports' section — the pledges published in the period for the scope (the whole Mechanism,
 * a body's, or those on one GCM objective), where each stands now, and the progress reported in the period.
 * `data` keeps numbers only (stored as is in a published edition); `render` words them in any language.
 */
import type { ReportBlock, ReportScope, ReportSection } from '../../platform/module.js';
import { countPublished, pledgesInPeriod, type Counts, type PledgeFilters } from './dashboard.js';
import { pledgeKinds, pledgeStatuses } from './tables.js';

export interface PledgesReportData {
  scope: ReportScope['kind'];
  /** Published pledges in the scope, all time (as of when the report was made). */
  allTime: number;
  /** Published in [from, to). */
  made: number;
  /** Of those made in the period, by their status when the report was made. */
  status: Counts;
  kind: Counts;
  /** Of those made in the period, by GCM objective (one pledge may count under several). */
  objective: Counts;
  /** Progress updates reported in the period (on any published pledge of the scope), by the status they reported. */
  updates: Counts;
}

export function scopeFilters(scope: ReportScope): PledgeFilters {
  if (scope.kind === 'body' && scope.bodyId) return { bodyId: scope.bodyId };
  if (scope.kind === 'objective' && scope.objective) return { objective: scope.objective };
  return {};
}

export const pledgesReport: ReportSection = {
  key: 'pledges.made',
  title: 'pledges.report.title',
  order: 60,
  async data({ db }, scope): Promise<PledgesReportData | null> {
    const f = scopeFilters(scope);
    const allTime = await countPublished(db, f);
    // Nothing pledged in this scope at all: the report says so instead of a row of zeros.
    if (!allTime) return null;
    const p = await pledgesInPeriod(db, f, scope.from, scope.to);
    return { scope: scope.kind, allTime, ...p };
  },
  render(raw, { t, fmt }): ReportBlock[] {
    const d = raw as PledgesReportData;
    const sum = (c: Counts) => Object.values(c).reduce((a, b) => a + b, 0);
    const blocks: ReportBlock[] = [
      {
        kind: 'figures',
        items: [
          { value: fmt.number(d.made), label: t('pledges.report.made', { count: d.made }) },
          { value: fmt.number(d.status.fulfilled ?? 0), label: t('pledges.report.fulfilled', { count: d.status.fulfilled ?? 0 }) },
          { value: fmt.number(sum(d.updates)), label: t('pledges.report.updates', { count: sum(d.updates) }) },
          { value: fmt.number(d.allTime), label: t('pledges.report.allTime', { count: d.allTime }) },
        ],
      },
    ];
    if (!d.made) {
      blocks.push({ kind: 'empty', text: t('pledges.report.noneInPeriod') });
    } else {
      blocks.push({
        kind: 'table',
        caption: t('pledges.report.byStatus'),
        head: [t('pledges.dashboard.column.status'), t('pledges.dashboard.pledges')],
        rows: pledgeStatuses.map((s) => [t(`pledges.statuses.${s}`), fmt.number(d.status[s] ?? 0)]),
      });
      blocks.push({
        kind: 'table',
        caption: t('pledges.report.byKind'),
        head: [t('pledges.dashboard.column.kind'), t('pledges.dashboard.pledges')],
        rows: pledgeKinds.map((k) => [t(`pledges.kinds.${k}`), fmt.number(d.kind[k] ?? 0)]),
      });
      if (d.scope !== 'objective') {
        const objectives = Object.keys(d.objective)
          .map(Number)
          .sort((a, b) => a - b);
        blocks.push({
          kind: 'bars',
          caption: t('pledges.report.byObjective'),
          items: objectives.map((n) => ({ label: t('pledges.report.objective', { n }), value: d.objective[String(n)] ?? 0, display: fmt.number(d.objective[String(n)] ?? 0) })),
        });
      }
    }
    if (sum(d.updates)) {
      blocks.push({
        kind: 'table',
        caption: t('pledges.report.updatesByStatus'),
        head: [t('pledges.dashboard.column.status'), t('pledges.report.updatesColumn')],
        rows: pledgeStatuses.map((s) => [t(`pledges.statuses.${s}`), fmt.number(d.updates[s] ?? 0)]),
      });
    }
    return blocks;
  },
};
