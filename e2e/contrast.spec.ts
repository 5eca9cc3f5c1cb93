// Text contrast meets WCAG 2 AA on every screen (issue 17): the door's screens (idle, choose, done, refused, the
// staff entry's count), the staff sign-in and each staff page, and each console page, in Kazakh and Russian (their texts
// differ in length, so a wrap can move text onto another background). axe's color-contrast rule only; the test
// collects every offender before it fails, so one run lists them all; text axe cannot measure (over an image or a
// gradient) is attached to the report for a person to look at. The cannot-record screen needs a disk that fills up
// (a tmpfs: root only), so it has a test of its own that skips, saying why, where none can be mounted.
import type { Page } from '@playwright/test';
import { mountSmallDisk } from '../integration/disk/small-tmpfs.js';
import { cardKeys, typeAsReader } from './support/card-reader.js';
import { contrastFindings, settled } from './support/contrast.js';
import { startKioskHost } from './support/kiosk-host.js';
import { expect, openKiosk, test, type Kiosk } from './support/kiosk-test.js';
import { demoStaff, openStaffSignIn, typePin, writeSetting } from './support/staff-steps.js';

const GRANDMOTHER_TWO_CHILDREN = '0004512345';
const FATHER_TWO_CHILDREN = '0004512347';
const NANNY_MAY_NOT_COLLECT = '0004512348';
const UNKNOWN_CARD = '0009999999';
const STAFF_PAGES = ['override', 'absence', 'headcount', 'closing', 'events', 'pin', 'paper-day'] as const;
const CONSOLE_PAGES = ['today', 'log', 'refused', 'tabel', 'roster', 'companions', 'cards', 'staff', 'sync', 'settings', 'diagnostics', 'backups', 'archive', 'updates', 'rosterImport', 'computer', 'computers', 'returns', 'neverCome'] as const;

async function door(kiosk: Kiosk, check: (screen: string) => Promise<void>): Promise<void> {
  const { page } = kiosk;
  await expect(page.getByTestId('idle-screen')).toBeVisible();
  await check('idle');
  await kiosk.typeCard(GRANDMOTHER_TWO_CHILDREN, 5);
  await expect(page.getByTestId('choose-screen')).toBeVisible();
  await check('choose');
  await page.getByTestId('confirm-button').click();
  await expect(page.getByTestId('done-screen')).toHaveAttribute('data-outcome', 'recorded');
  await check('done');
  await kiosk.typeCard(GRANDMOTHER_TWO_CHILDREN, 5);
  await expect(page.getByTestId('done-screen')).toHaveAttribute('data-outcome', 'repeat');
  await check('done (already recorded)');
  await kiosk.typeCard(UNKNOWN_CARD, 5);
  await expect(page.getByTestId('error-screen')).toBeVisible();
  await check('refused (unknown card)');
  // A pick-up the nanny may not make: the companion's "see staff" screen, and whatever staff are shown of it.
  await kiosk.typeCard(FATHER_TWO_CHILDREN, 5);
  await page.getByTestId('confirm-button').click();
  await expect(page.getByTestId('done-screen')).toBeVisible();
  await kiosk.typeCard(NANNY_MAY_NOT_COLLECT, 5);
  await expect(page.getByTestId('choose-screen')).toBeVisible();
  await check('choose (see staff)');
  await page.getByTestId('cancel-button').click();
  await expect(page.getByTestId('idle-screen')).toBeVisible();
  // After closing time with children still in, the staff entry counts the alerts (their words are for staff only).
  writeSetting(kiosk.host.databasePath, 'closingTime', '00:00');
  await expect(page.getByTestId('staff-alert-count')).toHaveText('2', { timeout: 15_000 });
  await check('idle with the staff count');
}

