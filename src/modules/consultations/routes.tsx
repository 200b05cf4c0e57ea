/**
 * @module Consultations: pages and form posts. GET: load (404) → the policy's named rule (401/403) → a view.
 * POST: `action()` (sign-in → load → rule → zod input → command in one transaction → redirect with a flash).
 * No request moves the clock: jobs.ts opens, closes and reminds on time.
 */
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../platform/http/env.js';
import { action } from '../../platform/http/action.js';
import { readForm, validate } from '../../platform/http/forms.js';
import { authorize, requireUser } from '../../platform/authz/authz.js';
import { historyOf } from '../../platform/audit/audit.js';
import { readHistory } from '../../platform/audit/read.js';
import { fail } from '../../platform/outcome.js';
import { toCsv, csvLine } from '../../platform/http/csv.js';
import { emptyForm } from '../../platform/views/components.js';
import { pickTranslated, parseTranslated } from '../../platform/i18n/translated.js';
import { getOrganizations } from '../membership/index.js';
import { getBodyBySlug, bodyFacts, listBodies, bodyMemberOrgIds } from '../bodies/index.js';
import { countryNames } from '../../platform/reference/queries.js';
import { parseBreakdown, inGroup, MIN_GROUP, SUB_REGIONS } from './breakdown.js';
import { consultationsPolicy } from './policy.js';
import { listConsultations, allAnswers, answeredBy, answerOf, answerBatches, draftOf, orgRespondents } from './queries.js';
import { keptCount, keptAnswers, versionOf } from './memo.js';
import { createConsultation, updateTexts, addQuestion, removeQuestion, openConsultation, closeConsultation, publishResults, consultationsTx } from './commands/lifecycle.js';
import { submitAnswer, saveDraft, submitPersonAnswer, confirmPersonAnswer, pendingOf } from './commands/answer.js';
import { prioritizeObjectives } from './commands/prioritize.js';
import { paths as bodiesPaths } from '../bodies/index.js';
import { ConsultationForm, consultationInput, TextsForm, textsInput, QuestionForm, questionInput, AnswerForm, PersonForm, PrioritizeForm } from './schemas.js';
import { readAnswers, valuesOf, fieldOf } from './model.js';
import { countResults } from './results.js';
import { paths } from './paths.js';
import { loadConsultation, loadConsultationPage, bodiesRunBy, resolved, backToConsultation, renderConsultationForm, renderTextsForm, renderQuestionForm, renderAnswer } from './pages.js';
import { ConsultationsListPage } from './views/list.js';
import { ConsultationPage } from './views/consultation.js';
import { ResultsPage, QuestionResultView, groupNotesHtml } from './views/results.js';
import { renderPublic, keptBytes, keptTemplate } from '../../platform/views/fragment.js';
import { keptSelect } from '../../platform/views/kept-select.js';
import type { HtmlEscapedString } from 'hono/utils/html';
import { ConfirmAnswerPage } from './views/answer.js';

export const consultationsRoutes = new Hono<AppEnv>({ strict: false });
const bodyPage = bodiesPaths.body;

consultationsRoutes.get(paths.list.pattern, async (c) => {
  const user = c.get('user');
  const { db } = c.get('deps');
  const bodies = await listBodies(db);
  const all = await listConsultations(db);
  const run = user ? await bodiesRunBy(c, user) : null;
  const mayDesign = (bodyId: string) => !!run && run.bodies.some((b) => b.id === bodyId);
  if (!user) c.set('cacheable', true);
  return c.render(
    <ConsultationsListPage
      open={all.filter((k) => k.status === 'open')}
      closed={all.filter((k) => k.status === 'closed')}
      drafts={all.filter((k) => k.status === 'draft' && mayDesign(k.bodyId))}
      bodies={new Map(bodies.map((b) => [b.id, b]))}
      canCreate={!!run && consultationsPolicy.can(user, 'createAny', run.secretaryOf)}
    />,
    { title: c.get('t')('consultations.list.title'), description: c.get('t')('consultations.list.lead') },
  );
});

consultationsRoutes.get(paths.create.pattern, async (c) => {
  const actor = requireUser(c);
  const run = await bodiesRunBy(c, actor);
  authorize(c, consultationsPolicy.can(actor, 'createAny', run.secretaryOf));
  return renderConsultationForm(c, run.bodies, emptyForm({ audience: 'members', results_release: 'organizers', original_lang: c.get('locale'), body: c.req.query('body') ?? run.bodies[0]?.slug }));
});

