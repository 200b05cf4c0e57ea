/** @module Reports' table: published editions, each frozen with its scope and its sections' data. */

export interface ReportEditionsTable {
  id: string;
  /** mechanism | body | objective */
  scope_kind: 'mechanism' | 'body' | 'objective';
  body_id: string | null;
  objective_n: number | null;
  /** ISO dates, the period [from, to). */
  period_from: string;
  period_to: string;
  /** JSON: the subject's name in every language as it was that day ({"es": "Mesa 1", …}); {} for the Mechanism. */
  subject: string;
  /** JSON: [{ key, data }] in the report's order; data null where the module had nothing for the scope. */
  sections: string;
  /** The day it was published (YYYY-MM-DD): the edition's name. */
  edition_date: string;
  published_by: string | null;
  published_at: string;
}

declare module '../../db/schema.js' {
  interface Database {
    report_editions: ReportEditionsTable;
  }
}