/** The door in the evening, after the staff pages: the "is she leaving already?" question and a departure receipt. */
async function evening(kiosk: Kiosk, check: (screen: string) => Promise<void>): Promise<void> {
  const { page } = kiosk;
  // Minutes after they came: the question, its buttons and the tiles before an answer.
  writeSetting(kiosk.host.databasePath, 'repeatWindowSeconds', 0);
  await kiosk.typeCard(GRANDMOTHER_TWO_CHILDREN, 5);
  await expect(page.getByTestId('leaving-question').first()).toBeVisible();
  await check('choose (is she leaving?)');
  await page.getByTestId('cancel-button').click();
  await expect(page.getByTestId('idle-screen')).toBeVisible();
  // The evening pick-up: a departure receipt.
  writeSetting(kiosk.host.databasePath, 'departureGuardMinutes', 0);
  await kiosk.typeCard(FATHER_TWO_CHILDREN, 5);
  await page.getByTestId('confirm-button').click();
  await expect(page.getByTestId('done-screen')).toHaveAttribute('data-kinds', 'departure');
  await check('done (departure)');
}

async function staffAndConsole(kiosk: Kiosk, check: (screen: string) => Promise<void>): Promise<void> {
  const { page } = kiosk;
  await openStaffSignIn(page);
  await check('staff sign-in');
  await page.locator(`[data-testid="staff-name"][data-staff-id="${demoStaff.admin.id}"]`).click();
  await check('staff sign-in: PIN');
  await typePin(page, demoStaff.admin.pin);
  await expect(page.getByTestId('staff-session')).toBeVisible();
  // The home page lists the staff alerts: the refused pick-up and closing time.
  await expect(page.getByTestId('staff-kept-alert')).toHaveCount(1);
  await expect(page.getByTestId('staff-standing-alert')).toHaveCount(1);
  await check('staff home');
  for (const name of STAFF_PAGES) {
    await page.getByTestId(`staff-menu-${name}`).click();
    await check(`staff: ${name}`);
    await page.getByTestId('staff-page-back').click();
  }
  await page.getByTestId('admin-open').click();
  for (const name of CONSOLE_PAGES) {
    const tab = page.getByTestId(`admin-tab-${name}`);
    await tab.click();
    await expect(tab).toHaveAttribute('aria-selected', 'true');
    await check(`console: ${name}`);
  }
}

/** A checker that gathers what axe finds on each screen it is called for; `done` fails with every offender at once. */
function checker(page: Page): { check: (screen: string) => Promise<void>; done: () => void } {
  const offenders: string[] = [];
  const unmeasured: string[] = [];
  return {
    check: async (screen) => {
      await settled(page);
      const found = await contrastFindings(page, screen);
      offenders.push(...found.offenders);
      unmeasured.push(...found.unmeasured);
    },
    done: () => {
      if (unmeasured.length > 0) test.info().annotations.push({ type: 'contrast not measured (look at it)', description: unmeasured.join('\n') });
      expect(offenders, 'text below WCAG AA contrast').toEqual([]);
    },
  };
}

for (const language of ['kk', 'ru'] as const) {
  test(`every screen's text meets WCAG AA contrast in ${language}`, async ({ kiosk }) => {
    test.setTimeout(90_000);
    const { page } = kiosk;
    await page.getByTestId(`language-${language}`).click();
    const { check, done } = checker(page);
    await door(kiosk, check);
    await staffAndConsole(kiosk, check);
    await page.getByTestId('admin-sign-out').click();
    await expect(page.getByTestId('idle-screen')).toBeVisible();
    await evening(kiosk, check);
    done();
  });
}

test("the cannot-record screen's text meets WCAG AA contrast in kk and ru", async ({ page }) => {
  const mounted = mountSmallDisk(8);
  test.skip(mounted.disk === null, `cannot-record contrast skipped: ${mounted.reason ?? ''}`);
  const disk = mounted.disk;
  if (!disk) return;
  const host = await startKioskHost(disk.dir);
  try {
    await openKiosk(page, host);
    const { check, done } = checker(page);
    for (const language of ['kk', 'ru'] as const) {
      await expect(page.getByTestId('idle-screen')).toBeVisible({ timeout: 15_000 });
      await page.getByTestId(`language-${language}`).click();
      disk.fill();
      await typeAsReader(page, cardKeys('0004512346'), 5);
      await expect(page.getByTestId('cannot-record-screen')).toBeVisible();
      await check(`cannot-record (${language})`);
      disk.free();
    }
    done();
  } finally {
    await host.stop();
    disk.unmount();
  }
});