consultationsRoutes.post(
  paths.create.pattern,
  action({
    load: async (c, actor) => {
      const slug = (await readForm(c)).body;
      const body = typeof slug === 'string' && slug ? await getBodyBySlug(c.get('deps').db, slug) : undefined;
      const run = await bodiesRunBy(c, actor);
      // No (or an unknown) body: still a subject, so the form can say so beside the field — if the person designs at all.
      return { body, facts: body ? await bodyFacts(c.get('deps').db, actor.id, body.id) : null, run };
    },
    allow: (actor, x) => (x.body && x.facts ? consultationsPolicy.can(actor, 'create', x.facts) : consultationsPolicy.can(actor, 'createAny', x.run.secretaryOf)),
    input: ConsultationForm,
    run: async (trx, { actor, subject, input }) => {
      if (!subject.body) return fail('form.error.choice', { field: 'body' });
      return createConsultation(trx, actor.id, consultationInput(input, subject.body.id));
    },
    form: (c, { subject, form }) => renderConsultationForm(c, subject.run.bodies, form),
    done: ({ locale, value }) => ({ to: paths.consultation.href(locale, { id: value.id }), flash: 'consultations.create.done' }),
  }),
);

consultationsRoutes.get(paths.consultation.pattern, async (c) => {
  const user = c.get('user');
  const x = await loadConsultationPage(c, user);
  if (!x) return c.notFound();
  authorize(c, consultationsPolicy.can(user, 'view', x));
  const { db } = c.get('deps');
  const can = (r: 'design' | 'open' | 'close' | 'answer' | 'results' | 'export' | 'publishResults') => consultationsPolicy.can(user, r, x);
  const done = await answeredBy(db, x.k.id, x.f.answerOrgs.map((o) => o.id));
  if (!user) c.set('cacheable', true);
  return c.render(
    <ConsultationPage
      k={x.k}
      body={x.body}
      questions={await resolved(c, x.k)}
      can={{ translate: consultationsPolicy.can(user, 'translate', x), design: can('design'), open: can('open'), close: can('close'), answer: can('answer'), results: can('results'), export: can('export'), publishResults: can('publishResults') }}
      answeredOrgs={x.f.answerOrgs.filter((o) => done.has(o.id)).map((o) => o.name)}
      history={can('design') || can('close') || can('export') ? await readHistory(db, c.get('deps').modules, c.get('locale'), c.get('t'), { type: 'consultation', id: x.k.id }, await historyOf(db, 'consultation', x.k.id)) : []}
    />,
    { title: pickTranslated(x.k.title, c.get('locale'))?.text ?? x.k.id, crumbs: [[c.get('t')('consultations.list.title'), paths.list.pattern]], noindex: x.k.status === 'draft' },
  );
});

/** The form's values of a consultation's texts (`title_es`…), and its original language. */
const textValues = (k: { title: string; purpose: string; instructions: string; originalLang: string }) => ({
  original_lang: k.originalLang,
  ...Object.fromEntries((['title', 'purpose', 'instructions'] as const).flatMap((n) => Object.entries(parseTranslated(k[n])).map(([l, v]) => [`${n}_${l}`, v]))),
});

consultationsRoutes.get(paths.texts.pattern, async (c) => {
  const actor = requireUser(c);
  const x = await loadConsultation(c, actor);
  if (!x) return c.notFound();
  authorize(c, consultationsPolicy.can(actor, 'translate', x));
  return renderTextsForm(c, x, emptyForm(textValues(x.k)));
});

consultationsRoutes.post(
  paths.texts.pattern,
  action({
    load: loadConsultation,
    allow: (actor, x) => consultationsPolicy.can(actor, 'translate', x),
    input: TextsForm,
    run: (trx, { actor, subject, input }) => updateTexts(trx, actor.id, subject.k.id, textsInput(input)),
    form: (c, { subject, form }) => renderTextsForm(c, subject, form),
    done: (x) => ({ to: backToConsultation(x), flash: 'consultations.texts.done' }),
  }),
);

consultationsRoutes.get(paths.addQuestion.pattern, async (c) => {
  const actor = requireUser(c);
  const x = await loadConsultation(c, actor);
  if (!x) return c.notFound();
  authorize(c, consultationsPolicy.can(actor, 'design', x));
  return renderQuestionForm(c, x, emptyForm({ kind: 'rank', required: 'on', source: 'objectives' }));
});

