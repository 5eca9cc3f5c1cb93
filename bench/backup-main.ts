// Runs the backup benchmarks alone: `npx tsx bench/backup-main.ts` (no build needed: the core and its backup worker
// run from source). The million-event fixture is generated once into the temp folder (bench/admin-fixture.ts).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchBackup } from './backup.js';

const dir = mkdtempSync(join(tmpdir(), 'esik-bench-backup-'));
try {
  await benchBackup(dir);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
