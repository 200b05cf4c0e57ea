/** @module Consultations: what the routes share — loading a consultation with the facts the policy needs (reads only). */
import type { Context } from 'hono';
import type { Db } from '../../db/schema.js';
import type { AppEnv, CurrentUser } from '../../platform/http/env.js';
import type { FormState } from '../../platform/views/components.js';
import { organizationsOfUser } from '../membership/index.js';
import { getBodyById, bodyFacts, bodyMemberOrgIds, listBodies, secretaryBodyIds, keptReaderFacts, factsOfBody, NO_FACTS, type BodyRow } from '../bodies/index.js';
import { isAdmin } from '../../platform/authz/authz.js';
import { usersByIds } from '../../platform/auth/users.js';
import { getConsultation, listQuestions, resolveQuestions, answerOf, type Consultation } from './queries.js';
import type { ConsultationFacts } from './policy.js';
import { paths } from './paths.js';
import { ConsultationFormPage, TextsFormPage, QuestionFormPage } from './views/form.js';
import { AnswerPage } from './views/answer.js';

/** The organizations a person answers for in a consultation: those in its audience they represent. */
async function answerOrgsOf(c: Context<AppEnv>, user: CurrentUser, k: Consultation) {
  const { db } = c.get('deps');
  const mine = (await organizationsOfUser(db, user.id)).filter((o) => o.status === 'member' && (o.isRepresentative || o.isVoter));
  if (!mine.length) return [];
  const inBody = k.audience === 'body' ? new Set(await bodyMemberOrgIds(db, k.bodyId)) : null;
  return mine.filter((o) => !inBody || inBody.has(o.id)).map((o) => ({ id: o.id, name: o.name }));
}

/** A consultation, its body and the facts about the reader; null when it does not exist (404). */
export async function loadConsultation(c: Context<AppEnv>, user: CurrentUser | null) {
  const { db } = c.get('deps');
  const k = await getConsultation(db, c.req.param('id') ?? '');
  if (!k) return null;
  const body = (await getBodyById(db, k.bodyId))!;
  const f: ConsultationFacts = user ? { body: await bodyFacts(db, user.id, k.bodyId), answerOrgs: await answerOrgsOf(c, user, k) } : { body: await bodyFacts(db, null, k.bodyId), answerOrgs: [] };
  return { k, body, f };
}
export type Loaded = NonNullable<Awaited<ReturnType<typeof loadConsultation>>>;

/**
 * `loadConsultation` for a page (reads only): the consultation and its body kept as page-cache fragments, the
 * reader's facts from their kept ones (bodies' `keptReaderFacts`) and the organizations they answer for kept under
 * their id — all emptied by every write, on every instance (an answer, and the jobs that open and close a
 * consultation, are writes: the answers-version that decides what is counted is never older than the last write).
 * A form post decides on facts read afresh (`loadConsultation`).
 */
export async function loadConsultationPage(c: Context<AppEnv>, user: CurrentUser | null): Promise<Loaded | null> {
  const { db, cache } = c.get('deps');
  const id = c.req.param('id') ?? '';
  const k = await cache.fragment(`consultations.k:${id}`, () => getConsultation(db, id));
  if (!k) return null;
  const [body, facts, answerOrgs] = await Promise.all([
    cache.fragment(`consultations.body:${k.bodyId}`, async () => (await getBodyById(db, k.bodyId))!),
    user ? keptReaderFacts(cache, db, user.id) : null,
    user ? cache.fragment(`consultations.answerOrgs:${user.id}:${k.id}`, () => answerOrgsOf(c, user, k)) : [],
  ]);
  return { k, body, f: { body: facts ? factsOfBody(facts, k.bodyId) : NO_FACTS, answerOrgs } };
}

/** The bodies a person may run a consultation for: all for administrators, their own for secretaries. */
export async function bodiesRunBy(c: Context<AppEnv>, user: CurrentUser): Promise<{ bodies: BodyRow[]; secretaryOf: string[] }> {
  const { db } = c.get('deps');
  const all = await listBodies(db);
  const secretaryOf = await secretaryBodyIds(db, user.id);
  return { bodies: isAdmin(user) ? all : all.filter((b) => secretaryOf.includes(b.id)), secretaryOf };
}

/** The questions with their items in the reader's language (`db`: the action's transaction, inside one). */
export async function resolved(c: Context<AppEnv>, k: Consultation, db: Db = c.get('deps').db) {
  return resolveQuestions(db, await listQuestions(db, k.id), c.get('locale'));
}

export const backToConsultation = ({ subject, locale }: { subject: { k: Consultation }; locale: AppEnv['Variables']['locale'] }) => paths.consultation.href(locale, { id: subject.k.id });

export function renderConsultationForm(c: Context<AppEnv>, bodies: BodyRow[], form: FormState) {
  const title = c.get('t')('consultations.create.title');
  return c.render(<ConsultationFormPage title={title} action={paths.create.href(c.get('locale'))} bodies={bodies} form={form} />, { title, noindex: true });
}

export function renderTextsForm(c: Context<AppEnv>, x: Loaded, form: FormState) {
  const locale = c.get('locale');
  return c.render(<TextsFormPage k={x.k} action={paths.texts.href(locale, { id: x.k.id })} cancel={paths.consultation.href(locale, { id: x.k.id })} form={form} />, { title: c.get('t')('consultations.texts.title'), noindex: true });
}

export async function renderQuestionForm(c: Context<AppEnv>, x: Loaded, form: FormState) {
  return c.render(<QuestionFormPage k={x.k} action={paths.addQuestion.href(c.get('locale'), { id: x.k.id })} earlier={await resolved(c, x.k)} form={form} />, { title: c.get('t')('consultations.question.title'), noindex: true });
}

/** `draftAt`: the time of the saved draft the form shows (restored on opening, or just kept after a refusal). */
export async function renderAnswer(c: Context<AppEnv>, x: Loaded, form: FormState, orgId?: string, draftAt?: string) {
  const { db } = c.get('deps');
  const org = orgId ?? x.f.answerOrgs[0]?.id;
  const current = org ? await answerOf(db, x.k.id, org) : undefined;
  const who = current ? (await usersByIds(db, [current.submittedBy]))[0]?.name : undefined;
  return c.render(<AnswerPage k={x.k} questions={await resolved(c, x.k)} orgs={x.f.answerOrgs} current={current} submittedByName={who} form={form} draftAt={draftAt} />, {
    title: c.get('t')('consultations.answer.titleShort'),
    noindex: true,
  });
}
