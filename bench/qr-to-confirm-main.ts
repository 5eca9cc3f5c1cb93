// Runs the camera QR benchmark alone: `npm run build && npx tsx bench/qr-to-confirm-main.ts`.
// The video (~360 MB of raw frames) and the kiosk's data go to a temporary folder, removed afterwards.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchQrToConfirm } from './qr-to-confirm.js';

const dir = mkdtempSync(join(tmpdir(), 'esik-bench-camera-'));
try {
  await benchQrToConfirm(dir);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
