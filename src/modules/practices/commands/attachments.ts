/**
 * @module Practices: attachments. PDF, images and office documents up to 10 MB, checked by the platform's
 * `checkFile` (platform/files.ts), stored outside the web root (DATA_DIR/uploads/practices) under generated names.
 */
import { mkdir, writeFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { Db } from '../../../db/schema.js';
import { newId, nowIso } from '../../../db/ids.js';
import type { CurrentUser } from '../../../platform/http/env.js';
import { audit } from '../../../platform/audit/audit.js';
import { ok, fail, type Outcome } from '../../../platform/outcome.js';
import { checkFile, cleanName } from '../../../platform/files.js';

export const MAX_BYTES = 10 * 1024 * 1024;

export const uploadsDir = (dataDir: string) => join(dataDir, 'uploads', 'practices');

/** Stores a checked file (at most 10 per practice) and records it in the practice's history. */
export async function addAttachment(db: Db, actor: CurrentUser, dataDir: string, practiceId: string, file: { name: string; bytes: Uint8Array }): Promise<Outcome<{ id: string }>> {
  const check = checkFile(file.name, file.bytes, { maxBytes: MAX_BYTES });
  if (!check.ok) return check;
  const count = await db.selectFrom('practice_attachments').select((e) => e.fn.countAll<number>().as('n')).where('practice_id', '=', practiceId).executeTakeFirst();
  if (Number(count?.n ?? 0) >= 10) return fail('practices.errors.fileTooMany', { field: 'file' });
  const id = newId();
  const stored = `${newId()}${newId()}.${check.ext}`;
  await mkdir(uploadsDir(dataDir), { recursive: true });
  await writeFile(join(uploadsDir(dataDir), stored), file.bytes, { mode: 0o600 });
  await db
    .insertInto('practice_attachments')
    .values({ id, practice_id: practiceId, file_name: cleanName(file.name), stored_name: stored, content_type: check.type, size: file.bytes.length, uploaded_by: actor.id, created_at: nowIso() })
    .execute();
  await audit(db, { actorId: actor.id, action: 'practice.attach', subjectType: 'practice', subjectId: practiceId, data: { attachment: id } });
  return ok({ id });
}

/** Removes an attachment (its row, then its file); refused when someone removed it first. */
export async function removeAttachment(db: Db, actor: CurrentUser, dataDir: string, practiceId: string, attachmentId: string): Promise<Outcome> {
  const row = await db.selectFrom('practice_attachments').selectAll().where('id', '=', attachmentId).where('practice_id', '=', practiceId).executeTakeFirst();
  if (!row) return fail('practices.errors.notFound');
  const r = await db.deleteFrom('practice_attachments').where('id', '=', attachmentId).where('practice_id', '=', practiceId).executeTakeFirst();
  if (Number(r.numDeletedRows) !== 1) return fail('practices.errors.notFound');
  await audit(db, { actorId: actor.id, action: 'practice.detach', subjectType: 'practice', subjectId: practiceId, data: { attachment: attachmentId } });
  await unlink(join(uploadsDir(dataDir), row.stored_name)).catch(() => {});
  return ok();
}
