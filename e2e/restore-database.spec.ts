// Starting on a damaged records file with a verified copy beside it: the screen (in Kazakh) keeps the door closed and
// offers the copy; a wrong PIN is refused; the admin's PIN restores it, and the door records again on the copy.
import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';
import { demoCards } from '../electron/core/demo/demo-roster.js';
import { KioskCore } from '../electron/core/kiosk-core.js';
import { DB_FILE, overwrite } from '../electron/core/testing/damaged-files.js';
import { cardKeys, typeAsReader } from './support/card-reader.js';
import { openKiosk, readDatabase } from './support/kiosk-test.js';
import { startKioskHost } from './support/kiosk-host.js';

/** A kiosk that recorded 6 check-ins, took a verified copy, and recorded 3 more; closed. */
async function folderWithCopy(dataDir: string): Promise<void> {
  let now = Date.parse('2026-11-23T03:00:00.000Z');
  const core = new KioskCore({ dataDir, demo: true, clock: { offsetMinutes: 300, now: () => new Date(now) }, log: () => undefined });
  const tap = (times: number) => {
    for (let i = 0; i < times; i++) {
      core.handlers.identifyCard({ raw: demoCards.motherOneChild, source: 'keyboard-wedge' });
      now += 31 * 60_000;
    }
  };
  tap(6);
  const signedIn = await core.handlers.staffSignIn({ who: { kind: 'staff', staffId: 'staff-admin' }, pin: '2468' });
  if (!signedIn.ok || signedIn.value.outcome !== 'signed-in') throw new Error('the demo admin could not sign in');
  const copy = await core.handlers.adminBackupNow({ sessionId: signedIn.value.session.sessionId });
  if (!copy.ok) throw new Error(`no copy: ${JSON.stringify(copy)}`);
  tap(3);
  core.close();
}

async function typePin(page: Page, pin: string): Promise<void> {
  for (const digit of pin) await page.getByTestId(`pin-key-${digit}`).click();
  await page.getByTestId('pin-enter').click();
}

test('a damaged database offers the newest verified copy, and an admin restores it from the screen', async ({ page }, testInfo) => {
  const dataDir = testInfo.outputPath('data');
  await folderWithCopy(dataDir);
  const path = join(dataDir, DB_FILE);
  overwrite(path, 0, Buffer.alloc(100, 0x42));
  const host = await startKioskHost(dataDir);
  try {
    await openKiosk(page, host);
    const screen = page.getByTestId('database-error-screen');
    await expect(screen).toHaveAttribute('data-problem', 'DB_CORRUPT');
    const offer = page.getByTestId('restore-offer');
    await expect(offer).toContainText('тексерілген көшірме');
    await expect(offer).toContainText('жазба: 6');
    // The door records nothing meanwhile: a card typed stays on the damaged screen.
    await typeAsReader(page, cardKeys(demoCards.motherOneChild), 5);
    await expect(screen).toBeVisible();

    await page.getByTestId('restore-offer-start').click();
    // The duty teacher's PIN: a PIN, but not an admin's.
    await typePin(page, '1234');
    await expect(page.getByTestId('restore-offer-problem')).toContainText('әкімшінің PIN-і емес');
    await typePin(page, '2468');
    await expect(page.getByTestId('idle-screen')).toBeVisible();
    expect(readDatabase<{ n: number }>(path, 'SELECT count(*) AS n FROM attendance_events')).toEqual([{ n: 6 }]);

    // The door records again, on the copy's records.
    await typeAsReader(page, cardKeys(demoCards.motherOneChild), 5);
    await expect(page.getByTestId('done-screen')).toHaveAttribute('data-outcome', 'recorded');
    expect(readDatabase<{ n: number }>(path, 'SELECT count(*) AS n FROM attendance_events')).toEqual([{ n: 7 }]);
    expect(host.output()).toMatch(/\[restore\] .* is in place; the records in use before are in set-aside\//);
  } finally {
    await host.stop();
  }
});
