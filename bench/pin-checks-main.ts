// Runs the PIN-check benchmark alone: `npx tsx bench/pin-checks-main.ts` (no build needed: the core runs from source).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchPinChecks } from './pin-checks.js';

const dir = mkdtempSync(join(tmpdir(), 'esik-bench-pins-'));
try {
  await benchPinChecks(dir);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
