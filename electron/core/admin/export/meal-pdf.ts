// The parents' meal invoices as one printable PDF, A4 portrait, a page per family: the kindergarten and its details,
// the invoice's title and month, the payer, the table (a row per child), the total due in bold, how the amount is
// counted, and the head's and the accountant's signature lines. Fonts are embedded (font-files.ts).
import { openPdf } from './pdf-document.js';
import type { InvoicePage } from './meal-table.js';

const PAGE = { width: 595.28, height: 841.89, margin: 50 };
/** №, child, group, days, fee, amount: shares of the table's width. */
const SHARES = [0.06, 0.34, 0.16, 0.14, 0.14, 0.16];
const ROW_HEIGHT = 20;
const LINE = '#8a8a8a';
const SHADE = '#eeeeee';

export async function mealInvoicesPdf(pages: readonly InvoicePage[], title: string): Promise<Buffer> {
  const { doc, done } = await openPdf({ title, margin: PAGE.margin, autoFirstPage: false });

  const left = PAGE.margin;
  const width = PAGE.width - 2 * PAGE.margin;
  const widths = SHARES.map((share) => share * width);
  const xs = widths.reduce<number[]>((acc, w, i) => [...acc, (acc[i] ?? left) + w], [left]);

  const cellText = (text: string, c: number, y: number, height: number, bold: boolean): void => {
    const w = widths[c] ?? 0;
    doc.font(bold ? 'bold' : 'regular');
    const textHeight = doc.heightOfString(text, { width: w - 8 });
    // The child's name and the group to the left; numbers to the right, where the column's units line up.
    doc.fillColor('black').text(text, (xs[c] ?? left) + 4, y + (height - textHeight) / 2, { width: w - 8, align: c === 1 || c === 2 ? 'left' : c === 0 ? 'center' : 'right' });
  };
  const box = (y: number, height: number, fill: boolean): void => {
    widths.forEach((w, c) => {
      if (fill) doc.rect(xs[c] ?? left, y, w, height).fill(SHADE);
      doc.rect(xs[c] ?? left, y, w, height).lineWidth(0.5).strokeColor(LINE).stroke();
    });
  };

  for (const page of pages) {
    doc.addPage();
    let y = PAGE.margin;
    doc.font('bold').fontSize(11).fillColor('black').text(page.from[0] ?? '', left, y, { width });
    doc.font('regular').fontSize(9.5);
    for (const line of page.from.slice(1)) doc.text(line, { width });
    y = doc.y + 22;
    doc.font('bold').fontSize(14).text(page.title, left, y, { width, align: 'center' });
    doc.font('regular').fontSize(11).text(page.period, { width, align: 'center' });
    y = doc.y + 16;
    doc.fontSize(10.5);
    for (const fact of page.facts) {
      doc.text(fact, left, y, { width });
      y = doc.y + 3;
    }
    y += 10;

    doc.fontSize(9);
    doc.font('bold');
    const headerHeight = Math.max(...page.header.map((label, c) => doc.heightOfString(label, { width: (widths[c] ?? 0) - 8 }))) + 10;
    box(y, headerHeight, true);
    page.header.forEach((label, c) => {
      doc.font('bold');
      const w = widths[c] ?? 0;
      const h = doc.heightOfString(label, { width: w - 8 });
      doc.fillColor('black').text(label, (xs[c] ?? left) + 4, y + (headerHeight - h) / 2, { width: w - 8, align: 'center' });
    });
    y += headerHeight;
    doc.fontSize(10);
    for (const cells of page.rows) {
      doc.font('regular');
      const height = Math.max(ROW_HEIGHT, ...cells.map((text, c) => doc.heightOfString(text, { width: (widths[c] ?? 0) - 8 }) + 8));
      box(y, height, false);
      cells.forEach((text, c) => cellText(text, c, y, height, false));
      y += height;
    }
    // The total due: across the row, the amount under the amounts, in bold.
    const totalWidth = width - (widths[5] ?? 0);
    doc.rect(left, y, totalWidth, ROW_HEIGHT).lineWidth(0.5).strokeColor(LINE).stroke();
    doc.rect(xs[5] ?? left, y, widths[5] ?? 0, ROW_HEIGHT).lineWidth(0.5).strokeColor(LINE).stroke();
    doc.font('bold').fontSize(10.5).fillColor('black');
    doc.text(page.totalLabel, left + 4, y + 5, { width: totalWidth - 8, align: 'right' });
    doc.text(page.total, (xs[5] ?? left) + 4, y + 5, { width: (widths[5] ?? 0) - 8, align: 'right' });
    y += ROW_HEIGHT + 14;

    doc.font('regular').fontSize(9);
    for (const line of page.statements) {
      doc.text(line, left, y, { width });
      y = doc.y + 3;
    }
    y += 34;
    doc.fontSize(10.5);
    for (const line of page.signatures) {
      doc.text(line, left, y, { width });
      y = doc.y + 24;
    }
  }
  doc.end();
  return done;
}
