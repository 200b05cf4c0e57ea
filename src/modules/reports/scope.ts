/**
 * @module Reports: what a report covers — read from a query or a form (kind, body, objective, and a year or a
 * custom period) into the platform's ReportScope, with the subject's name in every language. A custom period's
 * "to" is the last day included; the scope keeps it exclusive ([from, to)).
 */
import { z } from 'zod';
import type { Db } from '../../db/schema.js';
import type { ReportScope } from '../../platform/module.js';
import { LOCALES } from '../../platform/i18n/locales.js';
import { parseTranslated, type Translated } from '../../platform/i18n/translated.js';
import { listObjectives } from '../../platform/reference/queries.js';
import { getBodyBySlug } from '../bodies/index.js';
import { isoDate } from '../../db/ids.js';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'reports.errors.date');
const opt = <T extends z.ZodType>(s: T) => z.preprocess((v) => (v === '' || v === undefined ? undefined : v), s.optional());

/** The scope as a form or a query gives it. */
export const ScopeInput = z
  .object({
    kind: z.enum(['mechanism', 'body', 'objective'], { message: 'reports.errors.kind' }).default('mechanism'),
    body: opt(z.string().regex(/^[a-z0-9-]{1,80}$/, 'reports.errors.body')),
    objective: opt(z.coerce.number().int().min(1, 'reports.errors.objective').max(23, 'reports.errors.objective')),
    period: z.enum(['year', 'custom']).default('year'),
    year: opt(z.coerce.number().int().min(2000, 'reports.errors.year').max(2100, 'reports.errors.year')),
    from: opt(day),
    to: opt(day),
  })
  .superRefine((v, ctx) => {
    if (v.kind === 'body' && !v.body) ctx.addIssue({ code: 'custom', path: ['body'], message: 'reports.errors.body' });
    if (v.kind === 'objective' && !v.objective) ctx.addIssue({ code: 'custom', path: ['objective'], message: 'reports.errors.objective' });
    if (v.period === 'custom') {
      if (!v.from || !validDay(v.from)) ctx.addIssue({ code: 'custom', path: ['from'], message: 'reports.errors.date' });
      if (!v.to || !validDay(v.to)) ctx.addIssue({ code: 'custom', path: ['to'], message: 'reports.errors.date' });
      if (v.from && v.to && v.from > v.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'reports.errors.order' });
    }
  });
export type ScopeInput = z.output<typeof ScopeInput>;

function validDay(s: string): boolean {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && isoDate(d) === s && s >= '2000-01-01' && s <= '2100-12-31';
}

const nextDay = (s: string) => isoDate(new Date(Date.parse(`${s}T00:00:00Z`) + 86400000));

/** A scope resolved against the data: the platform's ReportScope, the subject's names, and the query that makes it again. */
export interface ResolvedScope {
  scope: ReportScope;
  subject: Translated;
  bodySlug?: string;
}

/** The scope of the input, or null when its body does not exist (a 404). */
export async function resolveScope(db: Db, v: ScopeInput, now = new Date()): Promise<ResolvedScope | null> {
  const year = v.year ?? now.getUTCFullYear();
  const [from, to] = v.period === 'custom' && v.from && v.to ? [v.from, nextDay(v.to)] : [`${year}-01-01`, `${year + 1}-01-01`];
  if (v.kind === 'body') {
    const b = await getBodyBySlug(db, v.body ?? '');
    if (!b) return null;
    return { scope: { kind: 'body', bodyId: b.id, from, to }, subject: parseTranslated(b.name), bodySlug: b.slug };
  }
  if (v.kind === 'objective') {
    const n = v.objective!;
    const subject: Translated = {};
    for (const l of LOCALES) {
      const o = (await listObjectives(db, l)).find((x) => x.n === n);
      if (!o) return null;
      subject[l] = `${n}. ${o.short}`;
    }
    return { scope: { kind: 'objective', objective: n, from, to }, subject };
  }
  return { scope: { kind: 'mechanism', from, to }, subject: {} };
}

/** The query string that asks for this scope again (links to the PDF, the publish form's hidden fields). */
export function scopeQuery(r: ResolvedScope): Record<string, string> {
  const q: Record<string, string> = { kind: r.scope.kind };
  if (r.bodySlug) q.body = r.bodySlug;
  if (r.scope.objective) q.objective = String(r.scope.objective);
  const y = r.scope.from.slice(0, 4);
  if (r.scope.from === `${y}-01-01` && r.scope.to === `${Number(y) + 1}-01-01`) {
    q.period = 'year';
    q.year = y;
  } else {
    q.period = 'custom';
    q.from = r.scope.from;
    q.to = isoDate(new Date(Date.parse(`${r.scope.to}T00:00:00Z`) - 86400000));
  }
  return q;
}
