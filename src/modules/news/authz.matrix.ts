/**
 * News (and the Atom feeds of practices and events, which this module added): every route × every role.
 * Subjects are posts of the matrix Mesa (mt1), written by its secretary: one published with an image, one draft
 * with an image. Withdrawing gets a fresh published post per role; other POSTs are sent empty (a 422 is past
 * authorization).
 */
import { defineRouteMatrix, everyone, only, type World } from '../../../tests/support/matrix.js';
import { paths, apiPaths } from './paths.js';
import { paths as practicesPaths } from '../practices/paths.js';
import { paths as eventsPaths } from '../events/paths.js';
import { makePost, actorOf, SAMPLE_PDF } from './factories.js';
import { addAttachment } from './commands/attachments.js';
import { getPost } from './queries.js';
import { smallOf } from './image.js';

interface Subjects {
  publishedFile: string;
  draftFile: string;
  published: string;
  draft: string;
  publishedImage: string;
  draftImage: string;
  fresh: () => Promise<string>;
}

async function setup(w: World): Promise<Subjects> {
  const { db, deps } = w.ctx;
  const write = (over: Parameters<typeof makePost>[3]) => makePost(db, deps.config.dataDir, w.users.secretary, { bodyId: w.body.id, ...over });
  const published = await write({ image: true });
  const draft = await write({ image: true, publish: 'draft', title: { es: 'Borrador de la matriz' } });
  const attach = async (postId: string) => {
    const r = await db.transaction().execute(async (trx) => addAttachment(trx, await actorOf(trx, w.users.secretary), deps.config.dataDir, postId, { name: 'acta.pdf', bytes: SAMPLE_PDF }));
    if (!r.ok) throw new Error(`news matrix: ${r.reason}`);
    return r.id;
  };
  return {
    publishedFile: await attach(published),
    draftFile: await attach(draft),
    published,
    draft,
    publishedImage: (await getPost(db, published))!.imageFile!,
    draftImage: smallOf((await getPost(db, draft))!.imageFile!),
    fresh: () => write({}),
  };
}

/** Only the post's writers (the Mesa's secretary, administrators) see it; anyone else gets a 404. */
const writersOnly404 = () => ({ anonymous: 404, suspended: 404, otherOrg: 404, member: 404, bodyMember: 404, reviewer: 404, secretary: 'allow', admin: 'allow' }) as const;

export const matrix = defineRouteMatrix<Subjects>({
  module: 'news',
  setup,
  cases: (x) => {
    const at = (r: { href: (l: 'es', p: { id: string }) => string }, k: 'published' | 'draft') => () => r.href('es', { id: x()[k] });
    return [
      { method: 'GET', route: paths.list.pattern, url: () => paths.list.href('es'), expect: everyone() },
      { method: 'GET', route: paths.feed.pattern, url: () => paths.feed.href('es'), expect: everyone() },
      { method: 'GET', route: paths.body.pattern, url: (w) => paths.body.href('es', { slug: w.body.slug }), expect: everyone() },
      { method: 'GET', route: paths.bodyFeed.pattern, url: (w) => paths.bodyFeed.href('es', { slug: w.body.slug }), expect: everyone() },
      // The reviewer is the secretary of another Mesa: they write that Mesa's news.
      { method: 'GET', route: paths.drafts.pattern, url: () => paths.drafts.href('es'), expect: only('reviewer', 'secretary', 'admin') },
      { method: 'GET', route: paths.create.pattern, url: () => paths.create.href('es'), expect: only('reviewer', 'secretary', 'admin') },
      { method: 'POST', route: paths.create.pattern, url: () => paths.create.href('es'), expect: only('reviewer', 'secretary', 'admin') },
      { method: 'GET', route: paths.post.pattern, url: at(paths.post, 'published'), expect: everyone() },
      { method: 'GET', route: paths.post.pattern, url: at(paths.post, 'draft'), expect: writersOnly404() },
      { method: 'GET', route: paths.edit.pattern, url: at(paths.edit, 'published'), expect: only('secretary', 'admin') },
      { method: 'GET', route: paths.edit.pattern, url: at(paths.edit, 'draft'), expect: { ...writersOnly404(), anonymous: 401 } },
      { method: 'POST', route: paths.edit.pattern, url: at(paths.edit, 'published'), expect: only('secretary', 'admin') },
      { method: 'POST', route: paths.edit.pattern, url: at(paths.edit, 'draft'), expect: { ...writersOnly404(), anonymous: 401 } },
      { method: 'POST', route: paths.withdraw.pattern, url: async () => paths.withdraw.href('es', { id: await x().fresh() }), expect: only('secretary', 'admin') },
      // An empty upload is refused at its field (422): past authorization.
      { method: 'POST', route: paths.attachments.pattern, url: at(paths.attachments, 'published'), expect: only('secretary', 'admin') },
      { method: 'POST', route: paths.attachments.pattern, url: at(paths.attachments, 'draft'), expect: { ...writersOnly404(), anonymous: 401 } },
      // A document that is not there: refused with a flash after authorization, nothing changes.
      { method: 'POST', route: paths.detach.pattern, url: () => paths.detach.href('es', { id: x().published, aid: 'zzzzzzzzzzzzzzzz' }), expect: only('secretary', 'admin') },
      { method: 'GET', route: paths.file.pattern, url: () => paths.file.href('es', { id: x().published, aid: x().publishedFile }), expect: everyone() },
      { method: 'GET', route: paths.file.pattern, url: () => paths.file.href('es', { id: x().draft, aid: x().draftFile }), expect: writersOnly404() },
      { method: 'GET', route: paths.image.pattern, url: () => paths.image.href('es', { file: x().publishedImage }), expect: everyone() },
      { method: 'GET', route: paths.image.pattern, url: () => paths.image.href('es', { file: x().draftImage }), expect: writersOnly404() },
      { method: 'GET', route: apiPaths.mounted(apiPaths.list), url: () => apiPaths.mounted(apiPaths.list), expect: everyone() },
      { method: 'GET', route: apiPaths.mounted(apiPaths.post), url: () => apiPaths.mounted(apiPaths.post).replace(':id', x().published), expect: everyone() },
      {
        method: 'GET',
        route: apiPaths.mounted(apiPaths.post),
        url: () => apiPaths.mounted(apiPaths.post).replace(':id', x().draft),
        expect: { anonymous: 404, suspended: 404, otherOrg: 404, member: 404, bodyMember: 404, reviewer: 404, secretary: 404, admin: 404 },
      },
      // The Atom feeds of published practices and upcoming public events (their modules' feed.ts).
      { method: 'GET', route: practicesPaths.feed.pattern, url: () => practicesPaths.feed.href('es'), expect: everyone() },
      { method: 'GET', route: eventsPaths.atom.pattern, url: () => eventsPaths.atom.href('es'), expect: everyone() },
    ];
  },
});
