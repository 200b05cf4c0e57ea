/** @module Library: reading documents, their files and terms. */
import type { Db } from '../../db/schema.js';
import { parseTranslated, type Translated } from '../../platform/i18n/translated.js';
import type { DocKind, DocVisibility, Licence, TextStatus } from './tables.js';
import type { DocRef } from './policy.js';

export interface DocFile {
  id: string;
  lang: string;
  fileName: string;
  storedName: string;
  contentType: string;
  size: number;
  textStatus: TextStatus;
  createdAt: string;
}

export interface Document extends DocRef {
  id: string;
  seq: number | null;
  kind: DocKind;
  title: Translated;
  summary: Translated;
  originalLang: string;
  orgIds: string[];
  authors: string | null;
  publishedOn: string;
  licence: Licence;
  objectives: number[];
  countries: string[];
  files: DocFile[];
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

const list = (s: string | null | undefined): string[] => {
  try {
    const v = JSON.parse(s ?? '[]');
    return Array.isArray(v) ? v.map(String) : [];
  } catch {
    return [];
  }
};

type DocRow = Awaited<ReturnType<typeof docRows>>[number];
const docRows = (db: Db, ids: string[]) => db.selectFrom('library_documents').selectAll().where('id', 'in', ids).execute();

function toDocument(r: DocRow, files: DocFile[], terms: { facet: string; value: string }[]): Document {
  return {
    id: r.id,
    seq: r.seq,
    kind: r.kind,
    title: parseTranslated(r.title),
    summary: parseTranslated(r.summary),
    originalLang: r.original_lang,
    bodyId: r.body_id,
    orgIds: list(r.org_ids),
    authors: r.authors,
    publishedOn: r.published_on,
    visibility: r.visibility,
    visibilityBodyId: r.visibility_body_id,
    licence: r.licence,
    objectives: terms.filter((t) => t.facet === 'objective').map((t) => Number(t.value)).sort((a, b) => a - b),
    countries: terms.filter((t) => t.facet === 'country').map((t) => t.value).sort(),
    files: files.sort((a, b) => a.lang.localeCompare(b.lang)),
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** Documents by id (in the order asked; unknown ids left out), with their files and terms. */
export async function documentsByIds(db: Db, ids: string[]): Promise<Document[]> {
  if (!ids.length) return [];
  const [rows, files, terms] = await Promise.all([
    docRows(db, ids),
    db.selectFrom('library_files').select(['id', 'document_id', 'lang', 'file_name', 'stored_name', 'content_type', 'size', 'text_status', 'created_at']).where('document_id', 'in', ids).execute(),
    db.selectFrom('library_terms').selectAll().where('document_id', 'in', ids).execute(),
  ]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    const fs = files
      .filter((f) => f.document_id === id)
      .map((f) => ({ id: f.id, lang: f.lang, fileName: f.file_name, storedName: f.stored_name, contentType: f.content_type, size: Number(f.size), textStatus: f.text_status, createdAt: f.created_at }));
    return [toDocument(r, fs, terms.filter((t) => t.document_id === id))];
  });
}

export async function getDocument(db: Db, id: string): Promise<Document | null> {
  return (await documentsByIds(db, [id]))[0] ?? null;
}
