// The monthly act as a printable PDF, A4 landscape: the title and facts, the table (a row per group, the total in
// bold; the headers wrap between words in their cells), the rule of the money in words, and the head's and the
// accountant's signature lines. Fonts are embedded (font-files.ts), so Kazakh letters print on any machine.
import { openPdf } from './pdf-document.js';
import { ACT_COLUMNS, tenge, type ActTable } from './act-table.js';

const PAGE = { width: 841.89, height: 595.28, margin: 36 };
const GROUP_WIDTH = 110;
const ROW_HEIGHT = 16;
/** The headers' largest size, made smaller until the longest word of every header fits its column whole. */
const HEADER_FONT = 7.5;
const SMALLEST_HEADER_FONT = 5;
const LINE = '#8a8a8a';
const SHADE = '#eeeeee';
const EARNED = ACT_COLUMNS.indexOf('earned');

export async function actPdf(table: ActTable): Promise<Buffer> {
  const { doc, done } = await openPdf({ title: table.title, landscape: true, margin: PAGE.margin });

  const left = PAGE.margin;
  const contentWidth = PAGE.width - 2 * PAGE.margin;
  const numberWidth = (contentWidth - GROUP_WIDTH) / (table.header.length - 1);
  const widths = table.header.map((_, c) => (c === 0 ? GROUP_WIDTH : numberWidth));
  const xs = widths.reduce<number[]>((acc, w, i) => [...acc, (acc[i] ?? left) + w], [left]);
  const bottom = PAGE.height - PAGE.margin;
  const shown = (value: string | number, c: number): string => (c === EARNED && typeof value === 'number' ? tenge(value) : String(value));

  doc.font('bold');
  const wordsFit = (size: number): boolean =>
    table.header.every((label, c) => label.split(/\s+/).every((word) => doc.fontSize(size).widthOfString(word) <= (widths[c] ?? 0) - 4));
  let headerFont = HEADER_FONT;
  while (headerFont > SMALLEST_HEADER_FONT && !wordsFit(headerFont)) headerFont -= 0.25;

  const headerRow = (y: number): number => {
    doc.font('bold').fontSize(headerFont);
    const height = Math.max(...table.header.map((label, c) => doc.heightOfString(label, { width: (widths[c] ?? 0) - 4 }))) + 8;
    table.header.forEach((label, c) => {
      const x = xs[c] ?? left;
      const w = widths[c] ?? 0;
      doc.rect(x, y, w, height).fill(SHADE);
      doc.rect(x, y, w, height).lineWidth(0.5).strokeColor(LINE).stroke();
      doc.fillColor('black');
      const textHeight = doc.heightOfString(label, { width: w - 4 });
      doc.text(label, x + 2, y + (height - textHeight) / 2, { width: w - 4, align: c === 0 ? 'left' : 'center' });
    });
    return y + height;
  };

  const row = (cells: readonly (string | number)[], y: number, bold: boolean): void => {
    doc.font(bold ? 'bold' : 'regular').fontSize(8.5);
    cells.forEach((value, c) => {
      const x = xs[c] ?? left;
      const w = widths[c] ?? 0;
      doc.rect(x, y, w, ROW_HEIGHT).lineWidth(0.5).strokeColor(LINE).stroke();
      doc.fillColor('black');
      doc.text(shown(value, c), x + 3, y + (ROW_HEIGHT - doc.currentLineHeight()) / 2 + 0.5, {
        width: w - 6,
        align: c === 0 ? 'left' : 'right',
        lineBreak: false,
        ellipsis: true,
      });
    });
  };

  let y = PAGE.margin;
  doc.font('bold').fontSize(13).text(table.title, left, y, { width: contentWidth, align: 'center' });
  y = doc.y + 4;
  doc.font('regular').fontSize(9);
  for (const fact of table.facts) {
    doc.text(fact, left, y, { width: contentWidth });
    y = doc.y + 1;
  }
  y = headerRow(y + 8);
  for (const cells of table.rows) {
    if (y + 2 * ROW_HEIGHT > bottom) {
      doc.addPage();
      y = headerRow(PAGE.margin);
    }
    row(cells, y, false);
    y += ROW_HEIGHT;
  }
  row(table.total, y, true);
  y += ROW_HEIGHT + 10;

  doc.font('regular').fontSize(8.5);
  const signaturesHeight = 2 * 24 + 10;
  const statementsHeight = table.statements.reduce((h, line) => h + doc.heightOfString(line, { width: contentWidth }) + 2, 0);
  if (y + statementsHeight + signaturesHeight > bottom) {
    doc.addPage();
    y = PAGE.margin;
  }
  for (const line of table.statements) {
    doc.text(line, left, y, { width: contentWidth });
    y = doc.y + 2;
  }
  doc.font('regular').fontSize(10);
  y += 14;
  for (const line of table.signatures) {
    doc.text(line, left, y, { width: contentWidth });
    y = doc.y + 14;
  }
  doc.end();
  return done;
}
