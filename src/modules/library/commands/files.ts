/**
 * @module Library: a document's files, one per language. Checked by the platform's `checkFile` (bytes, not
 * names), stored outside the web root under generated names (DATA_DIR/uploads/library), read for text by the
 * `library.extract` job after the commit (a PDF that cannot be read is flagged, never refused).
 */
import { mkdir, writeFile, unlink, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Db } from '../../../db/schema.js';
import { newId, nowIso } from '../../../db/ids.js';
import { audit } from '../../../platform/audit/audit.js';
import { enqueueJob } from '../../../platform/jobs/jobs.js';
import { checkFile, cleanName } from '../../../platform/files.js';
import { ok, fail, type Outcome } from '../../../platform/outcome.js';
import { bumpSearchVersion, indexDocument } from '../search.js';

/** The largest file a document version may be. */
export const MAX_BYTES = 20 * 1024 * 1024;
export const EXTRACT_JOB = 'library.extract';

export const uploadsDir = (dataDir: string) => join(dataDir, 'uploads', 'library');

export interface Upload {
  name: string;
  bytes: Uint8Array;
}

/** Checks an upload before anything is written (the create form checks every language's file first). */
export function checkUpload(u: Upload, field: string) {
  return checkFile(u.name, u.bytes, { maxBytes: MAX_BYTES, field });
}

/**
 * Stores (or replaces) the file of one language and asks for its text. The old file of that language is
 * removed from disk once the new row is written.
 */
export async function storeFile(db: Db, actorId: string | null, dataDir: string, documentId: string, lang: string, u: Upload, field = 'file'): Promise<Outcome<{ id: string }>> {
  const check = checkUpload(u, field);
  if (!check.ok) return check;
  const old = await db.selectFrom('library_files').select(['id', 'stored_name']).where('document_id', '=', documentId).where('lang', '=', lang).executeTakeFirst();
  const id = newId();
  const stored = `${newId()}${newId()}.${check.ext}`;
  await mkdir(uploadsDir(dataDir), { recursive: true });
  await writeFile(join(uploadsDir(dataDir), stored), u.bytes, { mode: 0o600 });
  if (old) await db.deleteFrom('library_files').where('id', '=', old.id).execute();
  const isPdf = check.ext === 'pdf';
  await db
    .insertInto('library_files')
    .values({
      id,
      document_id: documentId,
      lang,
      file_name: cleanName(u.name),
      stored_name: stored,
      content_type: check.type,
      size: u.bytes.length,
      text: null,
      text_status: isPdf ? 'pending' : 'none',
      uploaded_by: actorId,
      created_at: nowIso(),
    })
    .execute();
  await db.updateTable('library_documents').set({ updated_at: nowIso() }).where('id', '=', documentId).execute();
  await audit(db, { actorId, action: old ? 'library.fileReplaced' : 'library.fileAdded', subjectType: 'library_document', subjectId: documentId, data: { lang, file: cleanName(u.name) } });
  if (isPdf) await enqueueJob(db, EXTRACT_JOB, { fileId: id });
  await indexDocument(db, documentId);
  await bumpSearchVersion(db);
  if (old) await unlink(join(uploadsDir(dataDir), old.stored_name)).catch(() => {});
  return ok({ id });
}

/** Removes one language's file (a document keeps at least one). */
export async function removeFile(db: Db, actorId: string, dataDir: string, documentId: string, lang: string): Promise<Outcome> {
  const files = await db.selectFrom('library_files').select(['id', 'lang', 'stored_name', 'file_name']).where('document_id', '=', documentId).execute();
  const f = files.find((x) => x.lang === lang);
  if (!f) return fail('library.errors.noFile');
  if (files.length === 1) return fail('library.errors.lastFile');
  const r = await db.deleteFrom('library_files').where('id', '=', f.id).executeTakeFirst();
  if (Number(r.numDeletedRows) !== 1) return fail('library.errors.noFile');
  await audit(db, { actorId, action: 'library.fileRemoved', subjectType: 'library_document', subjectId: documentId, data: { lang, file: f.file_name } });
  await indexDocument(db, documentId);
  await bumpSearchVersion(db);
  await unlink(join(uploadsDir(dataDir), f.stored_name)).catch(() => {});
  return ok();
}

/** The bytes of a stored file (null when missing on disk). */
export async function fileBytes(dataDir: string, storedName: string): Promise<Buffer | null> {
  return readFile(join(uploadsDir(dataDir), storedName)).catch(() => null);
}
