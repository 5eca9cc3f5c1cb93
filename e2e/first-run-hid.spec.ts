// The first run's live card test with a reader in HID data mode: the reader's exact input reports (a recorded
// EM-Marine reader, electron/core/readers/fixtures) go into a fresh kiosk's core on the setup, and the readers step
// shows the number and how it was read, as it does for a keyboard-mode reader. Nothing is recorded at the door.
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { build } from 'esbuild';
import { setUpToRoster } from './support/first-run-steps.js';
import { repoRoot, startHostProcess } from './support/kiosk-host.js';
import { openKiosk, readDatabase } from './support/kiosk-test.js';

test('a card on an HID data-mode reader shows its number and kind in the readers step, and opens nothing else', async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  const dataDir = testInfo.outputPath('data');
  const script = testInfo.outputPath('hid-kiosk-host.mjs');
  await build({ entryPoints: [join(repoRoot, 'e2e/support/hid-kiosk-host.ts')], outfile: script, bundle: true, platform: 'node', format: 'esm', packages: 'external', logLevel: 'warning' });
  // Cards 0004512346, then 0006762840: 8-byte boot keyboard reports, key down and all keys up for each digit.
  const fixture = join(repoRoot, 'electron/core/readers/fixtures/keyboard-em-decimal.hex');
  const { host, child } = await startHostProcess([script, dataDir, fixture, join(repoRoot, 'dist/renderer'), '--no-demo'], dataDir);
  const playNextCard = (): void => void child.stdin?.write('card\n');
  try {
    await openKiosk(page, host);
    await expect.poll(() => host.output()).toContain('HID_READER_OPEN');
    await setUpToRoster(page);
    await page.getByTestId('setup-roster-own').click();
    await page.getByTestId('setup-step-readers').click();
    await expect(page.getByTestId('setup-reader-waiting')).toBeVisible();

    playNextCard();
    await expect(page.getByTestId('setup-reader-number')).toHaveText('Read: 4512346');
    await expect(page.getByTestId('setup-reader-kind')).toHaveText('EM-Marine, 125 kHz');
    await expect(page.getByTestId('setup-reader-source')).toHaveText('Reader in HID data mode');
    await expect(page.getByTestId('setup-reader-format')).toHaveText('Reader format: em-decimal');
    playNextCard();
    await expect(page.getByTestId('setup-reader-number')).toHaveText('Read: 6762840');
    // Still the setup: the card opened no staff sign-in, and the door neither recorded nor refused anything.
    await expect(page.getByTestId('setup-screen')).toHaveAttribute('data-step', 'readers');
    await expect(page.getByTestId('staff-sign-in')).toHaveCount(0);
    expect(readDatabase(host.databasePath, 'SELECT 1 FROM refused_attempts UNION ALL SELECT 1 FROM attendance_events')).toEqual([]);
    const tests = readDatabase<{ detail: string }>(host.databasePath, "SELECT detail FROM admin_audit WHERE action = 'setup-step' AND detail LIKE '%readers%'");
    expect(tests.map((r) => JSON.parse(r.detail) as unknown)).toEqual([
      { step: 'readers', source: 'hid', kind: 'em', readerFormat: 'em-decimal' },
      { step: 'readers', source: 'hid', kind: 'em', readerFormat: 'em-decimal' },
    ]);
  } finally {
    await host.stop();
  }
});
