// The QR texts the camera, scanner and bench runs show: demo passes minted against a running kiosk's database.
import { demoQrCodes as mintFor, type DemoQrCodes } from '../../electron/core/demo/demo-qr.js';

export type { DemoQrCodes };

export function demoQrCodes(databasePath: string): Promise<DemoQrCodes> {
  return Promise.resolve(mintFor(databasePath));
}
