/**
 * @module Library: adding, changing and deleting a document. The form's files (one per language) are all
 * checked before anything is written, so a refused upload leaves nothing behind.
 */
import { sql } from 'kysely';
import { unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { Db } from '../../../db/schema.js';
import { dialectOf } from '../../../db/migrator.js';
import { newId, nowIso } from '../../../db/ids.js';
import { audit } from '../../../platform/audit/audit.js';
import { ok, fail, type Outcome } from '../../../platform/outcome.js';
import type { Translated } from '../../../platform/i18n/translated.js';
import { stringifyTranslated } from '../../../platform/i18n/translated.js';
import type { DocKind, DocVisibility, Licence } from '../tables.js';
import { bumpSearchVersion, indexDocument, unindexDocument } from '../search.js';
import { checkUpload, storeFile, uploadsDir, type Upload } from './files.js';

export interface DocumentInput {
  kind: DocKind;
  title: Translated;
  summary: Translated;
  originalLang: string;
  bodyId: string | null;
  orgIds: string[];
  authors: string | null;
  publishedOn: string;
  objectives: number[];
  countries: string[];
  visibility: DocVisibility;
  visibilityBodyId: string | null;
  licence: Licence;
}

function row(input: DocumentInput) {
  return {
    kind: input.kind,
    title: stringifyTranslated(input.title),
    summary: stringifyTranslated(input.summary),
    original_lang: input.originalLang,
    body_id: input.bodyId,
    org_ids: JSON.stringify(input.orgIds),
    authors: input.authors,
    published_on: input.publishedOn,
    visibility: input.visibility,
    visibility_body_id: input.visibility === 'body' ? input.visibilityBodyId : null,
    licence: input.licence,
  };
}

async function writeTerms(db: Db, id: string, input: DocumentInput) {
  await db.deleteFrom('library_terms').where('document_id', '=', id).execute();
  const terms = [...new Set(input.objectives)].map((n) => ({ document_id: id, facet: 'objective', value: String(n) }));
  for (const c of new Set(input.countries)) terms.push({ document_id: id, facet: 'country', value: c });
  if (terms.length) await db.insertInto('library_terms').values(terms).execute();
}

function consistent(input: DocumentInput): Outcome {
  if (!input.title[input.originalLang as keyof Translated]) return fail('library.errors.originalTitle', { field: `title_${input.originalLang}` });
  if (input.visibility === 'body' && !input.visibilityBodyId) return fail('library.errors.visibilityBody', { field: 'visibility_body_id' });
  return ok();
}

/** Adds a document with its files (at least one; every file checked before any is written). */
export async function createDocument(db: Db, actorId: string | null, dataDir: string, input: DocumentInput, files: Record<string, Upload>): Promise<Outcome<{ id: string }>> {
  const c = consistent(input);
  if (!c.ok) return c;
  const langs = Object.keys(files);
  if (!langs.length) return fail('library.errors.fileNeeded', { field: `file_${input.originalLang}` });
  for (const l of langs) {
    const check = checkUpload(files[l]!, `file_${l}`);
    if (!check.ok) return check;
  }
  const id = newId();
  const now = nowIso();
  const seq = dialectOf(db as any) === 'sqlite' ? sql<number>`(select coalesce(max(seq), 0) + 1 from library_documents)` : null;
  await db
    .insertInto('library_documents')
    .values({ id, seq: seq as any, ...row(input), created_by: actorId, created_at: now, updated_at: now })
    .execute();
  await writeTerms(db, id, input);
  await audit(db, { actorId, action: 'library.created', subjectType: 'library_document', subjectId: id });
  for (const l of langs) {
    const r = await storeFile(db, actorId, dataDir, id, l, files[l]!, `file_${l}`);
    if (!r.ok) return r;
  }
  await indexDocument(db, id);
  await bumpSearchVersion(db);
  return ok({ id });
}

export async function updateDocument(db: Db, actorId: string, id: string, input: DocumentInput): Promise<Outcome> {
  const c = consistent(input);
  if (!c.ok) return c;
  const r = await db.updateTable('library_documents').set({ ...row(input), updated_at: nowIso() }).where('id', '=', id).executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) return fail('library.errors.notFound');
  await writeTerms(db, id, input);
  await audit(db, { actorId, action: 'library.updated', subjectType: 'library_document', subjectId: id });
  await indexDocument(db, id);
  await bumpSearchVersion(db);
  return ok();
}

/** Deletes a document, its files and its index rows; the history keeps its title. */
export async function deleteDocument(db: Db, actorId: string, dataDir: string, id: string, title: string): Promise<Outcome> {
  const doc = await db.selectFrom('library_documents').select(['id', 'seq']).where('id', '=', id).executeTakeFirst();
  if (!doc) return fail('library.errors.notFound');
  const files = await db.selectFrom('library_files').select('stored_name').where('document_id', '=', id).execute();
  await unindexDocument(db, doc);
  await db.deleteFrom('library_files').where('document_id', '=', id).execute();
  await db.deleteFrom('library_terms').where('document_id', '=', id).execute();
  const r = await db.deleteFrom('library_documents').where('id', '=', id).executeTakeFirst();
  if (Number(r.numDeletedRows) !== 1) return fail('library.errors.notFound');
  await audit(db, { actorId, action: 'library.deleted', subjectType: 'library_document', subjectId: id, data: { title } });
  await bumpSearchVersion(db);
  for (const f of files) await unlink(join(uploadsDir(dataDir), f.stored_name)).catch(() => {});
  return ok();
}
