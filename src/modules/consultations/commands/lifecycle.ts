/**
 * @module Consultations: designing (create, add and remove questions), opening, closing and reminding.
 * Plain functions (tx, actor, input) → Outcome inside a transaction opened by an action or a job. Every
 * state change is a conditional update (… WHERE status = 'draft'), so a second clock, or an organizer and
 * the clock at once, change it once; announcements are written with notify() in the same transaction.
 */
import type { Db } from '../../../db/schema.js';
import { newId, nowIso } from '../../../db/ids.js';
import { audit } from '../../../platform/audit/audit.js';
import { notify } from '../../../platform/notify/notify.js';
import type { I18n } from '../../../platform/i18n/i18n.js';
import { pickTranslated, stringifyTranslated, languagesOf, type Translated } from '../../../platform/i18n/translated.js';
import { DEFAULT_LOCALE, type Locale } from '../../../platform/i18n/locales.js';
import { ok, fail, type Outcome } from '../../../platform/outcome.js';
import { usersByIds } from '../../../platform/auth/users.js';
import { designatedVoters, listMemberOrganizations } from '../../membership/index.js';
import { bodyMemberOrganizations } from '../../bodies/index.js';
import { answeredBy, getConsultation, listQuestions, type Consultation } from '../queries.js';
import type { Audience, ResultsRelease } from '../tables.js';
import type { Question } from '../model.js';
import { paths } from '../paths.js';

export interface ConsultationsTx {
  db: Db;
  i18n: I18n;
  baseUrl: string;
}

export function consultationsTx(db: Db, deps: { i18n: I18n; config: { baseUrl: string } }): ConsultationsTx {
  return { db, i18n: deps.i18n, baseUrl: deps.config.baseUrl };
}

export interface ConsultationInput {
  bodyId: string;
  title: Translated;
  purpose: Translated;
  instructions: Translated;
  /** The language it is written in (default: the first language its title has). */
  originalLang?: Locale;
  audience: Audience;
  publishAnswers: boolean;
  /** When results are shown to everyone (default: when the organizers publish them). */
  resultsRelease?: ResultsRelease;
  opensAt: string | null;
  closesAt: string | null;
}

export async function createConsultation(db: Db, actorId: string, input: ConsultationInput, now = nowIso()): Promise<Outcome<{ id: string }>> {
  const id = newId();
  await db
    .insertInto('consultations')
    .values({
      id,
      body_id: input.bodyId,
      title: stringifyTranslated(input.title),
      purpose: stringifyTranslated(input.purpose),
      instructions: stringifyTranslated(input.instructions),
      original_lang: input.originalLang ?? languagesOf(input.title)[0] ?? DEFAULT_LOCALE,
      audience: input.audience,
      publish_answers: input.publishAnswers ? 1 : 0,
      results_release: input.resultsRelease ?? 'organizers',
      status: 'draft',
      opens_at: input.opensAt,
      closes_at: input.closesAt,
      opened_at: null,
      closed_at: null,
      reminded_at: null,
      answer_count: 0,
      created_by: actorId,
      created_at: now,
      updated_at: now,
    })
    .execute();
  await audit(db, { actorId, action: 'consultation.created', subjectType: 'consultation', subjectId: id, to: 'draft' });
  return ok({ id });
}

/** A new question: a stored `Question` less what the platform keeps (id, place); scale labels may be left out. */
export type QuestionInput = Omit<Question, 'id' | 'position' | 'lowLabel' | 'highLabel'> & { lowLabel: Translated | null; highLabel: Translated | null };

export interface TextsInput {
  title: Translated;
  purpose: Translated;
  instructions: Translated;
  originalLang?: Locale;
}

/**
 * Changes a consultation's texts and their translations (at any status: a translation can come after the opening,
 * a typo be corrected after the close). The history keeps which languages each text had before and after.
 */
