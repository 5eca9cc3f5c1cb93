// The admin's Updates page against the real core in the web host, a real feed on loopback and real folders: the feed
// set and checked, a tampered feed refused, folders unsigned, cut short and whole, the quiet hours, and the audit. The
// web host checks and decides but cannot install (that is electron-updater's, in the installed app).
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, truncateSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rawPublicKey } from '../electron/core/credentials/ed25519.js';
import { serveFolder, type FolderFeed } from '../electron/core/updates/update-folder-server.js';
import { writeRelease, type Release } from '../electron/core/updates/testing/release-kit.js';
import { expect, readDatabase, test } from './support/kiosk-test.js';
import { demoStaff, signInByName } from './support/staff-steps.js';

const vendor = generateKeyPairSync('ed25519');
let dir: string;
let release: Release;
let feed: FolderFeed;

// The web host trusts one more key through its environment, which the kiosk fixture's host inherits.
test.beforeAll(() => {
  process.env.ESIK_UPDATE_TRUST_KEY = Buffer.from(rawPublicKey(vendor.privateKey)).toString('base64url');
});
test.afterAll(() => {
  delete process.env.ESIK_UPDATE_TRUST_KEY;
});

test.beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'esik-e2e-updates-'));
  release = writeRelease(join(dir, 'feed'), { version: '0.2.0', key: vendor.privateKey });
  feed = await serveFolder(release.folder);
});
test.afterEach(async () => {
  await feed.close();
  rmSync(dir, { recursive: true, force: true });
});

test('the admin sets the feed, checks it, is told a tampered feed and spoiled folders, takes a folder, and sets the quiet hours', async ({ kiosk }) => {
  const { page } = kiosk;
  await page.getByTestId('language-en').click();
  await signInByName(page, demoStaff.admin.id, demoStaff.admin.pin);
  await page.getByTestId('admin-open').click();
  await page.getByTestId('admin-tab-updates').click();
  await expect(page.getByTestId('updates-version')).toHaveText('This version: 0.1.0');
  await expect(page.getByTestId('updates-can-install')).toHaveAttribute('data-can-install', 'false');
  await expect(page.getByTestId('updates-last-check')).toHaveText('Not checked yet.');
  await expect(page.getByTestId('updates-check-now')).toBeDisabled();
  await expect(page.getByTestId('updates-door-hours')).toContainText('Never between 06:00 and 20:00');

  // A malformed address waits with the reason; the feed's own address is saved and checked.
  await page.getByTestId('updates-feed-url').fill('ftp://updates.example.kz/');
  await expect(page.getByTestId('updates-feed-malformed')).toBeVisible();
  await expect(page.getByTestId('updates-feed-save')).toBeDisabled();
  await page.getByTestId('updates-feed-url').fill(feed.url);
  await page.getByTestId('updates-feed-save').click();
  await expect(page.getByTestId('updates-result')).toHaveText('Saved.');
  await page.getByTestId('updates-check-now').click();
  await expect(page.getByTestId('updates-last-check')).toHaveAttribute('data-outcome', 'available');
  await expect(page.getByTestId('updates-last-check')).toContainText('the feed: version 0.2.0 is available.');
  await expect(page.getByTestId('updates-pending')).toHaveAttribute('data-state', 'offered');
  await expect(page.getByTestId('updates-install-now')).toBeDisabled();

  // The feed's channel file changed after signing: refused, in words.
  const channel = join(release.folder, release.channelFile);
  writeFileSync(channel, readFileSync(channel, 'utf8').replace('version: 0.2.0', 'version: 0.2.1'));
  await page.getByTestId('updates-check-now').click();
  await expect(page.getByTestId('updates-last-check')).toHaveAttribute('data-code', 'UPDATE_SIGNATURE_INVALID');
  await expect(page.getByTestId('updates-last-check')).toContainText("refused. The update's signature does not match");

  // Folders: unsigned, an installer cut short, then a whole one.
  const unsigned = writeRelease(join(dir, 'unsigned'), { version: '0.2.0', key: null });
  await page.getByTestId('updates-folder').fill(unsigned.folder);
  await page.getByTestId('updates-from-folder').click();
  await expect(page.getByTestId('updates-result')).toContainText('The update is not signed');
  const cut = writeRelease(join(dir, 'cut'), { version: '0.2.0', key: vendor.privateKey });
  truncateSync(join(cut.folder, cut.installer), 1000);
  await page.getByTestId('updates-folder').fill(cut.folder);
  await page.getByTestId('updates-from-folder').click();
  await expect(page.getByTestId('updates-result')).toContainText('The installer is incomplete');
  const stick = writeRelease(join(dir, 'stick'), { version: '0.2.0', key: vendor.privateKey });
  await page.getByTestId('updates-folder').fill(stick.folder);
  await page.getByTestId('updates-from-folder').click();
  await expect(page.getByTestId('updates-last-check')).toContainText('a folder: version 0.2.0 is available.');
  await expect(page.getByTestId('updates-pending')).toContainText('Version 0.2.0 (a folder)');

  // The quiet hours, kept across a reload of the page.
  await page.getByTestId('updates-quiet-from').fill('22:30');
  await page.getByTestId('updates-quiet-to').fill('04:00');
  await page.getByTestId('updates-quiet-save').click();
  await expect(page.getByTestId('updates-result')).toHaveText('Saved.');
  await page.getByTestId('admin-tab-today').click();
  await page.getByTestId('admin-tab-updates').click();
  await expect(page.getByTestId('updates-quiet-from')).toHaveValue('22:30');
  await expect(page.getByTestId('updates-quiet-to')).toHaveValue('04:00');

  expect(readDatabase<{ action: string; staff_id: string }>(kiosk.host.databasePath, "SELECT action, staff_id FROM admin_audit WHERE action LIKE 'update-%' ORDER BY occurred_ms, rowid")).toEqual([
    { action: 'update-feed-set', staff_id: demoStaff.admin.id },
    { action: 'update-from-folder', staff_id: demoStaff.admin.id },
    { action: 'update-from-folder', staff_id: demoStaff.admin.id },
    { action: 'update-from-folder', staff_id: demoStaff.admin.id },
    { action: 'update-quiet-hours-set', staff_id: demoStaff.admin.id },
  ]);
});

test('in Kazakh: an unsigned feed is refused in words', async ({ kiosk }) => {
  const { page } = kiosk;
  unlinkSync(join(release.folder, `${release.channelFile}.sig`));
  await page.getByTestId('language-kk').click();
  await signInByName(page, demoStaff.admin.id, demoStaff.admin.pin);
  await page.getByTestId('admin-open').click();
  await page.getByTestId('admin-tab-updates').click();
  await expect(page.getByTestId('admin-tab-updates')).toHaveText('Жаңартулар');
  await page.getByTestId('updates-feed-url').fill(feed.url);
  await page.getByTestId('updates-feed-save').click();
  await expect(page.getByTestId('updates-result')).toHaveText('Сақталды.');
  await page.getByTestId('updates-check-now').click();
  await expect(page.getByTestId('updates-last-check')).toHaveAttribute('data-code', 'UPDATE_UNSIGNED');
  await expect(page.getByTestId('updates-last-check')).toContainText('Жаңартуға қол қойылмаған');
});
