// Runs the backup benchmarks alone: `npm run build:electron && npx tsx bench/backup-main.ts [copy|taps]` (the core runs
// from source, its backup worker is the built one the kiosk starts; `copy` or `taps` runs only that figure). The
// million-event fixture is generated once into the temp folder (bench/admin-fixture.ts).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchBackup } from './backup.js';

const only = process.argv[2];
if (only !== undefined && only !== 'copy' && only !== 'taps') throw new Error(`usage: bench/backup-main.ts [copy|taps], not ${only}`);
const dir = mkdtempSync(join(tmpdir(), 'esik-bench-backup-'));
try {
  await benchBackup(dir, only ?? null);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
