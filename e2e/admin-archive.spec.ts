// The admin's Archive page against the real core and real databases: on a fresh one the five-year policy in words, no
// year due and none archived yet; on one holding a year past the policy, a wrong PIN refused in words, then the year
// archived with the right PIN, listed with its file and verified, and its records gone from the live file; a due year
// with records the city has not accepted keeps its button disabled, with the reason in Kazakh.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../electron/core/db/open-database.js';
import { demoRoster } from '../electron/core/demo/demo-roster.js';
import { ensureDeviceId } from '../electron/core/ledger/attendance-log.js';
import { RosterStore } from '../electron/core/roster/roster-store.js';
import { appendEvents } from '../electron/core/testing/history.js';
import { startKioskHost } from './support/kiosk-host.js';
import { expect, openKiosk, readDatabase, test } from './support/kiosk-test.js';
import { demoStaff, signInByName } from './support/staff-steps.js';

test('the admin opens the Archive tab and sees the policy, no year due and none archived', async ({ kiosk }) => {
  const { page } = kiosk;
  await page.getByTestId('language-en').click();
  await signInByName(page, demoStaff.admin.id, demoStaff.admin.pin);
  await page.getByTestId('admin-open').click();
  await page.getByTestId('admin-tab-archive').click();
  await expect(page.getByTestId('admin-archive')).toBeVisible();
  await expect(page.getByTestId('archive-policy')).toContainText('the 5 years before it stay on the kiosk');
  await expect(page.getByTestId('archive-due-none')).toContainText('No year is due for the archive.');
  await expect(page.getByTestId('archive-archived-none')).toContainText('No year has been archived yet.');
  await expect(page.getByTestId('archive-year')).toHaveCount(0);
  await expect(page.getByTestId('archive-archived')).toHaveCount(0);
});

test('the admin archives a due year with the PIN again after a wrong one, and sees it archived and verified', async ({ page }, testInfo) => {
  test.setTimeout(60_000);
  // A records file written before the kiosk first starts: some check-ins of 2019 (past the current year and the five
  // before it) and a few of this autumn, all accepted by the city.
  const dataDir = testInfo.outputPath('data');
  mkdirSync(dataDir, { recursive: true });
  const db = openDatabase(join(dataDir, 'esik.sqlite'));
  new RosterStore(db).seed(demoRoster());
  const deviceId = ensureDeviceId(db, new Date());
  appendEvents(db, deviceId, 12, Date.parse('2019-03-04T08:00:00.000+05:00'));
  appendEvents(db, deviceId, 3, Date.parse('2026-11-02T08:00:00.000+05:00'));
  db.prepare("UPDATE sync_outbox SET state = 'sent', sent_ms = 1 WHERE state = 'pending'").run();
  db.close();

  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  const host = await startKioskHost(dataDir);
  try {
    await openKiosk(page, host);
    await page.getByTestId('language-en').click();
    await signInByName(page, demoStaff.admin.id, demoStaff.admin.pin);
    await page.getByTestId('admin-open').click();
    await page.getByTestId('admin-tab-archive').click();
    const due = page.getByTestId('archive-due');
    await expect(due).toHaveCount(1);
    await expect(due).toHaveAttribute('data-year', '2019');
    await expect(due).toHaveAttribute('data-blocked', 'false');
    await expect(due).toContainText('12 own');

    await page.getByTestId('archive-year').click();
    await page.getByTestId('archive-pin').fill('9999');
    await page.getByTestId('archive-confirm-button').click();
    await expect(page.getByTestId('archive-confirm-result')).toContainText('Wrong PIN. Attempts left:');
    await expect(due).toHaveCount(1);

    await page.getByTestId('archive-pin').fill(demoStaff.admin.pin);
    await page.getByTestId('archive-confirm-button').click();
    await expect(page.getByTestId('archive-result')).toContainText('2019 is archived.', { timeout: 30_000 });
    await expect(page.getByTestId('archive-due-none')).toBeVisible();
    const archived = page.getByTestId('archive-archived');
    await expect(archived).toHaveCount(1);
    await expect(archived).toHaveAttribute('data-year', '2019');
    await expect(archived).toContainText('12 own');
    await page.getByTestId('archive-verify').click();
    await expect(archived).toHaveAttribute('data-check', 'verified');
    await expect(page.getByTestId('archive-check')).toContainText('verified');
    expect(readDatabase<{ n: number }>(host.databasePath, "SELECT count(*) AS n FROM attendance_events WHERE local_date < '2020-01-01'")).toEqual([{ n: 0 }]);
    expect(pageErrors, 'errors logged by the page').toEqual([]);
  } finally {
    await host.stop();
  }
});

test('a due year with records the city has not accepted cannot be archived, and the page says why', async ({ page }, testInfo) => {
  const dataDir = testInfo.outputPath('data');
  mkdirSync(dataDir, { recursive: true });
  const db = openDatabase(join(dataDir, 'esik.sqlite'));
  new RosterStore(db).seed(demoRoster());
  const deviceId = ensureDeviceId(db, new Date());
  appendEvents(db, deviceId, 4, Date.parse('2019-03-04T08:00:00.000+05:00'));
  appendEvents(db, deviceId, 2, Date.parse('2026-11-02T08:00:00.000+05:00'));
  db.close();

  const host = await startKioskHost(dataDir);
  try {
    await openKiosk(page, host);
    await page.getByTestId('language-kk').click();
    await signInByName(page, demoStaff.admin.id, demoStaff.admin.pin);
    await page.getByTestId('admin-open').click();
    await page.getByTestId('admin-tab-archive').click();
    const due = page.getByTestId('archive-due');
    await expect(due).toHaveAttribute('data-year', '2019');
    await expect(due).toHaveAttribute('data-blocked', 'true');
    await expect(due).toContainText('4 жазбаны қала әлі қабылдаған жоқ');
    await expect(page.getByTestId('archive-year')).toBeDisabled();
  } finally {
    await host.stop();
  }
});
