/** @module Practices: reads. */
import type { Db } from '../../db/schema.js';
import { parseTranslated } from '../../platform/i18n/translated.js';
import { LOCALES, type Locale } from '../../platform/i18n/locales.js';
import type { PracticeStatus } from './tables.js';
import { TEXT_FIELDS, parseList, type TextField } from './model.js';
import type { PracticeInput } from './schemas.js';
import { searchPractices } from './search.js';
import { historyOf, type HistoryItem } from '../../platform/audit/audit.js';

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

/** What a practice's card in a list shows (`PracticeItem`). */
export type PracticeCard = Pick<Practice, 'id' | 'status' | 'originalLang' | 'objectives' | 'countries'> & { texts: Pick<Practice['texts'], 'title' | 'summary'> };

/** Practices' cards by id, in the order given: only the columns a card shows (a practice's other texts are most of its row). */
export async function practiceCards(db: Db, ids: string[]): Promise<PracticeCard[]> {
  if (!ids.length) return [];
  const rows = await db.selectFrom('practices').select(['id', 'status', 'original_lang', 'title', 'summary', 'objectives', 'countries']).where('id', 'in', ids).execute();
  const by = new Map(
    rows.map((r): [string, PracticeCard] => [
      r.id,
      {
        id: r.id,
        status: r.status as Practice['status'],
        originalLang: r.original_lang as Locale,
        texts: { title: parseTranslated(r.title), summary: parseTranslated(r.summary) },
        objectives: parseList<number>(r.objectives),
        countries: parseList(r.countries),
      },
    ]),
  );
  return ids.map((id) => by.get(id)).filter((p): p is PracticeCard => !!p);
}

/** A page of a list, with where it stands. */
export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pages: number;
}

/** How many practices a page of a list (the member's own, the review queue) holds. */
export const PAGE_SIZE = 50;

/** The page asked for, within 1…pages. */
const clampPage = (page: number | undefined, pages: number) => Math.min(Math.max(1, Math.floor(page ?? 1) || 1), pages);

/** A page of the practices someone created or that their organizations document, newest change first. */
export async function practicesOf(db: Db, userId: string, orgIds: string[], page?: number): Promise<Paged<Practice>> {
  let q = db.selectFrom('practices');
  q = orgIds.length ? q.where((eb) => eb.or([eb('created_by', '=', userId), eb('org_id', 'in', orgIds)])) : q.where('created_by', '=', userId);
  const total = Number((await q.select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const p = clampPage(page, pages);
  const rows = await q.selectAll().orderBy('updated_at', 'desc').orderBy('id', 'asc').limit(PAGE_SIZE).offset((p - 1) * PAGE_SIZE).execute();
  return { items: rows.map(toPractice), total, page: p, pages };
}

/** How many practices a page of the review queue holds. */
export const QUEUE_PAGE_SIZE = PAGE_SIZE;

/**
 * One page of the practices waiting for review (submitted or in review), oldest first. `objectives`
 * limits it to practices on any of those objectives (a secretary's Mesas); undefined means every practice
 * (administrators). Filtered and counted in SQL, so nothing beyond a page is ever dropped.
 */
export async function reviewQueue(db: Db, opts: { objectives?: number[]; page?: number; perPage?: number } = {}): Promise<Paged<Practice>> {
  const perPage = opts.perPage ?? QUEUE_PAGE_SIZE;
  const objectives = opts.objectives?.map(String);
  if (objectives && !objectives.length) return { items: [], total: 0, page: 1, pages: 1 };
  let base = db.selectFrom('practices').where('status', 'in', ['submitted', 'in_review']);
  if (objectives)
    base = base.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('practice_terms')
          .select('practice_terms.practice_id')
          .whereRef('practice_terms.practice_id', '=', 'practices.id')
          .where('practice_terms.facet', '=', 'objective')
          .where('practice_terms.value', 'in', objectives),
      ),
    );
  const { n } = await base.select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const total = Number(n);
  const pages = Math.max(1, Math.ceil(total / perPage));
  const page = clampPage(opts.page, pages);
  const rows = await base
    .selectAll('practices')
    .orderBy('submitted_at', 'asc')
    .orderBy('id', 'asc')
    .limit(perPage)
    .offset((page - 1) * perPage)
    .execute();
  return { items: rows.map(toPractice), total, page, pages };
}

/** The workflow's steps and comments as the practice page shows them (edits and files are in the history too, not shown there). */
export const WORKFLOW_EVENTS = ['practice.create', 'practice.submit', 'practice.start_review', 'practice.request_changes', 'practice.approve', 'practice.comment', 'practice.unpublish'];

/** A practice's workflow history, oldest first, from the platform's one history. */
export async function practiceHistory(db: Db, id: string): Promise<HistoryItem[]> {
  return (await historyOf(db, 'practice', id)).filter((h) => WORKFLOW_EVENTS.includes(h.action));
}

export async function attachmentsOf(db: Db, id: string) {
  return db.selectFrom('practice_attachments').selectAll().where('practice_id', '=', id).orderBy('created_at').execute();
}

/** One attachment of a practice (undefined when it is not one of this practice's). */
export async function attachmentOf(db: Db, practiceId: string, attachmentId: string) {
  return db.selectFrom('practice_attachments').selectAll().where('id', '=', attachmentId).where('practice_id', '=', practiceId).executeTakeFirst();
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
