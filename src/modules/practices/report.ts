/**
 * @module Practices: its section of the generated reports — good practices published during the period, by GCM
 * objective, with the list of their titles. A body's report: practices of the body's member organizations; an
 * objective's: practices on that objective (what members did on it).
 */
import type { ReportSection, ReportBlock } from '../../platform/module.js';
import { LOCALES } from '../../platform/i18n/locales.js';
import { parseTranslated, pickTranslated, type Translated } from '../../platform/i18n/translated.js';
import { listObjectives } from '../../platform/reference/queries.js';

/** How many titles a report lists (the figures count them all). */
const LISTED = 30;

export interface PracticesReportData {
  published: number;
  /** Objective number → practices on it, most first; and each objective's short name in every language. */
  byObjective: [number, number][];
  objectives: Record<string, Translated>;
  /** The latest published, newest first (at most LISTED). */
  listed: { id: string; title: Translated; publishedAt: string }[];
}

export async function practicesReportData(ctx: Parameters<ReportSection['data']>[0], scope: Parameters<ReportSection['data']>[1]): Promise<PracticesReportData | null> {
  const { db } = ctx;
  if (scope.kind === 'body' && !ctx.bodyOrgIds?.length) return null;
  // The practices of the scope, as a subquery: counted and grouped by the database, never loaded whole.
  const inScope = () => {
    let q = db.selectFrom('practices').where('status', '=', 'published').where('published_at', '>=', scope.from).where('published_at', '<', scope.to);
    if (scope.kind === 'body') q = q.where('org_id', 'in', ctx.bodyOrgIds!);
    if (scope.kind === 'objective') q = q.where('id', 'in', db.selectFrom('practice_terms').select('practice_id').where('facet', '=', 'objective').where('value', '=', String(scope.objective)));
    return q;
  };
  const total = Number((await inScope().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst())?.n ?? 0);
  if (!total) return null;
  const grouped = await db
    .selectFrom('practice_terms')
    .select(['value', (eb) => eb.fn.countAll<number>().as('n')])
    .where('facet', '=', 'objective')
    .where('practice_id', 'in', inScope().select('id'))
    .groupBy('value')
    .execute();
  const byObjective = grouped.map((r) => [Number(r.value), Number(r.n)] as [number, number]).sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  const objectives: Record<string, Translated> = {};
  for (const l of LOCALES) {
    for (const o of await listObjectives(db, l)) if (byObjective.some(([n]) => n === o.n)) (objectives[String(o.n)] ??= {})[l] = o.short;
  }
  const latest = await inScope().select(['id', 'title', 'published_at']).orderBy('published_at', 'desc').orderBy('id', 'desc').limit(LISTED).execute();
  return {
    published: total,
    byObjective,
    objectives,
    listed: latest.map((r) => ({ id: r.id, title: parseTranslated(r.title), publishedAt: r.published_at! })),
  };
}

export const practicesReport: ReportSection = {
  key: 'practices.published',
  title: 'practices.report.title',
  order: 70,
  data: practicesReportData,
  render: (raw, { locale, t, fmt }) => {
    const d = raw as PracticesReportData;
    const blocks: ReportBlock[] = [
      {
        kind: 'figures',
        items: [
          { value: fmt.number(d.published), label: t('practices.report.published', { count: d.published }) },
          { value: fmt.number(d.byObjective.length), label: t('practices.report.objectives', { count: d.byObjective.length }) },
        ],
      },
      {
        kind: 'bars',
        caption: t('practices.report.byObjective'),
        items: d.byObjective.map(([n, c]) => ({ label: `${n}. ${pickTranslated(d.objectives[String(n)], locale)?.text ?? ''}`, value: c, display: fmt.number(c) })),
      },
      {
        kind: 'table',
        caption: t('practices.report.listCaption'),
        head: [t('practices.report.practice'), t('practices.report.date')],
        rows: d.listed.map((p) => [pickTranslated(p.title, locale)?.text ?? '', fmt.date(p.publishedAt.slice(0, 10))]),
      },
    ];
    return blocks;
  },
};
