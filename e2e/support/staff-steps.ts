// Steps the staff specs share: open the staff sign-in from the door, enter a PIN on the keypad, read the staff
// audit trail and write a kiosk setting (or a sync state, as enrolling with a city writes it) into the running kiosk's database.
import type { Page } from '@playwright/test';
import BetterSqlite3 from 'better-sqlite3';
import { expect, readDatabase, type Kiosk } from './kiosk-test.js';

/** Writes a setting while the kiosk runs (kiosk-host.ts, where the peers' proofs find it too). */
export { writeSetting } from './kiosk-host.js';

/** Demo staff (electron/core/staff/demo-staff.ts, README). */
export const demoStaff = {
  admin: { id: 'staff-admin', pin: '2468' },
  nurse: { id: 'staff-nurse', pin: '1357' },
  duty: { id: 'staff-duty', pin: '1234', card: '0007000001' },
} as const;

export async function openStaffSignIn(page: Page): Promise<void> {
  await page.getByTestId('staff-open').click();
  await expect(page.getByTestId('staff-sign-in')).toBeVisible();
}

export async function typePin(page: Page, pin: string): Promise<void> {
  for (const digit of pin) await page.getByTestId(`pin-key-${digit}`).click();
  await page.getByTestId('pin-enter').click();
}

export async function signInByName(page: Page, staffId: string, pin: string): Promise<void> {
  await openStaffSignIn(page);
  await page.locator(`[data-testid="staff-name"][data-staff-id="${staffId}"]`).click();
  await typePin(page, pin);
  await expect(page.getByTestId('staff-session')).toBeVisible();
}

export interface AuditRow {
  action: string;
  staff_id: string | null;
  detail: string;
}

/** The trail of staff acts; the kiosk's own automatic headcount (taken whenever a test runs after the cut-off) is left out. */
export function staffAudit(databasePath: string): AuditRow[] {
  return readDatabase<AuditRow>(databasePath, `SELECT action, staff_id, detail FROM staff_audit WHERE action <> 'headcount' ORDER BY occurred_ms, id`);
}


/** Writes a sync state value while the kiosk runs (`server_url` is what enrolling with a city records). */
export function writeSyncState(databasePath: string, key: string, value: string): void {
  const db = new BetterSqlite3(databasePath, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    db.prepare('INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
  } finally {
    db.close();
  }
}

/** Moves the kiosk's install date `days` back, so the days before today count as days it kept records. */
export function installedDaysAgo(databasePath: string, days: number): void {
  const db = new BetterSqlite3(databasePath, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    db.prepare('UPDATE device SET created_at = ?').run(new Date(Date.now() - days * 86_400_000).toISOString());
  } finally {
    db.close();
  }
}

/**
 * The demo morning the console's papers count: Алиса by her mother's card, Әлихан and Айару (two groups, only their
 * grandmother on the roster) by their grandmother's — three child-days; then the admin signs in and opens the console.
 */
export async function demoMorningThenConsole(kiosk: Kiosk): Promise<void> {
  const { page } = kiosk;
  await kiosk.typeCard('0004512346', 5);
  await expect(page.getByTestId('receipt-entry')).toHaveCount(1);
  await kiosk.typeCard('0004512345', 5);
  await page.getByTestId('confirm-button').click();
  await expect(page.getByTestId('receipt-entry')).toHaveCount(2);
  await signInByName(page, demoStaff.admin.id, demoStaff.admin.pin);
  await page.getByTestId('admin-open').click();
}
