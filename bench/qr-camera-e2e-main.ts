// Runs the camera benchmark of codes from far to very near alone: `npm run build && npx tsx bench/qr-camera-e2e-main.ts`.
// The video (~280 MB of raw frames) and the kiosk's data go to a temporary folder, removed afterwards.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchQrCameraE2e } from './qr-camera-e2e.js';

const dir = mkdtempSync(join(tmpdir(), 'esik-bench-camera-e2e-'));
try {
  await benchQrCameraE2e(dir);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
