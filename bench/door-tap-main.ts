// Runs the door-tap benchmark alone: `npx tsx bench/door-tap-main.ts`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchDoorTap } from './door-tap.js';

const dir = mkdtempSync(join(tmpdir(), 'esik-bench-tap-'));
try {
  await benchDoorTap(dir);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
