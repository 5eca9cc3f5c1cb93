// Runs the door-ready benchmark alone: `npx tsx bench/door-ready-main.ts`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchDoorReady } from './door-ready.js';

const dir = mkdtempSync(join(tmpdir(), 'esik-bench-ready-'));
try {
  benchDoorReady(dir);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
