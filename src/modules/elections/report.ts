/**
 * @module Elections: its section of the generated reports — elections held (closed, certified or failed during
 * the period, with turnout) and positions filled (terms that began during the period, by election or
 * appointment; positions belong to bodies and are read through bodies' index). A body's report: that body's; an
 * objective's: the bodies that prioritized the objective.
 */
import type { ReportSection, ReportBlock } from '../../platform/module.js';
import { parseTranslated, pickTranslated, type Translated } from '../../platform/i18n/translated.js';
import { listBodies, bodyPositions } from '../bodies/index.js';

export interface ElectionsReportData {
  held: { id: string; title: Translated; body: Translated; status: 'closed' | 'certified' | 'failed'; closedAt: string; census: number | null; ballots: number }[];
  filled: { body: Translated; position: string; holder: string; startsOn: string; source: 'election' | 'appointment' }[];
}

export async function electionsReportData(ctx: Parameters<ReportSection['data']>[0], scope: Parameters<ReportSection['data']>[1]): Promise<ElectionsReportData | null> {
  const { db } = ctx;
  const bodies = (await listBodies(db)).filter((b) => (scope.kind === 'body' ? b.id === scope.bodyId : scope.kind === 'objective' ? b.objectives.includes(scope.objective ?? 0) : true));
  if (!bodies.length) return null;
  const names = new Map(bodies.map((b) => [b.id, parseTranslated(b.name)]));
  const rows = await db
    .selectFrom('elections')
    .select(['id', 'title', 'body_id', 'status', 'closed_at', 'census_size', 'ballot_count'])
    .where('status', 'in', ['closed', 'certified', 'failed'])
    .where('closed_at', '>=', scope.from)
    .where('closed_at', '<', scope.to)
    .where('body_id', 'in', bodies.map((b) => b.id))
    .orderBy('closed_at')
    .execute();
  const held = rows.map((r) => ({
    id: r.id,
    title: parseTranslated(r.title),
    body: names.get(r.body_id) ?? {},
    status: r.status as 'closed' | 'certified' | 'failed',
    closedAt: r.closed_at!,
    census: r.census_size === null ? null : Number(r.census_size),
    ballots: Number(r.ballot_count),
  }));
  const filled: ElectionsReportData['filled'] = [];
  for (const b of bodies) {
    for (const h of await bodyPositions(db, b.id)) {
      if (h.startsOn >= scope.from && h.startsOn < scope.to) filled.push({ body: names.get(b.id)!, position: h.position, holder: h.holderName, startsOn: h.startsOn, source: h.source });
    }
  }
  filled.sort((a, b) => a.startsOn.localeCompare(b.startsOn));
  if (!held.length && !filled.length) return null;
  return { held, filled };
}

export const electionsReport: ReportSection = {
  key: 'elections.held',
  title: 'elections.report.title',
  order: 40,
  data: electionsReportData,
  render: (raw, { locale, t, fmt }) => {
    const d = raw as ElectionsReportData;
    const pick = (v: Translated) => pickTranslated(v, locale)?.text ?? '';
    const byElection = d.filled.filter((f) => f.source === 'election').length;
    const blocks: ReportBlock[] = [
      {
        kind: 'figures',
        items: [
          { value: fmt.number(d.held.length), label: t('elections.report.held', { count: d.held.length }) },
          { value: fmt.number(d.filled.length), label: t('elections.report.filled', { count: d.filled.length }) },
          { value: fmt.number(byElection), label: t('elections.report.byElection', { count: byElection }) },
        ],
      },
    ];
    if (d.held.length)
      blocks.push({
        kind: 'table',
        caption: t('elections.report.heldCaption'),
        head: [t('elections.report.election'), t('elections.report.body'), t('elections.report.closed'), t('elections.report.turnout')],
        rows: d.held.map((e) => [
          `${pick(e.title)} (${t(`elections.report.status.${e.status}`)})`,
          pick(e.body),
          fmt.date(e.closedAt.slice(0, 10)),
          e.census ? `${fmt.number(e.ballots)} / ${fmt.number(e.census)} (${fmt.percent(e.ballots / e.census)})` : fmt.number(e.ballots),
        ]),
      });
    if (d.filled.length)
      blocks.push({
        kind: 'table',
        caption: t('elections.report.filledCaption'),
        head: [t('elections.report.position'), t('elections.report.body'), t('elections.report.holder'), t('elections.report.since')],
        rows: d.filled.map((f) => [`${t(`bodies.positions.names.${f.position}`)} (${t(`elections.report.source.${f.source}`)})`, pick(f.body), f.holder, fmt.date(f.startsOn)]),
      });
    return blocks;
  },
};
