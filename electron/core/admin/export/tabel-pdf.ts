// The табель as a printable PDF, A4 landscape: the title, the grid (days off shaded, children over the unexcused
// limit in red), the totals, then the notes and the signature lines beside the legend, one entry a line. Pages
// break between children and repeat the grid's header; for the whole kindergarten each group starts a new page.
// Fonts are embedded (font-files.ts), so Kazakh letters print on any machine.
import { openPdf } from './pdf-document.js';
import type { TabelTable } from './tabel-table.js';

type Doc = PDFKit.PDFDocument;

const PAGE = { width: 841.89, height: 595.28, margin: 28 };
const DAY_WIDTH = 15;
const TOTAL_WIDTH = 20;
const NUMBER_WIDTH = 16;
const HEADER_HEIGHT = 62;
const WEEKDAY_HEIGHT = 10;
const ROW_HEIGHT = 12;
const FOOTER_LINE = 8.5;
const SHADE = '#e4e4e4';
const LINE = '#8a8a8a';
const RED = '#b00000';

/** The largest size (6.5pt down to 4.5pt) at which a rotated header fits its column whole: no word broken, at most the lines the column's width holds. */
function headerFontSize(doc: Doc, label: string, length: number, thickness: number): number {
  const words = label.split(/\s+/);
  for (let size = 6.5; size > 4.5; size -= 0.5) {
    doc.fontSize(size);
    const widest = Math.max(...words.map((w) => doc.widthOfString(w)));
    if (widest <= length && doc.heightOfString(label, { width: length }) <= thickness) return size;
  }
  return 4.5;
}

function drawTable(doc: Doc, table: TabelTable): void {
  const totalColumns = table.header.length - table.firstDayColumn - table.dayCount;
  const left = PAGE.margin;
  const contentWidth = PAGE.width - 2 * PAGE.margin;
  const nameWidth = contentWidth - NUMBER_WIDTH - table.dayCount * DAY_WIDTH - totalColumns * TOTAL_WIDTH;
  const widths = [NUMBER_WIDTH, nameWidth, ...Array<number>(table.dayCount).fill(DAY_WIDTH), ...Array<number>(totalColumns).fill(TOTAL_WIDTH)];
  const xs = widths.reduce<number[]>((acc, w, i) => [...acc, (acc[i] ?? left) + w], [left]);
  const bottom = PAGE.height - PAGE.margin;
  const isDayColumn = (c: number): boolean => c >= table.firstDayColumn && c < table.firstDayColumn + table.dayCount;
  const isDayOff = (c: number): boolean => isDayColumn(c) && table.daysOff[c - table.firstDayColumn] === true;

  const cellText = (text: string, x: number, y: number, width: number, height: number, align: 'left' | 'center'): void => {
    const pad = align === 'left' ? 2 : 0;
    doc.text(text, x + pad, y + (height - doc.currentLineHeight()) / 2 + 0.5, { width: width - 2 * pad, align, lineBreak: false, ellipsis: true, height });
  };

  const gridRow = (cells: readonly (string | number)[], y: number, height: number, options: { bold?: boolean; color?: string }): void => {
    doc.font(options.bold ? 'bold' : 'regular').fontSize(6.5);
    cells.forEach((value, c) => {
      const x = xs[c] ?? left;
      const w = widths[c] ?? 0;
      if (isDayOff(c)) doc.rect(x, y, w, height).fill(SHADE);
      doc.rect(x, y, w, height).lineWidth(0.4).strokeColor(LINE).stroke();
      doc.fillColor(options.color ?? 'black');
      cellText(String(value), x, y, w, height, c === 1 ? 'left' : 'center');
    });
    doc.fillColor('black');
  };

  const gridHeader = (y: number): number => {
    table.header.forEach((label, c) => {
      const x = xs[c] ?? left;
      const w = widths[c] ?? 0;
      doc.font('bold').fontSize(6.5);
      if (isDayOff(c)) doc.rect(x, y, w, HEADER_HEIGHT).fill(SHADE);
      doc.rect(x, y, w, HEADER_HEIGHT).lineWidth(0.4).strokeColor(LINE).stroke();
      doc.fillColor('black');
      if (c > table.firstDayColumn + table.dayCount - 1) {
        // The totals' names stand upright in their narrow columns, wrapped between words, never cut inside one.
        const length = HEADER_HEIGHT - 6;
        doc.fontSize(headerFontSize(doc, label, length, w - 2));
        const height = doc.heightOfString(label, { width: length });
        doc.save();
        doc.rotate(-90, { origin: [x, y + HEADER_HEIGHT] });
        doc.text(label, x + 3, y + HEADER_HEIGHT + (w - height) / 2, { width: length, align: 'center' });
        doc.restore();
      } else {
        cellText(label, x, y, w, HEADER_HEIGHT, c === 1 ? 'left' : 'center');
      }
    });
    gridRow(table.weekdays, y + HEADER_HEIGHT, WEEKDAY_HEIGHT, {});
    return y + HEADER_HEIGHT + WEEKDAY_HEIGHT;
  };

  let y = PAGE.margin;
  doc.font('bold').fontSize(12).text(table.title, left, y, { width: contentWidth });
  y = doc.y + 2;
  doc.font('regular').fontSize(8).text(table.facts.join('    '), left, y, { width: contentWidth });
  y = gridHeader(doc.y + 6);
  for (const row of table.rows) {
    if (y + ROW_HEIGHT > bottom - ROW_HEIGHT) {
      doc.addPage();
      y = gridHeader(PAGE.margin);
    }
    gridRow(row.cells, y, ROW_HEIGHT, row.overLimit ? { color: RED } : {});
    y += ROW_HEIGHT;
  }
  gridRow(table.totals, y, ROW_HEIGHT, { bold: true });
  y += ROW_HEIGHT + 8;

  // Below the grid: the notes, the holidays and the signatures on the left, the legend on the right, one entry a line.
  const half = contentWidth / 2 - 10;
  const notes = [...table.notes, ...table.holidays];
  doc.font('regular').fontSize(7);
  const notesHeight = notes.reduce((h, line) => h + doc.heightOfString(line, { width: half }) + 1.5, 0) + table.signatures.length * 20 + 10;
  const legendHeight = table.legend.reduce((h, line) => h + Math.max(FOOTER_LINE, doc.heightOfString(line, { width: half })), 0);
  if (y + Math.max(notesHeight, legendHeight) > bottom) {
    doc.addPage();
    y = PAGE.margin;
  }
  const top = y;
  for (const line of notes) {
    doc.text(line, left, y, { width: half });
    y = doc.y + 1.5;
  }
  y += 10;
  doc.fontSize(9);
  for (const line of table.signatures) {
    doc.text(line, left, y, { width: half });
    y += 20;
  }
  doc.fontSize(7);
  let legendY = top;
  for (const line of table.legend) {
    doc.text(line, left + contentWidth / 2 + 10, legendY, { width: half });
    legendY = Math.max(legendY + FOOTER_LINE, doc.y);
  }
}

/** One PDF of one or more табели: each starts on its own page. */
export async function tabelPdf(tables: readonly TabelTable[], title: string): Promise<Buffer> {
  const { doc, done } = await openPdf({ title, landscape: true, margin: PAGE.margin });
  tables.forEach((table, i) => {
    if (i > 0) doc.addPage();
    drawTable(doc, table);
  });
  doc.end();
  return done;
}
