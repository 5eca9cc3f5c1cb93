// The benches' tap source: it stops once, however many "card read" messages were still queued when the run ended
// (each call of a worker's terminate() adds an exit listener; one per queued message passed Node's limit of ten).
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { KioskCore } from '../electron/core/kiosk-core.js';
import { manualClock, tempDataDir } from '../electron/core/testing/fixtures.js';
import { singleChildCards, timeCoreTaps } from './core-taps.js';

/** Holds this thread for `ms`, as a slow tap or a busy core would: the tap source's messages queue up meanwhile. */
function holdThread(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // busy on purpose
  }
}

describe('the benches’ tap source', () => {
  it('ends its thread once when a run stops with reads still queued', async () => {
    const dataDir = tempDataDir();
    const clock = manualClock('2026-12-03T03:00:00.000Z');
    const core = new KioskCore({ dataDir, demo: true, clock, log: () => undefined });
    onTestFinished(() => core.close());
    const cards = singleChildCards(join(dataDir, 'esik.sqlite'));
    expect(cards.length).toBeGreaterThan(0);
    const warnings: Error[] = [];
    const heard = (warning: Error): void => void warnings.push(warning);
    process.on('warning', heard);
    onTestFinished(() => void process.off('warning', heard));

    let held = false;
    const times = await timeCoreTaps(core, cards, clock, {
      max: 1,
      // The first check holds the thread for 300 ms: about thirty reads are queued when the one tap has been timed.
      keepGoing: () => {
        if (!held) holdThread(300);
        held = true;
        return true;
      },
    });
    // Node reports a listener leak on the next tick.
    await new Promise((resolve) => setImmediate(resolve));

    expect(times).toHaveLength(1);
    expect(warnings.filter((w) => w.name === 'MaxListenersExceededWarning').map((w) => w.message)).toEqual([]);
  });
});
