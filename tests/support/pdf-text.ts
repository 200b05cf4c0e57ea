/**
 * The text and page count of a PDF, read back with pdfjs-dist (tests and the bench check what
 * the PDF says, in every language, without a browser).
 */
export async function pdfText(pdf: Uint8Array): Promise<{ pages: number; text: string; pageTexts: string[] }> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(pdf), disableFontFace: true, useSystemFonts: false, isEvalSupported: false }).promise;
  const pageTexts: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pageTexts.push(
      content.items
        .map((it) => ('str' in it ? it.str + (it.hasEOL ? '\n' : '') : ''))
        .join('')
        .replace(/[ \u00a0]+/g, ' '),
    );
  }
  await doc.destroy();
  return { pages: doc.numPages, text: pageTexts.join('\n'), pageTexts };
}
