/**
 * @module Reports: gathering and rendering. A report is every module's `reportSections` (the manifests in
 * deps.modules — this code names no module), gathered once as language-free JSON and rendered into blocks in
 * any language. A published edition stores the gathered JSON; rendering it later gives the same report.
 */
import type { Db, Dialect } from '../../db/schema.js';
import type { ModuleManifest, ReportBlock, ReportScope, ReportSection } from '../../platform/module.js';
import type { Locale } from '../../platform/i18n/locales.js';
import type { T, Formatters } from '../../platform/i18n/i18n.js';
import { pickTranslated, type Translated } from '../../platform/i18n/translated.js';
import { bodyMemberOrgIds } from '../bodies/index.js';
import { isoDate } from '../../db/ids.js';

/** What a report is made of before it is written in a language. */
export interface ReportData {
  scope: ReportScope;
  subject: Translated;
  /** Each section's gathered data, in the report's order; null where its module had nothing for the scope. */
  sections: { key: string; data: unknown }[];
}

/** Every report section the installed modules declare, in order. */
export function reportSectionsOf(modules: ModuleManifest[]): ReportSection[] {
  return modules.flatMap((m) => m.reportSections ?? []).sort((a, b) => a.order - b.order || a.key.localeCompare(b.key));
}

/** Gathers every section's data for a scope from the live database. */
export async function gatherReport(ctx: { db: Db; dialect: Dialect; modules: ModuleManifest[] }, scope: ReportScope, subject: Translated): Promise<ReportData> {
  const bodyOrgIds = scope.kind === 'body' && scope.bodyId ? await bodyMemberOrgIds(ctx.db, scope.bodyId) : undefined;
  const sections: ReportData['sections'] = [];
  for (const s of reportSectionsOf(ctx.modules)) {
    const data = await s.data({ db: ctx.db, dialect: ctx.dialect, bodyOrgIds }, scope);
    sections.push({ key: s.key, data: data ?? null });
  }
  return { scope, subject, sections };
}

/** One section written in a language. */
export interface RenderedSection {
  key: string;
  /** Anchor id on the page. */
  anchor: string;
  title: string;
  blocks: ReportBlock[];
}

/** A whole report written in a language: its title, period and sections. */
export interface RenderedReport {
  title: string;
  subtitle: string;
  period: string;
  sections: RenderedSection[];
}

/** The report's heading in a language: the Mechanism's name, the body's or the objective's. */
export function reportTitle(data: Pick<ReportData, 'scope' | 'subject'>, locale: Locale, t: T): { title: string; subtitle: string } {
  const name = t('site.name');
  if (data.scope.kind === 'mechanism') return { title: t('reports.titleMechanism', { name }), subtitle: name };
  const subject = pickTranslated(data.subject, locale)?.text ?? '';
  return { title: t(data.scope.kind === 'body' ? 'reports.titleBody' : 'reports.titleObjective', { subject }), subtitle: name };
}

/** "1 Jan 2026 – 31 Dec 2026" (the last day included), or "2026" for a calendar year. */
export function periodLabel(scope: ReportScope, fmt: Formatters, t: T): string {
  const y = scope.from.slice(0, 4);
  if (scope.from === `${y}-01-01` && scope.to === `${Number(y) + 1}-01-01`) return t('reports.periodYear', { year: y });
  const last = isoDate(new Date(Date.parse(`${scope.to}T00:00:00Z`) - 86400000));
  return t('reports.periodRange', { from: fmt.date(scope.from), to: fmt.date(last) });
}

/** Writes gathered data in a language with the sections' own renderers. */
export function renderReport(modules: ModuleManifest[], data: ReportData, locale: Locale, t: T, fmt: Formatters): RenderedReport {
  const known = new Map(reportSectionsOf(modules).map((s) => [s.key, s]));
  const sections: RenderedSection[] = [];
  for (const [i, s] of data.sections.entries()) {
    const def = known.get(s.key);
    const anchor = `s${i + 1}-${s.key.replace(/[^a-z0-9]+/gi, '-')}`;
    if (!def) {
      sections.push({ key: s.key, anchor, title: s.key, blocks: [{ kind: 'empty', text: t('reports.sectionGone') }] });
      continue;
    }
    const blocks = s.data === null ? [{ kind: 'empty' as const, text: t('reports.noData') }] : def.render(s.data, { locale, t, fmt });
    sections.push({ key: s.key, anchor, title: t(def.title), blocks });
  }
  return { ...reportTitle(data, locale, t), period: periodLabel(data.scope, fmt, t), sections };
}
