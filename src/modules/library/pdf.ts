/**
 * @module Library: PDFs — text read from an uploaded PDF with pdfjs-dist (Mozilla's maintained reader; its
 * legacy build runs in Node without a worker), and simple text PDFs made with pdfmake (the seeded factsheet,
 * tests). A PDF that is encrypted or malformed throws: the caller flags the file, never the upload.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** At most this much text is kept per file (about 300 pages of prose). */
export const MAX_TEXT = 1_000_000;
const MAX_PAGES = 1000;

/** The text of a PDF, page after page. Throws when the PDF cannot be read (password, malformed). */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0, stopAtErrors: true });
  const doc = await task.promise;
  try {
    const parts: string[] = [];
    let size = 0;
    for (let n = 1; n <= Math.min(doc.numPages, MAX_PAGES) && size < MAX_TEXT; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const text = content.items
        .map((i) => ('str' in i ? i.str + (i.hasEOL ? '\n' : '') : ''))
        .join('')
        .replace(/[ \t]+/g, ' ');
      parts.push(text);
      size += text.length;
      page.cleanup();
    }
    return parts.join('\n\n').slice(0, MAX_TEXT).trim();
  } finally {
    await task.destroy();
  }
}

/** A PDF of paragraphs (the first one a title), with pdfmake's bundled Roboto (accents and ñ survive). */
export async function textPdf(title: string, paragraphs: string[], opts: { userPassword?: string } = {}): Promise<Buffer> {
  const pdfmake = require('pdfmake');
  const fonts = require('pdfmake/fonts/Roboto.js');
  pdfmake.setFonts(fonts);
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path: string) => Object.values(fonts.Roboto as Record<string, string>).includes(path));
  const doc = pdfmake.createPdf({
    info: { title },
    ...(opts.userPassword ? { userPassword: opts.userPassword, ownerPassword: `${opts.userPassword}-owner`, version: '1.7' } : {}),
    content: [{ text: title, style: 'title' }, ...paragraphs.map((p) => ({ text: p, margin: [0, 0, 0, 6] }))],
    defaultStyle: { font: 'Roboto', fontSize: 10, lineHeight: 1.25 },
    styles: { title: { fontSize: 16, bold: true, margin: [0, 0, 0, 10] } },
  });
  return doc.getBuffer();
}
