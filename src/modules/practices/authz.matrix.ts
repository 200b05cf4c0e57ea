/**
 * Practices: what every role gets on every route the module mounts (its pages and its /api/v1 endpoints).
 * The practices are documented by `member`'s organization. Mesa secretaries review only practices on their
 * Mesa's objectives: `reviewer` is the secretary of mt2 (objectives 4, 8, 13), `secretary` the secretary of mt1
 * (which prioritizes no objective in the seed, so the setup gives it objectives 1 and 2), and practices exist
 * under each Mesa's objectives, so both directions are checked. Steps that change a practice get a fresh
 * practice per role.
 */
import { setBodyObjectives } from '../bodies/index.js';
import { defineRouteMatrix, everyone, signedIn, only, except, whileInGoodStanding, type World } from '../../../tests/support/matrix.js';
import { makePractice, practiceInput, userStub } from './factories.js';
import { addAttachment } from './commands/attachments.js';
import { paths } from './paths.js';
import type { PracticeStatus } from './tables.js';

/** mt2 prioritizes objective 8; mt1 is given objective 1 below. */
const MT2 = [8];
const MT1 = [1];
const PDF = new Uint8Array(Buffer.from('%PDF-1.4\n%matrix\n'));

/** A practice of `member`'s organization on `objectives`, moved to `status`. */
const practice = (w: World, status: PracticeStatus, objectives: number[]) =>
  makePractice(w.ctx.db, userStub(w.users.member), practiceInput({ orgId: w.orgs.org.id, objectives, texts: { title: { es: `Práctica de la matriz (${status})` } } }), status, userStub(w.users.admin, 'admin'));

/** A practice of the suspended organization on mt2's objectives, its creator `suspended` (made while it was in good standing). */
const suspendedPractice = (w: World, status: PracticeStatus) =>
  whileInGoodStanding(w, () =>
    makePractice(w.ctx.db, userStub(w.users.suspended), practiceInput({ orgId: w.orgs.suspendedOrg.id, objectives: MT2, texts: { title: { es: `Práctica suspendida (${status})` } } }), status, userStub(w.users.admin, 'admin')),
  );

const attach = async (w: World, id: string, by: 'member' | 'suspended' = 'member') => {
  const add = () => addAttachment(w.ctx.db, userStub(w.users[by]), w.ctx.deps.config.dataDir, id, { name: 'informe.pdf', bytes: PDF });
  const r = by === 'suspended' ? await whileInGoodStanding(w, add) : await add();
  if (!r.ok) throw new Error(`matrix: cannot attach: ${r.reason}`);
  return r.id;
};

const es = 'es' as const;

