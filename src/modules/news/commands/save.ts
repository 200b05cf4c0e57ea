/**
 * @module News: writing, scheduling, publishing and withdrawing posts. Every change writes the one history
 * (`news.*`) in the same transaction; a scheduled post gets a job at its time in the same transaction too
 * (`news.publish`, run by the platform's queue), and a schedule every five minutes publishes whatever is due in
 * case that job was lost — both through `publishDue`, a conditional update, so a post goes out once.
 */
import type { Db } from '../../../db/schema.js';
import { newId, nowIso } from '../../../db/ids.js';
import { isAdmin, type Actor } from '../../../platform/authz/authz.js';
import type { CurrentUser } from '../../../platform/http/env.js';
import { audit } from '../../../platform/audit/audit.js';
import { enqueueJob } from '../../../platform/jobs/jobs.js';
import { ok, fail, type Outcome } from '../../../platform/outcome.js';
import { stringifyTranslated } from '../../../platform/i18n/translated.js';
import { getBodyById } from '../../bodies/index.js';
import type { WriterFacts } from '../policy.js';
import type { PostInput } from '../schemas.js';
import type { NewsStatus } from '../tables.js';
import { getPost } from '../queries.js';

export const PUBLISH_JOB = 'news.publish';

/**
 * Creates (no `id`) or updates a post. `image` is the stored name of a new image (already checked and resized),
 * or undefined. Returns the post's id, its status, and an image file no longer used (to remove after the commit).
 */
export async function savePost(
  db: Db,
  actor: CurrentUser,
  f: WriterFacts,
  x: { id?: string; input: PostInput; image?: string; now?: Date },
): Promise<Outcome<{ id: string; status: NewsStatus; unusedImage: string | null }>> {
  const { input } = x;
  const now = x.now ?? new Date();
  const existing = x.id ? await getPost(db, x.id) : undefined;
  if (x.id && !existing) return fail('news.errors.notFound');
  // Whose news it is: a body the writer is secretary of, or (administrators) the Mechanism's own.
  if (!input.bodyId) {
    if (!isAdmin(actor)) return fail('news.errors.bodyRequired', { field: 'body' });
  } else {
    if (!(await getBodyById(db, input.bodyId))) return fail('news.errors.bodyRequired', { field: 'body' });
    if (!isAdmin(actor) && !f.secretaryOf.includes(input.bodyId)) return fail('news.errors.notYourBody', { field: 'body' });
  }
  const keepsImage = existing?.imageFile && !input.removeImage ? existing.imageFile : null;
  const imageFile = x.image ?? keepsImage;
  if (imageFile && !input.imageAlt && !existing?.imageAlt[input.originalLang]) return fail('news.errors.altRequired', { field: 'image_alt' });
  let status: NewsStatus;
  let publishAt: string | null = null;
  let publishedAt = existing?.publishedAt ?? null;
  if (input.publish === 'now') {
    status = 'published';
    publishedAt = existing?.status === 'published' ? existing.publishedAt : now.toISOString();
  } else if (input.publish === 'schedule') {
    if (!input.publishAt || new Date(input.publishAt) <= now) return fail('news.errors.scheduleInPast', { field: 'publish_at_on' });
    status = 'scheduled';
    publishAt = input.publishAt;
  } else {
    status = 'draft';
  }
  const id = existing?.id ?? newId();
  const stamp = nowIso();
  const alt = input.imageAlt ? stringifyTranslated({ ...(existing?.imageAlt ?? {}), [input.originalLang]: input.imageAlt }) : existing?.imageAlt ? stringifyTranslated(existing.imageAlt) : null;
  const values = {
    body_id: input.bodyId,
    title: stringifyTranslated(input.title),
    summary: stringifyTranslated(input.summary),
    body: stringifyTranslated(input.body),
    original_lang: input.originalLang,
    status,
    publish_at: publishAt,
    published_at: publishedAt,
    image_file: imageFile,
    image_alt: imageFile ? alt : null,
    updated_at: stamp,
  };
  if (existing) {
    await db.updateTable('news_posts').set(values).where('id', '=', id).execute();
    await audit(db, { actorId: actor.id, action: 'news.updated', subjectType: 'news', subjectId: id, data: input.bodyId ? { bodyId: input.bodyId } : undefined });
  } else {
    await db.insertInto('news_posts').values({ id, ...values, demo: 0, created_by: actor.id, created_at: stamp }).execute();
    await audit(db, { actorId: actor.id, action: 'news.created', subjectType: 'news', subjectId: id, data: input.bodyId ? { bodyId: input.bodyId } : undefined });
  }
  const before = existing?.status ?? null;
  if (status !== before || (status === 'scheduled' && publishAt !== existing?.publishAt)) {
    if (status === 'published') await audit(db, { actorId: actor.id, action: 'news.published', subjectType: 'news', subjectId: id, from: before, to: status });
    if (status === 'scheduled') await audit(db, { actorId: actor.id, action: 'news.scheduled', subjectType: 'news', subjectId: id, from: before, to: status, data: { at: publishAt } });
    if (status === 'draft' && before) await audit(db, { actorId: actor.id, action: 'news.withdrawn', subjectType: 'news', subjectId: id, from: before, to: status });
  }
  // The job at the post's time; keyed by the time, so a rescheduled post gets its own job (a job for an older
  // time finds nothing due and does nothing).
  if (status === 'scheduled' && publishAt) await enqueueJob(db, PUBLISH_JOB, { id }, { runAt: new Date(publishAt), uniqueKey: `${PUBLISH_JOB}:${id}:${publishAt}` });
  const unusedImage = existing?.imageFile && existing.imageFile !== imageFile ? existing.imageFile : null;
  return ok({ id, status, unusedImage });
}

/** Back to draft: a published or scheduled post leaves the news (its page answers 404 to readers again). */
export async function withdrawPost(db: Db, actor: Actor, id: string): Promise<Outcome<{ id: string }>> {
  const post = await getPost(db, id);
  if (!post) return fail('news.errors.notFound');
  const r = await db.updateTable('news_posts').set({ status: 'draft', publish_at: null, updated_at: nowIso() }).where('id', '=', id).where('status', '!=', 'draft').executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) return fail('news.errors.alreadyDraft');
  await audit(db, { actorId: actor?.id ?? null, action: 'news.withdrawn', subjectType: 'news', subjectId: id, from: post.status, to: 'draft' });
  return ok({ id });
}

/**
 * Publishes scheduled posts whose time has come (one post, or every one): each with a conditional update, so a
 * job and the safety-net schedule running together publish it once. Returns the ids published now.
 */
export async function publishDue(db: Db, now: Date, id?: string): Promise<string[]> {
  const at = now.toISOString();
  let q = db.selectFrom('news_posts').select('id').where('status', '=', 'scheduled').where('publish_at', '<=', at);
  if (id) q = q.where('id', '=', id);
  const due = await q.execute();
  const done: string[] = [];
  for (const { id: pid } of due) {
    const r = await db
      .updateTable('news_posts')
      .set({ status: 'published', published_at: at, publish_at: null, updated_at: at })
      .where('id', '=', pid)
      .where('status', '=', 'scheduled')
      .where('publish_at', '<=', at)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) continue;
    await audit(db, { actorId: null, action: 'news.publishedOnTime', subjectType: 'news', subjectId: pid, from: 'scheduled', to: 'published' });
    done.push(pid);
  }
  return done;
}
