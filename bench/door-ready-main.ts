// Runs the door-ready benchmark alone: `npx tsx bench/door-ready-main.ts` (after `npm run build`).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchDoorReady } from './door-ready.js';

const dir = mkdtempSync(join(tmpdir(), 'esik-bench-ready-'));
try {
  await benchDoorReady(dir);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
