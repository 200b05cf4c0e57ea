/**
 * Library: every route the module mounts × every role. Documents belong to the Mesa of the matrix world (mt1):
 * a public one, one for members only, one for the Mesa's organizations only, and a fresh one per role for
 * deleting. Empty forms answer 422 (past authorization) or go back with a flash.
 */
import { defineRouteMatrix, everyone, only, type World } from '../../../tests/support/matrix.js';
import { createDocument, type DocumentInput } from './commands/save.js';
import { paths, apiMounted } from './paths.js';

interface Subjects {
  pub: string;
  members: string;
  body: string;
  fresh: () => Promise<string>;
}

const PDF = new TextEncoder().encode('%PDF-1.4\n%matrix\n');

async function setup(w: World): Promise<Subjects> {
  const { db, deps } = w.ctx;
  const make = async (over: Partial<DocumentInput>) => {
    const input: DocumentInput = {
      kind: 'study',
      title: { es: 'Documento de la matriz' },
      summary: { es: 'Resumen' },
      originalLang: 'es',
      bodyId: w.body.id,
      orgIds: [],
      authors: null,
      publishedOn: '2024-01-01',
      objectives: [1],
      countries: [],
      visibility: 'public',
      visibilityBodyId: null,
      licence: 'cc_by_4',
      ...over,
    };
    const r = await db.transaction().execute((trx) => createDocument(trx, w.users.admin, deps.config.dataDir, input, { es: { name: 'matriz.pdf', bytes: PDF } }));
    if (!r.ok) throw new Error(`library matrix setup: ${r.reason}`);
    return r.id;
  };
  return {
    pub: await make({}),
    members: await make({ visibility: 'members' }),
    body: await make({ visibility: 'body', visibilityBodyId: w.body.id }),
    fresh: () => make({}),
  };
}

export const matrix = defineRouteMatrix<Subjects>({
  module: 'library',
  setup,
  cases: (x) => {
    const doc = (r: { href: (l: 'es', p: { id: string }) => string }, which: keyof Omit<Subjects, 'fresh'> = 'pub') => () => r.href('es', { id: x()[which] });
    const file = (which: keyof Omit<Subjects, 'fresh'>) => () => paths.file.href('es', { id: x()[which], version: 'es' });
    const managers = only('secretary', 'admin');
    /** Members-only: people of member organizations in good standing (the suspended organization's people are not). */
    const members = { anonymous: 404, suspended: 404, otherOrg: 'allow', member: 'allow', bodyMember: 'allow', reviewer: 'allow', secretary: 'allow', admin: 'allow' } as const;
    /** The Mesa's organizations only (its secretary manages it). */
    const mesa = { anonymous: 404, suspended: 404, otherOrg: 404, member: 404, bodyMember: 'allow', reviewer: 404, secretary: 'allow', admin: 'allow' } as const;
    return [
      { method: 'GET', route: paths.list.pattern, url: () => paths.list.href('es'), expect: everyone() },
      { method: 'GET', route: paths.feed.pattern, url: () => paths.feed.href('es'), expect: everyone() },
      // The reviewer is the secretary of another Mesa: they may add documents of their own Mesa.
      { method: 'GET', route: paths.create.pattern, url: () => paths.create.href('es'), expect: only('reviewer', 'secretary', 'admin') },
      { method: 'POST', route: paths.create.pattern, url: () => paths.create.href('es'), expect: only('reviewer', 'secretary', 'admin') },
      { method: 'GET', route: paths.document.pattern, url: doc(paths.document), expect: everyone() },
      { method: 'GET', route: paths.document.pattern, url: doc(paths.document, 'members'), expect: members },
      { method: 'GET', route: paths.document.pattern, url: doc(paths.document, 'body'), expect: mesa },
      { method: 'GET', route: paths.file.pattern, url: file('pub'), expect: everyone() },
      { method: 'GET', route: paths.file.pattern, url: file('members'), expect: members },
      { method: 'GET', route: paths.file.pattern, url: file('body'), expect: mesa },
      { method: 'GET', route: paths.edit.pattern, url: doc(paths.edit), expect: managers },
      { method: 'POST', route: paths.edit.pattern, url: doc(paths.edit), expect: managers },
      { method: 'POST', route: paths.files.pattern, url: doc(paths.files), expect: managers },
      { method: 'POST', route: paths.removeFile.pattern, url: () => paths.removeFile.href('es', { id: x().pub, version: 'es' }), expect: managers },
      { method: 'POST', route: paths.remove.pattern, url: async () => paths.remove.href('es', { id: await x().fresh() }), expect: managers },
      { method: 'GET', route: apiMounted.list, url: () => apiMounted.list, expect: everyone() },
      { method: 'GET', route: apiMounted.one, url: () => apiMounted.one.replace(':id', x().pub), expect: everyone() },
    ];
  },
});
