// Card taps through the whole door path: keys typed into real Chromium at reader speed → web host → core →
// durable insert → receipt painted. Timed inside the page from the burst's Enter to the frame that shows it, and split
// at the reply read off the WebSocket and the receipt's commit (tap_to_confirm_{reply,render,frame}_p50/p95_ms).
// Alone: `npx tsx bench/tap-to-confirm-main.ts [taps]` (after `npm run build`).
import { writeSetting } from '../e2e/support/staff-steps.js';
import { chromium, type Page } from 'playwright-core';
import { chromiumExecutable } from '../e2e/support/browser.js';
import { cardKeys, typeAsReader } from '../e2e/support/card-reader.js';
import { readDatabase } from '../e2e/support/kiosk-test.js';
import { startKioskHost } from '../e2e/support/kiosk-host.js';
import { percentile, report } from './stats.js';

interface CardRow {
  value: string;
  children: number;
}

/** How long the page waits for a screen's mark before the bench gives up. */
const MARK_TIMEOUT_MS = 10_000;

/**
 * Waits inside the page until `to` is marked, without polling. Playwright's waitForFunction polls on
 * requestAnimationFrame, which keeps the page drawing a frame every vsync: the receipt then waited for the next tick
 * of a frame loop the kiosk never runs (it draws only when something changed, see camera/frame-scanner.ts), 0 to
 * 16.7 ms added to the tap by the bench itself.
 */
async function waitForMark(page: Page, to: string): Promise<void> {
  await page.evaluate(
    ([name, timeoutMs]) =>
      new Promise<void>((resolve, reject) => {
        if (performance.getEntriesByName(name).length > 0) {
          resolve();
          return;
        }
        const observer = new PerformanceObserver((list) => {
          if (list.getEntriesByName(name).length === 0) return;
          observer.disconnect();
          clearTimeout(timer);
          resolve();
        });
        const timer = setTimeout(() => {
          observer.disconnect();
          reject(new Error(`${name} not marked in ${timeoutMs} ms`));
        }, timeoutMs);
        observer.observe({ type: 'mark' });
      }),
    [to, MARK_TIMEOUT_MS] as const,
  );
}

async function markGap(page: Page, from: string, to: string): Promise<number> {
  await waitForMark(page, to);
  return page.evaluate(([a, b]) => {
    const start = performance.getEntriesByName(a).at(-1);
    const end = performance.getEntriesByName(b).at(-1);
    if (!start || !end) throw new Error('marks missing');
    return end.startTime - start.startTime;
  }, [from, to] as const);
}

const TAP_PARTS = ['reply', 'render', 'frame'] as const;
type TapPart = (typeof TAP_PARTS)[number];

/** The last tap cut at the reply read off the socket and the receipt's commit to the DOM. */
async function tapSplit(page: Page): Promise<Record<TapPart, number>> {
  // One array of start times, not a helper inside evaluate: the page has none of the bundler's helpers for named functions.
  const names = ['esik:card-burst-end', 'esik:reply-received', 'esik:screen-committed', 'esik:receipt-visible'];
  const times = await page.evaluate((marks) => marks.map((name) => performance.getEntriesByName(name).at(-1)?.startTime ?? Number.NaN), names);
  const [burst = Number.NaN, reply = Number.NaN, committed = Number.NaN, painted = Number.NaN] = times;
  if (times.some(Number.isNaN)) throw new Error(`a mark of the tap is missing: ${JSON.stringify(times)}`);
  return { reply: reply - burst, render: committed - reply, frame: painted - committed };
}

async function tap(page: Page, card: string): Promise<void> {
  await page.evaluate(() => performance.clearMarks());
  await typeAsReader(page, cardKeys(card.padStart(10, '0')), 5);
}

export async function benchTapToConfirm(dataDir: string, taps = 200): Promise<void> {
  const host = await startKioskHost(dataDir);
  // The same cards come round every few seconds here: off with the guard that asks before a departure just after the
  // arrival, so every tap of a single-child card ends on a receipt (its own figure, the choose screen's, is below).
  writeSetting(host.databasePath, 'departureGuardMinutes', 0);
  const browser = await chromium.launch({
    executablePath: chromiumExecutable(),
    args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(host.url);
    await page.locator('body[data-ready="true"]').waitFor({ state: 'attached' });
    // The click is timed from when the page receives it, not from when the test driver starts moving the mouse.
    await page.evaluate(() =>
      window.addEventListener(
        'click',
        (event) => {
          if (event.target instanceof Element && event.target.closest('[data-testid="confirm-button"]')) performance.mark('esik:confirm-click');
        },
        { capture: true },
      ),
    );
    const cards = readDatabase<CardRow>(
      host.databasePath,
      `SELECT cr.value, count(l.child_id) AS children FROM credentials cr
         JOIN companion_children l ON l.companion_id = cr.companion_id
        -- Companions who may both bring and collect: every tap of theirs records something.
        WHERE cr.kind = 'rfid' AND cr.revoked_at IS NULL AND l.may_bring = 1 AND l.may_collect = 1 AND l.blocked = 0
        GROUP BY cr.id ORDER BY cr.id`,
    );
    const single = cards.filter((c) => c.children === 1);
    const multi = cards.filter((c) => c.children > 1);

    const tapToConfirm: number[] = [];
    const split: Record<TapPart, number[]> = { reply: [], render: [], frame: [] };
    for (let i = 0; i < taps; i++) {
      await tap(page, (single[i % single.length] as CardRow).value);
      tapToConfirm.push(await markGap(page, 'esik:card-burst-end', 'esik:receipt-visible'));
      const parts = await tapSplit(page);
      for (const part of TAP_PARTS) split[part].push(parts[part]);
    }
    report('tap_to_confirm_p95_ms', percentile(tapToConfirm, 95), 'ms');
    // Where a tap's time goes: the core's round trip over the WebSocket (identify, the durable insert), React's render
    // of the receipt, and the wait for the browser's next frame (0 to 16.7 ms at 60 Hz, whatever the kiosk does).
    for (const part of TAP_PARTS) {
      report(`tap_to_confirm_${part}_p50_ms`, percentile(split[part], 50), 'ms');
      report(`tap_to_confirm_${part}_p95_ms`, percentile(split[part], 95), 'ms');
    }

    const tapToChoose: number[] = [];
    const confirmToReceipt: number[] = [];
    for (let i = 0; i < Math.min(50, multi.length); i++) {
      await tap(page, (multi[i] as CardRow).value);
      tapToChoose.push(await markGap(page, 'esik:card-burst-end', 'esik:choose-visible'));
      await page.evaluate(() => performance.clearMarks('esik:receipt-visible'));
      await page.getByTestId('confirm-button').click();
      confirmToReceipt.push(await markGap(page, 'esik:confirm-click', 'esik:receipt-visible'));
    }
    report('tap_to_choose_p95_ms', percentile(tapToChoose, 95), 'ms');
    report('confirm_to_receipt_p95_ms', percentile(confirmToReceipt, 95), 'ms');
  } finally {
    await browser.close();
    await host.stop();
  }
}
