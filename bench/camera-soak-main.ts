// Runs the camera soak alone: `npm run build && npx tsx bench/camera-soak-main.ts [seconds] [warm-up seconds] [--host-snapshots]
// [--trace <file>] [--workers-uncollected]` (600 fitted by default; the host's heap by kind at the window's ends with
// --host-snapshots, which itself raises its memory; the host's memory every 5 s into a JSON-lines file with --trace;
// --workers-uncollected for diagnostics only, see SoakOptions).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchCameraSoak } from './camera-soak.js';

const dir = mkdtempSync(join(tmpdir(), 'esik-bench-soak-'));
try {
  const [seconds, warmUp] = process.argv.slice(2).filter((arg) => /^\d+$/.test(arg));
  const traceAt = process.argv.indexOf('--trace');
  const trace = traceAt > 0 ? process.argv[traceAt + 1] : undefined;
  await benchCameraSoak(dir, Number(seconds ?? 600), warmUp === undefined ? undefined : Number(warmUp), {
    hostSnapshots: process.argv.includes('--host-snapshots'),
    workersUncollected: process.argv.includes('--workers-uncollected'),
    ...(trace === undefined ? {} : { trace }),
  });
} finally {
  rmSync(dir, { recursive: true, force: true });
}
