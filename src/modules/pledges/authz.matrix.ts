/**
 * Pledges: every route the module mounts × every role. The matrix world's `member` organization leads the
 * pledges, with the `bodyMember`'s organization as co-pledging organization; the `reviewer` is made the Mesa
 * Técnica's coordinator (the pledges' reviewer besides administrators). Subjects: a draft, a submitted and a
 * published pledge, each with an attachment; posts that change a pledge's step get a fresh pledge per role. Other
 * POSTs are sent empty (a 422 is past authorization).
 */
import { defineRouteMatrix, everyone, only, signedIn, type World } from '../../../tests/support/matrix.js';
import { addBodyMember, assignPositions, getBodyBySlug } from '../bodies/index.js';
import { savePledge } from './commands/save.js';
import { pledgesTx, submitPledge, confirmPledge, publishPledge } from './commands/workflow.js';
import type { PledgeInput } from './schemas.js';
import { paths, apiPaths } from './paths.js';

type State = 'draft' | 'submitted' | 'published';
interface Subjects {
  draft: string;
  submitted: string;
  published: string;
  publishedRef: string;
  draftRef: string;
  fresh: (state: State) => Promise<string>;
}

const PDF = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x34]);

async function setup(w: World): Promise<Subjects> {
  const { db, deps } = w.ctx;
  const must = <T extends { ok: boolean }>(r: T) => {
    if (!r.ok) throw new Error(`pledges matrix setup: ${JSON.stringify(r)}`);
    return r as Extract<T, { ok: true }>;
  };
  const mt = (await getBodyBySlug(db, 'mesa-tecnica'))!;
  await addBodyMember(db, mt.id, w.orgs.reviewerOrg.id);
  must(await assignPositions(db, null, { bodyId: mt.id, assignments: [{ position: 'coordinator', userId: w.users.reviewer, orgId: w.orgs.reviewerOrg.id, holderName: 'Matrix reviewer' }], startsOn: '2020-01-01', endsOn: null, source: 'appointment' }));
  const input: PledgeInput = {
    leadOrg: w.orgs.org.id,
    coOrgs: [w.orgs.bodyOrg.id],
    bodySlug: null,
    kind: 'common',
    matchesRef: null,
    matchesExternalId: null,
    matchesExternalTitle: null,
    title: { es: 'Compromiso de la matriz' },
    description: { es: 'x'.repeat(400) },
    forms: ['process'],
    objectives: [16],
    principles: [1],
    countries: ['CL'],
    scope: 'national',
    partners: [],
    startsOn: null,
    endsOn: null,
    removeAttachment: false,
  };
  const tx = <T>(fn: (t: ReturnType<typeof pledgesTx>) => Promise<T>) => db.transaction().execute((trx) => fn(pledgesTx(trx, deps)));
  const fresh = async (state: State) => {
    const id = must(await tx((t) => savePledge(t.db, { actorId: w.users.member, mayLead: () => true, dataDir: deps.config.dataDir }, input, { name: 'matriz.pdf', bytes: PDF }))).id;
    if (state === 'draft') return id;
    must(await tx((t) => submitPledge(t, w.users.member, id)));
    must(await tx((t) => confirmPledge(t, w.users.bodyMember, id, w.orgs.bodyOrg.id)));
    if (state === 'published') must(await tx((t) => publishPledge(t, w.users.admin, id, null)));
    return id;
  };
  const ref = async (id: string) => (await db.selectFrom('pledges').select('ref').where('id', '=', id).executeTakeFirstOrThrow()).ref;
  const draft = await fresh('draft');
  const published = await fresh('published');
  return { draft, submitted: await fresh('submitted'), published, publishedRef: await ref(published), draftRef: await ref(draft), fresh };
}

const workers = () => only('member', 'bodyMember', 'admin');

