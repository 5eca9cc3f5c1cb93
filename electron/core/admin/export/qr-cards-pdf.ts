// Printed QR cards on A4: ten bank-card-sized cards a page (85.6 × 54 mm, dashed cut lines), each with the
// kindergarten, the companion's name, the children it opens the door for, the date it was issued, and the code,
// drawn as vector squares so it prints sharp on any printer.
import { openPdf } from './pdf-document.js';
import { qrMatrix } from './qr-matrix.js';

export interface PrintedCard {
  kindergartenName: string;
  companionName: string;
  children: string[];
  /** The signed QR text. */
  code: string;
}

export interface CardTexts {
  title: string;
  children: string;
  hint: string;
  issued: string;
}

const MM = 72 / 25.4;
const CARD = { width: 85.6 * MM, height: 54 * MM };
const PAGE = { width: 595.28, height: 841.89 };
const COLUMNS = 2;
const ROWS = 5;
const GAP = 4 * MM;
const PAD = 4 * MM;
const QUIET_MODULES = 2;

export async function qrCardsPdf(cards: readonly PrintedCard[], texts: CardTexts): Promise<Buffer> {
  const { doc, done } = await openPdf({ title: texts.title, margin: 0, autoFirstPage: false });
  const left = (PAGE.width - COLUMNS * CARD.width - (COLUMNS - 1) * GAP) / 2;
  const top = (PAGE.height - ROWS * CARD.height - (ROWS - 1) * GAP) / 2;

  cards.forEach((card, i) => {
    const slot = i % (COLUMNS * ROWS);
    if (slot === 0) doc.addPage();
    const x = left + (slot % COLUMNS) * (CARD.width + GAP);
    const y = top + Math.floor(slot / COLUMNS) * (CARD.height + GAP);
    doc.save().roundedRect(x, y, CARD.width, CARD.height, 3 * MM).lineWidth(0.5).dash(3, { space: 3 }).strokeColor('#888888').stroke().restore();

    const qrSide = CARD.height - 2 * PAD;
    const matrix = qrMatrix(card.code);
    const module = qrSide / (matrix.length + 2 * QUIET_MODULES);
    const qrX = x + CARD.width - PAD - qrSide + QUIET_MODULES * module;
    const qrY = y + PAD + QUIET_MODULES * module;
    matrix.forEach((row, r) =>
      row.forEach((dark, c) => {
        // A hair larger than a module, so neighbouring squares print as one dark area without seams.
        if (dark) doc.rect(qrX + c * module, qrY + r * module, module + 0.05, module + 0.05);
      }),
    );
    doc.fillColor('black').fill();

    const textWidth = CARD.width - 3 * PAD - qrSide + 2 * QUIET_MODULES * module;
    doc.font('bold').fontSize(7).fillColor('#444444').text(card.kindergartenName, x + PAD, y + PAD, { width: textWidth, height: 18, ellipsis: true });
    doc.font('bold').fontSize(11).fillColor('black').text(card.companionName, x + PAD, y + PAD + 18, { width: textWidth, height: 30, ellipsis: true });
    doc.font('regular').fontSize(7).fillColor('#444444').text(`${texts.children}:`, x + PAD, y + PAD + 50, { width: textWidth });
    doc.font('regular').fontSize(8).fillColor('black').text(card.children.join(', '), { width: textWidth, height: 34, ellipsis: true });
    doc.font('regular').fontSize(6).fillColor('#444444').text(texts.hint, x + PAD, y + CARD.height - PAD - 30, { width: textWidth, height: 22, ellipsis: true });
    doc.fontSize(5.5).text(texts.issued, x + PAD, y + CARD.height - PAD - 7, { width: textWidth, lineBreak: false });
  });
  doc.end();
  return done;
}
