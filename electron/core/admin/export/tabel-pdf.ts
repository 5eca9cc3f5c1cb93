// The табель as a printable PDF, A4 landscape: the title, the grid (days off shaded, children over the unexcused
// limit in red), the totals, the notes, the legend and the head's signature line. Pages break between children and
// repeat the grid's header. Fonts are embedded (font-files.ts), so Kazakh letters print on any machine.
import { fontFiles } from './font-files.js';
import type { TabelTable } from './tabel-table.js';

const PAGE = { width: 841.89, height: 595.28, margin: 28 };
const DAY_WIDTH = 15;
const TOTAL_WIDTH = 20;
const NUMBER_WIDTH = 16;
const HEADER_HEIGHT = 58;
const WEEKDAY_HEIGHT = 10;
const ROW_HEIGHT = 12;
const SHADE = '#e4e4e4';
const LINE = '#8a8a8a';
const RED = '#b00000';

export async function tabelPdf(table: TabelTable, title: string): Promise<Buffer> {
  // Loaded when a PDF is asked for, not at start-up, where it would stand between the kiosk's start and the door.
  const { default: PDFDocument } = await import('pdfkit');
  const fonts = fontFiles();
  const doc = new PDFDocument({ size: 'A4', layout: 'landscape', margin: PAGE.margin, info: { Title: title, Author: 'Esik' } });
  doc.registerFont('regular', fonts.regular);
  doc.registerFont('bold', fonts.bold);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolveBuffer, reject) => {
    doc.on('end', () => resolveBuffer(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

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

  const gridRow = (cells: readonly (string | number)[], y: number, height: number, options: { bold?: boolean; color?: string; shade?: boolean }): void => {
    doc.font(options.bold ? 'bold' : 'regular').fontSize(6.5);
    cells.forEach((value, c) => {
      const x = xs[c] ?? left;
      const w = widths[c] ?? 0;
      if (options.shade !== false && isDayOff(c)) doc.rect(x, y, w, height).fill(SHADE);
      doc.rect(x, y, w, height).lineWidth(0.4).strokeColor(LINE).stroke();
      doc.fillColor(options.color ?? 'black');
      cellText(String(value), x, y, w, height, c === 1 ? 'left' : 'center');
    });
    doc.fillColor('black');
  };

  const gridHeader = (y: number): number => {
    doc.font('bold').fontSize(6.5);
    table.header.forEach((label, c) => {
      const x = xs[c] ?? left;
      const w = widths[c] ?? 0;
      if (isDayOff(c)) doc.rect(x, y, w, HEADER_HEIGHT).fill(SHADE);
      doc.rect(x, y, w, HEADER_HEIGHT).lineWidth(0.4).strokeColor(LINE).stroke();
      doc.fillColor('black');
      if (c > table.firstDayColumn + table.dayCount - 1) {
        // The totals' names stand upright in their narrow columns.
        doc.save();
        doc.rotate(-90, { origin: [x, y + HEADER_HEIGHT] });
        doc.text(label, x + 3, y + HEADER_HEIGHT + (w - doc.currentLineHeight()) / 2, { width: HEADER_HEIGHT - 6, lineBreak: false, ellipsis: true });
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
  y += ROW_HEIGHT + 6;

  const footer = [table.notes.join('    '), table.holidays.join('    '), table.legend.join('    ')].filter((line) => line !== '');
  doc.font('regular').fontSize(7);
  const footerHeight = footer.reduce((h, line) => h + doc.heightOfString(line, { width: contentWidth }) + 2, 0) + 24;
  if (y + footerHeight > bottom) {
    doc.addPage();
    y = PAGE.margin;
  }
  for (const line of footer) {
    doc.text(line, left, y, { width: contentWidth });
    y = doc.y + 2;
  }
  doc.font('regular').fontSize(9).text(table.signature, left, y + 10, { width: contentWidth });
  doc.end();
  return done;
}
