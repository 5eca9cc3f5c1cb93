// A card read by an HID data-mode reader reaches the screen: the reader's exact input reports go into the running
// core (e2e/support/hid-kiosk-host.ts plays a recorded device), the core identifies and records the card itself, and
// the page only shows the outcome it is told: it never sends the card back.
import { join } from 'node:path';
import { test, expect } from '@playwright/test';
import { build } from 'esbuild';
import { callsSent } from './support/calls-sent.js';
import { repoRoot, startHostProcess, withoutEveningPickup } from './support/kiosk-host.js';
import { openKiosk, readDatabase, type StoredEvent } from './support/kiosk-test.js';

test('an HID card is identified by the core and its receipt shown; an unknown one is refused on screen', async ({ page }, testInfo) => {
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  const dataDir = testInfo.outputPath('data');
  // Bundled like the kiosk's own host (packages stay in node_modules): it starts in a second, where compiling the
  // core's TypeScript file by file on a loaded machine took over ten.
  const script = testInfo.outputPath('hid-kiosk-host.mjs');
  await build({ entryPoints: [join(repoRoot, 'e2e/support/hid-kiosk-host.ts')], outfile: script, bundle: true, platform: 'node', format: 'esm', packages: 'external', logLevel: 'warning' });
  // Cards 0004512346 (Елена, mother of Алиса) and 0006762840 (no one's), 8-byte boot keyboard reports.
  const fixture = join(repoRoot, 'electron/core/readers/fixtures/keyboard-em-decimal.hex');
  const { host, child } = await startHostProcess([script, dataDir, fixture, join(repoRoot, 'dist/renderer')], dataDir);
  withoutEveningPickup(host);
  const playNextCard = (): void => void child.stdin?.write('card\n');
  const events = (): StoredEvent[] => readDatabase<StoredEvent>(host.databasePath, 'SELECT child_id, kind, method, companion_id FROM attendance_events');
  try {
    const calls = callsSent(page);
    await openKiosk(page, host);
    await expect.poll(() => host.output()).toContain('HID_READER_OPEN');

    playNextCard();
    await expect(page.getByTestId('done-screen')).toHaveAttribute('data-outcome', 'recorded');
    await expect(page.getByTestId('receipt-entry')).toContainText('Алиса');
    expect(events().map((e) => [e.child_id, e.kind, e.method])).toEqual([['ch0003', 'arrival', 'rfid']]);

    playNextCard();
    const message = page.getByTestId('error-message');
    await expect(message).toHaveAttribute('data-code', 'UNKNOWN_CARD');
    // The refusal is written by the core (coalesced, at most once a second), with no page asking for it.
    await expect
      .poll(() => readDatabase<{ reason: string }>(host.databasePath, 'SELECT reason FROM refused_attempts'))
      .toEqual([{ reason: 'unknown-card' }]);
    expect(events()).toHaveLength(1);
    expect(calls.filter((name) => name === 'identifyCard' || name === 'identifyQr')).toEqual([]);
    expect(pageErrors).toEqual([]);
  } finally {
    await host.stop();
  }
});
