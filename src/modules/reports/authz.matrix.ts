/**
 * Reports: every route the module mounts × every role. Published editions are public; a live report and
 * publishing are the administrators' for the Mechanism (and objectives), and the body's secretary's for the
 * body's report (the reviewer, secretary of another Mesa, is refused). Subjects: an edition published in setup.
 */
import { defineRouteMatrix, everyone, only } from '../../../tests/support/matrix.js';
import { gatherReport } from './generate.js';
import { publishEdition } from './queries.js';
import { paths, apiPaths, apiMounted } from './paths.js';

interface Subjects {
  edition: string;
}

const year = String(new Date().getUTCFullYear());
const mechanism = { kind: 'mechanism', period: 'year', year };
const objective = { kind: 'objective', objective: 3, period: 'year', year };
const body = { kind: 'body', body: 'mt1', period: 'year', year };

export const matrix = defineRouteMatrix<Subjects>({
  module: 'reports',
  setup: async (w) => {
    const { db, deps } = w.ctx;
    const data = await gatherReport({ db, dialect: deps.dialect, modules: deps.modules }, { kind: 'mechanism', from: `${year}-01-01`, to: `${Number(year) + 1}-01-01` }, {});
    const r = await db.transaction().execute((trx) => publishEdition(trx, w.users.admin, data));
    if (!r.ok) throw new Error('reports matrix setup: cannot publish');
    return { edition: r.id };
  },
  cases: (x) => [
    { method: 'GET', route: paths.list.pattern, url: () => paths.list.href('es'), expect: everyone() },
    { method: 'GET', route: paths.preview.pattern, url: () => paths.preview.href('es', {}, mechanism), expect: only('admin') },
    { method: 'GET', route: paths.preview.pattern, url: () => paths.preview.href('es', {}, objective), expect: only('admin') },
    { method: 'GET', route: paths.preview.pattern, url: () => paths.preview.href('es', {}, body), expect: only('secretary', 'admin') },
    { method: 'GET', route: paths.previewPdf.pattern, url: () => paths.previewPdf.href('es', {}, body), expect: only('secretary', 'admin') },
    { method: 'GET', route: paths.previewPdf.pattern, url: () => paths.previewPdf.href('es', {}, mechanism), expect: only('admin') },
    { method: 'GET', route: paths.edition.pattern, url: () => paths.edition.href('es', { id: x().edition }), expect: everyone() },
    { method: 'GET', route: paths.pdf.pattern, url: () => paths.pdf.href('pt', { id: x().edition }), expect: everyone() },
    { method: 'GET', route: apiMounted(apiPaths.list), url: () => apiMounted(apiPaths.list), expect: everyone() },
    { method: 'GET', route: apiMounted(apiPaths.edition), url: () => apiMounted(apiPaths.edition).replace(':id', x().edition), expect: everyone() },
    // Last: publishing adds editions (each allowed role publishes one).
    { method: 'POST', route: paths.publish.pattern, url: () => paths.publish.href('es', {}, body), expect: only('secretary', 'admin') },
    { method: 'POST', route: paths.publish.pattern, url: () => paths.publish.href('es', {}, objective), expect: only('admin') },
    { method: 'POST', route: paths.publish.pattern, url: () => paths.publish.href('es', {}, mechanism), expect: only('admin') },
  ],
});