consultationsRoutes.post(
  paths.addQuestion.pattern,
  action({
    load: loadConsultation,
    allow: (actor, x) => consultationsPolicy.can(actor, 'design', x),
    input: QuestionForm,
    run: async (trx, { actor, subject, input }) => {
      const r = questionInput(input);
      if (!r.ok) return r;
      return addQuestion(trx, actor.id, subject.k.id, r.input);
    },
    form: (c, { subject, form }) => renderQuestionForm(c, subject, form),
    done: (x) => ({ to: backToConsultation(x), flash: 'consultations.question.done' }),
  }),
);

consultationsRoutes.post(
  paths.removeQuestion.pattern,
  action({
    load: loadConsultation,
    allow: (actor, x) => consultationsPolicy.can(actor, 'design', x),
    run: (trx, { actor, subject, c }) => removeQuestion(trx, actor.id, subject.k.id, c.req.param('qid') ?? ''),
    back: backToConsultation,
    done: (x) => ({ to: backToConsultation(x), flash: 'consultations.question.removed' }),
  }),
);

consultationsRoutes.post(
  paths.open.pattern,
  action({
    load: loadConsultation,
    allow: (actor, x) => consultationsPolicy.can(actor, 'open', x),
    run: (trx, { actor, subject, deps }) => openConsultation(consultationsTx(trx, deps), actor.id, subject.k.id),
    back: backToConsultation,
    done: (x) => ({ to: backToConsultation(x), flash: 'consultations.page.openDone' }),
  }),
);

consultationsRoutes.post(
  paths.close.pattern,
  action({
    load: loadConsultation,
    allow: (actor, x) => consultationsPolicy.can(actor, 'close', x),
    run: (trx, { actor, subject, deps }) => closeConsultation(consultationsTx(trx, deps), actor.id, subject.k.id),
    back: backToConsultation,
    done: (x) => ({ to: backToConsultation(x), flash: x.subject.k.resultsRelease === 'organizers' ? 'consultations.page.closeDoneUnpublished' : 'consultations.page.closeDone' }),
  }),
);

consultationsRoutes.post(
  paths.publishResults.pattern,
  action({
    load: loadConsultation,
    allow: (actor, x) => consultationsPolicy.can(actor, 'publishResults', x),
    run: (trx, { actor, subject }) => publishResults(trx, actor.id, subject.k.id),
    back: backToConsultation,
    done: (x) => ({ to: paths.results.href(x.locale, { id: x.subject.k.id }), flash: 'consultations.page.publishDone' }),
  }),
);

consultationsRoutes.get(paths.answer.pattern, async (c) => {
  const actor = c.get('user');
  const x = await loadConsultation(c, actor);
  if (!x) return c.notFound();
  authorize(c, consultationsPolicy.can(actor, 'answer', x));
  // Open to anyone with the link: a person's form (name and address, prefilled when signed in), no drafts.
  if (x.k.audience === 'link') return renderAnswer(c, x, emptyForm({ name: actor?.name ?? '', email: actor?.email ?? '' }));
  if (!actor) return c.notFound();
  const q = c.req.query('org');
  const org = x.f.answerOrgs.find((o) => o.id === q)?.id ?? x.f.answerOrgs[0]!.id;
  const { db } = c.get('deps');
  const [current, draft] = await Promise.all([answerOf(db, x.k.id, org), draftOf(db, x.k.id, org)]);
  // A draft saved after the last submission is what the person was working on: show it (and say so).
  if (draft && (!current || draft.savedAt > current.submittedAt)) return renderAnswer(c, x, emptyForm({ ...draft.values, org }), org, draft.savedAt);
  const questions = await resolved(c, x.k);
  return renderAnswer(c, x, emptyForm({ org, ...(current ? valuesOf(questions, current.answers) : {}) }), org);
});

/** The form's values as typed, less the platform's own fields (the CSRF token). */
const typed = (values: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(values).filter(([k, v]) => !k.startsWith('_') && (typeof v === 'string' || Array.isArray(v)))) as Record<string, string | string[]>;