export const matrix = defineRouteMatrix({
  module: 'practices',
  setup: async (w) => {
    // The seed's mt1 prioritizes no objective: give it one, so its secretary reviews something (test data only).
    await setBodyObjectives(w.ctx.db, w.body.id, [MT1[0]!]);
    const draft = await practice(w, 'draft', MT2);
    const submittedMt2 = await practice(w, 'submitted', MT2);
    const submittedMt1 = await practice(w, 'submitted', MT1);
    const published = await practice(w, 'published', MT2);
    // Practices of the suspended organization, documented by `suspended` while it was in good standing.
    const suspendedDraft = await suspendedPractice(w, 'draft');
    const suspendedSubmitted = await suspendedPractice(w, 'submitted');
    return { suspendedDraft, suspendedDraftFile: await attach(w, suspendedDraft, 'suspended'), suspendedSubmitted, draft, draftFile: await attach(w, draft), submittedMt2, submittedMt1, published, publishedFile: await attach(w, published) };
  },
  cases: (x) => [
    // Public pages and the API
    { method: 'GET', route: paths.search.pattern, url: () => paths.search.href(es, {}, { text: 'matriz' }), expect: everyone() },
    { method: 'GET', route: paths.practice.pattern, url: () => paths.practice.href(es, { id: x().published }), expect: everyone() },
    { method: 'GET', route: paths.hubJson.pattern, url: () => paths.hubJson.href(es, { id: x().published }), expect: everyone() },
    { method: 'GET', route: paths.hubPdf.pattern, url: () => paths.hubPdf.href(es, { id: x().published }), expect: everyone() },
    { method: 'GET', route: paths.file.pattern, url: () => paths.file.href(es, { id: x().published, aid: x().publishedFile }), expect: everyone() },
    { method: 'GET', route: '/api/v1/practices', url: () => '/api/v1/practices?text=matriz', expect: everyone() },
    { method: 'GET', route: '/api/v1/practices/:id', url: () => `/api/v1/practices/${x().published}`, expect: everyone() },
    // What is not published does not exist for the Hub's documents and the API
    { method: 'GET', route: paths.hubJson.pattern, url: () => paths.hubJson.href(es, { id: x().submittedMt2 }), expect: { anonymous: 404, otherOrg: 404, member: 404, bodyMember: 404, reviewer: 404, secretary: 404, admin: 404 } },
    { method: 'GET', route: paths.hubPdf.pattern, url: () => paths.hubPdf.href(es, { id: x().draft }), expect: { anonymous: 404, otherOrg: 404, member: 404, bodyMember: 404, reviewer: 404, secretary: 404, admin: 404 } },
    { method: 'GET', route: '/api/v1/practices/:id', url: () => `/api/v1/practices/${x().draft}`, expect: { anonymous: 404, otherOrg: 404, member: 404, bodyMember: 404, reviewer: 404, secretary: 404, admin: 404 } },

    // A draft: its authors and administrators only (not the reviewer of its objectives)
    { method: 'GET', route: paths.practice.pattern, url: () => paths.practice.href(es, { id: x().draft }), expect: only('member', 'admin') },
    { method: 'GET', route: paths.file.pattern, url: () => paths.file.href(es, { id: x().draft, aid: x().draftFile }), expect: only('member', 'admin') },
    { method: 'GET', route: paths.edit.pattern, url: () => paths.edit.href(es, { id: x().draft }), expect: only('member', 'admin') },
    {
      method: 'POST',
      route: paths.edit.pattern,
      url: () => paths.edit.href(es, { id: x().draft }),
      form: (w) => ({ action: 'save', org_id: w.orgs.org.id, original_lang: 'es', title_es: 'Práctica de la matriz (draft)', objectives: MT2.map(String) }),
      expect: only('member', 'admin'),
    },
    { method: 'POST', route: paths.attachments.pattern, url: () => paths.attachments.href(es, { id: x().draft }), expect: only('member', 'admin') },
    {
      method: 'POST',
      route: paths.detach.pattern,
      url: async (w) => {
        const id = await practice(w, 'draft', MT2);
        return paths.detach.href(es, { id, aid: await attach(w, id) });
      },
      expect: only('member', 'admin'),
    },
    { method: 'POST', route: paths.workflow.pattern, url: async (w) => paths.workflow.href(es, { id: await practice(w, 'draft', MT2) }), form: () => ({ action: 'submit' }), expect: only('member', 'admin') },

    // Submitted: seen by its authors, the secretary of a Mesa on its objectives, and administrators — in both directions
    { method: 'GET', route: paths.practice.pattern, url: () => paths.practice.href(es, { id: x().submittedMt2 }), expect: only('member', 'reviewer', 'admin') },
    { method: 'GET', route: paths.practice.pattern, url: () => paths.practice.href(es, { id: x().submittedMt1 }), expect: only('member', 'secretary', 'admin') },
    { method: 'GET', route: paths.edit.pattern, url: () => paths.edit.href(es, { id: x().submittedMt2 }), expect: only() },
    { method: 'POST', route: paths.workflow.pattern, url: async (w) => paths.workflow.href(es, { id: await practice(w, 'submitted', MT2) }), form: () => ({ action: 'approve' }), expect: only('reviewer', 'admin') },
    { method: 'POST', route: paths.workflow.pattern, url: async (w) => paths.workflow.href(es, { id: await practice(w, 'submitted', MT1) }), form: () => ({ action: 'approve' }), expect: only('secretary', 'admin') },
    { method: 'POST', route: paths.workflow.pattern, url: async (w) => paths.workflow.href(es, { id: await practice(w, 'in_review', MT1) }), form: () => ({ action: 'request_changes', comment: 'Falta el resultado.' }), expect: only('secretary', 'admin') },
    // A comment (left empty: refused beside its field, after authorization) — reviewers and the authors answering them
    { method: 'POST', route: paths.workflow.pattern, url: () => paths.workflow.href(es, { id: x().submittedMt2 }), form: () => ({ action: 'comment' }), expect: only('member', 'reviewer', 'admin') },
    // Published: only administrators withdraw it (the reason left empty: refused after authorization)
    { method: 'POST', route: paths.workflow.pattern, url: () => paths.workflow.href(es, { id: x().published }), form: () => ({ action: 'unpublish' }), expect: only('admin') },
    { method: 'POST', route: paths.workflow.pattern, url: () => paths.workflow.href(es, { id: x().published }), form: () => ({ action: 'approve' }), expect: only() },

    // The suspended organization's practices: its people, their creator included, cannot see or act on what is
    // not published (administrators and the reviewer of the objectives still can)
    { method: 'GET', route: paths.practice.pattern, url: () => paths.practice.href(es, { id: x().suspendedDraft }), expect: only('admin') },
    { method: 'GET', route: paths.file.pattern, url: () => paths.file.href(es, { id: x().suspendedDraft, aid: x().suspendedDraftFile }), expect: only('admin') },
    { method: 'GET', route: paths.edit.pattern, url: () => paths.edit.href(es, { id: x().suspendedDraft }), expect: only('admin') },
    {
      method: 'POST',
      route: paths.edit.pattern,
      url: () => paths.edit.href(es, { id: x().suspendedDraft }),
      form: (w) => ({ action: 'save', org_id: w.orgs.suspendedOrg.id, original_lang: 'es', title_es: 'Práctica suspendida (draft)', objectives: MT2.map(String) }),
      expect: only('admin'),
    },
    { method: 'POST', route: paths.attachments.pattern, url: () => paths.attachments.href(es, { id: x().suspendedDraft }), expect: only('admin') },
    { method: 'POST', route: paths.workflow.pattern, url: async (w) => paths.workflow.href(es, { id: await suspendedPractice(w, 'draft') }), form: () => ({ action: 'submit' }), expect: only('admin') },
    { method: 'GET', route: paths.practice.pattern, url: () => paths.practice.href(es, { id: x().suspendedSubmitted }), expect: only('reviewer', 'admin') },
    { method: 'POST', route: paths.workflow.pattern, url: () => paths.workflow.href(es, { id: x().suspendedSubmitted }), form: () => ({ action: 'comment' }), expect: only('reviewer', 'admin') },

    // The person's own pages, the queue and the export (a suspended organization's people document nothing for it)
    { method: 'GET', route: paths.mine.pattern, url: () => paths.mine.href(es), expect: signedIn() },
    { method: 'GET', route: paths.create.pattern, url: () => paths.create.href(es), expect: except(signedIn(), { suspended: 403 }) },
    { method: 'POST', route: paths.create.pattern, url: () => paths.create.href(es), form: () => ({ action: 'save' }), expect: except(signedIn(), { suspended: 403 }) },
    { method: 'GET', route: paths.review.pattern, url: () => paths.review.href(es), expect: only('reviewer', 'secretary', 'admin') },
    { method: 'GET', route: paths.exportCsv.pattern, url: () => paths.exportCsv.href(es), expect: only('admin') },
  ],
});
