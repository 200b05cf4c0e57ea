/** @module Consultations: reads (never writes — the clock is jobs.ts's). */
import { sql, type Selectable } from 'kysely';
import type { Db, Dialect } from '../../db/schema.js';
import { LOCALES, DEFAULT_LOCALE, type Locale } from '../../platform/i18n/locales.js';
import { parseTranslated, pickTranslated } from '../../platform/i18n/translated.js';
import { listObjectives, listPrinciples, listCountries } from '../../platform/reference/queries.js';
import type { Answers, Question, Resolved } from './model.js';
import { resultCounter, type QuestionResult } from './results.js';
import { dialectOf } from '../../db/migrator.js';
import type { ConsultationsTable, ConsultationQuestionsTable, Audience, ConsultationStatus, ResultsRelease } from './tables.js';

export interface Consultation {
  id: string;
  bodyId: string;
  title: string;
  purpose: string;
  instructions: string;
  /** The language it was written in: the others are its translations (translation.ts). */
  originalLang: Locale;
  audience: Audience;
  publishAnswers: boolean;
  resultsRelease: ResultsRelease;
  resultsPublishedAt: string | null;
  status: ConsultationStatus;
  opensAt: string | null;
  closesAt: string | null;
  openedAt: string | null;
  closedAt: string | null;
  answerCount: number;
  createdAt: string;
}

export const toConsultation = (r: Selectable<ConsultationsTable>): Consultation => ({
  id: r.id,
  bodyId: r.body_id,
  title: r.title,
  purpose: r.purpose,
  instructions: r.instructions,
  originalLang: (LOCALES as readonly string[]).includes(r.original_lang) ? (r.original_lang as Locale) : DEFAULT_LOCALE,
  audience: r.audience,
  publishAnswers: !!r.publish_answers,
  resultsRelease: r.results_release,
  resultsPublishedAt: r.results_published_at,
  status: r.status,
  opensAt: r.opens_at,
  closesAt: r.closes_at,
  openedAt: r.opened_at,
  closedAt: r.closed_at,
  answerCount: Number(r.answer_count),
  createdAt: r.created_at,
});

export async function getConsultation(db: Db, id: string): Promise<Consultation | undefined> {
  const r = await db.selectFrom('consultations').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toConsultation(r) : undefined;
}

/** Every consultation (or one body's), newest first. */
export async function listConsultations(db: Db, opts: { bodyId?: string } = {}): Promise<Consultation[]> {
  let q = db.selectFrom('consultations').selectAll().orderBy('created_at', 'desc').orderBy('id');
  if (opts.bodyId) q = q.where('body_id', '=', opts.bodyId);
  return (await q.execute()).map(toConsultation);
}

const toQuestion = (r: ConsultationQuestionsTable): Question => ({
  id: r.id,
  position: Number(r.position),
  kind: r.kind,
  required: !!r.required,
  prompt: parseTranslated(r.prompt),
  help: parseTranslated(r.help),
  source: r.source,
  customItems: JSON.parse(r.items) as Question['customItems'],
  minN: r.min_n === null ? null : Number(r.min_n),
  maxN: r.max_n === null ? null : Number(r.max_n),
  lowLabel: parseTranslated(r.low_label),
  highLabel: parseTranslated(r.high_label),
  showIf: r.show_if_question && r.show_if_value ? { questionId: r.show_if_question, value: r.show_if_value } : null,
});

export async function listQuestions(db: Db, consultationId: string): Promise<Question[]> {
  return (await db.selectFrom('consultation_questions').selectAll().where('consultation_id', '=', consultationId).orderBy('position').execute()).map(toQuestion);
}

