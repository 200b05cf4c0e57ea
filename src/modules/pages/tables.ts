/** @module Pages' tables: the trust pages (privacy, terms, contact) administrators edit. */

export interface SitePagesTable {
  /** 'privacy' | 'terms' | 'contact'. */
  slug: string;
  /** Translated JSON Markdown: {"es": …, "en": …}. */
  body: string;
  updated_at: string;
  updated_by: string | null;
}

declare module '../../db/schema.js' {
  interface Database {
    site_pages: SitePagesTable;
  }
}
