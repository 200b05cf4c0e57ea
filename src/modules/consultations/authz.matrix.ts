/**
 * Consultations: every route the module mounts × every role. Subjects are consultations of the matrix world's
 * Mesa (mt1) asking every member organization: a draft with one question, an open one and a closed one with an
 * answer. Opening and closing get a fresh consultation per role; other POSTs are sent empty (a 422 is past
 * authorization) or name a question that does not exist (refused with a flash, nothing changed).
 */
import { defineRouteMatrix, everyone, only, signedIn, type World } from '../../../tests/support/matrix.js';
import { createConsultation, addQuestion, openConsultation, closeConsultation, consultationsTx, type QuestionInput } from './commands/lifecycle.js';
import { submitAnswer } from './commands/answer.js';
import { paths, apiPaths } from './paths.js';

interface Subjects {
  draft: string;
  open: string;
  closed: string;
  unpublished: string;
  /** Open to anyone with the link. */
  link: string;
  fresh: (status: 'draft' | 'open' | 'closed' | 'unpublished' | 'link') => Promise<string>;
}

export const SAMPLE_QUESTION: QuestionInput = {
  kind: 'one',
  required: true,
  prompt: { es: '¿Participa?' },
  help: {},
  source: 'custom',
  customItems: [
    { key: '1', label: { es: 'Sí' } },
    { key: '2', label: { es: 'No' } },
  ],
  minN: null,
  maxN: null,
  lowLabel: null,
  highLabel: null,
  showIf: null,
};

async function setup(w: World): Promise<Subjects> {
  const { db, deps } = w.ctx;
  const must = <T extends { ok: boolean }>(r: T) => {
    if (!r.ok) throw new Error(`consultations matrix setup: ${JSON.stringify(r)}`);
    return r as Extract<T, { ok: true }>;
  };
  const secretary = w.users.secretary;
  const tx = <T>(fn: (t: ReturnType<typeof consultationsTx>) => Promise<T>) => db.transaction().execute((trx) => fn(consultationsTx(trx, deps)));
  // `unpublished`: closed, its results waiting for the organizers; `closed`: results published at the close.
  const fresh = async (status: 'draft' | 'open' | 'closed' | 'unpublished' | 'link') => {
    const resultsRelease = status === 'unpublished' ? 'organizers' : 'close';
    const audience = status === 'link' ? 'link' : 'members';
    const id = must(
      await tx((t) =>
        createConsultation(t.db, secretary, { bodyId: w.body.id, title: { es: 'Consulta de la matriz' }, purpose: {}, instructions: {}, audience, publishAnswers: false, resultsRelease, opensAt: null, closesAt: null }),
      ),
    ).id;
    must(await tx((t) => addQuestion(t.db, secretary, id, SAMPLE_QUESTION)));
    if (status !== 'draft') must(await tx((t) => openConsultation(t, secretary, id)));
    if (status === 'closed' || status === 'unpublished') {
      const q = await db.selectFrom('consultation_questions').select('id').where('consultation_id', '=', id).executeTakeFirstOrThrow();
      must(await tx((t) => submitAnswer(t.db, w.users.member, { consultationId: id, orgId: w.orgs.org.id, answers: { [q.id]: '1' } })));
      must(await tx((t) => closeConsultation(t, secretary, id)));
    }
    return id;
  };
  return { draft: await fresh('draft'), open: await fresh('open'), closed: await fresh('closed'), unpublished: await fresh('unpublished'), link: await fresh('link'), fresh };
}

const answerers = () => only('otherOrg', 'member', 'bodyMember', 'reviewer', 'secretary');

