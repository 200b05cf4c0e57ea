/**
 * @module News: a post's attachments (documents). Each file is checked by its name and its first bytes with the
 * platform's `checkFile` (platform/files.ts: PDF, images, office documents up to 10 MB; nothing executable), stored outside the web root (DATA_DIR/uploads/news-files) under a generated
 * name, served as a download with safe headers; at most 10 per post.
 */
import { mkdir, writeFile, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { Db } from '../../../db/schema.js';
import { newId, nowIso } from '../../../db/ids.js';
import type { CurrentUser } from '../../../platform/http/env.js';
import { audit } from '../../../platform/audit/audit.js';
import { ok, fail, type Outcome } from '../../../platform/outcome.js';
import { checkFile, cleanName } from '../../../platform/files.js';

/** The largest attachment. */
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;

export const MAX_ATTACHMENTS = 10;
export const filesDir = (dataDir: string) => join(dataDir, 'uploads', 'news-files');
const STORED = /^[0-9a-z]{32}\.[a-z0-9]{2,5}$/;

export interface Attachment {
  id: string;
  name: string;
  type: string;
  size: number;
}

export async function attachmentsOf(db: Db, postId: string): Promise<Attachment[]> {
  return db.selectFrom('news_attachments').select(['id', 'name', 'type', 'size']).where('post_id', '=', postId).orderBy('created_at').orderBy('id').execute();
}

export async function addAttachment(db: Db, actor: CurrentUser, dataDir: string, postId: string, file: { name: string; bytes: Uint8Array }): Promise<Outcome<{ id: string }>> {
  const check = checkFile(file.name, file.bytes, { maxBytes: ATTACHMENT_MAX_BYTES });
  if (!check.ok) return check;
  const count = await db.selectFrom('news_attachments').select((e) => e.fn.countAll<number>().as('n')).where('post_id', '=', postId).executeTakeFirst();
  if (Number(count?.n ?? 0) >= MAX_ATTACHMENTS) return fail('news.errors.tooManyFiles', { field: 'file', params: { count: MAX_ATTACHMENTS } });
  const id = newId();
  const stored = `${newId()}${newId()}.${check.ext}`;
  await mkdir(filesDir(dataDir), { recursive: true });
  await writeFile(join(filesDir(dataDir), stored), file.bytes, { mode: 0o600 });
  await db.insertInto('news_attachments').values({ id, post_id: postId, name: cleanName(file.name), file: stored, type: check.type, size: file.bytes.length, created_at: nowIso() }).execute();
  await audit(db, { actorId: actor.id, action: 'news.attached', subjectType: 'news', subjectId: postId, data: { file: cleanName(file.name) } });
  return ok({ id });
}

/** Removes an attachment: its row, then (after the commit) its file. */
export async function removeAttachment(db: Db, actor: CurrentUser, postId: string, attachmentId: string): Promise<Outcome<{ file: string }>> {
  const row = await db.selectFrom('news_attachments').selectAll().where('id', '=', attachmentId).where('post_id', '=', postId).executeTakeFirst();
  if (!row) return fail('news.errors.fileGone');
  const r = await db.deleteFrom('news_attachments').where('id', '=', attachmentId).where('post_id', '=', postId).executeTakeFirst();
  if (Number(r.numDeletedRows) !== 1) return fail('news.errors.fileGone');
  await audit(db, { actorId: actor.id, action: 'news.detached', subjectType: 'news', subjectId: postId, data: { file: row.name } });
  return ok({ file: row.file });
}

export async function deleteStoredFile(dataDir: string, file: string) {
  if (STORED.test(file)) await unlink(join(filesDir(dataDir), file)).catch(() => {});
}

/** The attachment's row and bytes, or null. */
export async function readAttachment(db: Db, dataDir: string, postId: string, attachmentId: string) {
  const row = await db.selectFrom('news_attachments').selectAll().where('id', '=', attachmentId).where('post_id', '=', postId).executeTakeFirst();
  if (!row || !STORED.test(row.file)) return null;
  const bytes = await readFile(join(filesDir(dataDir), row.file)).catch(() => null);
  return bytes ? { row, bytes } : null;
}
