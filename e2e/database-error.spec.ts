// A records file that cannot be opened gives a clear screen, not a crash loop, and the host keeps running.
import { expect, test } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openKiosk } from './support/kiosk-test.js';
import { startKioskHost } from './support/kiosk-host.js';

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