/** The questions with their items in a language: reference items from the platform's reference tables. */
export async function resolveQuestions(db: Db, questions: Question[], locale: Locale): Promise<Resolved[]> {
  const out: Resolved[] = [];
  for (const q of questions) {
    let items: Resolved['items'] = [];
    if (q.source === 'objectives') items = (await listObjectives(db, locale)).map((o) => ({ key: String(o.n), label: `${o.n}. ${o.short}` }));
    else if (q.source === 'principles') items = (await listPrinciples(db, locale)).map((p) => ({ key: p.key, label: p.name }));
    else if (q.source === 'countries') items = (await listCountries(db, locale)).filter((c) => c.lac).map((c) => ({ key: c.alpha2, label: c.name }));
    else if (q.source === 'custom') items = q.customItems.map((i) => ({ key: i.key, label: pickTranslated(i.label, locale)?.text ?? i.key }));
    out.push({ ...q, items });
  }
  return out;
}

export interface StoredAnswer {
  respondent: string;
  answers: Answers;
  submittedBy: string;
  version: number;
  submittedAt: string;
}

export async function answerOf(db: Db, consultationId: string, respondent: string): Promise<StoredAnswer | undefined> {
  const r = await db.selectFrom('consultation_answers').selectAll().where('consultation_id', '=', consultationId).where('respondent', '=', respondent).executeTakeFirst();
  return r ? { respondent: r.respondent, answers: JSON.parse(r.answers) as Answers, submittedBy: r.submitted_by, version: Number(r.version), submittedAt: r.submitted_at } : undefined;
}

/** Every answer, in a stable order (the counts do not depend on it). */
export async function allAnswers(db: Db, consultationId: string): Promise<StoredAnswer[]> {
  const rows = await db.selectFrom('consultation_answers').selectAll().where('consultation_id', '=', consultationId).orderBy('respondent').execute();
  return rows.map((r) => ({ respondent: r.respondent, answers: JSON.parse(r.answers) as Answers, submittedBy: r.submitted_by, version: Number(r.version), submittedAt: r.submitted_at }));
}

/** The organizations that answered (ids; the persons who answered an open-link consultation are not organizations). */
export async function orgRespondents(db: Db, consultationId: string): Promise<string[]> {
  const rows = await db.selectFrom('consultation_answers').select('respondent').where('consultation_id', '=', consultationId).where('respondent', 'not like', 'email:%').orderBy('respondent').execute();
  return rows.map((r) => r.respondent);
}

/** Which of these organizations have answered. */
export async function answeredBy(db: Db, consultationId: string, orgIds: string[]): Promise<Set<string>> {
  if (!orgIds.length) return new Set();
  const rows = await db.selectFrom('consultation_answers').select('respondent').where('consultation_id', '=', consultationId).where('respondent', 'in', orgIds).execute();
  return new Set(rows.map((r) => r.respondent));
}

/** Open consultations whose closing time has passed, drafts whose opening time has come, open ones to remind. */
export async function consultationsDue(db: Db, now: string, remindBefore: string) {
  const toOpen = await db.selectFrom('consultations').select('id').where('status', '=', 'draft').where('opens_at', 'is not', null).where('opens_at', '<=', now).execute();
  const toClose = await db.selectFrom('consultations').select('id').where('status', '=', 'open').where('closes_at', 'is not', null).where('closes_at', '<=', now).execute();
  const toRemind = await db
    .selectFrom('consultations')
    .select('id')
    .where('status', '=', 'open')
    .where('reminded_at', 'is', null)
    .where('closes_at', 'is not', null)
    .where('closes_at', '>', now)
    .where('closes_at', '<=', remindBefore)
    .execute();
  return { toOpen: toOpen.map((r) => r.id), toClose: toClose.map((r) => r.id), toRemind: toRemind.map((r) => r.id) };
}

/** An answer as an export writes it. */
export interface ExportedAnswer {
  respondent: string;
  answers: Answers;
  version: number;
  submittedAt: string;
}

/**
 * A consultation's answers in batches, keyset on the respondent (the primary key's second column, so each batch is one
 * index range): a reader of any size holds one batch at a time. `page` reads the batch after a respondent.
 */
async function* byRespondent<R extends { respondent: string }>(page: (after: string) => Promise<R[]>, size: number): AsyncGenerator<R[]> {
  let after = '';
  for (;;) {
    const rows = await page(after);
    if (!rows.length) return;
    yield rows;
    if (rows.length < size) return;
    after = rows[rows.length - 1]!.respondent;
  }
}

