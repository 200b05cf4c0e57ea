/** csvLine writes a row exactly as toCsv does (quotes, doubled quotes, newlines, formula-safe cells). */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { csvLine, toCsv } from './csv.js';

describe('csvLine', () => {
  it('matches toCsv row by row', () => {
    const rows: unknown[][] = [
      ['plain', 'with, comma', 'with "quotes"', 'line\nbreak', 'cr\rhere', '=SUM(A1)', '+1', '-2', '@x', '\tTab', '', null, undefined, 3, 'ñandú — “x”'],
      ['4 > 8 > 13', '4=6; 8=4', ' spaced '],
    ];
    for (const r of rows) expect(csvLine(r)).toBe(toCsv([r]));
  });
  it('matches toCsv on any text', () => {
    fc.assert(fc.property(fc.array(fc.string(), { minLength: 1, maxLength: 6 }), (r) => csvLine(r) === toCsv([r])));
  });
});
