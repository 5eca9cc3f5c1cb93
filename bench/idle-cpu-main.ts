// Runs the idle-doorway CPU benchmark alone: `npm run build && npx tsx bench/idle-cpu-main.ts [seconds]`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchIdleCpu } from './idle-cpu.js';

const dir = mkdtempSync(join(tmpdir(), 'esik-bench-idle-'));
try {
  await benchIdleCpu(dir, Number(process.argv[2] ?? 30));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
