// Runs the camera soak alone: `npm run build && npx tsx bench/camera-soak-main.ts [seconds] [warm-up seconds] [--host-snapshots]`
// (600 fitted by default; the host's heap by kind at the window's ends with the flag, which itself raises its memory).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchCameraSoak } from './camera-soak.js';

const dir = mkdtempSync(join(tmpdir(), 'esik-bench-soak-'));
try {
  const warmUp = process.argv[3];
  await benchCameraSoak(dir, Number(process.argv[2] ?? 600), warmUp === undefined ? undefined : Number(warmUp), { hostSnapshots: process.argv.includes('--host-snapshots') });
} finally {
  rmSync(dir, { recursive: true, force: true });
}
