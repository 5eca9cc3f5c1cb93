// The Playwright fixture: every test gets its own data folder, its own web host process and a page on it,
// and fails if the page logged an error (a CSP violation included).
import { test as base, expect, type Page } from '@playwright/test';
import BetterSqlite3 from 'better-sqlite3';
import { cardKeys, typeAsReader } from './card-reader.js';
import { startKioskHost, withoutEveningPickup, type RunningHost } from './kiosk-host.js';

export interface StoredEvent {
  child_id: string;
  kind: string;
  method: string;
  companion_id: string | null;
}

export interface Kiosk {
  host: RunningHost;
  page: Page;
  /** Types like a keyboard-mode reader (or a person) would: the digits, then Enter, `delayMs` apart. */
  typeCard(digits: string, delayMs: number): Promise<void>;
  events(): StoredEvent[];
  refusedAttempts(): { presented: string; reason: string }[];
}

export function readDatabase<T>(path: string, sql: string): T[] {
  const db = new BetterSqlite3(path, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}

export async function openKiosk(page: Page, host: RunningHost): Promise<void> {
  await page.goto(host.url);
  await expect(page.locator('body[data-ready="true"]')).toBeAttached();
}

export const test = base.extend<{ kiosk: Kiosk; hostArgs: string[] }>({
  hostArgs: [[], { option: true }],
  kiosk: async ({ page, hostArgs }, use, testInfo) => {
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(message.text());
    });
    const host = withoutEveningPickup(await startKioskHost(testInfo.outputPath('data'), hostArgs));
    let errorsWhileRunning: string[] = [];
    try {
      await openKiosk(page, host);
      await use({
        host,
        page,
        typeCard: (digits, delayMs) => typeAsReader(page, cardKeys(digits), delayMs),
        events: () => readDatabase<StoredEvent>(host.databasePath, 'SELECT child_id, kind, method, companion_id FROM attendance_events ORDER BY device_seq'),
        refusedAttempts: () => readDatabase(host.databasePath, 'SELECT presented, reason FROM refused_attempts ORDER BY occurred_ms'),
      });
      // Taken before the host stops: the page rightly complains once its host is gone.
      errorsWhileRunning = [...pageErrors];
    } finally {
      await host.stop();
    }
    expect(errorsWhileRunning, 'errors logged by the page').toEqual([]);
  },
});

export { expect };
