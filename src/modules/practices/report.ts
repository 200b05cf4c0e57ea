/**
 * @module Practices: its section of the generated reports — good practices published during the period, by GCM
 * objective, with the list of their titles. A body's report: practices of the body's member organizations; an
 * objective's: practices on that objective (what members did on it).
 */
import type { ReportSection, ReportBlock, ReportScope } from '../../platform/module.js';
import type { Db } from '../../db/schema.js';
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
  const grouped = await groupedByObjective(db, scope, total, inScope);
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

/**
 * Practices per objective in the scope. Counting through the scope's ids costs one lookup per term; when the
 * scope is most of the practices (the Mechanism's year), it is cheaper to count every practice's terms along the
 * index and take away those of the few practices outside the scope (drafts, other periods), found by index ranges.
 */
async function groupedByObjective(db: Db, scope: ReportScope, total: number, inScope: () => any): Promise<{ value: string; n: number }[]> {
  const count = (ids?: any) => {
    let q = db.selectFrom('practice_terms').select(['value', (eb) => eb.fn.countAll<number>().as('n')]).where('facet', '=', 'objective');
    if (ids) q = q.where('practice_id', 'in', ids);
    return q.groupBy('value').execute();
  };
  const all = Number((await db.selectFrom('practices').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst())?.n ?? 0);
  if (scope.kind !== 'mechanism' || total * 2 <= all) return count(inScope().select('id'));
  const outside = db
    .selectFrom('practices')
    .select('id')
    .where((eb) =>
      eb.or([
        eb('status', 'in', ['draft', 'submitted', 'in_review', 'returned']),
        eb.and([eb('status', '=', 'published'), eb('published_at', '<', scope.from)]),
        eb.and([eb('status', '=', 'published'), eb('published_at', '>=', scope.to)]),
      ]),
    );
  const [every, minus] = await Promise.all([count(), count(outside)]);
  const take = new Map(minus.map((r) => [r.value, Number(r.n)]));
  return every.map((r) => ({ value: r.value, n: Number(r.n) - (take.get(r.value) ?? 0) })).filter((r) => r.n > 0);
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
