// An A4 PDF document with the kiosk's fonts registered as 'regular' and 'bold', and the promise of its bytes once
// it ends: what every printed paper (the табель, the act, the meal invoices, the QR cards) starts from.
import { fontFiles } from './font-files.js';

export interface PdfShape {
  title: string;
  landscape?: boolean;
  margin: number;
  /** False where each page is added by hand (a page per family, per sheet of cards). */
  autoFirstPage?: boolean;
}

export async function openPdf(shape: PdfShape): Promise<{ doc: PDFKit.PDFDocument; done: Promise<Buffer> }> {
  // Loaded when a PDF is asked for, not at start-up, where it would stand between the kiosk's start and the door.
  const { default: PDFDocument } = await import('pdfkit');
  const fonts = fontFiles();
  const doc = new PDFDocument({
    size: 'A4',
    layout: shape.landscape === true ? 'landscape' : 'portrait',
    margin: shape.margin,
    autoFirstPage: shape.autoFirstPage ?? true,
    info: { Title: shape.title, Author: 'Esik' },
  });
  doc.registerFont('regular', fonts.regular);
  doc.registerFont('bold', fonts.bold);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolveBuffer, reject) => {
    doc.on('end', () => resolveBuffer(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, done };
}
