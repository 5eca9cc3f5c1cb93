// The discreet sync dot on the idle screen, against the real reference city server: online once enrolled; offline
// with the tap waiting to be sent when the city is gone; online and nothing waiting again once it is back and the
// browser says the network returned.
import { expect, test } from '@playwright/test';
import { demoCards } from '../electron/core/demo/demo-roster.js';
import { cardKeys, typeAsReader } from './support/card-reader.js';
import { enrolledDataDir, startCity } from './support/city.js';
import { startKioskHost } from './support/kiosk-host.js';
import { openKiosk } from './support/kiosk-test.js';

test('the idle screen shows sync online, offline with the tap waiting, and online again', async ({ page }, testInfo) => {
  test.setTimeout(60_000);
  const cityDir = testInfo.outputPath('city');
  let city = await startCity(cityDir);
  const port = Number(new URL(city.url).port);
  const dataDir = testInfo.outputPath('data');
  await enrolledDataDir(dataDir, city);
  const host = await startKioskHost(dataDir);
  try {
    await openKiosk(page, host);
    const indicator = page.getByTestId('sync-indicator');
    await expect(indicator).toHaveAttribute('data-state', 'online', { timeout: 10_000 });
    await expect(indicator).toContainText('Байланыс бар'); // Kazakh first

    await city.stop();
    await typeAsReader(page, cardKeys(demoCards.motherOneChild), 5);
    await expect(page.getByTestId('done-screen')).toBeVisible();
    await expect(indicator).toHaveAttribute('data-state', 'offline', { timeout: 15_000 });
    await expect(indicator).toHaveAttribute('data-queued', '1');
    await expect(indicator).toContainText('Байланыс жоқ');
    await expect(indicator).toContainText('жіберілетіні: 1');

    city = await startCity(cityDir, port);
    // What Chromium fires when the network comes back: sync tries at once instead of waiting out its back-off.
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await expect(indicator).toHaveAttribute('data-queued', '0', { timeout: 5_000 });
    await expect(indicator).toHaveAttribute('data-state', 'online');
  } finally {
    await host.stop();
    await city.stop();
  }
});
