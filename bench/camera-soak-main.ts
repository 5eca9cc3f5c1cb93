// Runs the camera soak alone: `npm run build && npx tsx bench/camera-soak-main.ts [seconds] [warm-up seconds]` (600 fitted by default).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchCameraSoak } from './camera-soak.js';

const dir = mkdtempSync(join(tmpdir(), 'esik-bench-soak-'));
try {
  const warmUp = process.argv[3];
  await benchCameraSoak(dir, Number(process.argv[2] ?? 600), warmUp === undefined ? undefined : Number(warmUp));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
