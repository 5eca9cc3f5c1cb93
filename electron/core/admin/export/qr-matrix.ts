// The modules of a QR code for a text (qrcode-generator), error correction M: a printed card gets scuffed. Esik
// codes are upper-case letters, digits and ':', so the dense alphanumeric mode fits them in a small symbol.
import qrcode from 'qrcode-generator';

/** Rows of modules, true for dark, without the quiet zone. */
export function qrMatrix(text: string): boolean[][] {
  const qr = qrcode(0, 'M');
  qr.addData(text, /^[0-9A-Z $%*+\-./:]*$/.test(text) ? 'Alphanumeric' : 'Byte');
  qr.make();
  const size = qr.getModuleCount();
  return Array.from({ length: size }, (_, row) => Array.from({ length: size }, (_, col) => qr.isDark(row, col)));
}
