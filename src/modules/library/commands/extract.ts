/**
 * @module Library: the text extraction job. Reads a PDF's text after its upload committed, stores it and
 * re-indexes the document. An encrypted or malformed PDF is flagged `failed` ("the text could not be read")
 * and the job ends normally: retrying would not help. Idempotent: a file replaced or removed meanwhile is skipped.
 */
import type { JobDefinition } from '../../../platform/jobs/jobs.js';
import { pdfText } from '../pdf.js';
import { fileBytes, EXTRACT_JOB } from './files.js';
import { bumpSearchVersion, indexDocument } from '../search.js';

export const extractJob: JobDefinition<{ fileId: string }> = {
  name: EXTRACT_JOB,
  maxAttempts: 3,
  handler: async ({ fileId }, { deps, log }) => {
    const { db, config } = deps;
    const f = await db.selectFrom('library_files').select(['id', 'document_id', 'stored_name', 'text_status']).where('id', '=', fileId).executeTakeFirst();
    if (!f || f.text_status !== 'pending') return;
    const bytes = await fileBytes(config.dataDir, f.stored_name);
    if (!bytes) throw new Error(`library: file ${fileId} is missing on disk`);
    let text: string | null = null;
    try {
      text = await pdfText(bytes);
    } catch (err) {
      log.warn({ fileId, err: (err as Error).name }, 'library: the PDF text could not be read');
    }
    const changed = await db.transaction().execute(async (trx) => {
      const r = await trx
        .updateTable('library_files')
        .set({ text, text_status: text === null ? 'failed' : 'done' })
        .where('id', '=', fileId)
        .where('text_status', '=', 'pending')
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) return false;
      await indexDocument(trx, f.document_id);
      await bumpSearchVersion(trx);
      return true;
    });
    if (changed) deps.cache.clear(); // cached public pages (search results) now miss the new text
  },
};
