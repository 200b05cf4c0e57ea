/**
 * @module Library: the Mechanism's 2023 factsheet, the library's first document. Its text (as OCR'd from the
 * public PDF of the UN Network on Migration, accents garbled as they came) is kept beside this file; the PDF
 * served is made from that text with pdfmake — once, by `npx tsx src/modules/library/seed/factsheet.ts`, and
 * kept beside it, because making it takes seconds and every test database is seeded
 * (docs/decisions/0803-library-seed-factsheet.md).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, dirname } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));
export const FACTSHEET_PDF = join(here, 'factsheet-2023.pdf');
export const FACTSHEET_TITLE = 'El Mecanismo de Diálogo Permanente de la Sociedad Civil en América Latina y el Caribe: hoja informativa 2023';

/** The factsheet's paragraphs: the OCR note line dropped, lines of a paragraph joined, words split at line ends mended. */
export function factsheetParagraphs(): string[] {
  const txt = readFileSync(join(here, 'factsheet-2023.txt'), 'utf8').split('\n').slice(1).join('\n');
  return txt
    .split(/\n\s*\n/)
    .map((p) => p.replace(/-\n(?=\p{Ll})/gu, '').replace(/\s*\n\s*/g, ' ').trim())
    .filter(Boolean);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { textPdf } = await import('../pdf.js');
  writeFileSync(FACTSHEET_PDF, await textPdf(FACTSHEET_TITLE, factsheetParagraphs()));
  console.log(`wrote ${FACTSHEET_PDF}`);
}