export async function updateTexts(db: Db, actorId: string, consultationId: string, input: TextsInput, now = nowIso()): Promise<Outcome<{ id: string }>> {
  const k = await getConsultation(db, consultationId);
  if (!k) return fail('form.error.choice');
  const originalLang = input.originalLang ?? languagesOf(input.title)[0] ?? k.originalLang;
  await db
    .updateTable('consultations')
    .set({ title: stringifyTranslated(input.title), purpose: stringifyTranslated(input.purpose), instructions: stringifyTranslated(input.instructions), original_lang: originalLang, updated_at: now })
    .where('id', '=', consultationId)
    .execute();
  const langs = (v: string | Translated) => languagesOf(v).join(',');
  await audit(db, {
    actorId,
    action: 'consultation.textsChanged',
    subjectType: 'consultation',
    subjectId: consultationId,
    data: { originalLang, before: { title: langs(k.title), purpose: langs(k.purpose), instructions: langs(k.instructions) }, after: { title: langs(input.title), purpose: langs(input.purpose), instructions: langs(input.instructions) } },
  });
  return ok({ id: consultationId });
}

/** Adds a question at the end, while the consultation is a draft (the unique position refuses a race's twin). */
export async function addQuestion(db: Db, actorId: string, consultationId: string, q: QuestionInput): Promise<Outcome<{ id: string }>> {
  const k = await getConsultation(db, consultationId);
  if (!k || k.status !== 'draft') return fail('consultations.errors.notDraft');
  const existing = await listQuestions(db, consultationId);
  if (q.showIf && !existing.some((e) => e.id === q.showIf!.questionId)) return fail('consultations.errors.showIfEarlier', { field: 'show_if_question' });
  const id = newId();
  await db
    .insertInto('consultation_questions')
    .values({
      id,
      consultation_id: consultationId,
      position: existing.reduce((m, e) => Math.max(m, e.position), 0) + 1,
      kind: q.kind,
      required: q.required ? 1 : 0,
      prompt: stringifyTranslated(q.prompt),
      help: stringifyTranslated(q.help),
      source: q.source,
      items: JSON.stringify(q.customItems),
      min_n: q.minN,
      max_n: q.maxN,
      low_label: q.lowLabel ? stringifyTranslated(q.lowLabel) : null,
      high_label: q.highLabel ? stringifyTranslated(q.highLabel) : null,
      show_if_question: q.showIf?.questionId ?? null,
      show_if_value: q.showIf?.value ?? null,
    })
    .execute();
  await db.updateTable('consultations').set({ updated_at: nowIso() }).where('id', '=', consultationId).execute();
  await audit(db, { actorId, action: 'consultation.questionAdded', subjectType: 'consultation', subjectId: consultationId, data: { questionId: id, kind: q.kind } });
  return ok({ id });
}

/** Removes a question of a draft (and the conditions that pointed to it). */
export async function removeQuestion(db: Db, actorId: string, consultationId: string, questionId: string): Promise<Outcome<object>> {
  const k = await getConsultation(db, consultationId);
  if (!k || k.status !== 'draft') return fail('consultations.errors.notDraft');
  const r = await db.deleteFrom('consultation_questions').where('id', '=', questionId).where('consultation_id', '=', consultationId).executeTakeFirst();
  if (Number(r.numDeletedRows) !== 1) return fail('consultations.errors.noSuchQuestion');
  await db.updateTable('consultation_questions').set({ show_if_question: null, show_if_value: null }).where('show_if_question', '=', questionId).execute();
  await audit(db, { actorId, action: 'consultation.questionRemoved', subjectType: 'consultation', subjectId: consultationId, data: { questionId } });
  return ok({});
}

/** The organizations asked: every member organization, or the running body's. */
export async function audienceOrgs(db: Db, k: Pick<Consultation, 'audience' | 'bodyId'>): Promise<{ id: string; name: string }[]> {
  const orgs = k.audience === 'body' ? await bodyMemberOrganizations(db, k.bodyId) : await listMemberOrganizations(db);
  return orgs.map((o) => ({ id: o.id, name: o.name }));
}

type Announcement = 'opened' | 'reminder';
const ANNOUNCEMENTS = {
  opened: { kind: 'consultations.opened', subject: 'consultations.mail.opened.subject', body: 'consultations.mail.opened.body' },
  reminder: { kind: 'consultations.reminder', subject: 'consultations.mail.reminder.subject', body: 'consultations.mail.reminder.body' },
} as const satisfies Record<Announcement, { kind: string; subject: string; body: string }>;

