/**
 * @module Reports: the PDF, laid out like a factsheet and made on the server without a browser (pdfmake with
 * its bundled Roboto, as the practices module does: accents, ñ, ç, ã survive). A cover with the Mechanism's name,
 * the subject and the period; the contents; each section with its figures, vector bar charts (pdfmake canvas
 * rectangles beside the label and the value, so the numbers are text too), tables and lists; page numbers and
 * the date it was generated (and, for an edition, the day it was published) in every footer.
 */
import { createRequire } from 'node:module';
import type { T, Formatters } from '../../platform/i18n/i18n.js';
import type { ReportBlock } from '../../platform/module.js';
import type { RenderedReport } from './generate.js';
import { isoDate } from '../../db/ids.js';

const require = createRequire(import.meta.url);
const BLUE = '#0072B2';
const MUTED = '#555555';

let pdfmake: any;
function engine() {
  if (pdfmake) return pdfmake;
  pdfmake = require('pdfmake');
  const fonts = require('pdfmake/fonts/Roboto.js');
  pdfmake.setFonts(fonts);
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path: string) => Object.values(fonts.Roboto as Record<string, string>).includes(path));
  return pdfmake;
}

/** French groups digits with a narrow no-break space, which Roboto lacks: a plain no-break space reads the same. */
const clean = (s: string) => s.replace(/\u202f/g, '\u00a0');

function block(b: ReportBlock): any[] {
  switch (b.kind) {
    case 'paragraph':
      return [{ text: clean(b.text), margin: [0, 0, 0, 6] }];
    case 'empty':
      return [{ text: clean(b.text), italics: true, color: MUTED, margin: [0, 0, 0, 6] }];
    case 'list':
      return [{ [b.ordered ? 'ol' : 'ul']: b.items.map(clean), margin: [0, 0, 0, 8] }];
    case 'figures':
      return [
        {
          columns: b.items.map((i) => ({ stack: [{ text: clean(i.value), fontSize: 20, bold: true, color: BLUE }, { text: clean(i.label), fontSize: 9 }] })),
          columnGap: 12,
          margin: [0, 2, 0, 10],
        },
      ];
    case 'bars': {
      if (!b.items.length) return [];
      const max = Math.max(1, ...b.items.map((i) => i.value));
      const W = 220;
      return [
        { text: clean(b.caption), bold: true, margin: [0, 4, 0, 4] },
        {
          table: {
            widths: [170, W, 50],
            body: b.items.map((i) => [
              { text: clean(i.label), fontSize: 9 },
              { canvas: [{ type: 'rect', x: 0, y: 1, w: Math.max(1, (W * Math.max(0, i.value)) / max), h: 9, color: BLUE }] },
              { text: clean(i.display), fontSize: 9, alignment: 'right' },
            ]),
          },
          layout: 'noBorders',
          margin: [0, 0, 0, 10],
        },
      ];
    }
    case 'table':
      return [
        { text: clean(b.caption), bold: true, margin: [0, 4, 0, 4] },
        {
          table: {
            headerRows: 1,
            widths: b.head.map((_, i) => (i === 0 ? '*' : 'auto')),
            body: [b.head.map((h) => ({ text: clean(h), bold: true, fontSize: 9 })), ...b.rows.map((r) => r.map((c) => ({ text: clean(c), fontSize: 9 })))],
          },
          layout: 'lightHorizontalLines',
          margin: [0, 0, 0, 10],
        },
      ];
  }
}

/** The report as a PDF in its language. `published`: the edition's day, for the cover and footers. */
export async function reportPdf(r: RenderedReport, t: T, fmt: Formatters, opts: { generatedAt: Date; published?: string }): Promise<Buffer> {
  const pm = engine();
  const generated = t('reports.pdf.generated', { date: fmt.date(isoDate(opts.generatedAt)) });
  const published = opts.published ? t('reports.pdf.published', { date: fmt.date(opts.published) }) : t('reports.pdf.live');
  const content: any[] = [
    { text: clean(r.subtitle), fontSize: 14, color: MUTED, margin: [0, 160, 0, 8] },
    { text: clean(t('reports.factsheet')), fontSize: 12, color: BLUE, bold: true },
    { text: clean(r.title), fontSize: 26, bold: true, margin: [0, 6, 0, 10] },
    { text: clean(r.period), fontSize: 16, margin: [0, 0, 0, 40] },
    { text: clean(published), fontSize: 10, color: MUTED },
    { text: clean(generated), fontSize: 10, color: MUTED, pageBreak: 'after' },
    { toc: { title: { text: clean(t('reports.contents')), style: 'h1' } }, pageBreak: 'after' },
  ];
  for (const s of r.sections) {
    content.push({ text: clean(s.title), style: 'h1', tocItem: true });
    for (const b of s.blocks) content.push(...block(b));
  }
  const doc = pm.createPdf({
    info: { title: clean(`${r.title} — ${r.period}`), creator: clean(r.subtitle) },
    pageSize: 'A4',
    pageMargins: [48, 48, 48, 56],
    content,
    footer: (page: number, pages: number) =>
      page === 1
        ? null
        : {
            columns: [
              { text: clean(`${r.title} · ${r.period} · ${generated}`), fontSize: 8, color: MUTED },
              { text: clean(t('reports.pdf.page', { page, pages })), fontSize: 8, color: MUTED, alignment: 'right' },
            ],
            margin: [48, 20, 48, 0],
          },
    defaultStyle: { font: 'Roboto', fontSize: 10, lineHeight: 1.25 },
    styles: { h1: { fontSize: 16, bold: true, color: BLUE, margin: [0, 14, 0, 6] } },
  });
  return doc.getBuffer();
}
