/**
 * @module Events: its section of the generated reports — events held during the period (not cancelled, ended
 * before the period's end), by kind, and attendance by stakeholder sector (people checked in; registrations
 * where nobody was checked in are counted apart, never as attendance). A body's report: events it organized;
 * an objective's: events on that objective. Only public events are named; the others are counted.
 */
import type { ReportSection, ReportBlock } from '../../platform/module.js';
import { parseTranslated, pickTranslated, type Translated } from '../../platform/i18n/translated.js';
import { SECTORS } from './tables.js';

export interface EventsReportData {
  held: number;
  byKind: Record<string, number>;
  /** People checked in, by sector, and the events where attendance was taken. */
  attended: Record<string, number>;
  eventsWithAttendance: number;
  /** Confirmed registrations, by sector. */
  registered: Record<string, number>;
  /** The public ones, in date order (at most 30). */
  listed: { id: string; title: Translated; kind: string; startsAt: string; attended: number }[];
}

export async function eventsReportData(ctx: Parameters<ReportSection['data']>[0], scope: Parameters<ReportSection['data']>[1]): Promise<EventsReportData | null> {
  const { db } = ctx;
  const now = new Date().toISOString();
  const end = scope.to < now ? scope.to : now;
  let q = db
    .selectFrom('events')
    .select(['id', 'kind', 'title', 'starts_at', 'visibility'])
    .where('status', '=', 'scheduled')
    .where('starts_at', '>=', scope.from)
    .where('ends_at', '<', end);
  if (scope.kind === 'body') q = q.where('id', 'in', db.selectFrom('event_bodies').select('event_id').where('body_id', '=', scope.bodyId ?? ''));
  if (scope.kind === 'objective') q = q.where('id', 'in', db.selectFrom('event_objectives').select('event_id').where('objective_n', '=', scope.objective ?? 0));
  const events = await q.orderBy('starts_at').execute();
  if (!events.length) return null;
  const attended: Record<string, number> = {};
  const registered: Record<string, number> = {};
  const perEvent = new Map<string, number>();
  for (let i = 0; i < events.length; i += 500) {
    const ids = events.slice(i, i + 500).map((e) => e.id);
    const rows = await db
      .selectFrom('event_registrations')
      .select(['event_id', 'sector', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.count<number>('attended_at').as('a')])
      .where('event_id', 'in', ids)
      .where('status', '=', 'registered')
      .groupBy(['event_id', 'sector'])
      .execute();
    for (const r of rows) {
      registered[r.sector] = (registered[r.sector] ?? 0) + Number(r.n);
      attended[r.sector] = (attended[r.sector] ?? 0) + Number(r.a);
      perEvent.set(r.event_id, (perEvent.get(r.event_id) ?? 0) + Number(r.a));
    }
  }
  const byKind: Record<string, number> = {};
  for (const e of events) byKind[e.kind] = (byKind[e.kind] ?? 0) + 1;
  const order = (m: Record<string, number>) => Object.fromEntries(SECTORS.filter((s) => m[s]).map((s) => [s, m[s]!]));
  return {
    held: events.length,
    byKind,
    attended: order(attended),
    eventsWithAttendance: [...perEvent.values()].filter((n) => n > 0).length,
    registered: order(registered),
    listed: events
      .filter((e) => e.visibility === 'public')
      .slice(0, 30)
      .map((e) => ({ id: e.id, title: parseTranslated(e.title), kind: e.kind, startsAt: e.starts_at, attended: perEvent.get(e.id) ?? 0 })),
  };
}

const sum = (m: Record<string, number>) => Object.values(m).reduce((a, b) => a + b, 0);

export const eventsReport: ReportSection = {
  key: 'events.held',
  title: 'events.report.title',
  order: 50,
  data: eventsReportData,
  render: (raw, { locale, t, fmt }) => {
    const d = raw as EventsReportData;
    const people = sum(d.attended);
    const blocks: ReportBlock[] = [
      {
        kind: 'figures',
        items: [
          { value: fmt.number(d.held), label: t('events.report.held', { count: d.held }) },
          { value: fmt.number(people), label: t('events.report.attended', { count: people }) },
          { value: fmt.number(sum(d.registered)), label: t('events.report.registered', { count: sum(d.registered) }) },
        ],
      },
      { kind: 'bars', caption: t('events.report.byKind'), items: Object.entries(d.byKind).map(([k, n]) => ({ label: t(`events.kinds.${k}`), value: n, display: fmt.number(n) })) },
    ];
    if (people > 0) {
      blocks.push({ kind: 'bars', caption: t('events.report.bySector'), items: Object.entries(d.attended).map(([s, n]) => ({ label: t(`events.sectors.${s}`), value: n, display: fmt.number(n) })) });
      blocks.push({ kind: 'paragraph', text: t('events.report.attendanceTaken', { count: d.eventsWithAttendance, total: fmt.number(d.held) }) });
    } else {
      blocks.push({ kind: 'empty', text: t('events.report.noAttendance') });
    }
    if (d.listed.length)
      blocks.push({
        kind: 'table',
        caption: t('events.report.listCaption'),
        head: [t('events.report.event'), t('events.report.kind'), t('events.report.date'), t('events.report.people')],
        rows: d.listed.map((e) => [pickTranslated(e.title, locale)?.text ?? '', t(`events.kinds.${e.kind}`), fmt.date(e.startsAt.slice(0, 10)), fmt.number(e.attended)]),
      });
    return blocks;
  },
};
