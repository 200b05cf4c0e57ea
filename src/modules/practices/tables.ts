/** @module Practices' tables: good practices, their facets, attachments and search index (their history is the platform's audit log). */

/** draft → submitted → in_review → published, or returned to its authors (then edited and submitted again). */
export type PracticeStatus = 'draft' | 'submitted' | 'in_review' | 'returned' | 'published';

export interface PracticesTable {
  id: string;
  /** SQLite: the rowid of its rows in the FTS5 tables (max + 1 on insert). */
  seq: number | null;
  /** The member organization that documents it (membership's organizations.id). */
  org_id: string | null;
  created_by: string;
  status: PracticeStatus;
  /** The language it was first written in. */
  original_lang: string;
  /** Translated JSON text {"es": …} for each of these. */
  title: string;
  summary: string;
  problem: string;
  actions: string;
  results: string;
  lessons: string;
  replication: string;
  /** Other implementing organizations and partners, as written. */
  implementers: string | null;
  partners: string | null;
  /** local | national | regional | global */
  scope: string | null;
  /** YYYY-MM-DD */
  start_date: string | null;
  end_date: string | null;
  /** practice | tool | guidance | study | training | other */
  resource_type: string | null;
  /** JSON list of http(s) URLs. */
  links: string;
  contact_name: string | null;
  contact_email: string | null;
  /** JSON lists, denormalized for display (facets live in practice_terms). */
  objectives: string;
  principles: string;
  countries: string;
  created_at: string;
  updated_at: string;
  submitted_at: string | null;
  published_at: string | null;
}

/** One row per facet value: objective (n), principle (key), country (alpha-2), region, type, lang. */
export interface PracticeTermsTable {
  practice_id: string;
  facet: string;
  value: string;
}

export interface PracticeAttachmentsTable {
  id: string;
  practice_id: string;
  /** The name it was uploaded with (shown, never used as a path). */
  file_name: string;
  /** Generated name under DATA_DIR/uploads/practices. */
  stored_name: string;
  content_type: string;
  size: number;
  uploaded_by: string;
  created_at: string;
}

/** PostgreSQL's search index: one row per published practice and language (SQLite uses FTS5 tables). */
export interface PracticeTextsTable {
  practice_id: string;
  lang: string;
  tsv: unknown;
}

/** PostgreSQL's vocabulary per language, for typo candidates with pg_trgm. */
export interface PracticeWordsTable {
  lang: string;
  word: string;
}

/** Key/value: 'search_version' changes whenever the published set changes (search caches rebuild). */
export interface PracticeMetaTable {
  key: string;
  value: string;
}

declare module '../../db/schema.js' {
  interface Database {
    practices: PracticesTable;
    practice_terms: PracticeTermsTable;
    practice_attachments: PracticeAttachmentsTable;
    practice_texts: PracticeTextsTable;
    practice_words: PracticeWordsTable;
    practice_meta: PracticeMetaTable;
  }
}
