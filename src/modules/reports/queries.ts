/** @module Reports: reads and the one write (publishing an edition). */
import type { Db } from '../../db/schema.js';
import type { ReportScope } from '../../platform/module.js';
import { newId, nowIso } from '../../db/ids.js';
import { audit } from '../../platform/audit/audit.js';
import { ok, type Outcome } from '../../platform/outcome.js';
import type { Translated } from '../../platform/i18n/translated.js';
import type { ReportData } from './generate.js';
import type { ReportEditionsTable } from './tables.js';

/** A published edition: its frozen data, who published it and when. */
export interface Edition extends ReportData {
  id: string;
  editionDate: string;
  publishedAt: string;
  publishedBy: string | null;
}

function toEdition(r: ReportEditionsTable): Edition {
  const scope: ReportScope = { kind: r.scope_kind, from: r.period_from, to: r.period_to };
  if (r.body_id) scope.bodyId = r.body_id;
  if (r.objective_n !== null) scope.objective = Number(r.objective_n);
  return {
    id: r.id,
    scope,
    subject: JSON.parse(r.subject) as Translated,
    sections: JSON.parse(r.sections) as ReportData['sections'],
    editionDate: r.edition_date,
    publishedAt: r.published_at,
    publishedBy: r.published_by,
  };
}

export async function getEdition(db: Db, id: string): Promise<Edition | undefined> {
  const r = await db.selectFrom('report_editions').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toEdition(r) : undefined;
}

/** Published editions, newest first; optionally of one kind of scope or one body. */
export async function listEditions(db: Db, opts: { kind?: ReportScope['kind']; bodyId?: string; limit?: number } = {}): Promise<Edition[]> {
  let q = db.selectFrom('report_editions').selectAll();
  if (opts.kind) q = q.where('scope_kind', '=', opts.kind);
  if (opts.bodyId) q = q.where('body_id', '=', opts.bodyId);
  return (await q.orderBy('published_at', 'desc').orderBy('id', 'desc').limit(opts.limit ?? 200).execute()).map(toEdition);
}

/** Freezes a gathered report as an edition dated today, with its history entry. */
export async function publishEdition(db: Db, actorId: string, data: ReportData, now = new Date()): Promise<Outcome<{ id: string }>> {
  const id = newId();
  const at = now.toISOString();
  await db
    .insertInto('report_editions')
    .values({
      id,
      scope_kind: data.scope.kind,
      body_id: data.scope.bodyId ?? null,
      objective_n: data.scope.objective ?? null,
      period_from: data.scope.from,
      period_to: data.scope.to,
      subject: JSON.stringify(data.subject),
      sections: JSON.stringify(data.sections),
      edition_date: at.slice(0, 10),
      published_by: actorId,
      published_at: at || nowIso(),
    })
    .execute();
  await audit(db, { actorId, action: 'report.published', subjectType: 'report', subjectId: id, data: { from: data.scope.from, to: data.scope.to } });
  return ok({ id });
}
