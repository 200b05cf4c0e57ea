/**
 * @module Plans' section of the generated reports: progress by axis and expected result of the plans in force
 * during the report's period (the Mechanism's, or the body's), or, for a GCM objective, the activities serving it.
 * `data` keeps titles in every language, so a published edition renders in any of them and never changes.
 */
import type { ReportSection, ReportBlock } from '../../platform/module.js';
import { pickTranslated, type Translated } from '../../platform/i18n/translated.js';
import { listPlans, planTree } from './queries.js';
import type { ActivityStatus } from './tables.js';

interface PlanData {
  title: Translated;
  startsOn: string;
  endsOn: string;
  progress: number | null;
  axes: { code: string; title: Translated; progress: number | null; results: { code: string; title: Translated; progress: number | null; done: number; total: number }[] }[];
}
interface ObjectiveData {
  objective: number;
  activities: { title: Translated; status: ActivityStatus; plan: Translated }[];
}
type Data = { kind: 'plans'; plans: PlanData[] } | { kind: 'objective'; data: ObjectiveData };

export const plansReport: ReportSection = {
  key: 'plans.progress',
  title: 'plans.report.title',
  order: 10,
  data: async ({ db }, scope): Promise<Data | null> => {
    // Plans in force at some time in [from, to): approved or closed, their period overlapping.
    const overlapping = (await listPlans(db, { statuses: ['approved', 'closed'] })).filter((p) => p.startsOn < scope.to && p.endsOn >= scope.from);
    if (scope.kind === 'objective') {
      const acts: ObjectiveData['activities'] = [];
      for (const p of overlapping) {
        const tree = await planTree(db, p);
        for (const a of tree.axes) for (const r of a.results) for (const x of r.activities) if (x.objectives.includes(scope.objective ?? -1)) acts.push({ title: x.title, status: x.status, plan: p.title });
      }
      return acts.length ? { kind: 'objective', data: { objective: scope.objective!, activities: acts } } : null;
    }
    const mine = overlapping.filter((p) => (scope.kind === 'mechanism' ? p.bodyId === null : p.bodyId === scope.bodyId));
    if (!mine.length) return null;
    const plans: PlanData[] = [];
    for (const p of mine) {
      const tree = await planTree(db, p);
      plans.push({
        title: p.title,
        startsOn: p.startsOn,
        endsOn: p.endsOn,
        progress: tree.progress,
        axes: tree.axes.map((a) => ({
          code: a.code,
          title: a.title,
          progress: a.progress,
          results: a.results.map((r) => ({
            code: r.code,
            title: r.title,
            progress: r.progress.progress,
            done: r.activities.filter((x) => x.status === 'done').length,
            total: r.activities.filter((x) => x.status !== 'cancelled').length,
          })),
        })),
      });
    }
    return { kind: 'plans', plans };
  },
  render: (raw, { locale, t, fmt }) => {
    const d = raw as Data;
    const tx = (v: Translated) => pickTranslated(v, locale)?.text ?? '';
    const pct = (v: number | null) => (v === null ? t('plans.progress.noneShort') : fmt.percent(v));
    if (d.kind === 'objective') {
      const done = d.data.activities.filter((a) => a.status === 'done').length;
      return [
        { kind: 'paragraph', text: t('plans.report.objective', { count: d.data.activities.length, done: fmt.number(done), objective: d.data.objective }) },
        {
          kind: 'table',
          caption: t('plans.report.objectiveTable', { objective: d.data.objective }),
          head: [t('plans.page.activity'), t('plans.report.plan'), t('plans.page.status')],
          rows: d.data.activities.map((a) => [tx(a.title), tx(a.plan), t(`plans.activityStatus.${a.status}`)]),
        },
      ];
    }
    const blocks: ReportBlock[] = [];
    for (const p of d.plans) {
      blocks.push({ kind: 'paragraph', text: t('plans.report.planSummary', { plan: tx(p.title), from: fmt.date(p.startsOn), to: fmt.date(p.endsOn), progress: pct(p.progress) }) });
      const measured = p.axes.filter((a) => a.progress !== null);
      if (measured.length)
        blocks.push({ kind: 'bars', caption: t('plans.report.byAxis', { plan: tx(p.title) }), items: measured.map((a) => ({ label: `${a.code}. ${tx(a.title)}`, value: Math.round(a.progress! * 100), display: fmt.percent(a.progress!) })) });
      blocks.push({
        kind: 'table',
        caption: t('plans.report.byResult', { plan: tx(p.title) }),
        head: [t('plans.page.axisCol'), t('plans.page.result'), t('plans.progress.overall'), t('plans.report.activitiesDone')],
        rows: p.axes.flatMap((a) => a.results.map((r) => [a.code, `${r.code}. ${tx(r.title)}`, pct(r.progress), t('plans.report.doneOf', { done: fmt.number(r.done), total: fmt.number(r.total) })])),
      });
    }
    return blocks;
  },
};
