// The Electron shell end to end with Playwright's _electron: runs wherever an Electron binary is installed;
// elsewhere every test here is skipped with the reason printed.
import { _electron as electron, expect, test } from '@playwright/test';
import { mkdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { cardKeys, typeAsReader } from './support/card-reader.js';
import { readDatabase } from './support/kiosk-test.js';
import { repoRoot } from './support/kiosk-host.js';
import { electronBinary } from './support/electron-binary.js';
import { demoStaff, signInByName } from './support/staff-steps.js';

const binary = electronBinary();
if (!binary.path) console.log(`[e2e] Electron tests skipped: ${binary.reason}. They run where \`node scripts/native.mjs electron\` finds a binary.`);

test.describe('Electron shell', () => {
  test.skip(!binary.path, `Electron binary missing: ${binary.reason}`);

  test('checks in two siblings through the preload API, with the window locked down', async ({}, testInfo) => {
    const native = (await import(join(repoRoot, 'scripts/native.mjs'))) as { ensureElectronSqlite: () => string };
    const dataDir = testInfo.outputPath('data');
    const app = await electron.launch({
      executablePath: binary.path ?? undefined,
      args: [join(repoRoot, 'dist/electron/main.cjs')],
      env: { ...process.env, ESIK_DATA_DIR: dataDir, ESIK_SQLITE_BINDING: native.ensureElectronSqlite() },
    });
    try {
      const page = await app.firstWindow();
      await expect(page.locator('body[data-ready="true"]')).toBeAttached();
      const prefs = await app.evaluate(({ BrowserWindow }) => {
        const web = BrowserWindow.getAllWindows()[0]?.webContents;
        return web ? { url: web.getURL() } : null;
      });
      expect(prefs?.url).toMatch(/^esik:\/\/app\//);
      expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
      expect(await page.evaluate(() => Object.keys((window as unknown as { kiosk: object }).kiosk).sort())).toEqual(['call', 'on']);

      await typeAsReader(page, cardKeys('0004512345'), 5);
      await page.getByTestId('confirm-button').click();
      await expect(page.getByTestId('receipt-entry')).toHaveCount(2);
      expect(readDatabase<{ child_id: string }>(join(dataDir, 'esik.sqlite'), 'SELECT child_id FROM attendance_events ORDER BY device_seq')).toEqual([
        { child_id: 'ch0001' },
        { child_id: 'ch0002' },
      ]);
      // A page that navigates away must stay on the app.
      await page.evaluate(() => {
        location.href = 'https://example.com/';
      });
      expect(page.url()).toMatch(/^esik:\/\/app\//);
    } finally {
      await app.close();
    }
  });

  test("exports the табель through the OS save dialog to the place the head chose", async ({}, testInfo) => {
    const native = (await import(join(repoRoot, 'scripts/native.mjs'))) as { ensureElectronSqlite: () => string };
    const dataDir = testInfo.outputPath('data');
    const chosen = testInfo.outputPath('stick/tabel.csv');
    mkdirSync(dirname(chosen), { recursive: true });
    const app = await electron.launch({
      executablePath: binary.path ?? undefined,
      args: [join(repoRoot, 'dist/electron/main.cjs')],
      env: { ...process.env, ESIK_DATA_DIR: dataDir, ESIK_SQLITE_BINDING: native.ensureElectronSqlite() },
    });
    try {
      // The dialog itself is the OS's: answer it as a head who picks the USB stick would.
      await app.evaluate(({ dialog }, path) => {
        dialog.showSaveDialog = () => Promise.resolve({ canceled: false, filePath: path });
      }, chosen);
      const page = await app.firstWindow();
      await expect(page.locator('body[data-ready="true"]')).toBeAttached();
      await signInByName(page, demoStaff.admin.id, demoStaff.admin.pin);
      await page.getByTestId('admin-open').click();
      await page.getByTestId('admin-tab-tabel').click();
      await page.getByTestId('tabel-export-csv').click();
      // The file and the folder it went to, by name (not the whole path).
      await expect(page.getByTestId('tabel-exported')).toContainText(basename(chosen));
      await expect(page.getByTestId('tabel-exported')).toContainText(basename(dirname(chosen)));
      expect(readFileSync(chosen, 'utf8').length).toBeGreaterThan(100);
    } finally {
      await app.close();
    }
  });
});