/** Saves a draft for an organization of the audience this person answers for. */
async function keepDraft(trx: Parameters<typeof saveDraft>[0], actorId: string, subject: { k: { id: string }; f: { answerOrgs: { id: string }[] } }, org: string | undefined, values: Record<string, unknown>) {
  const o = subject.f.answerOrgs.find((x) => x.id === org);
  if (!o) return fail('consultations.errors.notInAudience', { field: 'org' });
  return saveDraft(trx, actorId, { consultationId: subject.k.id, orgId: o.id, values: typed(values) });
}

consultationsRoutes.post(
  paths.saveDraft.pattern,
  action({
    load: loadConsultation,
    allow: (actor, x) => consultationsPolicy.can(actor, 'answer', x),
    input: AnswerForm,
    run: (trx, { actor, subject, input, values }) => keepDraft(trx, actor.id, subject, input.org, values),
    back: ({ subject, locale }) => paths.answer.href(locale, { id: subject.k.id }),
    done: ({ subject, locale, input }) => ({ to: paths.answer.href(locale, { id: subject.k.id }, input.org ? { org: input.org } : undefined), flash: 'consultations.answer.draftSaved' }),
  }),
);

consultationsRoutes.post(
  paths.answer.pattern,
  action({
    public: true,
    load: loadConsultation,
    allow: (actor, x) => consultationsPolicy.can(actor, 'answer', x),
    input: AnswerForm,
    run: async (trx, { actor, subject, input, values, c, locale }) => {
      if (subject.k.audience === 'link') {
        const who = validate(PersonForm, values, c.get('t'));
        if (!who.ok) {
          const [field, key] = Object.entries(who.errors)[0]!;
          return fail(key, { field });
        }
        const questions = await resolved(c, subject.k, trx);
        const r = readAnswers(questions, values);
        const first = Object.entries(r.errors)[0];
        if (first) return fail(first[1].key, { field: first[0], params: first[1].params });
        return submitPersonAnswer(consultationsTx(trx, c.get('deps')), { consultationId: subject.k.id, name: who.data.name, email: who.data.email, answers: r.answers, locale });
      }
      if (!actor) return fail('consultations.errors.notInAudience', { field: 'org' });
      const org = subject.f.answerOrgs.find((o) => o.id === input.org);
      if (!org) return fail('consultations.errors.notInAudience', { field: 'org' });
      // Reads inside the transaction: a read on another connection would wait for this one (SQLite's single
      // connection, PostgreSQL's pool under a burst of submissions).
      const questions = await resolved(c, subject.k, trx);
      const r = readAnswers(questions, values);
      // The refusal names the first refused question; the form shows every one (it reads the answers again).
      const first = Object.entries(r.errors)[0];
      if (first) return fail(first[1].key, { field: first[0], params: first[1].params });
      return submitAnswer(trx, actor.id, { consultationId: subject.k.id, orgId: org.id, answers: r.answers });
    },
    // A refused submission keeps what was typed as the organization's draft on the server.
    keep: { input: AnswerForm, run: (trx, { actor, subject, input, values }) => (actor ? keepDraft(trx, actor.id, subject, input.org, values) : Promise.resolve(fail('consultations.errors.notInAudience'))) },
    form: async (c, { subject, form, kept }) => {
      const t = c.get('t');
      const all = readAnswers(await resolved(c, subject.k), form.values).errors;
      const person = subject.k.audience === 'link' ? validate(PersonForm, form.values, t) : undefined;
      const errors = { ...(person && !person.ok ? person.errors : {}), ...Object.fromEntries(Object.entries(all).map(([f, e]) => [f, t(e.key, e.params)])), ...form.errors };
      return renderAnswer(c, subject, { values: form.values, errors }, typeof form.values.org === 'string' ? form.values.org : undefined, kept?.savedAt);
    },
    done: (x) => ({ to: backToConsultation(x), flash: x.subject.k.audience === 'link' ? 'consultations.answer.confirmSent' : 'consultations.answer.done' }),
  }),
);

/** A waiting answer behind a confirmation link, with its consultation; null → 404 (a bad or expired link). */
async function loadPending(c: Context<AppEnv>, user: Parameters<typeof loadConsultation>[1]) {
  const x = await loadConsultation(c, user);
  if (!x) return null;
  const p = await pendingOf(c.get('deps').db, x.k.id, c.req.param('token') ?? '');
  return p ? { ...x, pending: p } : null;
}

