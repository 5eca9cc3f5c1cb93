// The time-sensitive tests again under other OS zones (TZ=…): the kiosk tells every local day and time in the
// kindergarten's zone, so none of these may pass or fail with the machine's. `npm run test:unit` runs it after the
// whole suite; alone: `node scripts/test-zones.mjs` (after `node scripts/native.mjs node`).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ZONES = ['UTC', 'Asia/Almaty', 'America/New_York'];
const TIME_SENSITIVE = [
  'shared/domain/local-time.test.ts',
  'shared/admin/tabel.test.ts',
  'electron/core/time/',
  'electron/core/kiosk-core-time-zone.test.ts',
  'electron/core/backup/backup-schedule.test.ts',
  'electron/core/backup/backup-retention.test.ts',
  'electron/core/admin/tabel-service.test.ts',
  'electron/core/staff/staff-day.test.ts',
  'renderer/src/admin/time-zone-options.test.ts',
];
const vitest = fileURLToPath(new URL('../node_modules/vitest/vitest.mjs', import.meta.url));

for (const zone of ZONES) {
  // The child checks first that the zone took: a TZ the runtime ignores would make every run the machine's.
  const seen = spawnSync(process.execPath, ['-e', 'process.stdout.write(Intl.DateTimeFormat().resolvedOptions().timeZone)'], { env: { ...process.env, TZ: zone } });
  if (seen.stdout.toString() !== zone) {
    console.error(`test-zones: TZ=${zone} gave the zone "${seen.stdout.toString()}"`);
    process.exit(1);
  }
  console.log(`test-zones: TZ=${zone}`);
  const run = spawnSync(process.execPath, [vitest, 'run', ...TIME_SENSITIVE], { stdio: 'inherit', env: { ...process.env, TZ: zone } });
  if (run.status !== 0) process.exit(run.status ?? 1);
}
