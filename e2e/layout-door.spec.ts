// The door at every screen size a kiosk comes in, in Kazakh and Russian: each main screen is laid out without
// overlaps (the camera preview included), cut text or small touch targets (support/layout-check.ts), and the
// Kazakh screens are saved as PNGs at 1280×800 and 1080×1920 for a reviewer (test-results/screens/).
// One kiosk host and one browser page per language: the page is resized between sizes, not reopened.
import { chromium, expect, test, type Browser, type Page, type TestInfo } from '@playwright/test';
import BetterSqlite3 from 'better-sqlite3';
import { renameSync } from 'node:fs';
import { join } from 'node:path';
import { chromiumExecutable } from './support/browser.js';
import { waitForCamera } from './support/camera-kiosk.js';
import { cardKeys, typeAsReader } from './support/card-reader.js';
import { startKioskHost, withoutEveningPickup, type RunningHost } from './support/kiosk-host.js';
import { openKiosk } from './support/kiosk-test.js';
import { DOOR_TARGET_PX, layoutProblems, SCREEN_SIZES, SCREENSHOT_SIZES } from './support/layout-check.js';
import { writeSetting } from './support/staff-steps.js';

const GRANDMOTHER_TWO_GROUPS = '0004512345';
const MOTHER_ONE_CHILD = '0004512346';
const FATHER_TWO_CHILDREN = '0004512347';
const NANNY_MAY_NOT_COLLECT = '0004512348';
const UNKNOWN_CARD = '0009999999';

type DoorLanguage = 'kk' | 'ru';

interface Walk {
  page: Page;
  language: DoorLanguage;
  testInfo: TestInfo;
}

/** Lays the screen out at every size and reports what the check finds (softly: one run lists every screen's faults). */
async function atEverySize(walk: Walk, screen: string): Promise<void> {
  const { page, language, testInfo } = walk;
  for (const size of SCREEN_SIZES) {
    await page.setViewportSize(size);
    const name = `${size.width}x${size.height}`;
    expect.soft(await layoutProblems(page, 'body', { minTarget: DOOR_TARGET_PX }), `door ${screen} at ${name} in ${language}`).toEqual([]);
    if (language === 'kk' && SCREENSHOT_SIZES.has(name)) {
      await page.screenshot({ path: join(testInfo.project.outputDir, 'screens', `door-${screen}-${name}-kk.png`) });
    }
  }
}

async function tap(page: Page, card: string): Promise<void> {
  // Zero gaps: the page's clock is paused, and a burst stamped at one instant is one card however the machine runs.
  await typeAsReader(page, cardKeys(card), 0);
}

/** Leaves a receipt or an error screen for idle: the page's clock moves only when the test moves it. */
async function backToIdle(page: Page): Promise<void> {
  await page.clock.fastForward(5_000);
  await expect(page.getByTestId('idle-screen')).toBeVisible();
}

/** Fails the test if the page logged an error, as the kiosk fixtures do. */
function watchErrors(page: Page, errors: string[]): void {
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
}

/** Long Kazakh names, as real rosters have them: a name that fits a tile's width only when it may wrap. */
function giveLongNames(databasePath: string): void {
  const db = new BetterSqlite3(databasePath, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    db.prepare("UPDATE children SET first_name = 'Нұрмұхаммедәлі' WHERE first_name = 'Ерасыл'").run();
    db.prepare("UPDATE children SET first_name = 'Ақмаржангүлсезім' WHERE first_name = 'Інжу'").run();
  } finally {
    db.close();
  }
}