// The link from the mail shows a button; only the POST confirms (mail scanners that open links confirm nothing).
consultationsRoutes.get(paths.confirm.pattern, async (c) => {
  const x = await loadPending(c, c.get('user'));
  if (!x) return c.notFound();
  authorize(c, consultationsPolicy.can(c.get('user'), 'answer', x));
  const t = c.get('t');
  return c.render(<ConfirmAnswerPage title={pickTranslated(x.k.title, c.get('locale'))?.text ?? ''} email={x.pending.email} action={paths.confirm.href(c.get('locale'), { id: x.k.id, token: c.req.param('token')! })} />, {
    title: t('consultations.confirm.title'),
    noindex: true,
  });
});

consultationsRoutes.post(
  paths.confirm.pattern,
  action({
    public: true,
    load: loadPending,
    allow: (actor, x) => consultationsPolicy.can(actor, 'answer', x),
    run: (trx, { subject, c }) => confirmPersonAnswer(trx, subject.k.id, c.req.param('token') ?? ''),
    back: backToConsultation,
    done: (x) => ({ to: backToConsultation(x), flash: 'consultations.confirm.done' }),
  }),
);

consultationsRoutes.get(paths.results.pattern, async (c) => {
  const user = c.get('user');
  const x = await loadConsultationPage(c, user);
  if (!x) return c.notFound();
  authorize(c, consultationsPolicy.can(user, 'results', x));
  const { db, cache } = c.get('deps');
  const locale = c.get('locale');
  const t = c.get('t');
  const { k } = x;
  // What the page shows of a closed consultation is the same for every reader: kept as page-cache fragments (emptied
  // by every write) per answers-version and language; an open consultation's is made afresh on every request. The
  // counts themselves outlive writes (memo.ts: counted once per answers-version and breakdown).
  const version = versionOf(k);
  const keep = <T,>(part: string, make: () => Promise<T>) => (version ? cache.fragment(`consultations.results:${version}:${locale}:${part}`, make) : make());
  const present = () =>
    keptCount(k, 'orgs', async () => {
      // In slices: an `in (…)` list stays under both engines' bound-parameter limits however many answered.
      const ids = await orgRespondents(db, k.id);
      const out = [];
      for (let i = 0; i < ids.length; i += 5000) out.push(...(await getOrganizations(db, ids.slice(i, i + 5000))));
      return out;
    });
  // The questions and the groups the page offers.
  const frame = await keep('frame', async () => {
    const [questions, bodies, orgs, names] = await Promise.all([resolved(c, k), listBodies(db), present(), countryNames(db, locale)]);
    const options = [
      ...SUB_REGIONS.map((r) => ({ value: `region:${r}`, label: t(`consultations.regions.${r}`), group: t('consultations.results.bySubRegion') })),
      ...[...new Set(orgs.map((o) => o.country))].sort().map((cc) => ({ value: `country:${cc}`, label: names.get(cc) ?? cc, group: t('consultations.results.byCountry') })),
      ...[...new Set(orgs.map((o) => o.type))].sort().map((ty) => ({ value: `type:${ty}`, label: t(`membership.types.${ty}`), group: t('consultations.results.byType') })),
      ...bodies.map((b) => ({ value: `body:${b.slug}`, label: pickTranslated(b.shortName, locale)?.text ?? b.slug, group: t('consultations.results.byBody') })),
    ];
    return { questions, bodies, options };
  });
  // A breakdown: only the answers of one group of organizations (country, sub-region, type or body).
  const by = parseBreakdown(c.req.query('by'));
  const byValue = by ? `${by.kind}:${by.value}` : '';
  const texts = c.req.query('texts');
  const allTexts = frame.questions.find((q) => q.id === texts)?.id;
  const show = async () => {
    const counted = await keptCount(k, `by:${byValue}`, async () => {
      const [answers, orgs] = await Promise.all([keptAnswers(k, () => allAnswers(db, k.id)), present()]);
      const byId = new Map(orgs.map((o) => [o.id, o]));
      const bodyMembers = by?.kind === 'body' ? new Set(await bodyMemberOrgIds(db, frame.bodies.find((b) => b.slug === by.value)?.id ?? '')) : new Set<string>();
      const shown = by ? answers.filter((a) => inGroup(by, byId.get(a.respondent), bodyMembers)) : answers;
      const tooFew = !!by && !k.publishAnswers && shown.length < MIN_GROUP;
      return { results: countResults(frame.questions, tooFew ? [] : shown), count: shown.length, tooFew };
    });
    const orgName = new Map(k.publishAnswers ? (await present()).map((o) => [o.id, o.name]) : []);
    const parts = await Promise.all(
      frame.questions.map(async (q) => {
        const r = counted.results.get(q.id);
        // As UTF-8 bytes: copied into the page, not encoded again on each request (tens of KB a question).
        return r ? { id: q.id, n: r.n, html: Buffer.from(await renderPublic(c, <QuestionResultView k={k} q={q} r={r} orgName={orgName} attribute={k.publishAnswers} allTexts={allTexts === q.id} by={byValue} />)) } : null;
      }),
    );
    return { parts: parts.filter((p) => p !== null), count: counted.count, tooFew: counted.tooFew };
  };
  // Kept only for a group the page offers: the keys stay bounded by the consultation's own groups and questions.
  const offered = !byValue || frame.options.some((o) => o.value === byValue);
  const shown = offered ? await keep(`${byValue}:${allTexts ?? ''}`, show) : await show();
  if (!user) c.set('cacheable', true);
  c.set('cacheParams', ['by', 'texts']);
  const can = { export: consultationsPolicy.can(user, 'export', x), prioritize: consultationsPolicy.can(user, 'prioritize', x), agenda: consultationsPolicy.can(user, 'agenda', x) };
  const breakdown = { options: frame.options, value: byValue, count: shown.count, tooFew: shown.tooFew };
  // Each question's kept counts, in the questions' order (none for a question without counts).
  const at = new Map(shown.parts.map((p) => [p.id, p]));
  const partOf = frame.questions.map((q) => at.get(q.id));
  const page = (html: (p: { id: string; html: Buffer }, i: number) => HtmlEscapedString, slots?: { select: HtmlEscapedString; group: HtmlEscapedString }) => {
    const parts = new Map<string, { n: number; html: HtmlEscapedString }>();
    partOf.forEach((p, i) => p && parts.set(p.id, { n: p.n, html: html(p, i) }));
    return <ResultsPage k={k} questions={frame.questions} shown={parts} canExport={can.export} canPrioritize={can.prioritize} canAgenda={can.agenda} breakdown={breakdown} slots={slots} />;
  };
  const meta = { title: t('consultations.results.titleShort'), crumbs: [[t('consultations.list.title'), paths.list.pattern]] as [string, string][] };
  if (!version) return c.render(page((p) => keptBytes(c, p.html)), meta);
  // A closed consultation's page around its counts is the same for every group but for the group's select and notes,
  // and for every reader who may do the same (export, prioritize, put on an agenda): a template per answers-version,
  // language, what the reader may do and which questions have counts (and any), filled with this request's counts.
  const has = partOf.map((p) => (p ? (p.n ? '1' : '0') : '-'));
  const names = ['select', 'group', ...frame.questions.map((_, i) => `q${i}`)];
  const fill = await keptTemplate(
    c,
    `consultations.results:${version}:${locale}:${+can.export}${+can.prioritize}${+can.agenda}:${byValue ? 'by' : ''}:${has.join('')}`,
    names,
    (slot) => page((_, i) => slot[`q${i}`]!, { select: slot.select, group: slot.group }),
    { absent: Object.fromEntries(has.flatMap((h, i) => (h === '-' ? [[`q${i}`, true]] : []))) },
  );
  const select = await keptSelect(c, `consultations.results.select:${version}:${locale}`, { name: 'by', label: t('consultations.results.breakdown'), options: frame.options, empty: t('consultations.results.everyone') }, byValue || undefined);
  const filled: Record<string, string> = { select, group: groupNotesHtml(t, breakdown) };
  partOf.forEach((p, i) => (filled[`q${i}`] = p ? String(keptBytes(c, p.html)) : ''));
  return c.render(fill(filled), meta);
});

