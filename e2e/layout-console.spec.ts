// The console and the staff screens at every screen size a kiosk comes in, in Kazakh and Russian: each main page is
// laid out without overlaps, cut text or touch targets under 48 px (56 px on the staff sign-in, which is at the door)
// (support/layout-check.ts), and the Kazakh pages are saved as PNGs at 1280×800 and 1080×1920 for a reviewer
// (test-results/screens/). One kiosk per language: the page is resized between sizes, not reopened.
import type { Page, TestInfo } from '@playwright/test';
import { join } from 'node:path';
import { expect, test, type Kiosk } from './support/kiosk-test.js';
import { CONSOLE_TARGET_PX, DOOR_TARGET_PX, layoutProblems, SCREEN_SIZES, SCREENSHOT_SIZES } from './support/layout-check.js';
import { demoStaff, openStaffSignIn, typePin, writeSetting } from './support/staff-steps.js';

type Language = 'kk' | 'ru';

interface Walk {
  page: Page;
  language: Language;
  testInfo: TestInfo;
}

/** Lays the page out at every size and reports what the check finds (softly: one run lists every page's faults). */
async function atEverySize(walk: Walk, name: string, minTarget = CONSOLE_TARGET_PX, atSize?: (size: string) => Promise<void>): Promise<void> {
  const { page, language, testInfo } = walk;
  for (const size of SCREEN_SIZES) {
    await page.setViewportSize(size);
    // Looked at after a whole frame: a resize's ResizeObserver callbacks (the табель pins its sticky columns in one) run
    // in the frame after the resize, and a look taken before them saw the columns still at the old size's places.
    await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
    const label = `${size.width}x${size.height}`;
    expect.soft(await layoutProblems(page, 'body', { minTarget }), `console ${name} at ${label} in ${language}`).toEqual([]);
    if (atSize) await atSize(label);
    if (language === 'kk' && SCREENSHOT_SIZES.has(label)) {
      await page.screenshot({ path: join(testInfo.project.outputDir, 'screens', `console-${name}-${label}-kk.png`) });
    }
  }
}

async function tab(walk: Walk, name: string, ready: string, atSize?: (size: string) => Promise<void>): Promise<void> {
  await walk.page.getByTestId(`admin-tab-${name}`).click();
  await expect(walk.page.getByTestId(ready).first()).toBeVisible();
  await atEverySize(walk, name, CONSOLE_TARGET_PX, atSize);
}

/** How far past its scrolling box the табель's last totals column reaches (0 or less: all totals in view). */
function totalsPastTheEdge(page: Page): Promise<number> {
  return page.evaluate(() => {
    const box = document.querySelector('.tabel-scroll')?.getBoundingClientRect();
    const heads = Array.from(document.querySelectorAll('[data-testid=tabel-grid] thead .tabel-total'));
    if (!box || heads.length === 0) return Infinity;
    return Math.max(...heads.map((h) => h.getBoundingClientRect().right)) - Math.min(box.right, window.innerWidth);
  });
}