async function walkTheDoor(language: DoorLanguage, testInfo: TestInfo, plainBrowser: Browser): Promise<void> {
  const host: RunningHost = withoutEveningPickup(await startKioskHost(testInfo.outputPath(`data-${language}`)));
  const db = host.databasePath;
  // No closing-time alert until the walk asks for one (at '23:59' it would take a run at the last minute of the day).
  writeSetting(db, 'closingTime', '23:59');
  giveLongNames(db);
  // Chromium's fake camera (its own test pattern) stands in for the webcam: the preview shows on every screen.
  const cameraBrowser = await chromium.launch({
    executablePath: chromiumExecutable(),
    args: ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', '--disable-background-networking', '--no-first-run', '--autoplay-policy=no-user-gesture-required'],
  });
  const errors: string[] = [];
  try {
    // Idle without a camera: the dock says so in words, in the same place the preview takes.
    const plain = await plainBrowser.newPage();
    watchErrors(plain, errors);
    await openKiosk(plain, host);
    // The door's language is the core's: chosen here, the camera page below opens in it too.
    await plain.getByTestId(`language-${language}`).click();
    await expect(plain.locator('html')).toHaveAttribute('lang', language);
    // No camera here, or one the headless browser may not use: either way the dock says why in words.
    await expect(plain.getByTestId('camera-dock')).toHaveAttribute('data-state', /^(noCamera|permissionDenied|unplugged)$/);
    await atEverySize({ page: plain, language, testInfo }, 'idle-no-camera');
    await plain.close();

    const page = await cameraBrowser.newPage();
    watchErrors(page, errors);
    await openKiosk(page, host);
    await waitForCamera(page);
    await expect(page.locator('html')).toHaveAttribute('lang', language);
    await page.clock.install();
    await page.clock.pauseAt(Date.now() + 1_000);
    const walk: Walk = { page, language, testInfo };
    await atEverySize(walk, 'idle');

    // Two children, two groups, both preselected with the countdown running.
    await tap(page, GRANDMOTHER_TWO_GROUPS);
    await expect(page.getByTestId('child-tile')).toHaveCount(2);
    await atEverySize(walk, 'choose');
    // Әлихан only: Айару comes later.
    await page.getByTestId('child-tile').nth(1).click();
    await page.getByTestId('confirm-button').click();
    await expect(page.getByTestId('done-screen')).toHaveAttribute('data-kinds', 'arrival');
    await atEverySize(walk, 'done-arrival');
    await backToIdle(page);

    // The same card within seconds: "already recorded" with its info icon.
    await tap(page, MOTHER_ONE_CHILD);
    await expect(page.getByTestId('done-screen')).toHaveAttribute('data-outcome', 'recorded');
    await backToIdle(page);
    await tap(page, MOTHER_ONE_CHILD);
    await expect(page.getByTestId('done-screen')).toHaveAttribute('data-outcome', 'repeat');
    await atEverySize(walk, 'done-repeat');
    await backToIdle(page);

    // Refused: an unknown card.
    await tap(page, UNKNOWN_CARD);
    await expect(page.getByTestId('error-message')).toHaveAttribute('data-code', 'UNKNOWN_CARD');
    await atEverySize(walk, 'error');
    await backToIdle(page);

    // Evening: closing time has passed with children in; the door shows staff alerts only as a count on the staff entry.
    writeSetting(db, 'closingTime', '00:00');
    writeSetting(db, 'repeatWindowSeconds', 0);
    await expect(page.getByTestId('staff-alert-count')).toBeVisible({ timeout: 12_000 });
    await atEverySize(walk, 'idle-alert-count');

    // The grandmother again: Айару arrives, Әлихан — minutes after his arrival — is asked about.
    await tap(page, GRANDMOTHER_TWO_GROUPS);
    await expect(page.getByTestId('leaving-question')).toHaveCount(1);
    await atEverySize(walk, 'choose-leaving');
    await page.getByTestId('leaving-yes').click();
    await page.getByTestId('confirm-button').click();
    await expect(page.getByTestId('done-screen')).toHaveAttribute('data-kinds', 'mixed');
    await atEverySize(walk, 'done-mixed');
    await backToIdle(page);

    // The mother again, minutes after Алиса came: the question alone on the screen, answered by its own buttons.
    await tap(page, MOTHER_ONE_CHILD);
    await expect(page.getByTestId('leaving-question')).toHaveCount(1);
    await atEverySize(walk, 'choose-leaving-alone');
    await page.getByTestId('leaving-no').click();
    await expect(page.getByTestId('idle-screen')).toBeVisible();

    // The father brings two; the nanny, who may only bring them, cannot collect them.
    await tap(page, FATHER_TWO_CHILDREN);
    await expect(page.getByTestId('child-tile').filter({ hasText: 'Нұрмұхаммедәлі' })).toHaveCount(1);
    await page.getByTestId('confirm-button').click();
    await expect(page.getByTestId('receipt-entry')).toHaveCount(2);
    await backToIdle(page);
    await tap(page, NANNY_MAY_NOT_COLLECT);
    await expect(page.getByTestId('child-tile').first()).toHaveAttribute('data-allowed', 'false');
    await atEverySize(walk, 'choose-not-allowed');
    await page.getByTestId('cancel-button').click();
    await expect(page.getByTestId('idle-screen')).toBeVisible();

    // The father takes them home: a departure receipt.
    writeSetting(db, 'departureGuardMinutes', 0);
    await tap(page, FATHER_TWO_CHILDREN);
    await page.getByTestId('confirm-button').click();
    await expect(page.getByTestId('done-screen')).toHaveAttribute('data-kinds', 'departure');
    await atEverySize(walk, 'done-departure');
    await backToIdle(page);

    // The records file out of reach (a dropped share, a pulled disk): the door cannot record.
    renameSync(db, `${db}.away`);
    await expect(page.getByTestId('cannot-record-screen')).toBeVisible({ timeout: 15_000 });
    await atEverySize(walk, 'cannot-record');
    await page.close();
  } finally {
    await cameraBrowser.close();
    await host.stop();
  }
  // The page rightly complains once its records are out of reach; nothing before that is expected.
  expect(errors.filter((e) => !/CANNOT_RECORD|DISK_GONE/.test(e)), 'errors logged by the page').toEqual([]);
}

for (const language of ['kk', 'ru'] as const) {
  test(`the door's screens in ${language} overlap nothing, cut nothing and have big enough targets at every size`, async ({ browser }, testInfo) => {
    test.setTimeout(120_000);
    await walkTheDoor(language, testInfo, browser);
  });
}