/** Every answer in batches, with only the columns an export writes. */
export async function* answerBatches(db: Db, consultationId: string, size = 2000): AsyncGenerator<ExportedAnswer[]> {
  const page = (after: string) =>
    db
      .selectFrom('consultation_answers')
      .select(['respondent', 'answers', 'version', 'submitted_at'])
      .where('consultation_id', '=', consultationId)
      .where('respondent', '>', after)
      .orderBy('respondent')
      .limit(size)
      .execute();
  for await (const rows of byRespondent(page, size)) {
    yield rows.map((r) => ({ respondent: r.respondent, answers: JSON.parse(r.answers) as Answers, version: Number(r.version), submittedAt: r.submitted_at }));
  }
}

/**
 * Every answer in batches, each with only the values of the given questions, extracted by the database (SQLite
 * `answers -> '$."<id>"'`, PostgreSQL `answers::json -> '<id>'`, both as JSON text; the ids are bound parameters): what
 * a count of a few questions reads, never every answer's whole JSON. A question the respondent did not answer is
 * absent from `answers`, as it is in the stored answer.
 */
export async function* answerValueBatches(db: Db, dialect: Dialect, consultationId: string, questionIds: string[], size = 5000): AsyncGenerator<{ respondent: string; answers: Answers }[]> {
  const ids = [...new Set(questionIds)];
  const value = (id: string) => (dialect === 'postgres' ? sql<string | null>`(answers::json -> ${id}::text)::text` : sql<string | null>`answers -> ${`$."${id}"`}`);
  const page = async (after: string) =>
    (await db
      .selectFrom('consultation_answers')
      .select('respondent')
      .select(ids.map((id, i) => value(id).as(`v${i}`)))
      .where('consultation_id', '=', consultationId)
      .where('respondent', '>', after)
      .orderBy('respondent')
      .limit(size)
      .execute()) as unknown as (Record<string, string | null> & { respondent: string })[];
  for await (const rows of byRespondent(page, size)) {
    yield rows.map((r) => {
      const answers: Answers = {};
      ids.forEach((id, i) => {
        const v = r[`v${i}`];
        if (v !== null && v !== undefined) answers[id] = JSON.parse(v) as Answers[string];
      });
      return { respondent: r.respondent, answers };
    });
  }
}

/**
 * Counts a few questions of a consultation (`resultCounter` over `answerValueBatches`): only their values and those
 * their conditions (show-if) read, a batch at a time — never every answer's whole JSON, never every answer at once.
 */
export async function countQuestions(db: Db, consultationId: string, questions: Resolved[], opts: { pairwise?: boolean } = {}): Promise<Map<string, QuestionResult>> {
  const counter = resultCounter(questions, opts);
  const read = questions.flatMap((x) => (x.showIf ? [x.id, x.showIf.questionId] : [x.id]));
  for await (const batch of answerValueBatches(db, dialectOf(db), consultationId, read)) counter.add(batch);
  return counter.results();
}

/** Whether everyone may see the results now: published, or shown live while it is open. */
export const resultsPublic = (k: Pick<Consultation, 'status' | 'resultsRelease' | 'resultsPublishedAt'>) =>
  (k.status === 'closed' && !!k.resultsPublishedAt) || (k.status === 'open' && k.resultsRelease === 'live');

/** A respondent's saved draft (what was typed, as form values), or undefined. */
export async function draftOf(db: Db, consultationId: string, respondent: string): Promise<{ values: Record<string, string | string[]>; savedAt: string } | undefined> {
  const r = await db.selectFrom('consultation_drafts').select(['answers', 'saved_at']).where('consultation_id', '=', consultationId).where('respondent', '=', respondent).executeTakeFirst();
  return r ? { values: JSON.parse(r.answers) as Record<string, string | string[]>, savedAt: r.saved_at } : undefined;
}
