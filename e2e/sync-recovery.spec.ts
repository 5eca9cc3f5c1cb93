// A kiosk started on an older copy of its records, against the real reference city server: before it pushes, it puts
// back its own check-ins the city holds beyond the copy, and the admin's sync page says how many came back (in Kazakh
// first, as the kiosk starts).
import { copyFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { toLocalTime } from '../shared/domain/local-time.js';
import { openDatabase } from '../electron/core/db/open-database.js';
import { demoRoster } from '../electron/core/demo/demo-roster.js';
import { AttendanceLog } from '../electron/core/ledger/attendance-log.js';
import { RosterStore } from '../electron/core/roster/roster-store.js';
import { CityClient } from '../electron/core/sync/city-client.js';
import { PushEngine } from '../electron/core/sync/push-engine.js';
import { enrolledDataDir, startCity } from './support/city.js';
import { startKioskHost } from './support/kiosk-host.js';
import { openKiosk, readDatabase } from './support/kiosk-test.js';
import { demoStaff, signInByName } from './support/staff-steps.js';

test('the sync page says how many of its own check-ins the kiosk put back from the city after a restore', async ({ page }, testInfo) => {
  test.setTimeout(60_000);
  const city = await startCity(testInfo.outputPath('city'));
  const dataDir = testInfo.outputPath('data');
  const path = join(dataDir, 'esik.sqlite');
  const copyPath = testInfo.outputPath('copy.sqlite');
  const enrolled = await enrolledDataDir(dataDir, city);

  // Two arrivals in the copy, three more after it; all five reach the city.
  const db = openDatabase(path);
  new RosterStore(db).seed(demoRoster());
  const log = new AttendanceLog(db, enrolled.deviceId);
  const children = demoRoster().children.map((c) => c.id);
  const arrive = (i: number): void => {
    log.append([{ childId: children[i] ?? '', kind: 'arrival', method: 'rfid', companionId: null, credentialId: null, staffId: null }], toLocalTime(new Date(Date.now() - (10 - i) * 60_000), 300));
  };
  arrive(0);
  arrive(1);
  await db.backup(copyPath);
  for (const i of [2, 3, 4]) arrive(i);
  const client = new CityClient({ serverUrl: city.url, token: enrolled.token });
  await new PushEngine({ db, client, cityDeviceId: enrolled.deviceId }).drain();
  client.close();
  db.close();
  // The records file is replaced by the copy.
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
  copyFileSync(copyPath, path);

  const host = await startKioskHost(dataDir);
  try {
    await openKiosk(page, host);
    await expect.poll(() => readDatabase<{ n: number }>(host.databasePath, 'SELECT count(*) AS n FROM attendance_events')[0]?.n, { timeout: 15_000 }).toBe(5);
    await signInByName(page, demoStaff.admin.id, demoStaff.admin.pin);
    await page.getByTestId('admin-open').click();
    await page.getByTestId('admin-tab-sync').click();
    await expect(page.getByTestId('sync-recovered')).toContainText('Осы киоскінің қаладан қайтарылған жазбалары: 3');
    await expect(page.getByTestId('sync-recovered')).toContainText('№ 5');
    await expect(page.getByTestId('sync-recovery-problem')).toHaveCount(0);
    await expect(page.getByTestId('sync-chain-mismatch')).toHaveCount(0);
  } finally {
    await host.stop();
    await city.stop();
  }
});
