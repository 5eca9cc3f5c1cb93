// USB 2D scanners in keyboard mode type the QR text and Enter at reader speed; the kiosk reads the physical keys,
// so capitals (Shift) and ':' arrive whatever keyboard layout is active, and routes the text to identifyQr.
import { demoQrCodes } from './support/demo-qr-codes.js';
import { scannerKeys, typeAsReader } from './support/card-reader.js';
import { expect, test } from './support/kiosk-test.js';


test('a text typed by a scanner at 3 ms per key reaches identifyQr, not identifyCard', async ({ kiosk }) => {
  const { page } = kiosk;
  // Upper and lower case, digits and the separators of a URL: not an Esik pass, so the core refuses it as such.
  await typeAsReader(page, scannerKeys('https://Example.kz/Pass?id=42&name=Ab_c-d.e~f'), 3);
  await expect(page.getByTestId('error-message')).toHaveAttribute('data-code', 'QR_MALFORMED');
  expect(kiosk.events()).toEqual([]);
});

test('an Esik pass typed by a scanner checks the child in', async ({ kiosk }) => {
  const pass = (await demoQrCodes(kiosk.host.databasePath)).valid[0];
  if (!pass) throw new Error('no valid demo code');
  await typeAsReader(kiosk.page, scannerKeys(pass.text), 3);
  await expect(kiosk.page.getByTestId('done-screen')).toHaveAttribute('data-outcome', 'recorded');
  expect(kiosk.events().map((e) => [e.kind, e.method])).toEqual([['arrival', 'qr']]);
});
