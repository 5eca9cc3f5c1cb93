// The nurse's headcount on a kiosk switched on after the cut-off (issue 16 §6): the snapshot says when it really
// counted, names who is not yet in, and prints on one A4 page. The wall clock's hour must not matter: the first start
// runs in a zone where it is about 04:00 (before the default 09:00 cut-off, so nothing is counted then); while the
// kiosk is off the cut-off is set half an hour back and today made a working day; the second start counts at once.
// The console's Today page (the office PC) shows the same sheet.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { toLocalTime } from '../shared/domain/local-time.js';
import { headcountCatalogs } from '../shared/i18n/staff/headcount-catalogs.js';
import { startKioskHost, type RunningHost } from './support/kiosk-host.js';
import { openKiosk, readDatabase } from './support/kiosk-test.js';
import { demoStaff, signInByName, writeSetting } from './support/staff-steps.js';

/** An Etc/GMT zone where it is about 04:00 now (Etc/GMT-N is UTC+N; the names run from +12 to -14). */
function zoneAtFourInTheMorning(now: Date): string {
  let offset = 4 - now.getUTCHours();
  if (offset < -12) offset += 24;
  return offset === 0 ? 'Etc/GMT' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`;
}

function writeTransfer(databasePath: string, date: string): void {
  const db = new BetterSqlite3(databasePath, { fileMustExist: true });
  try {
    db.prepare(`INSERT INTO calendar_transfers (date, kind, note, staff_id, set_at, set_ms) VALUES (?, 'working-day', NULL, ?, ?, ?)`).run(date, demoStaff.admin.id, new Date().toISOString(), Date.now());
  } finally {
    db.close();
  }
}

test('a kiosk started after the cut-off says when it counted, names who is not yet in, and prints one A4 page', async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  const zone = zoneAtFourInTheMorning(new Date());
  const dataDir = testInfo.outputPath('data');
  const savedTz = process.env.TZ;
  let host: RunningHost | null = null;
  try {
    // First start: the kiosk stores the machine's zone as the kindergarten's and counts nothing before the cut-off.
    process.env.TZ = zone;
    host = await startKioskHost(dataDir);
    await host.stop();
    host = null;
    expect(readDatabase(databaseOf(dataDir), 'SELECT id FROM headcounts')).toEqual([]);

    // Off until half an hour after the cut-off.
    const before = toLocalTime(new Date(Date.now() - 30 * 60_000), zone);
    const cutOff = before.hhmm;
    writeSetting(databaseOf(dataDir), 'timeZone', zone);
    writeSetting(databaseOf(dataDir), 'headcountCutOff', cutOff);
    writeTransfer(databaseOf(dataDir), toLocalTime(new Date(), zone).localDate);

    host = await startKioskHost(dataDir);
    await expect.poll(() => readDatabase<{ trigger: string }>(databaseOf(dataDir), 'SELECT trigger FROM headcounts').length).toBe(1);
    const [row] = readDatabase<{ taken_at: string; cut_off: string }>(databaseOf(dataDir), 'SELECT taken_at, cut_off FROM headcounts');
    const takenAt = row?.taken_at.slice(11, 16) ?? '';
    expect(row?.cut_off).toBe(cutOff);
    expect(takenAt > cutOff).toBe(true);

    await openKiosk(page, host);
    await signInByName(page, demoStaff.nurse.id, demoStaff.nurse.pin);
    await page.getByTestId('staff-menu-headcount').click();
    const sheet = page.getByTestId('headcount-sheet');
    await expect(sheet).toBeVisible();
    const language = await page.evaluate(() => document.documentElement.lang);
    const x = headcountCatalogs[language === 'ru' ? 'ru' : language === 'en' ? 'en' : 'kk'];
    await expect(sheet.getByTestId('headcount-status')).toHaveText(x.countedLate(takenAt, cutOff));
    if (language === 'kk') await expect(sheet.getByTestId('headcount-status')).toContainText(`${takenAt}-`);

    // Nobody came before the count: every group's names are listed, Әлихан among Балапан's.
    const balapan = sheet.getByTestId('headcount-row').filter({ hasText: 'Балапан' });
    await expect(balapan.getByTestId('headcount-not-yet-in')).toContainText('Әлихан Жұмабаев');
    await expect(sheet.getByTestId('headcount-row')).toHaveCount(12);
    await page.screenshot({ path: testInfo.outputPath('headcount-screen.png'), fullPage: true });
    await testInfo.attach('headcount-screen', { path: testInfo.outputPath('headcount-screen.png'), contentType: 'image/png' });

    // The print copy: only the sheet, black on white, one A4 page.
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByTestId('headcount-print-page')).toBeVisible();
    await expect(page.getByTestId('staff-session')).toBeHidden();
    await page.screenshot({ path: testInfo.outputPath('headcount-print.png'), fullPage: true });
    const pdfPath = testInfo.outputPath('headcount.pdf');
    await page.pdf({ path: pdfPath, format: 'A4', preferCSSPageSize: true });
    const pages = readFileSync(pdfPath, 'latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages.length, 'pages in the printed headcount').toBe(1);
    await testInfo.attach('headcount-print', { path: testInfo.outputPath('headcount-print.png'), contentType: 'image/png' });
    await testInfo.attach('headcount-pdf', { path: pdfPath, contentType: 'application/pdf' });
    await page.emulateMedia({ media: 'screen' });

    // The office PC: the console's Today page shows the same sheet.
    await page.getByTestId('staff-sign-out').click();
    await signInByName(page, demoStaff.admin.id, demoStaff.admin.pin);
    await page.getByTestId('admin-open').click();
    const today = page.getByTestId('admin-today');
    await expect(today.getByTestId('headcount-status')).toHaveText(x.countedLate(takenAt, cutOff));
    await expect(today.getByTestId('headcount-row')).toHaveCount(12);
    await expect(page.getByTestId('headcount-print-page')).toHaveCount(1);
  } finally {
    if (savedTz === undefined) delete process.env.TZ;
    else process.env.TZ = savedTz;
    await host?.stop();
  }
});

function databaseOf(dataDir: string): string {
  return `${dataDir}/esik.sqlite`;
}
