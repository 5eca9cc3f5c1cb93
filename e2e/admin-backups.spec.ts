// The admin's Backups page against the real core and real files: a copy taken by hand and shown verified, the second
// place set to a real folder (the copy written there encrypted), and a wrong current passphrase refused in words.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, readDatabase, test } from './support/kiosk-test.js';
import { demoStaff, signInByName } from './support/staff-steps.js';

const PASSPHRASE = 'Бәйтерек-2026 көктем';

test('the admin backs up now, sees the copy verified, sets a second place and is told a wrong passphrase', async ({ kiosk }) => {
  const { page } = kiosk;
  const stick = mkdtempSync(join(tmpdir(), 'esik-e2e-stick-'));
  try {
    await page.getByTestId('language-en').click();
    await signInByName(page, demoStaff.admin.id, demoStaff.admin.pin);
    await page.getByTestId('admin-open').click();
    await page.getByTestId('admin-tab-backups').click();
    await expect(page.getByTestId('backups-last')).toContainText('No verified copy yet.');

    await page.getByTestId('backups-now').click();
    await expect(page.getByTestId('backups-now-result')).toContainText('taken and verified');
    const copy = page.getByTestId('backups-copy');
    await expect(copy).toHaveCount(1);
    await expect(copy).toHaveAttribute('data-verified', 'true');
    await expect(copy).toContainText('verified');
    await expect(page.getByTestId('backups-last')).toHaveAttribute('data-verified', 'true');
    const first = await copy.getAttribute('data-file');

    // The second place: a real folder and a recovery passphrase; the next copy goes there encrypted.
    await page.getByTestId('backups-place-folder').fill(stick);
    await page.getByTestId('backups-place-passphrase').fill('too short');
    await page.getByTestId('backups-place-save').click();
    await expect(page.getByTestId('backups-place-result')).toContainText('at least 12 characters');
    await page.getByTestId('backups-place-passphrase').fill(PASSPHRASE);
    await page.getByTestId('backups-place-save').click();
    await expect(page.getByTestId('backups-place-result')).toContainText('The second place is saved.', { timeout: 20_000 });
    await expect(page.getByTestId('backups-place-status')).toContainText(stick);
    await page.getByTestId('backups-now').click();
    await expect(page.getByTestId('backups-place-status')).toHaveAttribute('data-state', 'written', { timeout: 30_000 });
    // Two copies in one hour: the retention keeps the newest of each hour, so the new one stands in for the first.
    await expect(copy).toHaveCount(1);
    await expect(copy).not.toHaveAttribute('data-file', first ?? '');
    const [device] = readdirSync(join(stick, 'esik-backups'));
    expect(readdirSync(join(stick, 'esik-backups', device ?? '')).filter((name) => name.endsWith('.sqlite.esikbak'))).toHaveLength(1);

    // A new passphrase with a wrong current one: refused in words, nothing changed.
    await page.getByTestId('backups-place-passphrase').fill('not the passphrase at all');
    await page.getByTestId('backups-place-new-passphrase').fill('Алатау таулары 1961');
    await page.getByTestId('backups-place-save').click();
    await expect(page.getByTestId('backups-place-result')).toContainText('That is not the current recovery passphrase', { timeout: 20_000 });
    expect(readDatabase<{ action: string }>(kiosk.host.databasePath, "SELECT action FROM admin_audit WHERE action LIKE 'backup-%' ORDER BY occurred_ms")).toEqual([
      { action: 'backup-second-place-set' },
    ]);

    // Each verified copy opens the restore dialog with that copy chosen.
    await page.getByTestId('backups-restore').first().click();
    await expect(page.getByTestId('restore-dialog')).toBeVisible();
    await expect(page.locator('[data-testid="restore-copy"][data-chosen="true"]')).toHaveCount(1);
    await page.getByTestId('restore-cancel').click();
    await expect(page.getByTestId('restore-dialog')).toHaveCount(0);
  } finally {
    rmSync(stick, { recursive: true, force: true });
  }
});