export const matrix = defineRouteMatrix<Subjects>({
  module: 'consultations',
  setup,
  cases: (x) => {
    const at = (r: { href: (l: 'es', p: { id: string }) => string }, k: 'draft' | 'open' | 'closed' | 'unpublished' | 'link') => () => r.href('es', { id: x()[k] });
    return [
      { method: 'GET', route: paths.list.pattern, url: () => paths.list.href('es'), expect: everyone() },
      // The reviewer is the secretary of another Mesa: they may design consultations, for their Mesa only.
      { method: 'GET', route: paths.create.pattern, url: () => paths.create.href('es'), expect: only('reviewer', 'secretary', 'admin') },
      { method: 'POST', route: paths.create.pattern, url: () => paths.create.href('es'), form: () => ({ body: 'mt1' }), expect: only('secretary', 'admin') },
      { method: 'GET', route: paths.consultation.pattern, url: at(paths.consultation, 'draft'), expect: only('secretary', 'admin') },
      { method: 'GET', route: paths.consultation.pattern, url: at(paths.consultation, 'open'), expect: everyone() },
      // Texts and translations: the organizers, at any status.
      { method: 'GET', route: paths.texts.pattern, url: at(paths.texts, 'closed'), expect: only('secretary', 'admin') },
      { method: 'POST', route: paths.texts.pattern, url: at(paths.texts, 'open'), form: () => ({ title_es: 'Consulta', original_lang: 'es' }), expect: only('secretary', 'admin') },
      { method: 'GET', route: paths.addQuestion.pattern, url: at(paths.addQuestion, 'draft'), expect: only('secretary', 'admin') },
      { method: 'POST', route: paths.addQuestion.pattern, url: at(paths.addQuestion, 'draft'), expect: only('secretary', 'admin') },
      { method: 'POST', route: paths.removeQuestion.pattern, url: () => paths.removeQuestion.href('es', { id: x().draft, qid: 'zzzzzzzzzzzzzzzz' }), expect: only('secretary', 'admin') },
      { method: 'POST', route: paths.open.pattern, url: async () => paths.open.href('es', { id: await x().fresh('draft') }), expect: only('secretary', 'admin') },
      { method: 'POST', route: paths.close.pattern, url: async () => paths.close.href('es', { id: await x().fresh('open') }), expect: only('secretary', 'admin') },
      { method: 'GET', route: paths.answer.pattern, url: at(paths.answer, 'open'), expect: answerers() },
      { method: 'POST', route: paths.answer.pattern, url: at(paths.answer, 'open'), expect: answerers() },
      { method: 'GET', route: paths.results.pattern, url: at(paths.results, 'open'), expect: only('secretary', 'admin') },
      { method: 'GET', route: paths.results.pattern, url: at(paths.results, 'closed'), expect: everyone() },
      // Closed, its results not yet published: its organizers only, who may publish them (once).
      { method: 'GET', route: paths.results.pattern, url: at(paths.results, 'unpublished'), expect: only('secretary', 'admin') },
      { method: 'POST', route: paths.publishResults.pattern, url: async () => paths.publishResults.href('es', { id: await x().fresh('unpublished') }), expect: only('secretary', 'admin') },
      // Open to anyone with the link: everyone gets the person's form, and may send it (a confirmation mail).
      { method: 'GET', route: paths.answer.pattern, url: at(paths.answer, 'link'), expect: everyone() },
      { method: 'POST', route: paths.answer.pattern, url: at(paths.answer, 'link'), form: () => ({ name: 'Persona', email: 'persona@matrix.test', [`q_${'x'}`]: '' }), expect: everyone() },
      // A confirmation link that is not one: 404 for everyone, GET or POST.
      { method: 'GET', route: paths.confirm.pattern, url: () => paths.confirm.href('es', { id: x().link, token: 'x'.repeat(32) }), expect: { ...everyone(), suspended: 404, anonymous: 404, otherOrg: 404, member: 404, bodyMember: 404, reviewer: 404, secretary: 404, admin: 404 } },
      { method: 'POST', route: paths.confirm.pattern, url: () => paths.confirm.href('es', { id: x().link, token: 'x'.repeat(32) }), expect: { ...everyone(), suspended: 404, anonymous: 404, otherOrg: 404, member: 404, bodyMember: 404, reviewer: 404, secretary: 404, admin: 404 } },
      // Saving a draft: the same people as answering, while it is open.
      { method: 'POST', route: paths.saveDraft.pattern, url: at(paths.saveDraft, 'open'), expect: answerers() },
      { method: 'GET', route: paths.exportCsv.pattern, url: at(paths.exportCsv, 'closed'), expect: only('secretary', 'admin') },
      // Not a ranking of the objectives: refused with a flash after authorization, nothing changes.
      { method: 'POST', route: paths.prioritize.pattern, url: () => paths.prioritize.href('es', { id: x().closed, qid: 'zzzzzzzzzzzzzzzz' }), form: () => ({ count: '3' }), expect: only('secretary', 'admin') },
      { method: 'GET', route: paths.exportJson.pattern, url: at(paths.exportJson, 'closed'), expect: only('secretary', 'admin') },
      { method: 'GET', route: paths.exportCsv.pattern, url: at(paths.exportCsv, 'draft'), expect: { ...signedIn(), suspended: 403, anonymous: 401, otherOrg: 403, member: 403, bodyMember: 403, reviewer: 403, secretary: 403, admin: 403 } },
      { method: 'GET', route: apiPaths.mounted(apiPaths.list), url: () => apiPaths.mounted(apiPaths.list), expect: everyone() },
      { method: 'GET', route: apiPaths.mounted(apiPaths.results), url: () => apiPaths.mounted(apiPaths.results).replace(':id', x().closed), expect: everyone() },
      { method: 'GET', route: apiPaths.mounted(apiPaths.results), url: () => apiPaths.mounted(apiPaths.results).replace(':id', x().unpublished), expect: { ...everyone(), suspended: 404, anonymous: 404, otherOrg: 404, member: 404, bodyMember: 404, reviewer: 404, secretary: 404, admin: 404 } },
      { method: 'GET', route: apiPaths.mounted(apiPaths.results), url: () => apiPaths.mounted(apiPaths.results).replace(':id', x().open), expect: { ...everyone(), suspended: 404, anonymous: 404, otherOrg: 404, member: 404, bodyMember: 404, reviewer: 404, secretary: 404, admin: 404 } },
    ];
  },
});
