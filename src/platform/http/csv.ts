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

const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One row as a CSV line (formula-safe, quoted only where needed, `\n` ended): the same text `toCsv` writes for
 * that row, for exports that stream many rows and should not pay csv-stringify's per-call set-up on each batch.
 */
export function csvLine(cells: readonly unknown[]): string {
  let out = '';
  for (let i = 0; i < cells.length; i++) {
    const s = csvCell(cells[i]);
    if (i) out += ',';
    out += NEEDS_QUOTES.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  }
  return out + '\n';
}
