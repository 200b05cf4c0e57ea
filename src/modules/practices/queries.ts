/** @module Practices: reads. */
import type { Db } from '../../db/schema.js';
import { parseTranslated } from '../../platform/i18n/translated.js';
import { LOCALES, type Locale } from '../../platform/i18n/locales.js';
import type { PracticeStatus } from './tables.js';
import { TEXT_FIELDS, parseList, type TextField } from './model.js';
import type { PracticeInput } from './schemas.js';
import { searchPractices } from './search.js';

export interface Practice extends PracticeInput {
  id: string;
  seq: number | null;
  status: PracticeStatus;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  publishedAt: string | null;
  /** Languages with a title. */
  languages: Locale[];
}

export function toPractice(r: any): Practice {
  const texts = Object.fromEntries(TEXT_FIELDS.map((f) => [f, parseTranslated(r[f])])) as Practice['texts'];
  return {
    id: r.id,
    seq: r.seq,
    status: r.status,
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    submittedAt: r.submitted_at,
    publishedAt: r.published_at,
    orgId: r.org_id,
    originalLang: r.original_lang,
    texts,
    implementers: r.implementers,
    partners: r.partners,
    scope: r.scope,
    startDate: r.start_date,
    endDate: r.end_date,
    resourceType: r.resource_type,
    links: parseList(r.links),
    contactName: r.contact_name,
    contactEmail: r.contact_email,
    objectives: parseList<number>(r.objectives),
    principles: parseList(r.principles),
    countries: parseList(r.countries),
    languages: LOCALES.filter((l) => !!texts.title[l]),
  };
}

/**
 * Translation status per language: 'original', 'complete' (every part written in the original is
 * written in it too), 'partial', or absent.
 */
export function translationStatus(p: Pick<Practice, 'texts' | 'originalLang'>): Partial<Record<Locale, 'original' | 'complete' | 'partial'>> {
  const out: Partial<Record<Locale, 'original' | 'complete' | 'partial'>> = {};
  const parts = TEXT_FIELDS.filter((f) => p.texts[f][p.originalLang]);
  for (const l of LOCALES) {
    if (l === p.originalLang) {
      out[l] = 'original';
      continue;
    }
    const have = TEXT_FIELDS.filter((f) => p.texts[f][l]);
    if (!have.length) continue;
    out[l] = parts.every((f) => p.texts[f][l]) ? 'complete' : 'partial';
  }
  return out;
}

export async function getPractice(db: Db, id: string): Promise<Practice | undefined> {
  const r = await db.selectFrom('practices').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toPractice(r) : undefined;
}

/** Practices by id, in the order given. */
export async function practicesByIds(db: Db, ids: string[]): Promise<Practice[]> {
  if (!ids.length) return [];
  const rows = await db.selectFrom('practices').selectAll().where('id', 'in', ids).execute();
  const by = new Map(rows.map((r) => [r.id, toPractice(r)]));
  return ids.map((id) => by.get(id)).filter((p): p is Practice => !!p);
}

/** Practices someone created or that their organizations document, newest change first. */
export async function practicesOf(db: Db, userId: string, orgIds: string[]): Promise<Practice[]> {
  let q = db.selectFrom('practices').selectAll();
  q = orgIds.length ? q.where((eb) => eb.or([eb('created_by', '=', userId), eb('org_id', 'in', orgIds)])) : q.where('created_by', '=', userId);
  return (await q.orderBy('updated_at', 'desc').limit(500).execute()).map(toPractice);
}

/** Practices waiting for review (submitted or in review), oldest first; optionally only some objectives. */
export async function reviewQueue(db: Db, onlyObjectives?: number[]): Promise<Practice[]> {
  const rows = (await db.selectFrom('practices').selectAll().where('status', 'in', ['submitted', 'in_review']).orderBy('submitted_at', 'asc').limit(500).execute()).map(
    toPractice,
  );
  return onlyObjectives ? rows.filter((p) => p.objectives.some((n) => onlyObjectives.includes(n))) : rows;
}

export async function practiceEvents(db: Db, id: string) {
  return db
    .selectFrom('practice_events')
    .leftJoin('users', 'users.id', 'practice_events.actor_id')
    .select([
      'practice_events.id',
      'practice_events.at',
      'practice_events.action',
      'practice_events.from_status',
      'practice_events.to_status',
      'practice_events.comment',
      'users.name as actor_name',
    ])
    .where('practice_events.practice_id', '=', id)
    .orderBy('practice_events.at', 'asc')
    .execute();
}

export async function attachmentsOf(db: Db, id: string) {
  return db.selectFrom('practice_attachments').selectAll().where('practice_id', '=', id).orderBy('created_at').execute();
}

/** Published practices sharing objectives with this one (most shared first, then newest). */
export async function relatedPractices(db: Db, p: Practice, limit = 4): Promise<Practice[]> {
  if (!p.objectives.length) return [];
  const r = await searchPractices(db, { objective: p.objectives.map(String), perPage: 40 });
  const others = (await practicesByIds(db, r.ids)).filter((x) => x.id !== p.id);
  return others
    .map((x) => ({ x, shared: x.objectives.filter((n) => p.objectives.includes(n)).length + x.principles.filter((k) => p.principles.includes(k)).length / 10 }))
    .sort((a, b) => b.shared - a.shared)
    .slice(0, limit)
    .map((o) => o.x);
}

export async function latestPublished(db: Db, limit = 5, objective?: number): Promise<{ total: number; items: Practice[] }> {
  const r = await searchPractices(db, { objective: objective ? [String(objective)] : undefined, perPage: limit, sort: 'newest' });
  return { total: r.total, items: await practicesByIds(db, r.ids) };
}

export async function allPractices(db: Db, status?: PracticeStatus): Promise<Practice[]> {
  let q = db.selectFrom('practices').selectAll();
  if (status) q = q.where('status', '=', status);
  return (await q.orderBy('created_at').execute()).map(toPractice);
}

export type { TextField };
