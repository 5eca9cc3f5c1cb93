// A records file that cannot be opened gives a clear screen, not a crash loop, and the host keeps running.
import { expect, test } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { demoCards } from '../electron/core/demo/demo-roster.js';
import { KioskCore } from '../electron/core/kiosk-core.js';
import { DB_FILE, deleteNewestEvents, pagesOf, smashPage } from '../electron/core/testing/damaged-files.js';
import { openKiosk } from './support/kiosk-test.js';
import { startKioskHost } from './support/kiosk-host.js';

/** A data folder whose kiosk recorded `taps` check-ins and was closed. */
function folderWithCheckins(dataDir: string, taps: number): void {
  let now = Date.parse('2026-11-23T03:00:00.000Z');
  const core = new KioskCore({ dataDir, demo: true, clock: { offsetMinutes: 300, now: () => new Date(now) }, log: () => undefined });
  for (let i = 0; i < taps; i++) {
    core.handlers.identifyCard({ raw: demoCards.motherOneChild, source: 'keyboard-wedge' });
    now += 31 * 60_000;
  }
  core.close();
}

test('a damaged database shows the error screen in Kazakh and refuses taps', async ({ page }, testInfo) => {
  const dataDir = testInfo.outputPath('data');
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(join(dataDir, 'esik.sqlite'), Buffer.alloc(8192, 0x42));
  const host = await startKioskHost(dataDir);
  try {
    await openKiosk(page, host);
    const screen = page.getByTestId('database-error-screen');
    await expect(screen).toHaveAttribute('data-problem', 'DB_CORRUPT');
    await expect(screen).toContainText('Киоск журналды аша алмайды');
    await page.getByTestId('retry-button').click();
    await expect(screen).toBeVisible();
    expect(host.output()).toMatch(/DB_CORRUPT/);
  } finally {
    await host.stop();
  }
});

test('check-ins deleted from the file are reported as missing, with their number and whom to call', async ({ page }, testInfo) => {
  const dataDir = testInfo.outputPath('data');
  folderWithCheckins(dataDir, 30);
  deleteNewestEvents(join(dataDir, DB_FILE), 20);
  const host = await startKioskHost(dataDir);
  try {
    await openKiosk(page, host);
    const screen = page.getByTestId('database-error-screen');
    await expect(screen).toHaveAttribute('data-problem', 'DB_EVENTS_MISSING');
    await expect(page.getByTestId('missing-events')).toContainText('20');
    await expect(screen).toContainText('IT маманына');
    expect(host.output()).toMatch(/EVENTS MISSING/);
  } finally {
    await host.stop();
  }
});

test('a smashed page of check-ins shows the damaged screen and the host stays up', async ({ page }, testInfo) => {
  const dataDir = testInfo.outputPath('data');
  folderWithCheckins(dataDir, 120);
  const path = join(dataDir, DB_FILE);
  smashPage(path, pagesOf(path, 'attendance_events', 'leaf')[1] ?? 0);
  const host = await startKioskHost(dataDir);
  try {
    await openKiosk(page, host);
    const screen = page.getByTestId('database-error-screen');
    await expect(screen).toHaveAttribute('data-problem', 'DB_CORRUPT');
    await expect(screen).toContainText('деректер қалтасын өшірмеңіз');
    await page.getByTestId('retry-button').click();
    await expect(screen).toHaveAttribute('data-problem', 'DB_CORRUPT');
  } finally {
    await host.stop();
  }
});