export const matrix = defineRouteMatrix<Subjects>({
  module: 'pledges',
  setup,
  cases: (x) => {
    const at = (r: { href: (l: 'es', p: { id: string }) => string }, k: State) => () => r.href('es', { id: x()[k] });
    const freshAt = (r: { href: (l: 'es', p: { id: string }) => string }, k: State) => async () => r.href('es', { id: await x().fresh(k) });
    const notFoundFor = (base: ReturnType<typeof only>, roles: (keyof ReturnType<typeof only>)[]) => ({ ...base, ...Object.fromEntries(roles.map((r) => [r, 404])) });
    return [
      { method: 'GET', route: paths.list.pattern, url: () => paths.list.href('es', {}, { objective: '16', kind: 'common' }), expect: everyone() },
      { method: 'GET', route: paths.dashboard.pattern, url: () => paths.dashboard.href('es', {}, { objective: '16', form: 'process' }), expect: everyone() },
      // The public dashboard (dashboard-routes.tsx): everyone, at its one address per set of filters.
      { method: 'GET', route: paths.dashboard.pattern, url: () => paths.dashboard.href('es', {}, { objective: '16', country: 'CL' }), expect: everyone() },
      { method: 'GET', route: paths.exportCsv.pattern, url: () => paths.exportCsv.href('es'), expect: everyone() },
      { method: 'GET', route: paths.mine.pattern, url: () => paths.mine.href('es'), expect: signedIn() },
      { method: 'GET', route: paths.create.pattern, url: () => paths.create.href('es'), expect: only('otherOrg', 'member', 'bodyMember', 'reviewer', 'secretary', 'admin') },
      { method: 'POST', route: paths.create.pattern, url: () => paths.create.href('es'), expect: only('otherOrg', 'member', 'bodyMember', 'reviewer', 'secretary', 'admin') },
      { method: 'GET', route: paths.pledge.pattern, url: at(paths.pledge, 'draft'), expect: workers() },
      { method: 'GET', route: paths.pledge.pattern, url: at(paths.pledge, 'submitted'), expect: only('member', 'bodyMember', 'reviewer', 'admin') },
      { method: 'GET', route: paths.pledge.pattern, url: at(paths.pledge, 'published'), expect: everyone() },
      { method: 'GET', route: paths.edit.pattern, url: at(paths.edit, 'draft'), expect: only('member', 'admin') },
      { method: 'POST', route: paths.edit.pattern, url: at(paths.edit, 'draft'), expect: only('member', 'admin') },
      { method: 'POST', route: paths.submit.pattern, url: freshAt(paths.submit, 'draft'), expect: only('member', 'admin') },
      { method: 'POST', route: paths.confirm.pattern, url: freshAt(paths.confirm, 'draft'), expect: only('bodyMember') },
      { method: 'POST', route: paths.review.pattern, url: freshAt(paths.review, 'submitted'), form: () => ({ decision: 'publish' }), expect: only('reviewer', 'admin') },
      { method: 'POST', route: paths.update.pattern, url: at(paths.update, 'published'), expect: workers() },
      { method: 'POST', route: paths.unId.pattern, url: at(paths.unId, 'published'), expect: only('member', 'bodyMember', 'reviewer', 'admin') },
      { method: 'POST', route: paths.withdraw.pattern, url: freshAt(paths.withdraw, 'published'), form: () => ({ comment: 'Matriz' }), expect: only('member', 'admin') },
      { method: 'GET', route: paths.attachment.pattern, url: at(paths.attachment, 'draft'), expect: workers() },
      { method: 'GET', route: paths.attachment.pattern, url: at(paths.attachment, 'published'), expect: everyone() },
      { method: 'GET', route: paths.pdf.pattern, url: at(paths.pdf, 'published'), expect: everyone() },
      // The UN-form documents exist once published: those who may see the draft get 404, others 403/401.
      { method: 'GET', route: paths.pdf.pattern, url: at(paths.pdf, 'draft'), expect: notFoundFor(workers(), ['member', 'bodyMember', 'admin']) },
      { method: 'GET', route: paths.json.pattern, url: at(paths.json, 'published'), expect: everyone() },
      { method: 'GET', route: paths.links.pattern, url: at(paths.links, 'published'), expect: workers() },
      { method: 'POST', route: paths.links.pattern, url: at(paths.links, 'published'), expect: workers() },
      { method: 'POST', route: paths.unlink.pattern, url: at(paths.unlink, 'published'), expect: workers() },
      { method: 'GET', route: apiPaths.mounted(apiPaths.list), url: () => `${apiPaths.mounted(apiPaths.list)}?objective=16`, expect: everyone() },
      { method: 'GET', route: apiPaths.mounted(apiPaths.one), url: () => apiPaths.mounted(apiPaths.one).replace(':ref', x().publishedRef), expect: everyone() },
      {
        method: 'GET',
        route: apiPaths.mounted(apiPaths.one),
        url: () => apiPaths.mounted(apiPaths.one).replace(':ref', x().draftRef),
        expect: { anonymous: 404, suspended: 404, otherOrg: 404, member: 404, bodyMember: 404, reviewer: 404, secretary: 404, admin: 404 },
      },
    ];
  },
});
