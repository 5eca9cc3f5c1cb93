// Runs the backup benchmarks alone: `npm run build:electron && npx tsx bench/backup-main.ts` (the core runs from
// source, its backup worker is the built one the kiosk starts). The million-event fixture is generated once into the
// temp folder (bench/admin-fixture.ts).
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
