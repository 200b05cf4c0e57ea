/**
 * @module Membership: its section of the generated reports — growth and coverage. Who was a member at the
 * period's end (admitted before it, in good standing or suspended now), who was admitted during it, the
 * countries and kinds of organization gained, and the countries of Latin America and the Caribbean where no
 * member works (the under-represented areas). A body's report counts the body's member organizations; an
 * objective's, the organizations that work on that objective.
 */
import type { ReportSection, ReportBlock } from '../../platform/module.js';
import { LAC_ALPHA2 } from '../../platform/charts/index.js';

/** The language-free figures a published report keeps. */
export interface MembershipReportData {
  /** Member organizations at the end of the period. */
  total: number;
  /** Admitted during the period. */
  gained: number;
  /** Countries where members work at the end (alpha-2), and those first reached during the period. */
  countries: string[];
  countriesGained: string[];
  /** Members by kind of organization at the end, and kinds first represented during the period. */
  byType: Record<string, number>;
  typesGained: string[];
  /** Countries of the region with no member organization at the end. */
  missingCountries: string[];
}

/** A country's name in a language, from its ISO code (Intl: the same in every process, no database needed). */
export function countryName(locale: string, alpha2: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'region' }).of(alpha2) ?? alpha2;
  } catch {
    return alpha2;
  }
}

export async function membershipReportData(ctx: Parameters<ReportSection['data']>[0], scope: Parameters<ReportSection['data']>[1]): Promise<MembershipReportData | null> {
  const { db } = ctx;
  let q = db
    .selectFrom('organizations')
    .select(['id', 'type', 'country', 'admitted_at'])
    .where('status', 'in', ['member', 'suspended'])
    .where('admitted_at', 'is not', null)
    .where('admitted_at', '<', scope.to);
  if (scope.kind === 'body') {
    const ids = ctx.bodyOrgIds ?? [];
    if (!ids.length) return null;
    q = q.where('id', 'in', ids);
  }
  if (scope.kind === 'objective') {
    q = q.where('id', 'in', db.selectFrom('organization_objectives').select('org_id').where('objective_n', '=', scope.objective ?? 0));
  }
  const orgs = await q.execute();
  if (!orgs.length) return null;
  const ids = orgs.map((o) => o.id);
  const listed = new Map<string, string[]>();
  for (let i = 0; i < ids.length; i += 500) {
    for (const r of await db.selectFrom('organization_countries').select(['org_id', 'country']).where('org_id', 'in', ids.slice(i, i + 500)).execute()) {
      listed.set(r.org_id, [...(listed.get(r.org_id) ?? []), r.country]);
    }
  }
  const before = new Set<string>();
  const after = new Set<string>();
  const typesBefore = new Set<string>();
  const byType: Record<string, number> = {};
  let gained = 0;
  for (const o of orgs) {
    const where = new Set([o.country, ...(listed.get(o.id) ?? [])]);
    const old = (o.admitted_at ?? '') < scope.from;
    if (!old) gained++;
    for (const c of where) {
      after.add(c);
      if (old) before.add(c);
    }
    byType[o.type] = (byType[o.type] ?? 0) + 1;
    if (old) typesBefore.add(o.type);
  }
  const sortedTypes = Object.fromEntries(Object.entries(byType).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])));
  return {
    total: orgs.length,
    gained,
    countries: [...after].sort(),
    countriesGained: [...after].filter((c) => !before.has(c)).sort(),
    byType: sortedTypes,
    typesGained: Object.keys(byType).filter((t) => !typesBefore.has(t)).sort(),
    missingCountries: LAC_ALPHA2.filter((c) => !after.has(c)).sort(),
  };
}

export const membershipReport: ReportSection = {
  key: 'membership.growth',
  title: 'membership.report.title',
  order: 20,
  data: membershipReportData,
  render: (raw, { locale, t, fmt }) => {
    const d = raw as MembershipReportData;
    const names = (cs: string[]) => cs.map((c) => countryName(locale, c)).sort((a, b) => a.localeCompare(b, locale));
    const blocks: ReportBlock[] = [
      {
        kind: 'figures',
        items: [
          { value: fmt.number(d.total), label: t('membership.report.members', { count: d.total }) },
          { value: fmt.number(d.gained), label: t('membership.report.gained', { count: d.gained }) },
          { value: fmt.number(d.countries.length), label: t('membership.report.countries', { count: d.countries.length }) },
          { value: fmt.number(d.countriesGained.length), label: t('membership.report.countriesGained', { count: d.countriesGained.length }) },
        ],
      },
      {
        kind: 'bars',
        caption: t('membership.report.byType'),
        items: Object.entries(d.byType).map(([type, n]) => ({ label: t(`membership.types.${type}`), value: n, display: fmt.number(n) })),
      },
    ];
    if (d.countriesGained.length) blocks.push({ kind: 'paragraph', text: t('membership.report.newCountries', { list: fmt.list(names(d.countriesGained)) }) });
    if (d.typesGained.length) blocks.push({ kind: 'paragraph', text: t('membership.report.newTypes', { list: fmt.list(d.typesGained.map((x) => t(`membership.types.${x}`))) }) });
    blocks.push(
      d.missingCountries.length
        ? { kind: 'paragraph', text: t('membership.report.missing', { count: d.missingCountries.length, list: fmt.list(names(d.missingCountries)) }) }
        : { kind: 'paragraph', text: t('membership.report.noneMissing') },
    );
    return blocks;
  },
};