/** Tells the designated people of the audience's organizations (those that have not answered, for a reminder). */
async function announce(tx: ConsultationsTx, event: Announcement, k: Consultation): Promise<number> {
  let orgIds = (await audienceOrgs(tx.db, k)).map((o) => o.id);
  if (event === 'reminder') {
    const done = await answeredBy(tx.db, k.id, orgIds);
    orgIds = orgIds.filter((id) => !done.has(id));
  }
  const users = await usersByIds(tx.db, (await designatedVoters(tx.db, orgIds)).values());
  const a = ANNOUNCEMENTS[event];
  await notify({ db: tx.db, i18n: tx.i18n }, users.map((u) => ({ userId: u.id, email: u.email, locale: u.locale })), a.kind, {
    subject: a.subject,
    body: a.body,
    params: (l) => ({
      title: pickTranslated(k.title, l)?.text ?? '',
      closes: k.closesAt ? k.closesAt.slice(0, 10) : '—',
      url: paths.answer.url(tx.baseUrl, l, { id: k.id }),
    }),
  });
  return users.length;
}

/** draft → open (by an organizer or the clock, actorId null). Refused without questions. */
export async function openConsultation(tx: ConsultationsTx, actorId: string | null, id: string, now = nowIso()): Promise<Outcome<object>> {
  if (!(await listQuestions(tx.db, id)).length) return fail('consultations.errors.noQuestions');
  const r = await tx.db.updateTable('consultations').set({ status: 'open', opened_at: now, updated_at: now }).where('id', '=', id).where('status', '=', 'draft').executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) return fail('consultations.errors.notDraft');
  await audit(tx.db, { actorId, action: 'consultation.opened', subjectType: 'consultation', subjectId: id, from: 'draft', to: 'open' });
  await announce(tx, 'opened', (await getConsultation(tx.db, id))!);
  return ok({});
}

/**
 * open → closed (by an organizer or the clock). Answers are no longer taken; drafts never submitted are dropped.
 * The results become public now when the consultation says "at the close" or showed them live; otherwise they
 * wait for the organizers (publishResults).
 */
export async function closeConsultation(tx: ConsultationsTx, actorId: string | null, id: string, now = nowIso()): Promise<Outcome<object>> {
  const k = await getConsultation(tx.db, id);
  const publish = !!k && k.resultsRelease !== 'organizers';
  const r = await tx.db
    .updateTable('consultations')
    .set({ status: 'closed', closed_at: now, updated_at: now, ...(publish ? { results_published_at: now } : {}) })
    .where('id', '=', id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) return fail('consultations.errors.notOpen');
  await tx.db.deleteFrom('consultation_drafts').where('consultation_id', '=', id).execute();
  await audit(tx.db, { actorId, action: 'consultation.closed', subjectType: 'consultation', subjectId: id, from: 'open', to: 'closed' });
  return ok({});
}

/** Makes a closed consultation's results public (once: a second press, or a race's twin, is refused). */
export async function publishResults(db: Db, actorId: string, id: string, now = nowIso()): Promise<Outcome<object>> {
  const r = await db.updateTable('consultations').set({ results_published_at: now, updated_at: now }).where('id', '=', id).where('status', '=', 'closed').where('results_published_at', 'is', null).executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) return fail('consultations.errors.alreadyPublished');
  await audit(db, { actorId, action: 'consultation.resultsPublished', subjectType: 'consultation', subjectId: id });
  return ok({});
}

/** Reminds the organizations that have not answered, once per consultation (conditional on reminded_at). */
export async function remind(tx: ConsultationsTx, id: string, now = nowIso()): Promise<Outcome<{ reminded: number }>> {
  const r = await tx.db.updateTable('consultations').set({ reminded_at: now }).where('id', '=', id).where('status', '=', 'open').where('reminded_at', 'is', null).executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) return fail('consultations.errors.notOpen');
  const n = await announce(tx, 'reminder', (await getConsultation(tx.db, id))!);
  await audit(tx.db, { actorId: null, action: 'consultation.reminded', subjectType: 'consultation', subjectId: id, data: { people: n } });
  return ok({ reminded: n });
}