consultationsRoutes.post(
  paths.prioritize.pattern,
  action({
    load: loadConsultation,
    allow: (actor, x) => consultationsPolicy.can(actor, 'prioritize', x),
    input: PrioritizeForm,
    run: (trx, { actor, subject, input, c, locale }) => prioritizeObjectives(trx, actor.id, { consultationId: subject.k.id, questionId: c.req.param('qid') ?? '', count: input.count, locale }),
    back: ({ subject, locale }) => paths.results.href(locale, { id: subject.k.id }),
    done: ({ subject, locale }) => ({ to: bodyPage.href(locale, { slug: subject.body.slug }), flash: 'consultations.results.prioritized' }),
  }),
);

/** A text stream from an async generator, pulled as the client reads (bounded memory). */
function streamOf(chunks: AsyncGenerator<string>): ReadableStream<Uint8Array> {
  const enc = new TextEncoder();
  return new ReadableStream({
    async pull(ctrl) {
      const { value, done } = await chunks.next();
      if (done) ctrl.close();
      else ctrl.enqueue(enc.encode(value));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}

/** Loads what an export needs; null → 404 (after the policy's rule). */
async function loadExport(c: Context<AppEnv>) {
  const user = requireUser(c);
  const x = await loadConsultation(c, user);
  if (!x) return null;
  authorize(c, consultationsPolicy.can(user, 'export', x));
  return { x, questions: await resolved(c, x.k) };
}

/** The answers of a batch with their organizations. */
async function* rowsOf(c: Context<AppEnv>, id: string) {
  const { db } = c.get('deps');
  for await (const batch of answerBatches(db, id)) {
    // Persons who answered through the link (`email:…`) are no organization: nothing to look up.
    const ids = batch.map((a) => a.respondent).filter((r) => !r.startsWith('email:'));
    const orgs = new Map((await getOrganizations(db, ids)).map((o) => [o.id, o]));
    yield batch.map((a) => ({ a, o: orgs.get(a.respondent) }));
  }
}

/** An answer as one cell: a ranking "4 > 8 > 13", points "4=6; 8=4", a value as text (written for 250,000 rows: no intermediate arrays). */
function cellOf(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return v.join(' > ');
  if (typeof v === 'object') {
    let s = '';
    for (const k in v) s += `${s ? '; ' : ''}${k}=${(v as Record<string, number>)[k]}`;
    return s;
  }
  return String(v);
}

/**
 * Every answer, one row per organization, columns in question order (a ranking: its items in order, "4 > 8";
 * points: "4=6; 8=4"), streamed batch by batch through csv.ts.
 */
consultationsRoutes.get(paths.exportCsv.pattern, async (c) => {
  const e = await loadExport(c);
  if (!e) return c.notFound();
  const t = c.get('t');
  const locale = c.get('locale');
  const head = [t('consultations.csv.organization'), t('consultations.csv.country'), t('consultations.csv.type'), t('consultations.csv.submittedAt'), ...e.questions.map((q) => `${q.position}. ${pickTranslated(q.prompt, locale)?.text ?? fieldOf(q)}`)];
  async function* chunks() {
    yield toCsv([head], { bom: true });
    const ids = e!.questions.map((q) => q.id);
    for await (const rows of rowsOf(c, e!.x.k.id)) {
      // One string per batch, line by line (csvLine: toCsv's text without its per-call set-up).
      let out = '';
      for (const { a, o } of rows) {
        const cells: unknown[] = [o?.name ?? a.respondent, o?.country ?? '', o?.type ?? '', a.submittedAt];
        for (const id of ids) cells.push(cellOf(a.answers[id]));
        out += csvLine(cells);
      }
      yield out;
    }
  }
  return c.body(streamOf(chunks()), 200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="consultation-${e.x.k.id}.csv"` });
});

/** The same answers as JSON: one object per organization, its answers in question order, streamed. */
consultationsRoutes.get(paths.exportJson.pattern, async (c) => {
  const e = await loadExport(c);
  if (!e) return c.notFound();
  const questions = e.questions.map((q) => ({ id: q.id, position: q.position, kind: q.kind, prompt: q.prompt, items: q.items.map((i) => i.key) }));
  async function* chunks() {
    yield `{"consultation":${JSON.stringify({ id: e!.x.k.id, title: JSON.parse(e!.x.k.title), status: e!.x.k.status })},"questions":${JSON.stringify(questions)},"answers":[`;
    let first = true;
    for await (const rows of rowsOf(c, e!.x.k.id)) {
      const out = rows.map(({ a, o }) =>
        JSON.stringify({
          organization: { id: a.respondent, name: o?.name ?? null, country: o?.country ?? null, type: o?.type ?? null },
          submittedAt: a.submittedAt,
          version: a.version,
          answers: questions.map((q) => a.answers[q.id] ?? null),
        }),
      );
      yield (first ? '\n' : ',\n') + out.join(',\n');
      first = false;
    }
    yield '\n]}\n';
  }
  return c.body(streamOf(chunks()), 200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Disposition': `attachment; filename="consultation-${e.x.k.id}.json"` });
});
