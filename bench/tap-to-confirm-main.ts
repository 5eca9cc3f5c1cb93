// Runs the tap-to-confirm benchmark alone: `npx tsx bench/tap-to-confirm-main.ts [taps]` (after `npm run build`).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchTapToConfirm } from './tap-to-confirm.js';

const dir = mkdtempSync(join(tmpdir(), 'esik-bench-tap-confirm-'));
try {
  await benchTapToConfirm(dir, Number(process.argv[2] ?? 200));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
