/** @module Library's tables: documents, their files (one per language), their objectives and countries, the search index. */

export const DOC_KINDS = ['manual', 'study', 'info_sheet', 'communication_strategy', 'presentation', 'statement', 'minutes', 'other'] as const;
export type DocKind = (typeof DOC_KINDS)[number];
/** public: anyone; members: people of member organizations; body: people of the chosen body's member organizations. */
export const DOC_VISIBILITIES = ['public', 'members', 'body'] as const;
export type DocVisibility = (typeof DOC_VISIBILITIES)[number];
export const LICENCES = ['cc_by_4', 'cc_by_sa_4', 'cc_by_nc_4', 'cc_by_nc_nd_4', 'cc0', 'all_rights_reserved'] as const;
export type Licence = (typeof LICENCES)[number];
/** pending: waiting for the extraction job; done: text read; failed: the PDF could not be read (encrypted, malformed); none: not a PDF. */
export type TextStatus = 'pending' | 'done' | 'failed' | 'none';

export interface LibraryDocumentsTable {
  id: string;
  /** SQLite: the full-text rows' key (rowid = seq × 4 + language); null on PostgreSQL. */
  seq: number | null;
  kind: DocKind;
  /** Translated JSON text. */
  title: string;
  /** Translated JSON text. */
  summary: string;
  original_lang: string;
  /** The authoring body, if a body wrote it. */
  body_id: string | null;
  /** JSON list of the authoring member organizations' ids. */
  org_ids: string;
  /** Other authors, as written (an agency, a government). */
  authors: string | null;
  /** The document's own date (YYYY-MM-DD). */
  published_on: string;
  visibility: DocVisibility;
  visibility_body_id: string | null;
  licence: Licence;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface LibraryFilesTable {
  id: string;
  document_id: string;
  lang: string;
  file_name: string;
  /** Name under DATA_DIR/uploads/library (generated). */
  stored_name: string;
  content_type: string;
  size: number;
  /** Extracted text (PDFs), null until read or when it could not be. */
  text: string | null;
  text_status: TextStatus;
  uploaded_by: string | null;
  created_at: string;
}

export interface LibraryTermsTable {
  document_id: string;
  /** 'objective' | 'country' */
  facet: string;
  value: string;
}

export interface LibraryMetaTable {
  key: string;
  value: string;
}

export interface LibraryTextsTable {
  document_id: string;
  lang: string;
  tsv: unknown;
}

export interface LibraryWordsTable {
  word: string;
}

declare module '../../db/schema.js' {
  interface Database {
    library_documents: LibraryDocumentsTable;
    library_files: LibraryFilesTable;
    library_terms: LibraryTermsTable;
    library_meta: LibraryMetaTable;
    library_texts: LibraryTextsTable;
    library_words: LibraryWordsTable;
  }
}