async function walkTheConsole(kiosk: Kiosk, language: Language, testInfo: TestInfo): Promise<void> {
  const { page } = kiosk;
  const walk: Walk = { page, language, testInfo };
  // Closing time only when the walk asks for it, whatever the hour the test runs at: past it, the sign-in would open
  // the Closing page instead of the menu ('23:59' would take a run at the last minute of the day).
  writeSetting(kiosk.host.databasePath, 'closingTime', '23:59');
  await page.getByTestId(`language-${language}`).click();
  await expect(page.locator('html')).toHaveAttribute('lang', language);
  // The morning: Алиса by her mother's card, Әлихан and Айару by their grandmother's; an unknown card refused.
  await kiosk.typeCard('0004512346', 5);
  await expect(page.getByTestId('receipt-entry')).toHaveCount(1);
  await kiosk.typeCard('0004512345', 5);
  await page.getByTestId('confirm-button').click();
  await expect(page.getByTestId('receipt-entry')).toHaveCount(2);
  await kiosk.typeCard('0009999999', 5);
  await expect(page.getByTestId('error-message')).toBeVisible();

  // The staff sign-in, at the door: the names, then the PIN pad.
  await openStaffSignIn(page);
  await atEverySize(walk, 'sign-in', DOOR_TARGET_PX, async (size) => {
    // Name buttons at the door are at least 56 px high, whatever the size.
    const heights = await page.getByTestId('staff-name').evaluateAll((buttons) => buttons.map((b) => b.getBoundingClientRect().height));
    expect.soft(Math.min(...heights), `staff name buttons at ${size}`).toBeGreaterThanOrEqual(DOOR_TARGET_PX);
  });
  await page.locator(`[data-testid="staff-name"][data-staff-id="${demoStaff.admin.id}"]`).click();
  await typePin(page, demoStaff.admin.pin);
  await expect(page.getByTestId('staff-session')).toBeVisible();
  await atEverySize(walk, 'staff-home');

  // The absence form with a child chosen: its Save stays in view.
  await page.getByTestId('staff-menu-absence').click();
  await page.getByTestId('staff-search').fill(language === 'kk' ? 'әлихан' : 'алихан');
  await page.locator('[data-testid="staff-child"][data-child-id="ch0001"]').click();
  await expect(page.getByTestId('absence-form')).toBeVisible();
  await atEverySize(walk, 'absence', CONSOLE_TARGET_PX, async (size) => {
    await expect.soft(page.getByTestId('absence-save'), `absence Save at ${size}`).toBeInViewport();
  });
  await page.getByTestId('staff-page-back').click();

  // Closing time has passed: the children still in are listed, compact.
  writeSetting(kiosk.host.databasePath, 'closingTime', '00:00');
  await page.getByTestId('staff-menu-closing').click();
  await expect(page.getByTestId('closing-child')).toHaveCount(3);
  await atEverySize(walk, 'closing', CONSOLE_TARGET_PX, async (size) => {
    if (size !== '1280x800') return;
    // At least eight children fit one screen: a row is at most an eighth of what is left under the header.
    const row = await page.getByTestId('closing-child').first().boundingBox();
    expect.soft(row?.height ?? Infinity, 'a closing row at 1280x800').toBeLessThanOrEqual(80);
  });
  await page.getByTestId('staff-page-back').click();
  await page.getByTestId('staff-menu-headcount').click();
  await expect(page.getByTestId('headcount-page')).toBeVisible();
  await atEverySize(walk, 'headcount');
  await page.getByTestId('staff-page-back').click();
  await page.getByTestId('staff-menu-events').click();
  await expect(page.getByTestId('events-page')).toBeVisible();
  await atEverySize(walk, 'events');
  await page.getByTestId('staff-page-back').click();

  await page.getByTestId('admin-open').click();
  await expect(page.getByTestId('admin-console')).toBeVisible();
  await atEverySize(walk, 'today');
  await tab(walk, 'log', 'log-entry', async (size) => {
    // The filters are one compact bar, not 40 % of the screen.
    const bar = await page.getByTestId('log-filters').boundingBox();
    expect.soft(bar?.height ?? Infinity, `the log's filters at ${size}`).toBeLessThanOrEqual(100);
  });
  await tab(walk, 'refused', 'refused-entry');
  await tab(walk, 'tabel', 'tabel-grid', async (size) => {
    expect.soft(await totalsPastTheEdge(page), `the табель's totals in view at ${size}`).toBeLessThanOrEqual(1);
  });
  await tab(walk, 'staff', 'staff-accounts');
  await tab(walk, 'settings', 'admin-settings');
  await tab(walk, 'backups', 'admin-backups');
  await tab(walk, 'diagnostics', 'admin-diagnostics');
  // The kindergarten's computers, with the PIN asked again for Add a computer open.
  await tab(walk, 'computers', 'computers-add-open');
  await page.getByTestId('computers-add-open').click();
  await expect(page.getByTestId('computers-add-pin')).toBeVisible();
  await atEverySize(walk, 'computers-add');
}

for (const language of ['kk', 'ru'] as const) {
  test(`the console's pages in ${language} have no overlap, cut text or small targets at five sizes`, async ({ kiosk }, testInfo) => {
    test.setTimeout(150_000);
    await walkTheConsole(kiosk, language, testInfo);
  });
}
