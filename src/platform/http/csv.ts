/**
 * @module CSV
 * The one way to write a CSV: every cell that a spreadsheet would run as a formula (starting with = + - @,
 * a tab or a carriage return) is prefixed with an apostrophe, so a name like `=HYPERLINK(…)` stays text.
 */
import { stringify } from 'csv-stringify/sync';

/** One cell as text a spreadsheet will not evaluate. */
export const csvCell = (v: unknown): string => {
  const s = v === null || v === undefined ? '' : String(v);
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
};

/** Rows (the header first, if any) as formula-safe CSV; `bom` helps spreadsheets read UTF-8. */
export function toCsv(rows: unknown[][], opts: { bom?: boolean } = {}): string {
  return (opts.bom ? '\ufeff' : '') + stringify(rows.map((r) => r.map(csvCell)));
}
